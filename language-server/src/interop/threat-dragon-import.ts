import type { ImportedModel, ImportedNodeKind } from './imported-model.js';
import { arrayField, booleanField, expect, field, isObject, numberField, optional, textField } from './json-input.js';
import { describe, ModelBuilder } from './model-builder.js';
import type { Rect } from './geometry.js';
import { nestByGeometry, rectOf } from './geometry.js';
import { importThreatDragonThreats } from './threat-dragon-threats.js';

/** What a Threat Dragon cell is, by its `data.type` (or, in files without it, its `shape`). */
type CellKind = ImportedNodeKind | 'flow' | 'box' | 'curve' | 'text';

const CELL_KINDS: Readonly<Record<string, CellKind>> = {
    'tm.Actor': 'external', actor: 'external',
    'tm.Process': 'process', process: 'process',
    'tm.Store': 'datastore', store: 'datastore',
    'tm.Flow': 'flow', flow: 'flow',
    'tm.BoundaryBox': 'box', 'trust-boundary-box': 'box',
    'tm.Boundary': 'curve', 'trust-boundary-curve': 'curve',
    'tm.Text': 'text', 'td-text-block': 'text',
};

/** Facts of Threat Dragon's element properties that tml has no attribute for yet: kept as comments. */
const KEPT_FLAGS: readonly (readonly [string, string])[] = [
    ['outOfScope', 'out of scope'], ['isPublicNetwork', 'crosses a public network'],
    ['providesAuthentication', 'provides authentication'], ['isWebApplication', 'is a web application'], ['handlesCardPayment', 'handles card payments'],
    ['handlesGoodsOrServices', 'handles goods or services'], ['storesCredentials', 'stores credentials'], ['storesInventory', 'stores inventory'],
    ['isSigned', 'signed'],
];

/** A Threat Dragon cell that became a declaration, as the threats need it. */
export interface TdCell {
    readonly key: string;
    readonly cell: unknown;
    readonly kind: ImportedNodeKind | 'flow';
    readonly title: string;
}

/**
 * Reads an OWASP Threat Dragon v2 model (docs/interop.md, "Threat Dragon"): actors, processes and
 * stores of every diagram, flows between them, trust boundary boxes nested by containment, and the
 * threats in each cell's `data.threats`.
 * @throws ImportError when the file is not a Threat Dragon v2 model.
 */
export function importThreatDragon(document: unknown): { model: ImportedModel; warnings: string[] } {
    const summary = field(document, 'summary');
    const detail = field(document, 'detail');
    expect(isObject(summary) && isObject(detail), 'not a Threat Dragon model: "summary" and "detail" must be objects');
    const diagrams = field(detail, 'diagrams');
    expect(Array.isArray(diagrams), 'not a Threat Dragon model: "detail.diagrams" must be an array');
    expect(!diagrams.some(d => field(d, 'diagramJson') !== undefined), 'a Threat Dragon v1 model (diagrams with "diagramJson"): open and save it in Threat Dragon 2, then import it');
    const builder = new ModelBuilder();
    const cells: TdCell[] = [];
    diagrams.forEach((diagram, index) => {
        const list = field(diagram, 'cells');
        expect(Array.isArray(list), `not a Threat Dragon v2 model: diagram ${index + 1} has no "cells" array`);
        const imported = importDiagram(list, builder);
        cells.push(...imported);
        // Several diagrams of one model are its scenarios, each with the flows drawn on it.
        if (diagrams.length > 1) {
            builder.scenarios.push({
                key: `diagram ${index + 1}`, title: textField(diagram, 'title') ?? `Diagram ${index + 1}`, comments: [],
                flows: imported.filter(c => c.kind === 'flow').map(c => c.key), ...optional('description', textField(diagram, 'description')),
            });
        }
    });
    importThreatDragonThreats(cells, builder);
    const title = textField(summary, 'title') ?? 'Imported threat model';
    const comments: string[] = [];
    const reviewer = textField(detail, 'reviewer');
    if (reviewer !== undefined) comments.push(builder.keep('the model', `reviewer: ${reviewer}`));
    const contributors = arrayField(detail, 'contributors').flatMap(c => textField(c, 'name') ?? []);
    if (contributors.length > 0) comments.push(builder.keep('the model', `contributors: ${contributors.join(', ')}`));
    return {
        model: builder.build({ title, comments, ...optional('description', textField(summary, 'description')), ...optional('owner', textField(summary, 'owner')) }),
        warnings: builder.warnings,
    };
}

function importDiagram(list: readonly unknown[], builder: ModelBuilder): TdCell[] {
    const imported: TdCell[] = [];
    const boxes: { key: string; rect: Rect; cell: unknown; contained: readonly string[] }[] = [];
    const nodes: { key: string; rect?: Rect; cell: unknown; kind: ImportedNodeKind }[] = [];
    const flows: unknown[] = [];
    for (const cell of list) {
        const id = textField(cell, 'id');
        const kind = CELL_KINDS[textField(field(cell, 'data'), 'type') ?? ''] ?? CELL_KINDS[textField(cell, 'shape') ?? ''];
        const title = titleOf(cell);
        if (id === undefined || kind === undefined) {
            builder.warn(`a diagram cell ${id === undefined ? 'without an "id"' : `of shape '${textField(cell, 'shape') ?? '(none)'}'`} is skipped`);
            continue;
        }
        if (kind === 'flow') {
            flows.push(cell);
            continue;
        }
        if (!builder.claimKey(id, 'cell', id)) continue;
        const rect = rectOf(numberField(field(cell, 'position'), 'x'), numberField(field(cell, 'position'), 'y'), numberField(field(cell, 'size'), 'width'), numberField(field(cell, 'size'), 'height'));
        if (kind === 'curve') builder.warn(`${describe('trust boundary curve', title ?? id)} cannot become a tml boundary (a line, not an area); it is left out`);
        else if (kind === 'text') builder.warn(`the diagram's text block '${title ?? ''}' is left out`);
        else if (kind === 'box') {
            if (rect) boxes.push({ key: id, rect, cell, contained: arrayField(field(cell, 'data'), 'containedElements').filter((e): e is string => typeof e === 'string') });
            else builder.warn(`${describe('trust boundary box', title ?? id)} has no position and size; it is left out`);
        } else nodes.push({ key: id, cell, kind, ...(rect ? { rect } : {}) });
    }
    const parents = nestByGeometry(boxes, nodes.flatMap(n => (n.rect ? [{ key: n.key, rect: n.rect }] : [])));
    // Threat Dragon 2.4 and later save which elements a box holds; that wins over geometry.
    const byArea = [...boxes].sort((a, b) => b.rect.width * b.rect.height - a.rect.width * a.rect.height);
    for (const box of byArea) for (const member of box.contained) parents.set(member, box.key);
    for (const box of boxes) {
        const title = titleOf(box.cell) ?? 'Trust boundary';
        builder.boundaries.push({ key: box.key, title, comments: [], ...optional('description', textField(field(box.cell, 'data'), 'description')), ...optional('parent', parents.get(box.key)) });
    }
    for (const node of nodes) {
        const title = titleOf(node.cell) ?? node.kind;
        const what = describe(node.kind, title);
        const data = field(node.cell, 'data');
        builder.nodes.push({
            key: node.key, kind: node.kind, title, stores: [], comments: keptFacts(data, what, builder),
            ...optional('description', textField(data, 'description')), ...optional('boundary', parents.get(node.key)),
            ...(node.kind === 'datastore' && booleanField(data, 'isALog') ? { logs: true } : {}),
            ...(node.kind === 'datastore' && booleanField(data, 'isEncrypted') ? { encrypted: true } : {}),
        });
        imported.push({ key: node.key, cell: node.cell, kind: node.kind, title });
    }
    for (const cell of flows) {
        const flow = importFlow(cell, builder);
        if (flow) imported.push(flow);
    }
    return imported;
}

function importFlow(cell: unknown, builder: ModelBuilder): TdCell | undefined {
    const id = textField(cell, 'id')!;
    const title = titleOf(cell) ?? 'Data flow';
    const what = describe('flow', title);
    const data = field(cell, 'data');
    const source = textField(field(cell, 'source'), 'cell');
    const target = textField(field(cell, 'target'), 'cell');
    const loose = [['source', source], ['target', target]].filter(([, end]) => end === undefined || !builder.has(end));
    if (loose.length > 0) {
        const threats = arrayField(data, 'threats').length;
        builder.warn(`${what} is skipped: its ${loose.map(([end]) => end).join(' and ')} ${loose.length === 1 ? 'is' : 'are'} not attached to an element of the diagram${threats > 0 ? ` (its ${threats} threat${threats === 1 ? ' is' : 's are'} not imported)` : ''}`);
        return undefined;
    }
    if (!builder.claimKey(id, 'cell', id)) return undefined;
    builder.flows.push({
        key: id, title, source: source!, target: target!, carries: [], comments: keptFacts(data, what, builder),
        ...optional('description', textField(data, 'description')), ...optional('protocol', textField(data, 'protocol')),
        ...(booleanField(data, 'isEncrypted') ? { encrypted: true } : {}),
        ...(booleanField(data, 'isBidirectional') ? { bidirectional: true } : {}),
    });
    return { key: id, cell, kind: 'flow', title };
}

/** The properties set on an element that tml has no attribute for, as comments (and warnings). */
function keptFacts(data: unknown, what: string, builder: ModelBuilder): string[] {
    const facts = KEPT_FLAGS.filter(([flag]) => booleanField(data, flag)).map(([flag, fact]) => (flag === 'outOfScope' ? `${fact}${textField(data, 'reasonOutOfScope') !== undefined ? `: ${textField(data, 'reasonOutOfScope')!}` : ''}` : fact));
    const privilege = textField(data, 'privilegeLevel');
    if (privilege !== undefined) facts.push(`privilege level: ${privilege}`);
    return facts.map(fact => builder.keep(what, fact));
}

/** A cell's name: `data.name`, else the text shown on it. */
function titleOf(cell: unknown): string | undefined {
    return textField(field(cell, 'data'), 'name')
        ?? textField(field(field(cell, 'attrs'), 'text'), 'text')
        ?? textField(field(field(cell, 'attrs'), 'label'), 'text')
        ?? textField(field(field(arrayField(cell, 'labels')[0], 'attrs'), 'labelText'), 'text');
}
