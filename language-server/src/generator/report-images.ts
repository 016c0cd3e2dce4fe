import type { DfdDiagram } from '../shared/dfd/graph.js';
import { renderDfdSvg } from '../dfd/svg.js';
import type { ReportImage, ReportImageSource } from '../shared/report-image-files.js';
import { markdownLinkPath } from '../shared/report-image-files.js';
import type { ReportDiagram } from './report-model.js';

/** `dfd-3-CardCheckout.svg`: the number orders the files as the report shows them; the name says which diagram. */
function imageFileName(index: number, diagram: DfdDiagram): string {
    const name = (diagram.scenario ?? 'overview').replace(/[^\w-]/g, '-');
    return `dfd-${index}-${name}.svg`;
}

/** "DFD: Card checkout", on one line. */
function altText(diagram: DfdDiagram): string {
    return `DFD: ${diagram.title}`.replace(/\s+/g, ' ');
}

/**
 * The files `<folder>/dfd-<n>-<name>.svg` of the diagrams, numbered from `start + 1`, and the
 * report's diagrams linking to them. Pure: the diagrams are laid out later, outside any workspace lock.
 */
export function diagramImages(diagrams: readonly DfdDiagram[], folder: string, start: number): { images: ReportImageSource[]; diagrams: ReportDiagram[] } {
    const images = diagrams.map((diagram, i) => ({ path: `${folder}/${imageFileName(start + i + 1, diagram)}`, diagram }));
    return {
        images,
        diagrams: diagrams.map((diagram, i) => ({ scenario: diagram.scenario, embed: { link: markdownLinkPath(images[i]!.path), alt: altText(diagram) } })),
    };
}

/** Lays out every image with Graphviz as the preview and `tml dfd` do (docs/dfd.md), direction by aspect ratio included. */
export async function renderReportImages(images: readonly ReportImageSource[]): Promise<ReportImage[]> {
    const rendered: ReportImage[] = [];
    for (const image of images) rendered.push({ path: image.path, svg: await renderDfdSvg(image.diagram) });
    return rendered;
}
