/**
 * The DFD preview's script, running inside the webview (bundled to out/webview/dfd-preview.js).
 * It shows the SVG the language server laid out, lets the user zoom, pan, pick a scenario, hover
 * for STRIDE status and click to reveal a declaration. Model text reaches the page only as
 * sanitised SVG (svg-import.ts) or through `textContent`; nothing is ever assigned to innerHTML.
 */
import type { DfdDiagram } from '../../../../language-server/src/shared/dfd/graph.js';
import { diagramCounts, topLevelBoundaries } from '../../../../language-server/src/shared/dfd/collapse.js';
import { SVG_ID_PREFIX } from '../../../../language-server/src/shared/dfd/svg-style.js';
import { OVERVIEW_TITLE } from '../../../../language-server/src/shared/dfd/graph.js';
import { countOf } from '../../../../language-server/src/shared/dfd/labels.js';
import type { ExtensionMessage, PreviewState, ShowDiagramMessage, WebviewMessage } from '../messages.js';
import { parsePreviewState } from '../messages.js';
import { tooSmallAtFit } from './fit.js';
import type { View } from './pan-zoom.js';
import { PanZoom } from './pan-zoom.js';
import { importSvg } from './svg-import.js';
import type { DiagramElement } from './tooltip.js';
import { hideTooltip, showTooltip } from './tooltip.js';

interface VsCodeApi {
    postMessage(message: WebviewMessage): void;
    getState(): unknown;
    setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
function byId<T extends HTMLElement>(id: string, type: new () => T): T {
    const element = document.getElementById(id);
    if (!(element instanceof type)) throw new Error(`The preview page has no #${id}.`);
    return element;
}
const picker = byId('scenario', HTMLSelectElement);
const viewport = byId('viewport', HTMLDivElement);
const canvas = byId('canvas', HTMLDivElement);
const tooltip = byId('tooltip', HTMLDivElement);
const status = byId('status', HTMLDivElement);
const summary = byId('summary', HTMLSpanElement);
const collapseButton = byId('collapse', HTMLButtonElement);
const collapseNote = byId('collapse-note', HTMLSpanElement);

let state: PreviewState | undefined = parsePreviewState(vscode.getState());
let shown: { message: ShowDiagramMessage; svgSize: { width: number; height: number } } | undefined;
let elements = new Map<string, DiagramElement>();
let highlighted: string | null = null;
/** The diagrams (document and scenario) whose readability at Fit has been judged: each is judged once. */
const judged = new Set<string>();
/** Whether the boundaries shown collapsed were collapsed because the diagram was too small to read. */
let collapsedToFit = false;

const zoomLevel = byId('zoom-level', HTMLSpanElement);
const panZoom = new PanZoom(viewport, canvas, () => shown?.svgSize ?? { width: 0, height: 0 }, view => {
    zoomLevel.textContent = `${Math.round(view.scale * 100)}%`;
    saveState({ view });
});

function saveState(change: { scenario?: string | null; view?: View }): void {
    const uri = shown?.message.uri ?? state?.uri;
    if (uri === undefined) return;
    state = { uri, scenario: change.scenario !== undefined ? change.scenario : state?.scenario ?? null, view: change.view ?? state?.view };
    vscode.setState(state);
}

function showDiagram(message: ShowDiagramMessage): void {
    const svg = importSvg(message.svg, document);
    if (typeof svg === 'string') return showError(svg);
    const sameDiagram = shown ? shown.message.diagram.scenario === message.diagram.scenario : state?.scenario === message.diagram.scenario;
    // A diagram shown at Fit is fitted again when it changes; any other view is kept.
    const previousView = shown ? (panZoom.isFitted ? undefined : panZoom.current) : state?.view;
    status.textContent = '';
    status.className = '';
    canvas.replaceChildren(svg);
    shown = { message, svgSize: naturalSize(svg) };
    elements = indexElements(message.diagram);
    fillPicker(message);
    summary.textContent = describeDiagram(message.diagram);
    saveState({ scenario: message.diagram.scenario });
    if (sameDiagram && previousView) panZoom.set(previousView);
    else panZoom.fit();
    applyHighlight(highlighted, false);
    if (!sameDiagram) collapsedToFit = false;
    collapseIfUnreadable(message);
    showCollapseState(message.diagram);
}

/**
 * The first time a diagram is shown, with nothing collapsed, and its labels would be too small to
 * read at Fit (fit.ts): asks for its top-level boundaries collapsed, and says so in the toolbar.
 */
function collapseIfUnreadable({ uri, diagram }: ShowDiagramMessage): void {
    const key = `${uri}\n${diagram.scenario ?? ''}`;
    const viewportSize = panZoom.viewportSize;
    if (judged.has(key) || viewportSize.width === 0 || viewportSize.height === 0) return;
    judged.add(key);
    const boundaries = topLevelBoundaries(diagram);
    if ((diagram.collapsed ?? []).length > 0 || boundaries.length === 0 || !tooSmallAtFit(shown?.svgSize ?? { width: 0, height: 0 }, viewportSize)) return;
    collapsedToFit = true;
    vscode.postMessage({ type: 'collapse', boundaries });
}

/** The toolbar's Collapse boundaries / Expand all button, and the note when the page collapsed them itself. */
function showCollapseState(diagram: DfdDiagram): void {
    const anyCollapsed = (diagram.collapsed ?? []).length > 0;
    collapseButton.hidden = topLevelBoundaries(diagram).length === 0;
    collapseButton.textContent = anyCollapsed ? 'Expand all' : 'Collapse boundaries';
    collapseButton.title = anyCollapsed ? 'Show every boundary with its contents' : 'Draw each outermost boundary as one node (click one to expand it)';
    collapseNote.textContent = collapsedToFit ? 'Boundaries collapsed to fit: click one to expand' : '';
}

/** Asks for the diagram with exactly these boundaries collapsed: the user's choice from now on. */
function requestCollapsed(boundaries: readonly string[]): void {
    collapsedToFit = false;
    collapseNote.textContent = '';
    vscode.postMessage({ type: 'collapse', boundaries: [...boundaries] });
}

/** Graphviz gives the size in points; the SVG is drawn at that size, in CSS pixels. */
function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
    const points = (value: string | null): number => (value?.endsWith('pt') ? (parseFloat(value) * 4) / 3 : parseFloat(value ?? '0')) || 0;
    const width = points(svg.getAttribute('width'));
    const height = points(svg.getAttribute('height'));
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    return { width, height };
}

function indexElements(diagram: DfdDiagram): Map<string, DiagramElement> {
    const map = new Map<string, DiagramElement>();
    for (const boundary of diagram.boundaries) map.set(boundary.id, { boundary });
    for (const element of [...diagram.nodes, ...diagram.edges]) map.set(element.id, { element });
    for (const collapsed of diagram.collapsed ?? []) map.set(collapsed.id, { collapsed });
    for (const merged of diagram.merged ?? []) map.set(merged.id, { merged });
    return map;
}

function fillPicker({ diagram, scenarios }: ShowDiagramMessage): void {
    const options = [{ value: '', text: `${OVERVIEW_TITLE} (whole model)` }, ...scenarios.map(s => ({ value: s.name, text: `${s.title} (${s.name})` }))];
    picker.replaceChildren(...options.map(({ value, text }) => {
        const option = document.createElement('option');
        option.value = value;
        option.textContent = text;
        return option;
    }));
    picker.value = diagram.scenario ?? '';
}

function describeDiagram(diagram: DfdDiagram): string {
    const { elements, flows, open } = diagramCounts(diagram);
    const collapsed = (diagram.collapsed ?? []).length;
    const hidden = collapsed === 0 ? '' : `; ${countOf(collapsed, 'boundary', 'boundaries')} collapsed`;
    return `${countOf(elements, 'element')}, ${countOf(flows, 'flow')}, ${open} with open categories or findings${hidden}`;
}

function showError(message: string): void {
    status.textContent = message;
    status.className = 'error';
}

function svgGroup(id: string): SVGGElement | null {
    const group = canvas.querySelector(`g[id="${SVG_ID_PREFIX}${id}"]`);
    return group instanceof SVGGElement ? group : null;
}

function applyHighlight(id: string | null, scrollIntoView: boolean): void {
    for (const old of canvas.querySelectorAll('.tm-highlight')) old.classList.remove('tm-highlight');
    highlighted = id;
    const group = id === null ? null : svgGroup(id);
    if (!group) return;
    group.classList.add('tm-highlight');
    if (scrollIntoView) panZoom.reveal(group.getBoundingClientRect());
}

/** The diagram element under the pointer: the nearest enclosing group with one of our ids. */
function elementAtEvent(event: Event): { id: string; item: DiagramElement } | undefined {
    const target = event.target instanceof Element ? event.target.closest(`g[id^="${SVG_ID_PREFIX}"]`) : null;
    const id = target?.id.slice(SVG_ID_PREFIX.length);
    const item = id === undefined ? undefined : elements.get(id);
    return id !== undefined && item ? { id, item } : undefined;
}

/** Nodes, flows, collapsed boundaries and merged flows: what answers the pointer anywhere on it. */
function isElement(item: DiagramElement): boolean {
    return !('boundary' in item);
}

/** Light checks on what the extension sends: it is trusted, but a malformed message must not break the page. */
function isExtensionMessage(data: unknown): data is ExtensionMessage {
    if (typeof data !== 'object' || data === null || !('type' in data)) return false;
    switch (data.type) {
        case 'diagram':
            return 'svg' in data && typeof data.svg === 'string' && 'diagram' in data && typeof data.diagram === 'object' && 'uri' in data && typeof data.uri === 'string';
        case 'highlight':
            return 'id' in data && (data.id === null || typeof data.id === 'string');
        case 'error':
            return 'message' in data && typeof data.message === 'string';
        default:
            return false;
    }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isExtensionMessage(message)) return;
    if (message.type === 'diagram') showDiagram(message);
    else if (message.type === 'highlight') applyHighlight(message.id, true);
    else showError(message.message);
});

picker.addEventListener('change', () => {
    const scenario = picker.value === '' ? null : picker.value;
    saveState({ scenario });
    vscode.postMessage({ type: 'selectScenario', scenario });
});
byId('zoom-in', HTMLButtonElement).addEventListener('click', () => panZoom.zoomBy(1.25));
byId('zoom-out', HTMLButtonElement).addEventListener('click', () => panZoom.zoomBy(0.8));
byId('zoom-fit', HTMLButtonElement).addEventListener('click', () => panZoom.fit());
byId('zoom-reset', HTMLButtonElement).addEventListener('click', () => panZoom.reset());
collapseButton.addEventListener('click', () => {
    const diagram = shown?.message.diagram;
    if (!diagram) return;
    requestCollapsed((diagram.collapsed ?? []).length > 0 ? [] : topLevelBoundaries(diagram));
});
byId('export', HTMLButtonElement).addEventListener('click', () => vscode.postMessage({ type: 'exportSvg' }));

/**
 * Nodes and flows answer anywhere on them; a boundary only on its label, since the rest of its
 * area is where the user grabs the diagram to pan it.
 */
function pointedElement(event: Event): { id: string; item: DiagramElement } | undefined {
    const hit = elementAtEvent(event);
    return hit && (isElement(hit.item) || event.target instanceof SVGTextElement) ? hit : undefined;
}

canvas.addEventListener('click', event => {
    if (panZoom.dragged) return;
    const hit = pointedElement(event);
    if (!hit || 'merged' in hit.item) return;
    if ('collapsed' in hit.item) {
        const collapsed = shown?.message.diagram.collapsed ?? [];
        requestCollapsed(collapsed.filter(b => b.id !== hit.id).map(b => b.id));
    } else vscode.postMessage({ type: 'reveal', id: hit.id });
});
canvas.addEventListener('pointermove', event => {
    const hit = pointedElement(event);
    if (hit) showTooltip(tooltip, hit.item, event.clientX, event.clientY);
    else hideTooltip(tooltip);
});
canvas.addEventListener('pointerleave', () => hideTooltip(tooltip));

vscode.postMessage({ type: 'ready' });
