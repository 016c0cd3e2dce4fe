import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildDfdModel } from '../../../language-server/src/dfd/build-graph.js';
import { toDot } from '../../../language-server/src/dfd/dot.js';
import { formatDiagramJson, scenarioInfos } from '../../../language-server/src/dfd/json.js';
import { toMermaid } from '../../../language-server/src/dfd/mermaid.js';
import { modelsByUri } from '../../../language-server/src/dfd/select.js';
import { renderSvg } from '../../../language-server/src/dfd/svg.js';
import { isModel } from '../../../language-server/src/generated/ast.js';
import { findingFromDiagnostic, formatJson, sortFindings } from '../../../language-server/src/generator/findings.js';
import { generateSecurityReport } from '../../../language-server/src/generator/report-document.js';
import { formatSarif } from '../../../language-server/src/generator/sarif.js';
import { formatText } from '../../../language-server/src/generator/text.js';
import { buildThreatTable } from '../../../language-server/src/generator/table-builder.js';
import { formatThreatTable } from '../../../language-server/src/generator/table-format.js';
import { TABLE_FORMATS } from '../../../language-server/src/shared/formats.js';
import type { ModelFile } from '../../../language-server/src/generator/table-scope.js';
import { workspaceTableInput } from '../../../language-server/src/generator/table-scope.js';
import type { ThreatModelCodeActionProvider } from '../../../language-server/src/lsp/code-actions/code-action-provider.js';
import { FIX_ALL_KIND } from '../../../language-server/src/lsp/code-actions/code-action-provider.js';
import { CREATE_SCENARIO_KIND } from '../../../language-server/src/lsp/code-actions/scenario-from-selection.js';
import { IssueCodes } from '../../../language-server/src/validation/issue-codes.js';
import { checkWorkspace, services } from './workspace.js';

/** Where the fuzzed model lives: a file of the repository's test workspace (see workspace.ts). */
export const FUZZ_FILE = 'fuzz.tm';

/** Texts up to this long are parsed again after each code action. */
const REPARSED_LENGTH = 4_000;

/** What to run besides the cheap steps; the SVG layout (Graphviz in WebAssembly) is sampled. */
export interface ExerciseOptions {
    readonly renderSvg?: boolean;
}

/**
 * One input through everything a user can reach: parse, link and validate; every code action for
 * every diagnostic (applied as an editor would); hover and completion at a few offsets; the
 * formatter; symbols, links, folding, semantic tokens and code lenses; the threat table in every
 * format; the security report; `tml check`'s text, JSON and SARIF; the diagram of the overview and of every scenario as DOT, Mermaid and JSON
 * (and SVG when asked). Returns what went wrong, in words: `[]` is a pass. A thrown error, a
 * validator that threw ("An error occurred…" or tm/internal-error), anything logged with
 * console.error and a range outside the document are all failures.
 */
export async function exercise(text: string, options: ExerciseOptions = {}): Promise<string[]> {
    const problems: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => { problems.push(`logged: ${args.map(String).join(' ').slice(0, 300)}`); };
    try {
        await exerciseSteps(text, options, problems);
    } catch (error) {
        problems.push(`threw: ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error)}`);
    } finally {
        console.error = consoleError;
    }
    return problems;
}

async function exerciseSteps(text: string, options: ExerciseOptions, problems: string[]): Promise<void> {
    const step = async (name: string, run: () => unknown): Promise<void> => {
        try {
            await run();
        } catch (error) {
            problems.push(`${name} threw: ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error)}`);
        }
    };
    const [file] = await checkWorkspace({ [FUZZ_FILE]: text });
    const { document, diagnostics } = file!;
    const uri = document.textDocument.uri;
    const textDocument = { uri };
    const inDocument = (what: string, range: Range): void => {
        const problem = rangeProblem(document, range);
        if (problem) problems.push(`${what}: ${problem}`);
    };
    for (const d of diagnostics) {
        if (d.message.startsWith('An error occurred')) problems.push(`a check threw: ${d.message.slice(0, 300)}`);
        if (d.code === IssueCodes.InternalError) problems.push(`internal error: ${d.message.slice(0, 300)}`);
        inDocument(`diagnostic "${d.message.slice(0, 80)}"`, d.range);
    }
    const visible = (what: string, output: string | undefined): void => {
        // A byte order mark first is the CSV's own, for spreadsheets to read it as UTF-8.
        const found = output?.replace(/^\ufeff/, '').match(INVISIBLE);
        if (found) problems.push(`${what} shows the invisible character U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    };
    const lsp = services.ThreatModel.lsp;
    // On a text that parses, every action must leave a text that still parses. Parsing once per
    // action is too slow for the examples' hundreds of actions; quick-fixes-property.test.ts
    // applies theirs.
    const parses = (source: string): boolean => {
        const { lexerErrors, parserErrors } = services.ThreatModel.parser.LangiumParser.parse(source);
        return lexerErrors.length === 0 && parserErrors.length === 0;
    };
    const parsed = text.length <= REPARSED_LENGTH && document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
    await step('code actions', () => {
        for (const action of codeActions(document, diagnostics)) {
            const fixed = applyEdits(text, uri, action, inDocument);
            if (parsed && !parses(fixed)) problems.push(`"${action.title}" leaves a text that does not parse: ${JSON.stringify(fixed.slice(0, 300))}`);
        }
    });
    for (const position of probePositions(document, diagnostics)) {
        await step(`hover at ${position.line}:${position.character}`, async () => {
            const contents = (await lsp.HoverProvider?.getHoverContent(document, { textDocument, position }))?.contents;
            visible('hover', contents && typeof contents === 'object' && 'value' in contents ? contents.value : undefined);
        });
        await step(`completion at ${position.line}:${position.character}`, async () => {
            const list = await lsp.CompletionProvider?.getCompletion(document, { textDocument, position });
            for (const item of list?.items ?? []) if (item.textEdit && 'range' in item.textEdit) inDocument(`completion ${item.label}`, item.textEdit.range);
        });
    }
    await step('formatter', () => {
        const edits = lsp.Formatter?.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } }) ?? [];
        for (const edit of edits as TextEdit[]) inDocument('format edit', edit.range);
        TextDocument.applyEdits(TextDocument.create(uri, 'threat-model', 0, text), edits as TextEdit[]);
    });
    await step('document symbols', async () => {
        const symbols = await lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument }) ?? [];
        const walk = (list: typeof symbols): void => {
            for (const s of list) {
                inDocument(`symbol ${s.name}`, s.range);
                inDocument(`symbol ${s.name} selection`, s.selectionRange);
                walk(s.children ?? []);
            }
        };
        walk(symbols);
    });
    await step('document links', async () => {
        for (const link of await lsp.DocumentLinkProvider?.getDocumentLinks(document, { textDocument }) ?? []) inDocument('link', link.range);
    });
    await step('folding ranges', () => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument }));
    await step('semantic tokens', () => lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument }));
    await step('code lenses', async () => {
        for (const lens of await lsp.CodeLensProvider?.provideCodeLens(document, { textDocument }) ?? []) {
            inDocument('code lens', lens.range);
            visible('code lens', lens.command?.title);
        }
    });
    await exerciseGenerators(document, diagnostics, options, step, visible);
}

type Step = (name: string, run: () => unknown) => Promise<void>;
type VisibleCheck = (what: string, output: string | undefined) => void;

/**
 * Characters that hide or reorder text (NUL, zero-width, bidirectional overrides and isolates,
 * line and paragraph separators): no output may show them as they are. JSON
 * outputs are left out: they carry the model's text as data, for a program to read.
 */
const INVISIBLE = /[\u0000\u200b-\u200d\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

/** The table, report and diagram generators, as the CLI and the custom requests call them. */
async function exerciseGenerators(document: LangiumDocument, diagnostics: readonly Diagnostic[], options: ExerciseOptions, step: Step, visible: VisibleCheck): Promise<void> {
    const model = document.parseResult.value;
    const files: ModelFile[] = isModel(model) ? [{ path: FUZZ_FILE, model }] : [];
    const coverage = services.ThreatModel.workspace.ModelIndex.coverage(model);
    for (const format of TABLE_FORMATS) {
        await step(`table ${format}`, () => {
            const table = formatThreatTable(buildThreatTable(workspaceTableInput(files, coverage)), format);
            if (format !== 'json') visible(`table ${format}`, table);
        });
    }
    const findings = sortFindings(diagnostics.map(d => findingFromDiagnostic(FUZZ_FILE, d)));
    await step('report', () => visible('report', generateSecurityReport(files, files, coverage, findings)));
    await step('tml check output', () => {
        formatText(findings, 1);
        formatJson(findings);
        JSON.parse(formatSarif(findings, { toolVersion: '0.0.0', sourceRootUri: 'file:///workspace/' }));
    });
    await step('dfd', async () => {
        const dfd = buildDfdModel(modelsByUri([document]), coverage);
        for (const diagram of [dfd.overview, ...dfd.scenarios]) {
            const dot = toDot(diagram);
            visible('dot', dot);
            visible('mermaid', toMermaid(diagram));
            formatDiagramJson(diagram, scenarioInfos(dfd), uri => uri);
            if (options.renderSvg && diagram === dfd.overview) visible('svg', await renderSvg(dot));
        }
    });
}

/**
 * Every code action the diagnostics get: each diagnostic's quick-fixes, as for a lightbulb on it,
 * then the "Fix all" and refactoring actions once for the whole document (asked per diagnostic,
 * each "Fix all" would be computed once per finding of its code).
 */
function codeActions(document: LangiumDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
    const provider = services.ThreatModel.lsp.CodeActionProvider as ThreatModelCodeActionProvider;
    const textDocument = { uri: document.textDocument.uri };
    const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
    return [
        ...diagnostics.flatMap(d => provider.getCodeActions(document, { textDocument, range: d.range, context: { diagnostics: [d], only: [CodeActionKind.QuickFix] } })),
        ...provider.getCodeActions(document, { textDocument, range: whole, context: { diagnostics: [...diagnostics], only: [FIX_ALL_KIND, CREATE_SCENARIO_KIND] } }),
    ];
}

/** Applies an action's edits of the document as an editor would: overlapping edits throw. */
function applyEdits(text: string, uri: string, action: CodeAction, inDocument: (what: string, range: Range) => void): string {
    const edits = action.edit?.changes?.[uri] ?? [];
    for (const edit of edits) inDocument(`edit of "${action.title}"`, edit.range);
    return TextDocument.applyEdits(TextDocument.create(uri, 'threat-model', 0, text), edits);
}

/** Start, end, a third and two thirds into the text, and the start of the first few diagnostics. */
function probePositions(document: LangiumDocument, diagnostics: readonly Diagnostic[]): Position[] {
    const length = document.textDocument.getText().length;
    const offsets = new Set([0, Math.floor(length / 3), Math.floor((2 * length) / 3), length]);
    const positions = [...offsets].map(offset => document.textDocument.positionAt(offset));
    return [...positions, ...diagnostics.slice(0, 2).map(d => d.range.start)];
}

/** Why a range is not one an editor can show in this document, or `undefined` when it is. */
export function rangeProblem(document: LangiumDocument, range: Range): string | undefined {
    const { start, end } = range;
    const numbers = [start.line, start.character, end.line, end.character];
    if (!numbers.every(n => Number.isInteger(n) && n >= 0)) return `range ${JSON.stringify(range)} is not made of natural numbers`;
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `range ${JSON.stringify(range)} is inverted`;
    const text = document.textDocument;
    for (const position of [start, end]) {
        const clamped = text.positionAt(text.offsetAt(position));
        if (clamped.line !== position.line || clamped.character !== position.character) return `range ${JSON.stringify(range)} is outside the document (${text.lineCount} lines)`;
    }
    return undefined;
}
