import { AstUtils } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { isFlow, isProcess, isThreat } from '../../generated/ast.js';
import { listInProse } from '../../shared/prose.js';
import type { FixContext } from './fix-context.js';
import { quickFix } from './fix-context.js';
import { declareScenario } from './scenario-from-selection.js';
import { insertIntoBody } from './text-edits.js';
import { capText, quote } from '../../validation/quote.js';

/** `tm/boundary-crossing-unprotected`: mark the flow `encrypted` and/or `authenticated`, all at once or one by one. */
export function fixUnprotectedCrossing(context: FixContext): CodeAction[] {
    const flow = AstUtils.getContainerOfType(context.node, isFlow);
    const properties = (context.data.properties ?? []).filter(p => p === 'encrypted' || p === 'authenticated');
    if (!flow || properties.length === 0) return [];
    const quoted = properties.map(p => `'${p}'`);
    const actions = quickFix(context, `Mark ${quote(flow.name)} ${listInProse(quoted)}`, [insertIntoBody(context.document, flow, properties)], true);
    if (properties.length > 1) {
        for (const property of properties) {
            actions.push(...quickFix(context, `Mark ${quote(flow.name)} '${property}'`, [insertIntoBody(context.document, flow, [property])]));
        }
    }
    return actions;
}

/** `tm/entrypoint-missing`: mark the process `entrypoint`. */
export function fixMissingEntrypoint(context: FixContext): CodeAction[] {
    const process = AstUtils.getContainerOfType(context.node, isProcess);
    if (!process || process.entrypoint) return [];
    return quickFix(context, `Mark ${quote(process.name)} as an entry point`, [insertIntoBody(context.document, process, ['entrypoint'])], true);
}

/** `tm/threat-without-asset`: name the assets the threat's targets hold. */
export function fixThreatWithoutAsset(context: FixContext): CodeAction[] {
    const threat = AstUtils.getContainerOfType(context.node, isThreat);
    const assets = context.data.assets ?? [];
    if (!threat || assets.length === 0 || !assets.every(a => /^[_a-zA-Z]\w*$/.test(a))) return [];
    return quickFix(context, `Add 'assets ${assets.map(capText).join(', ')}' to ${quote(threat.name)}`, [insertIntoBody(context.document, threat, [`assets ${assets.join(', ')}`])], true);
}

/** `tm/element-in-no-scenario` on a flow: start a scenario from it, declared after the flow. */
export function fixFlowInNoScenario(context: FixContext): CodeAction[] {
    const flow = AstUtils.getContainerOfType(context.node, isFlow);
    if (!flow?.name) return [];
    return quickFix(context, `Create a scenario with flow ${quote(flow.name)}`, [declareScenario(context.document, [flow], context.names)]);
}
