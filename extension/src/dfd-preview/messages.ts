/**
 * The messages between the DFD preview's webview and the extension, and the state the webview
 * keeps across reloads. Pure (no `vscode`, no DOM): the panel, the webview script and the tests
 * import it. Whatever comes from the webview is untrusted input: {@link parseWebviewMessage} and
 * {@link parsePreviewState} accept only the shapes listed here.
 */
import type { DfdDiagram, DfdScenarioInfo } from '../../../language-server/src/shared/dfd/graph.js';

/** The webview panel's type: the serializer's key and the `onWebviewPanel:` activation event. */
export const DFD_PREVIEW_VIEW_TYPE = 'threatModel.dfdPreview';

/** Extension → webview: a new diagram to show. */
export interface ShowDiagramMessage {
    readonly type: 'diagram';
    /** The document the preview follows (kept in the webview's state for the serializer). */
    readonly uri: string;
    readonly svg: string;
    readonly diagram: DfdDiagram;
    readonly scenarios: readonly DfdScenarioInfo[];
}

/** Extension → webview: the element under the text cursor, or none. */
export interface HighlightMessage {
    readonly type: 'highlight';
    readonly id: string | null;
}

/** Extension → webview: no diagram can be shown (the server failed, no model yet). */
export interface ShowErrorMessage {
    readonly type: 'error';
    readonly message: string;
}

export type ExtensionMessage = ShowDiagramMessage | HighlightMessage | ShowErrorMessage;

/** Webview → extension. */
export type WebviewMessage =
    /** The script has started: send the diagram (again). */
    | { readonly type: 'ready' }
    /** Show the declaration of the element with this id. */
    | { readonly type: 'reveal'; readonly id: string }
    /** Show this scenario's diagram, or the overview for `null`. */
    | { readonly type: 'selectScenario'; readonly scenario: string | null }
    /** Save the diagram shown as an SVG file. */
    | { readonly type: 'exportSvg' }
    /** Show the diagram with exactly these boundaries collapsed (none: all expanded). */
    | { readonly type: 'collapse'; readonly boundaries: readonly string[] };

/** What the webview keeps with `setState`, and the serializer gets back after a restart. */
export interface PreviewState {
    readonly uri: string;
    readonly scenario: string | null;
    /** Zoom and pan, kept while the same diagram is shown. */
    readonly view?: { readonly scale: number; readonly x: number; readonly y: number };
}

/** Element ids are `\w+` (language-server/src/dfd/ids.ts); anything else is not one of ours. */
const ELEMENT_ID = /^\w{1,200}$/;
const MAX_NAME = 200;
/** More boundaries than any model declares; a longer list is not one the page made. */
const MAX_COLLAPSED = 10_000;
const MAX_URI = 4096;

/** The message if it is one the extension handles, else `undefined` (and it is ignored). */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
    if (!isRecord(value)) return undefined;
    switch (value['type']) {
        case 'ready':
        case 'exportSvg':
            return hasOnlyKeys(value, ['type']) ? { type: value['type'] } : undefined;
        case 'reveal': {
            const id = value['id'];
            return hasOnlyKeys(value, ['type', 'id']) && typeof id === 'string' && ELEMENT_ID.test(id) ? { type: 'reveal', id } : undefined;
        }
        case 'selectScenario': {
            const scenario = value['scenario'];
            return hasOnlyKeys(value, ['type', 'scenario']) && isScenarioName(scenario) ? { type: 'selectScenario', scenario } : undefined;
        }
        case 'collapse': {
            const boundaries = value['boundaries'];
            const valid = hasOnlyKeys(value, ['type', 'boundaries']) && Array.isArray(boundaries) && boundaries.length <= MAX_COLLAPSED
                && boundaries.every(id => typeof id === 'string' && ELEMENT_ID.test(id));
            return valid ? { type: 'collapse', boundaries: boundaries.map(String) } : undefined;
        }
        default:
            return undefined;
    }
}

/** The state if it has the expected shape, else `undefined` (the serializer then starts afresh). */
export function parsePreviewState(value: unknown): PreviewState | undefined {
    if (!isRecord(value)) return undefined;
    const { uri, scenario, view } = value;
    if (typeof uri !== 'string' || uri.length === 0 || uri.length > MAX_URI || !isScenarioName(scenario)) return undefined;
    const parsedView = isRecord(view) && [view['scale'], view['x'], view['y']].every(n => typeof n === 'number' && Number.isFinite(n))
        ? { scale: Number(view['scale']), x: Number(view['x']), y: Number(view['y']) }
        : undefined;
    return { uri, scenario, ...(parsedView && parsedView.scale > 0 ? { view: parsedView } : {}) };
}

function isScenarioName(value: unknown): value is string | null {
    return value === null || (typeof value === 'string' && value.length <= MAX_NAME && ELEMENT_ID.test(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
    return Object.keys(value).every(key => keys.includes(key));
}
