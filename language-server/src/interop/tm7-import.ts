import type { ExternalType } from '../generated/ast.js';
import type { ImportedModel, ImportedNodeKind } from './imported-model.js';
import { ImportError } from './imported-model.js';
import { optional } from './json-input.js';
import { describe, ModelBuilder } from './model-builder.js';
import type { Rect } from './geometry.js';
import { nestByGeometry, rectOf } from './geometry.js';
import { importTm7Threats } from './tm7-threats.js';
import type { XmlElement } from './xml.js';
import { childNamed, childrenNamed, childText } from './xml.js';

type ShapeKind = ImportedNodeKind | 'flow' | 'box' | 'line' | 'annotation';

/** `GenericTypeId` of the Threat Modeling Tool's stencils; `i:type` when it is missing. */
const GENERIC_KINDS: Readonly<Record<string, ShapeKind>> = {
    'GE.P': 'process', 'GE.EI': 'external', 'GE.DS': 'datastore', 'GE.DF': 'flow', 'GE.TB.B': 'box', 'GE.TB.L': 'line', 'GE.A': 'annotation',
    StencilEllipse: 'process', StencilRectangle: 'external', StencilParallelLines: 'datastore', Connector: 'flow', BorderBoundary: 'box', LineBoundary: 'line',
};

/** A shape of a drawing surface: its guid, kind, name and other properties. */
export interface Tm7Shape {
    readonly guid: string;
    readonly kind: ShapeKind;
    readonly title: string;
    readonly element: XmlElement;
    readonly properties: ReadonlyMap<string, string>;
}

/**
 * Reads a Microsoft Threat Modeling Tool model (docs/interop.md, "Threat Modeling Tool"): the
 * stencils of every drawing surface, box boundaries nested by containment, connectors as flows,
 * and the threat instances. Elements are found by local name, whatever their namespace prefix.
 * @throws ImportError when the XML is not a Threat Modeling Tool model.
 */
export function importTm7(root: XmlElement): { model: ImportedModel; warnings: string[] } {
    if (root.name !== 'ThreatModel') throw new ImportError(`not a Threat Modeling Tool model: the root element is <${root.name}>, not <ThreatModel>`);
    const surfaces = childrenNamed(childNamed(root, 'DrawingSurfaceList') ?? root, 'DrawingSurfaceModel');
    const builder = new ModelBuilder();
    const shapes = new Map<string, Tm7Shape>();
    for (const surface of surfaces) importSurface(surface, builder, shapes);
    importTm7Threats(childNamed(root, 'ThreatInstances'), builder);
    const meta = childNamed(root, 'MetaInformation');
    const comments: string[] = [];
    const lines = (field: string): string[] => (childText(meta, field) ?? '').split(/\r\n|[\r\n]/).map(l => l.trim()).filter(l => l !== '');
    lines('Assumptions').forEach((title, i) => builder.assumptions.push({ key: `assumption ${i + 1}`, title, comments: [] }));
    lines('ExternalDependencies').forEach((title, i) => builder.dependencies.push({ key: `dependency ${i + 1}`, title, comments: [] }));
    for (const [field, label] of [['Reviewer', 'reviewer'], ['Contributors', 'contributors']] as const) {
        const text = childText(meta, field);
        if (text !== undefined) comments.push(builder.keep('the model', `${label}: ${text}`));
    }
    const title = childText(meta, 'ThreatModelName') ?? (surfaces[0] ? propertiesOf(surfaces[0]).get('Name') : undefined) ?? 'Imported threat model';
    return {
        model: builder.build({ title, comments, ...optional('description', childText(meta, 'HighLevelSystemDescription')), ...optional('owner', childText(meta, 'Owner')) }),
        warnings: builder.warnings,
    };
}

function importSurface(surface: XmlElement, builder: ModelBuilder, shapes: Map<string, Tm7Shape>): void {
    const boxes: { key: string; rect: Rect }[] = [];
    const nodes: { shape: Tm7Shape; rect?: Rect }[] = [];
    const connectors: Tm7Shape[] = [];
    for (const list of ['Borders', 'Lines']) {
        for (const entry of childrenNamed(childNamed(surface, list) ?? surface, 'KeyValueOfguidanyType')) {
            const value = childNamed(entry, 'Value');
            const guid = childText(value, 'Guid') ?? childText(entry, 'Key');
            if (!value || guid === undefined) continue;
            const kind = GENERIC_KINDS[childText(value, 'GenericTypeId') ?? ''] ?? GENERIC_KINDS[localType(value)];
            const properties = propertiesOf(value);
            const title = properties.get('Name') ?? headerOf(value) ?? guid;
            if (kind === undefined) {
                builder.warn(`${describe('shape', title)} of type '${childText(value, 'GenericTypeId') ?? localType(value)}' is not a DFD element; it is left out`);
                continue;
            }
            if (kind === 'annotation') {
                builder.warn(`the annotation '${title}' is left out`);
                continue;
            }
            if (kind === 'line') {
                builder.warn(`${describe('line trust boundary', title)} cannot become a tml boundary (a line, not an area); it is left out`);
                continue;
            }
            if (!builder.claimKey(guid, 'shape', guid)) continue;
            const shape: Tm7Shape = { guid, kind, title, element: value, properties };
            shapes.set(guid, shape);
            const rect = rectOf(numberOf(value, 'Left'), numberOf(value, 'Top'), numberOf(value, 'Width'), numberOf(value, 'Height'));
            if (kind === 'flow') connectors.push(shape);
            else if (kind === 'box') {
                if (rect) boxes.push({ key: guid, rect });
                else builder.warn(`${describe('trust boundary', title)} has no position and size; it is left out`);
            } else nodes.push({ shape, ...(rect ? { rect } : {}) });
        }
    }
    const parents = nestByGeometry(boxes, nodes.flatMap(n => (n.rect ? [{ key: n.shape.guid, rect: n.rect }] : [])));
    for (const box of boxes) {
        const shape = shapes.get(box.key)!;
        builder.boundaries.push({ key: box.key, title: shape.title, comments: keptProperties(shape, builder), ...optional('parent', parents.get(box.key)) });
    }
    for (const { shape } of nodes) {
        const kind = shape.kind as ImportedNodeKind;
        const specific = childText(shape.element, 'TypeId')?.startsWith('SE.') ? headerOf(shape.element) : undefined;
        builder.nodes.push({
            key: shape.guid, kind, title: shape.title, stores: [], comments: keptProperties(shape, builder),
            ...optional('boundary', parents.get(shape.guid)), ...(kind !== 'external' ? optional('technology', specific) : externalType(specific)),
            ...(kind === 'datastore' && shape.properties.get('Stores Log Data') === 'Yes' ? { logs: true } : {}),
        });
    }
    for (const shape of connectors) importConnector(shape, builder);
}

function importConnector(shape: Tm7Shape, builder: ModelBuilder): void {
    const source = childText(shape.element, 'SourceGuid');
    const target = childText(shape.element, 'TargetGuid');
    const loose = [['source', source], ['target', target]].filter(([, guid]) => guid === undefined || !builder.has(guid) || guid === shape.guid);
    if (loose.length > 0) {
        builder.warn(`${describe('flow', shape.title)} is skipped: its ${loose.map(([end]) => end).join(' and ')} ${loose.length === 1 ? 'is' : 'are'} not connected to an element`);
        return;
    }
    const yes = (name: string): boolean => shape.properties.get(name) === 'Yes';
    builder.flows.push({
        key: shape.guid, title: shape.title, source: source!, target: target!, carries: [], comments: keptProperties(shape, builder),
        ...(yes('Provides Confidentiality') ? { encrypted: true } : {}),
        ...(yes('Source Authenticated') || yes('Destination Authenticated') ? { authenticated: true } : {}),
    });
}

/**
 * The kind of a specific external interactor stencil, by the words of its type name ("Human User"
 * → person; "External Web Service", "Megaservice", "Authorization Provider" → service; "IoT
 * Device" → device). Browsers and runtimes ("Windows Runtime") say nothing about who is outside:
 * no type.
 */
function externalType(stencil: string | undefined): { type?: ExternalType } {
    if (stencil === undefined) return {};
    if (/\b(human|user|person|people)\b/i.test(stencil)) return { type: 'person' };
    if (/device|\biot\b|sensor|phone/i.test(stencil)) return { type: 'device' };
    return /service|\bapplication\b|provider|\bapi\b|server/i.test(stencil) ? { type: 'service' } : {};
}

/** Properties read into tml facts, or that say nothing (names, headers, defaults). */
const READ_PROPERTIES = new Set(['Name', 'Provides Confidentiality', 'Source Authenticated', 'Destination Authenticated', 'Stores Log Data', 'Reason For Out Of Scope', 'Dataflow Order']);
const NOTHING_CHOSEN = new Set(['', 'Not Selected', 'No', 'false', 'Not Applicable', 'Select']);

/** Properties set to something tml cannot say, as comments (and warnings). */
function keptProperties(shape: Tm7Shape, builder: ModelBuilder): string[] {
    const what = describe(shape.kind, shape.title);
    const kept: string[] = [];
    for (const [name, value] of shape.properties) {
        if (READ_PROPERTIES.has(name) || NOTHING_CHOSEN.has(value)) continue;
        const reason = name === 'Out Of Scope' ? shape.properties.get('Reason For Out Of Scope') : undefined;
        kept.push(builder.keep(what, name === 'Out Of Scope' ? `out of scope${reason ? `: ${reason}` : ''}` : `${name}: ${value}`));
    }
    return kept;
}

/**
 * A stencil's display properties by display name: a string's text, a boolean's `true`/`false`, a
 * list's selected entry. Headers (no value) are left out.
 */
function propertiesOf(element: XmlElement): Map<string, string> {
    const properties = new Map<string, string>();
    for (const attribute of childNamed(element, 'Properties')?.children ?? []) {
        const name = childText(attribute, 'DisplayName');
        const value = childNamed(attribute, 'Value');
        if (name === undefined || !value || value.attributes.get('nil') === 'true' || properties.has(name)) continue;
        const options = childrenNamed(value, 'string');
        if (options.length > 0) {
            const index = Number(childText(attribute, 'SelectedIndex') ?? '0');
            properties.set(name, options[Number.isInteger(index) ? index : 0]?.text.trim() ?? '');
        } else {
            properties.set(name, value.text.trim());
        }
    }
    return properties;
}

/** The stencil's type as the tool shows it: the display name of its first (header) property. */
function headerOf(element: XmlElement): string | undefined {
    const first = childNamed(element, 'Properties')?.children[0];
    return first && /HeaderDisplayAttribute$/.test(first.attributes.get('type') ?? '') ? childText(first, 'DisplayName') : undefined;
}

function localType(element: XmlElement): string {
    const type = element.attributes.get('type') ?? '';
    return type.slice(type.indexOf(':') + 1);
}

function numberOf(element: XmlElement, name: string): number | undefined {
    const text = childText(element, name);
    return text === undefined ? undefined : Number(text);
}
