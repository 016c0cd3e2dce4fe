/**
 * The injection corpus (test/fixtures/injection/payloads.json) and every output tml writes for a
 * model that holds one payload in each of its strings: the threat table in its four formats, the
 * report, the DFD in its four formats and the preview's tooltips, the findings as text, JSON and
 * SARIF, and the editor's hover, code lenses and outline.
 */
import { readFileSync } from 'node:fs';
import type { LangiumDocument } from 'langium';
import type { CodeLens, DocumentSymbol } from 'vscode-languageserver';
import { tooltipContent } from '../../extension/src/dfd-preview/webview/tooltip.js';
import { buildDfdModel } from '../../language-server/src/dfd/build-graph.js';
import { toDot } from '../../language-server/src/dfd/dot.js';
import { formatDiagramJson, scenarioInfos } from '../../language-server/src/dfd/json.js';
import { toMermaid } from '../../language-server/src/dfd/mermaid.js';
import { modelsByUri } from '../../language-server/src/dfd/select.js';
import { renderSvg } from '../../language-server/src/dfd/svg.js';
import type { Model } from '../../language-server/src/generated/ast.js';
import { findingFromDiagnostic, formatJson, sortFindings } from '../../language-server/src/generator/findings.js';
import { generateSecurityReport } from '../../language-server/src/generator/report-document.js';
import { formatSarif } from '../../language-server/src/generator/sarif.js';
import { buildThreatTable } from '../../language-server/src/generator/table-builder.js';
import { formatThreatTable } from '../../language-server/src/generator/table-format.js';
import { workspaceTableInput } from '../../language-server/src/generator/table-scope.js';
import { formatText } from '../../language-server/src/generator/text.js';
import { checkModel, services } from './helpers/workspace.js';

/** The payloads: strings as a model's text holds them (after the string literal's escapes). */
export const PAYLOADS: readonly string[] = JSON.parse(
    readFileSync(new URL('../../../../test/fixtures/injection/payloads.json', import.meta.url), 'utf8'),
) as string[];

/** A `.tm` string literal whose value is `text`: quote, backslash and line breaks escaped, the rest as it is. */
export function tmString(text: string): string {
    const escapes: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r' };
    return `"${text.replace(/["\\\n\r]/g, c => escapes[c]!)}"`;
}

/** A model with `payload` in every string it can hold (titles, descriptions, reasons, paths…). */
export function payloadModel(payload: string): string {
    const s = tmString(payload);
    const dread = 'dread { damage 5 reproducibility 5 exploitability 5 affectedUsers 5 discoverability 5 }';
    return [
        `system Sys ${s} { description ${s} owner ${s} deployment ${s} }`,
        `assumption Assume ${s}`,
        `dependency Dep ${s}`,
        `asset Data ${s} { description ${s} }`,
        `boundary Zone ${s} {`,
        `    external Ext ${s} { description ${s} }`,
        `    process Proc ${s} { technology ${s} entrypoint }`,
        '}',
        `datastore Store ${s} { technology ${s} logs stores Data }`,
        `flow In: Ext -> Proc ${s} { protocol ${s} carries Data }`,
        `flow Save: Proc -> Store ${s} { description ${s} protocol ${s} }`,
        `scenario Use ${s} { description ${s} flows In, Save }`,
        `threat Accepted ${s} { stride Spoofing targets Ext, Proc assets Data description ${s} impact ${s}`,
        `    tree { or ${s} { leaf ${s} } } ${dread} response accept justification ${s} bug ${s} }`,
        `threat Warned ${s} { stride Tampering targets Proc ${dread} response warn warning ${s} }`,
        `threat Fixed ${s} { stride Tampering targets Store ${dread} response fix mitigatedBy Fix bug ${s} }`,
        `mitigation Fix ${s} { description ${s} technique ${s} status implemented implementedIn ${s} }`,
        `exclude Repudiation on Ext ${s}`,
        '',
    ].join('\n');
}

export interface InjectionOutputs {
    readonly document: LangiumDocument<Model>;
    readonly table: { readonly md: string; readonly csv: string; readonly html: string; readonly json: string };
    readonly report: string;
    readonly dfd: { readonly svg: string; readonly dot: string; readonly mermaid: string; readonly json: string };
    /** The preview's tooltip lines of every node and flow of the overview, and of every boundary. */
    readonly tooltips: readonly string[];
    readonly check: { readonly text: string; readonly json: string; readonly sarif: string };
    /** Hover on the external `Ext` and on the threat `Accepted`. */
    readonly hovers: { readonly element: string; readonly threat: string };
    readonly lenses: readonly CodeLens[];
    readonly symbols: readonly DocumentSymbol[];
}

const FILE = 'model.tm';

async function hoverOn(document: LangiumDocument, needle: string): Promise<string> {
    const offset = document.textDocument.getText().indexOf(needle);
    const hover = await services.ThreatModel.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.textDocument.uri },
        position: document.textDocument.positionAt(offset),
    });
    const contents = hover?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

const computed = new Map<string, Promise<InjectionOutputs>>();

/**
 * Every output of the model {@link payloadModel} makes of `payload`, computed once per payload for
 * all the injection suites (the editor's answers are taken while the document is the workspace's).
 */
export function injectionOutputs(payload: string): Promise<InjectionOutputs> {
    let outputs = computed.get(payload);
    if (!outputs) {
        outputs = computeOutputs(payload);
        computed.set(payload, outputs);
    }
    return outputs;
}

async function computeOutputs(payload: string): Promise<InjectionOutputs> {
    const { document, diagnostics } = await checkModel(payloadModel(payload));
    const model = document.parseResult.value;
    const coverage = services.ThreatModel.workspace.ModelIndex.coverage(model);
    const files = [{ path: FILE, model }];
    const table = buildThreatTable(workspaceTableInput(files, coverage));
    const findings = sortFindings(diagnostics.map(d => findingFromDiagnostic(FILE, d)));
    const dfd = buildDfdModel(modelsByUri([document]), coverage);
    const overview = dfd.overview;
    const dot = toDot(overview);
    const uri = { textDocument: { uri: document.textDocument.uri } };
    return {
        document,
        table: {
            md: formatThreatTable(table, 'md'),
            csv: formatThreatTable(table, 'csv'),
            html: formatThreatTable(table, 'html'),
            json: formatThreatTable(table, 'json'),
        },
        report: generateSecurityReport(files, files, coverage, findings),
        dfd: {
            svg: await renderSvg(dot),
            dot,
            mermaid: toMermaid(overview),
            json: formatDiagramJson(overview, scenarioInfos(dfd), () => FILE),
        },
        tooltips: [
            ...[...overview.nodes, ...overview.edges].flatMap(element => tooltipContent({ element })),
            ...overview.boundaries.flatMap(boundary => tooltipContent({ boundary })),
        ].map(line => line.text),
        check: {
            text: formatText(findings, 1),
            json: formatJson(findings),
            sarif: formatSarif(findings, { toolVersion: '0.0.0', sourceRootUri: 'file:///workspace/' }),
        },
        hovers: { element: await hoverOn(document, 'Ext, Proc'), threat: await hoverOn(document, 'Accepted') },
        lenses: await services.ThreatModel.lsp.CodeLensProvider!.provideCodeLens(document, uri) ?? [],
        symbols: await Promise.resolve(services.ThreatModel.lsp.DocumentSymbolProvider!.getSymbols(document, uri)),
    };
}
