import { pathToFileURL } from 'node:url';
import { NodeThreatModelContext, NodeThreatModelContextWithGit } from '../node-context.js';
import type { Finding } from '../generator/findings.js';
import { formatJson, isAtOrAbove } from '../generator/findings.js';
import { formatGitLab } from '../generator/gitlab.js';
import type { SarifOptions } from '../generator/sarif.js';
import { formatSarif } from '../generator/sarif.js';
import { textPieces } from '../generator/text.js';
import { createThreatModelServices } from '../threat-model-module.js';
import { findingsOfDocuments } from '../validation/document-findings.js';
import type { CheckOptions, FailOn } from './options.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import type { LoadedFile } from './load-workspace.js';
import { findingReferences } from './finding-references.js';
import { displayPath, findModelFiles, loadWorkspace, MODEL_FILE_EXTENSION } from './load-workspace.js';
import { rulesInForce } from './rules-command.js';

/** Exit code when there are findings at or above `--fail-on` (README.md#the-tml-command-line). */
export const EXIT_FINDINGS = 1;

/**
 * `tml check`: builds every model file given (default: the current directory) as one workspace,
 * prints the findings in the chosen format on stdout and returns the exit code.
 * @throws CliError when no model file is found or one cannot be read.
 */
export async function runCheck(options: CheckOptions, io: CliIo, toolVersion: string): Promise<number> {
    const paths = options.paths.length > 0 ? options.paths : ['.'];
    const files = await findModelFiles(paths, io.cwd);
    if (files.length === 0) {
        // Passing silently would let a mistyped path in CI check nothing, forever.
        throw new CliError(`no ${MODEL_FILE_EXTENSION} files found in ${paths.join(', ')}`);
    }
    const { shared, ThreatModel } = createCheckServices(options.stale === true);
    ThreatModel.workspace.ModelIndex.ruleSources = options.rules;
    const staleness = ThreatModel.workspace.Staleness;
    const loaded = await loadWorkspace(shared, files, io.cwd, options.stale ? async documents => {
        for (const document of documents) await staleness.refresh(document);
    } : undefined);
    const findings = collectFindings(loaded, io.cwd);
    const rules = options.format === 'sarif' ? rulesInForce(loaded, shared.workspace.LangiumDocuments, ThreatModel.workspace.ModelIndex, io.cwd) : [];
    if (options.format === 'text') {
        for (const piece of textPieces(findings, loaded.length)) io.stdout(piece);
    } else {
        io.stdout(formatFindings(findings, options.format, options, io.cwd, toolVersion, {
            threatRules: rules.map(r => r.summary),
            referencesOf: findingReferences(loaded, rules, io.cwd),
        }));
    }
    return exitCodeFor(findings, options.failOn);
}

/**
 * The services of a `tml check`: a batch build, which keeps nothing for a later one. Git is asked
 * only with `--stale`, and before validation, so tm/implementation-stale is found like any other code.
 */
export function createCheckServices(stale: boolean): ReturnType<typeof createThreatModelServices> {
    return createThreatModelServices({ ...(stale ? NodeThreatModelContextWithGit : NodeThreatModelContext), batch: true });
}

/**
 * The findings of every file, sorted. A file the build left unvalidated has a `tm/internal-error`
 * finding rather than none: no failure of tml may make a file pass.
 */
export function collectFindings(loaded: readonly LoadedFile[], cwd: string): Finding[] {
    return findingsOfDocuments(loaded.map(({ path, document }) => ({ file: displayPath(cwd, path), document })));
}

/** The findings in a format other than text (which is written in pieces). */
function formatFindings(findings: readonly Finding[], format: Exclude<CheckOptions['format'], 'text'>, options: CheckOptions, cwd: string, toolVersion: string, knowledge: Pick<SarifOptions, 'threatRules' | 'referencesOf'>): string {
    switch (format) {
        case 'json':
            return formatJson(findings);
        case 'sarif':
            return formatSarif(findings, { toolVersion, sourceRootUri: folderUri(cwd), ...knowledge, ...(options.bugUrl ? { bugUrl: options.bugUrl } : {}) });
        case 'gitlab':
            return formatGitLab(findings);
    }
}

/** SARIF requires a base URI to end in `/`, or the last segment would be replaced when resolving. */
function folderUri(folder: string): string {
    const href = pathToFileURL(folder).href;
    return href.endsWith('/') ? href : `${href}/`;
}

/** 1 when a finding is at or above `failOn` (never with `none`), else 0. */
export function exitCodeFor(findings: readonly Finding[], failOn: FailOn): number {
    if (failOn === 'none') return 0;
    return findings.some(finding => isAtOrAbove(finding.severity, failOn)) ? EXIT_FINDINGS : 0;
}
