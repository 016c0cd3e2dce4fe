import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { AstUtils, GrammarUtils } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { isMitigation } from '../generated/ast.js';
import { IssueCodes } from '../validation/issue-codes.js';
import { resolveLinkedPath } from '../workspace/source-files.js';
import type { LoadedFile } from './load-workspace.js';

/** Runs git in `cwd`; undefined when it fails (no repository, no git, nothing committed). */
function git(cwd: string, args: readonly string[]): string | undefined {
    try {
        return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
        return undefined;
    }
}

/**
 * `tm/implementation-stale` (TMA step 7, keep the model in sync): a mitigation whose
 * `implementedIn` file changed in commits newer than the last commit of its `.tm` file was last
 * reviewed before that change. Runs git, so only `tml check --stale` asks for it, never the editor.
 */
export function staleImplementations(file: LoadedFile): Diagnostic[] {
    const folder = dirname(file.path);
    const reviewed = git(folder, ['log', '-1', '--format=%H', '--', file.path]);
    if (!reviewed) return [];
    const result: Diagnostic[] = [];
    for (const mitigation of AstUtils.streamAst(file.document.parseResult.value).filter(isMitigation)) {
        const linked = resolveLinkedPath(file.document.uri, mitigation.implementedIn);
        const cst = GrammarUtils.findNodeForProperty(mitigation.$cstNode, 'implementedIn');
        if (!linked || !cst) continue;
        const count = Number(git(folder, ['rev-list', '--count', `${reviewed}..HEAD`, '--', linked.file.fsPath]) ?? '0');
        if (!(count > 0)) continue;
        const path = (mitigation.implementedIn ?? '').split('#')[0]!.trim();
        result.push({
            range: cst.range,
            severity: DiagnosticSeverity.Information,
            code: IssueCodes.ImplementationStale,
            source: 'threat-model',
            data: { code: IssueCodes.ImplementationStale },
            message: `${path} changed after this model was last reviewed (${count} ${count === 1 ? 'commit' : 'commits'} since ${reviewed.slice(0, 7)}). ` +
                `Review mitigation '${mitigation.name}' against it, then commit the model.`,
        });
    }
    return result;
}
