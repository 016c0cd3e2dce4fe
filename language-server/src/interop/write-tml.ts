import type {
    ImportedBoundary, ImportedDeclaration, ImportedDread, ImportedModel, ImportedNode, ImportedThreat, Tagged,
} from './imported-model.js';
import { MAX_NESTING } from '../parser/nesting-limit-lexer.js';
import { capitalise } from '../shared/prose.js';
import { NameAllocator } from './names.js';
import { commentText, tmlString } from './tml-text.js';

const INDENT = '    ';
const DREAD_FACTORS = ['damage', 'reproducibility', 'exploitability', 'affectedUsers', 'discoverability'] as const;

/**
 * Writes an imported model as one `.tm` file in the formatter's canonical layout
 * (lsp/formatting/layout-rules.ts): one declaration per line, bodies one clause per line, four
 * spaces per level, a blank line between top-level declarations. Names are made here, from the
 * titles ({@link NameAllocator}); a reference to a key the model does not declare is dropped and
 * reported in `warnings`, so the text always links.
 */
export function writeTml(model: ImportedModel, header: string): { text: string; warnings: string[] } {
    const warnings: string[] = [];
    const names = allocateNames(model);
    const ref = (key: string, what: string): string | undefined => {
        const name = names.get(key);
        if (name === undefined) warnings.push(`${what} refers to '${commentText(key)}', which the file does not declare; the reference is left out`);
        return name;
    };
    const refs = (keys: readonly string[], what: string): string[] => keys.flatMap(k => ref(k, what) ?? []);
    const blocks: string[] = [];
    const { system } = model;
    blocks.push([`// ${commentText(header)}`, ...(system ? [...comments(system.comments, 0),
        declaration(0, `system ${names.get(SYSTEM_KEY)!} ${tmlString(system.title)}`, [
            system.description !== undefined ? `description ${tmlString(system.description)}` : undefined,
            system.owner !== undefined ? `owner ${tmlString(system.owner)}` : undefined,
            system.deployment !== undefined ? `deployment ${tmlString(system.deployment)}` : undefined,
        ])] : [])].join('\n'));
    for (const assumption of model.assumptions) blocks.push(withComments(assumption, 0, `assumption ${names.get(assumption.key)!} ${tmlString(assumption.title)}`, []));
    for (const dependency of model.dependencies) blocks.push(withComments(dependency, 0, `dependency ${names.get(dependency.key)!} ${tmlString(dependency.title)}`, []));
    for (const asset of model.assets) {
        blocks.push(withComments(asset, 0, `asset ${names.get(asset.key)!} ${tmlString(asset.title)}`, [
            description(asset),
            asset.classification !== undefined ? `classification ${asset.classification}` : undefined,
            asset.type !== undefined ? `type ${asset.type}` : undefined,
        ]));
    }
    const children = childrenOf(model, warnings);
    const writeNode = (node: ImportedNode, depth: number): string => withComments(node, depth, `${node.kind} ${names.get(node.key)!} ${tmlString(node.title)}`, [
        description(node),
        node.type !== undefined && node.kind === 'external' ? `type ${node.type}` : undefined,
        node.technology !== undefined && node.kind !== 'external' ? `technology ${tmlString(node.technology)}` : undefined,
        node.entrypoint && node.kind === 'process' ? 'entrypoint' : undefined,
        node.privileged && node.kind === 'process' ? 'privileged' : undefined,
        node.logs && node.kind === 'datastore' ? 'logs' : undefined,
        node.encrypted && node.kind === 'datastore' ? 'encrypted' : undefined,
        list('stores', node.kind === 'datastore' ? refs(node.stores, `data store '${commentText(node.title)}'`) : []),
        tags(node),
    ]);
    const writeBoundary = (boundary: ImportedBoundary, depth: number): string => {
        const inner = children.get(boundary.key) ?? { boundaries: [], nodes: [] };
        const facts = [boundary.trust !== undefined ? `trust ${boundary.trust}` : undefined, tags(boundary)].flatMap(c => (c === undefined ? [] : [pad(depth + 1) + c]));
        const members = [...facts, ...inner.boundaries.map(b => writeBoundary(b, depth + 1)), ...inner.nodes.map(n => writeNode(n, depth + 1))];
        const head = `boundary ${names.get(boundary.key)!} ${tmlString(boundary.title)}`;
        // tml boundaries have no description (yet): it is kept as a comment.
        if (boundary.description !== undefined) warnings.push(`boundary '${commentText(boundary.title)}': its description is kept as a // comment`);
        const lines = [...comments(boundary.comments, depth), ...(boundary.description !== undefined ? comments([`description: ${boundary.description}`], depth) : [])];
        lines.push(members.length === 0 ? pad(depth) + head : `${pad(depth)}${head} {\n${members.join('\n')}\n${pad(depth)}}`);
        return lines.join('\n');
    };
    const top = children.get(undefined) ?? { boundaries: [], nodes: [] };
    for (const boundary of top.boundaries) blocks.push(writeBoundary(boundary, 0));
    for (const node of top.nodes) blocks.push(writeNode(node, 0));
    for (const flow of model.flows) {
        const what = `flow '${commentText(flow.title)}'`;
        const source = ref(flow.source, what);
        const target = ref(flow.target, what);
        if (source === undefined || target === undefined) continue;
        blocks.push(withComments(flow, 0, `flow ${names.get(flow.key)!}: ${source} -> ${target} ${tmlString(flow.title)}`, [
            description(flow),
            flow.protocol !== undefined ? `protocol ${tmlString(flow.protocol)}` : undefined,
            flow.encrypted ? 'encrypted' : undefined,
            flow.authenticated ? 'authenticated' : undefined,
            flow.bidirectional ? 'bidirectional' : undefined,
            list('carries', refs(flow.carries, what)),
            tags(flow),
        ]));
    }
    for (const scenario of model.scenarios) {
        blocks.push(withComments(scenario, 0, `scenario ${names.get(scenario.key)!} ${tmlString(scenario.title)}`, [
            description(scenario), list('flows', refs(scenario.flows, `scenario '${commentText(scenario.title)}'`)),
        ]));
    }
    for (const threat of model.threats) blocks.push(writeThreat(threat, names, refs));
    for (const mitigation of model.mitigations) {
        blocks.push(withComments(mitigation, 0, `mitigation ${names.get(mitigation.key)!} ${tmlString(mitigation.title)}`, [
            description(mitigation),
            mitigation.technique !== undefined ? `technique ${tmlString(mitigation.technique)}` : undefined,
            mitigation.status !== undefined ? `status ${mitigation.status}` : undefined,
            mitigation.implementedIn !== undefined ? `implementedIn ${tmlString(mitigation.implementedIn)}` : undefined,
            mitigation.verifiedBy !== undefined ? `verifiedBy ${tmlString(mitigation.verifiedBy)}` : undefined,
        ]));
    }
    // Consecutive excludes of the same elements for the same reason (one tml exclude of several
    // categories, exported as one OTM threat per category) become one exclude again.
    const excludes: { categories: string[]; targets: string; reason: string; comments: readonly string[] }[] = [];
    for (const exclude of model.excludes) {
        const targets = refs(exclude.targets, `exclude ${exclude.category}`);
        if (targets.length === 0) continue;
        const last = excludes.at(-1);
        const joined = targets.join(', ');
        if (last && last.targets === joined && last.reason === exclude.reason && (exclude.comments ?? []).length === 0 && !last.categories.includes(exclude.category)) {
            last.categories.push(exclude.category);
        } else {
            excludes.push({ categories: [exclude.category], targets: joined, reason: exclude.reason, comments: exclude.comments ?? [] });
        }
    }
    for (const exclude of excludes) {
        blocks.push([...comments(exclude.comments, 0), `exclude ${exclude.categories.join(', ')} on ${exclude.targets} ${tmlString(exclude.reason)}`].join('\n'));
    }
    return { text: `${blocks.join('\n\n')}\n`, warnings };
}

/** The system's key in the name table: no source id can be empty and start with a NUL. */
const SYSTEM_KEY = '\u0000system';

function allocateNames(model: ImportedModel): Map<string, string> {
    const allocator = new NameAllocator();
    const names = new Map<string, string>();
    const claim = (d: Pick<ImportedDeclaration, 'key' | 'title' | 'name'>, fallback: string): void => {
        if (!names.has(d.key)) names.set(d.key, allocator.claim(d.title, fallback, d.name));
    };
    // Suggested names first, so that an exported tml model gets its own names back.
    const all: [Pick<ImportedDeclaration, 'key' | 'title' | 'name'>, string][] = [
        ...(model.system ? [[{ key: SYSTEM_KEY, title: model.system.title, ...(model.system.name !== undefined ? { name: model.system.name } : {}) }, 'System'] as [ImportedDeclaration, string]] : []),
        ...model.assumptions.map(a => [a, 'Assumption'] as [ImportedDeclaration, string]),
        ...model.dependencies.map(d => [d, 'Dependency'] as [ImportedDeclaration, string]),
        ...model.assets.map(a => [a, 'Asset'] as [ImportedDeclaration, string]),
        ...model.boundaries.map(b => [b, 'Boundary'] as [ImportedDeclaration, string]),
        ...model.nodes.map(n => [n, capitalise(n.kind)] as [ImportedDeclaration, string]),
        ...model.flows.map(f => [f, 'Flow'] as [ImportedDeclaration, string]),
        ...model.threats.map(t => [t, 'Threat'] as [ImportedDeclaration, string]),
        ...model.mitigations.map(m => [m, 'Mitigation'] as [ImportedDeclaration, string]),
        ...model.scenarios.map(s => [s, 'Scenario'] as [ImportedDeclaration, string]),
    ];
    for (const [d, fallback] of all) if (d.name !== undefined) claim(d, fallback);
    for (const [d, fallback] of all) claim({ key: d.key, title: d.title }, fallback);
    return names;
}

function writeThreat(threat: ImportedThreat, names: ReadonlyMap<string, string>, refs: (keys: readonly string[], what: string) => string[]): string {
    const what = `threat '${commentText(threat.title)}'`;
    const response = threat.response;
    const mitigations = response?.kind === 'fix' ? refs(response.mitigations, what) : [];
    return withComments(threat, 0, `threat ${names.get(threat.key)!} ${tmlString(threat.title)}`, [
        list('stride', threat.stride),
        list('targets', refs(threat.targets, what)),
        list('assets', refs(threat.assets, what)),
        description(threat),
        threat.impact !== undefined ? `impact ${tmlString(threat.impact)}` : undefined,
        threat.dread !== undefined ? dreadBlock(threat.dread) : undefined,
        response !== undefined ? `response ${response.kind}` : undefined,
        response?.kind === 'warn' && response.warning !== undefined ? `warning ${tmlString(response.warning)}` : undefined,
        (response?.kind === 'accept' || response?.kind === 'remove') && response.justification !== undefined ? `justification ${tmlString(response.justification)}` : undefined,
        list('mitigatedBy', mitigations),
        threat.bug !== undefined ? `bug ${tmlString(threat.bug)}` : undefined,
        list('cwe', (threat.cwe ?? []).map(String)),
        list('capec', (threat.capec ?? []).map(String)),
        threat.rule !== undefined ? `rule ${threat.rule}` : undefined,
    ]);
}

function dreadBlock(dread: ImportedDread): string {
    const factors = DREAD_FACTORS.flatMap(f => (dread[f] === undefined ? [] : [`${f} ${dread[f]}`]));
    return factors.length === 0 ? 'dread { }' : `dread { ${factors.join(' ')} }`;
}

/** Boundaries and nodes by the key of the boundary that holds them (`undefined`: the top level). */
function childrenOf(model: ImportedModel, warnings: string[]): Map<string | undefined, { boundaries: ImportedBoundary[]; nodes: ImportedNode[] }> {
    const parents = boundaryParents(model.boundaries, warnings);
    const children = new Map<string | undefined, { boundaries: ImportedBoundary[]; nodes: ImportedNode[] }>();
    const entry = (parent: string | undefined): { boundaries: ImportedBoundary[]; nodes: ImportedNode[] } => {
        let found = children.get(parent);
        if (!found) children.set(parent, (found = { boundaries: [], nodes: [] }));
        return found;
    };
    for (const boundary of model.boundaries) entry(parents.get(boundary.key)).boundaries.push(boundary);
    for (const node of model.nodes) entry(node.boundary !== undefined && parents.has(node.boundary) ? node.boundary : undefined).nodes.push(node);
    return children;
}

/**
 * Deepest boundary nesting written: the parser reads {@link MAX_NESTING} levels of braces, and a
 * node inside the deepest boundary opens one more.
 */
const MAX_BOUNDARY_DEPTH = MAX_NESTING - 1;

/**
 * Each boundary's enclosing boundary as written: the source's, unless that is unknown, part of a
 * cycle (`A` in `B` in `A`) or deeper than the parser reads; then the top level, with a warning.
 */
function boundaryParents(boundaries: readonly ImportedBoundary[], warnings: string[]): Map<string, string | undefined> {
    const byKey = new Map(boundaries.map(b => [b.key, b]));
    const parents = new Map<string, string | undefined>();
    for (const boundary of boundaries) {
        const seen = new Set([boundary.key]);
        let problem: string | undefined;
        for (let parent = boundary.parent; parent !== undefined && byKey.has(parent); parent = byKey.get(parent)!.parent) {
            if (seen.has(parent)) problem = 'its chain of enclosing boundaries is a cycle';
            else if (seen.size >= MAX_BOUNDARY_DEPTH) problem = `it is nested more than ${MAX_BOUNDARY_DEPTH} levels deep`;
            if (problem !== undefined) break;
            seen.add(parent);
        }
        const parent = problem === undefined && boundary.parent !== undefined && byKey.has(boundary.parent) ? boundary.parent : undefined;
        if (problem !== undefined) warnings.push(`boundary '${commentText(boundary.title)}' is written at the top level: ${problem}`);
        parents.set(boundary.key, parent);
    }
    return parents;
}

function withComments(d: ImportedDeclaration, depth: number, head: string, clauses: readonly (string | undefined)[]): string {
    return [...comments(d.comments, depth), declaration(depth, head, clauses)].join('\n');
}

function declaration(depth: number, head: string, clauses: readonly (string | undefined)[]): string {
    const body = clauses.filter((c): c is string => c !== undefined);
    if (body.length === 0) return pad(depth) + head;
    return `${pad(depth)}${head} {\n${body.map(c => pad(depth + 1) + c).join('\n')}\n${pad(depth)}}`;
}

function comments(texts: readonly string[], depth: number): string[] {
    return texts.map(t => `${pad(depth)}// ${commentText(t)}`.trimEnd());
}

function description(d: ImportedDeclaration): string | undefined {
    return d.description !== undefined ? `description ${tmlString(d.description)}` : undefined;
}

function tags(element: Tagged): string | undefined {
    return list('tags', (element.tags ?? []).map(tmlString));
}

function list(keyword: string, items: readonly string[]): string | undefined {
    return items.length === 0 ? undefined : `${keyword} ${items.join(', ')}`;
}

function pad(depth: number): string {
    return INDENT.repeat(depth);
}

