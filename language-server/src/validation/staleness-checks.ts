import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Mitigation } from '../generated/ast.js';
import type { LinkedFiles } from '../workspace/source-files.js';
import type { StalenessTracker } from '../workspace/staleness.js';
import { IssueCodes } from './issue-codes.js';
import { diagnose } from './diagnose.js';
import { capText, quote } from './quote.js';

/**
 * `tm/implementation-stale` (TMA step 7, keep the model in sync): the file a mitigation is
 * implemented in changed in commits newer than the last commit of its model, so the model was
 * last reviewed before that change. Answers from what git said last; never waits for git.
 */
export function checkImplementationFresh(mitigation: Mitigation, accept: ValidationAcceptor, staleness: StalenessTracker, linkedFiles: LinkedFiles): void {
    const document = AstUtils.getDocument(mitigation);
    const linked = linkedFiles.resolve(document.uri, mitigation.implementedIn);
    const stale = linked?.kind === 'file' && staleness.lookup(document, linked.file);
    if (!stale) return;
    const path = (mitigation.implementedIn ?? '').split('#')[0]!.trim();
    const commits = `${stale.commits} ${stale.commits === 1 ? 'commit' : 'commits'}`;
    diagnose(accept, IssueCodes.ImplementationStale,
        `${capText(path)} changed after this model was last reviewed (${commits} since ${stale.reviewed.slice(0, 7)}). ` +
        `Review mitigation ${quote(mitigation.name)} against it, then commit the model.`,
        { node: mitigation, property: 'implementedIn' });
}
