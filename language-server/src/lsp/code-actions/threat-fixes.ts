import { AstUtils } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { isDread, isThreat } from '../../generated/ast.js';
import type { Threat } from '../../generated/ast.js';
import { DREAD_FACTORS } from '../../model/risk.js';
import type { FixContext } from './fix-context.js';
import { quickFix } from './fix-context.js';
import { INDENT, insertAfterDeclaration, insertIntoBody, quote } from './text-edits.js';

function threatAt(context: FixContext): Threat | undefined {
    return AstUtils.getContainerOfType(context.node, isThreat);
}

/** `tm/threat-unmitigated`: link a new mitigation stub, or accept the risk with a reason to fill in. */
export function fixThreatUnmitigated(context: FixContext): CodeAction[] {
    const threat = threatAt(context);
    if (!threat) return [];
    const { document } = context;
    const mitigation = context.names.claim(`${threat.name}Mitigation`);
    const stub = [
        `mitigation ${mitigation} ${quote(`TODO: how ${threat.name} is mitigated`)} {`,
        `${INDENT}technique "TODO"`,
        `${INDENT}status planned`,
        '}',
    ].join('\n');
    const clauses = threat.response ? [`mitigatedBy ${mitigation}`] : ['response fix', `mitigatedBy ${mitigation}`];
    const actions = quickFix(context, `Mitigate '${threat.name}' with a new mitigation '${mitigation}'`,
        [insertIntoBody(document, threat, clauses), insertAfterDeclaration(document, threat, [stub])], true);
    if (!threat.response) {
        actions.push(...quickFix(context, `Accept the risk of '${threat.name}' (with a justification to write)`,
            [insertIntoBody(document, threat, ['response accept', `justification ${quote('TODO: why this risk is acceptable')}`])]));
    }
    return actions;
}

/** `tm/accept-without-justification` */
export function fixMissingJustification(context: FixContext): CodeAction[] {
    const threat = threatAt(context);
    if (!threat) return [];
    const reason = threat.response === 'remove' ? 'TODO: how the problem was removed' : 'TODO: why this risk is acceptable';
    return quickFix(context, `Add a justification to '${threat.name}'`, [insertIntoBody(context.document, threat, [`justification ${quote(reason)}`])], true);
}

/** `tm/warn-without-text` */
export function fixMissingWarning(context: FixContext): CodeAction[] {
    const threat = threatAt(context);
    if (!threat) return [];
    return quickFix(context, `Add the warning text of '${threat.name}'`, [insertIntoBody(context.document, threat, [`warning ${quote('TODO: the warning users will see')}`])], true);
}

/** `tm/fix-without-bug` */
export function fixMissingBug(context: FixContext): CodeAction[] {
    const threat = threatAt(context);
    if (!threat) return [];
    return quickFix(context, `Add a bug number to '${threat.name}'`, [insertIntoBody(context.document, threat, [`bug ${quote('TODO')}`])], true);
}

/** `tm/dread-missing`: a skeleton with every factor at 0, to be scored. */
export function fixMissingDread(context: FixContext): CodeAction[] {
    const threat = threatAt(context);
    if (!threat) return [];
    const skeleton = `dread { ${DREAD_FACTORS.map(f => `${f} 0`).join(' ')} }`;
    return quickFix(context, `Add a DREAD rating to '${threat.name}' (all factors 0, to be scored)`, [insertIntoBody(context.document, threat, [skeleton])], true);
}

/** `tm/dread-incomplete`: only the absent factors, at 0. */
export function fixIncompleteDread(context: FixContext): CodeAction[] {
    const dread = AstUtils.getContainerOfType(context.node, isDread);
    const factors = context.data.factors ?? [];
    if (!dread || factors.length === 0) return [];
    return quickFix(context, `Add the missing DREAD factors (${factors.join(', ')}) at 0`,
        [insertIntoBody(context.document, dread, factors.map(f => `${f} 0`))], true);
}
