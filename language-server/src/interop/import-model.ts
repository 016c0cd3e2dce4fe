import type { ImportedModel, ImportResult } from './imported-model.js';
import { ImportError } from './imported-model.js';
import { field, isObject, parseJson } from './json-input.js';
import { importOtm } from './otm-import.js';
import { importThreatDragon } from './threat-dragon-import.js';
import { importTm7 } from './tm7-import.js';
import { writeTml } from './write-tml.js';
import { parseXml } from './xml.js';

import type { ImportFormat } from '../shared/formats.js';
export { IMPORT_FORMATS, type ImportFormat } from '../shared/formats.js';

/** How each format is named in messages and in the generated file's header. */
export const FORMAT_LABELS: Readonly<Record<ImportFormat, string>> = {
    otm: 'Open Threat Model (OTM)',
    'threat-dragon': 'OWASP Threat Dragon',
    tm7: 'Microsoft Threat Modeling Tool (.tm7)',
};

/**
 * The largest file imported: 32 MiB, several times the largest real models, so that a huge or
 * hostile file is refused at once instead of holding the editor or CI for minutes.
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/**
 * Converts another tool's model into one formatted tml file (docs/interop.md). Pure: text in, text
 * and warnings out. `from` picks the format; without it the content decides ({@link detectFormat}).
 * @throws ImportError when the text is too large, malformed, or not a model of the format.
 */
export function importModel(text: string, options: { readonly from?: ImportFormat; readonly fileName: string }): ImportResult {
    if (text.length > MAX_IMPORT_BYTES) throw new ImportError(`the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most tml imports`);
    const { format, model, warnings } = convert(text, options.from);
    const written = writeTml(model, `Imported by 'tml import' from the ${FORMAT_LABELS[format]} file ${options.fileName}`);
    return { text: written.text, warnings: [...warnings, ...written.warnings] };
}

/**
 * Reads the text in the format given, or else by its content: XML is a `.tm7`; JSON with
 * `otmVersion` is OTM, with `summary` and `detail` Threat Dragon.
 */
function convert(text: string, from: ImportFormat | undefined): { format: ImportFormat; model: ImportedModel; warnings: string[] } {
    if (from === 'tm7' || (from === undefined && /^\uFEFF?\s*</.test(text))) return { format: 'tm7', ...importTm7(parseXml(text)) };
    const document = parseJson(text);
    const format = from ?? (isObject(document) && 'otmVersion' in document ? 'otm'
        : isObject(document) && isObject(field(document, 'summary')) && isObject(field(document, 'detail')) ? 'threat-dragon' : undefined);
    if (format === undefined) {
        throw new ImportError('not an OTM, Threat Dragon or Threat Modeling Tool model: JSON without "otmVersion" (OTM) or "summary" and "detail" (Threat Dragon)');
    }
    return { format, ...(format === 'otm' ? importOtm(document) : importThreatDragon(document)) };
}
