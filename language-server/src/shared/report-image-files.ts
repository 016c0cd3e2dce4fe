/**
 * The files of a report whose diagrams are images (`tml report --out`, the VS Code command):
 * their names and types, without the renderer, so that the extension host can use them.
 */

import type { DfdDiagram } from './dfd/graph.js';

/** One diagram of a report as a file to write, laid out as SVG by `renderReportImages` (report-images.ts). */
export interface ReportImageSource {
    /** Where to write it, relative to the report's folder, with `/` between segments. */
    readonly path: string;
    readonly diagram: DfdDiagram;
}

/** One diagram of a report as an SVG file. */
export interface ReportImage {
    /** Where to write it, relative to the report's folder, with `/` between segments. */
    readonly path: string;
    /** The SVG document as Graphviz wrote it: every piece of model text escaped for XML. */
    readonly svg: string;
}

/** The folder the report's diagrams go to, beside the report: `security-model.md` → `security-model-diagrams`. */
export function diagramsFolderFor(reportFileName: string): string {
    const base = reportFileName.replace(/^.*[\\/]/, '');
    const dot = base.lastIndexOf('.');
    return `${dot > 0 ? base.slice(0, dot) : base}-diagrams`;
}

/**
 * A relative path as a Markdown link destination: each segment percent-encoded, parentheses and
 * the other characters CommonMark reads in a link (`(`, `)`, `<`, `>`, spaces) included.
 */
export function markdownLinkPath(path: string): string {
    return path.split('/').map(segment => encodeURIComponent(segment).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}
