import type { DfdDiagram } from '../shared/dfd/graph.js';
import type { ExportFormat, ModelView } from './export-model.js';
import { exportLosses } from './export-model.js';
import { layoutDiagram } from './layout.js';
import { exportOtm } from './otm-export.js';
import { exportThreatDragon } from './threat-dragon-export.js';

/** An exported file's text (formatted JSON) and what it could not hold, one warning each. */
export interface ExportedDocument {
    readonly content: string;
    readonly warnings: readonly string[];
}

/**
 * The model in the chosen format, as `tml export` and the editor's "Export…" write it; Threat
 * Dragon cells are placed where the DFD layout puts the overview diagram's elements.
 */
export async function exportDocument(format: ExportFormat, view: ModelView, overview: DfdDiagram): Promise<ExportedDocument> {
    const document = format === 'otm' ? exportOtm(view) : exportThreatDragon(view, await layoutDiagram(overview));
    return { content: `${JSON.stringify(document, null, 2)}\n`, warnings: exportLosses(view, format) };
}
