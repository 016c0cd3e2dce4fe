import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Mitigation, Threat } from '../generated/ast.js';
import { hasText } from '../model/responses.js';
import type { RefusedReason } from '../workspace/linked-path.js';
import type { LinkedFiles } from '../workspace/source-files.js';
import { IssueCodes } from './issue-codes.js';
import { quote } from './quote.js';
import { diagnose } from './diagnose.js';

/**
 * `tm/linked-file-missing`: TMA step 6 implements and tests each mitigation; a path to its code
 * or test that leads nowhere means the file moved or the link was never true. Resolved relative
 * to the `.tm` file; `#L10` or `#symbol` after the path is not checked.
 * `tm/linked-file-outside`: a path tml refuses to follow (another host, an absolute path, out of
 * the workspace folder); it is neither probed nor linked, so this finding is all that is said of it.
 */
export function checkLinkedFiles(mitigation: Mitigation, accept: ValidationAcceptor, linkedFiles: LinkedFiles): void {
    const model = AstUtils.getDocument(mitigation).uri;
    for (const property of ['implementedIn', 'verifiedBy'] as const) {
        const text = mitigation[property];
        const linked = linkedFiles.resolve(model, text);
        const clause = `${quote(text)} (${property} of mitigation ${quote(mitigation.name)})`;
        if (linked?.kind === 'refused') {
            diagnose(accept, IssueCodes.LinkedFileOutside, `${clause} ${REFUSED[linked.reason]}`, { node: mitigation, property });
        } else if (linked && !linked.exists) {
            diagnose(accept, IssueCodes.LinkedFileMissing,
                `${clause} does not exist relative to this model. Fix the path, or remove it if the file is gone.`,
                { node: mitigation, property });
        }
    }
}

const INSIDE = 'Use a path relative to this model, inside the workspace.';

/** What `tm/linked-file-outside` says after the path, per reason. */
const REFUSED: Readonly<Record<RefusedReason, string>> = {
    network: `is a network path; tml never opens one, so that a model cannot make the editor or CI contact another host. ${INSIDE}`,
    absolute: `is an absolute path; tml only links files inside the workspace folder, by paths relative to the model. ${INSIDE}`,
    outside: `leads outside the workspace folder; tml only links files inside it. ${INSIDE}`,
    backslash: "contains '\\', which Windows reads as a separator or the start of a network path; tml only follows paths written with '/'. Write it with '/', relative to this model.",
};

/** `tm/verified-without-test`: a mitigation claimed verified should say which test verifies it. */
export function checkVerifiedHasTest(mitigation: Mitigation, accept: ValidationAcceptor): void {
    if (mitigation.status !== 'verified' || hasText(mitigation.verifiedBy)) return;
    diagnose(accept, IssueCodes.VerifiedWithoutTest,
        `Mitigation ${quote(mitigation.name)} is verified but names no test. Add 'verifiedBy "path/to/test"'.`,
        { node: mitigation, property: 'status' });
}

/** `tm/fix-only-planned`: a threat to be fixed whose every mitigation is still planned is not fixed yet. */
export function checkFixImplemented(threat: Threat, accept: ValidationAcceptor): void {
    if (threat.response !== 'fix') return;
    const mitigations = threat.mitigatedBy.map(m => m?.ref).filter((m): m is Mitigation => m !== undefined);
    if (mitigations.length === 0 || !mitigations.every(m => m.status === 'planned')) return;
    diagnose(accept, IssueCodes.FixOnlyPlanned,
        `Threat ${quote(threat.name)} is to be fixed, but its ${mitigations.length === 1 ? 'mitigation is' : 'mitigations are all'} planned, not implemented.`,
        { node: threat, keyword: 'response' });
}
