import * as fc from 'fast-check';
import { tmlString } from '../../../language-server/src/interop/tml-text.js';
import { modelText } from '../table-arbitraries.js';

const CATEGORIES = ['Spoofing', 'Tampering', 'Repudiation', 'InformationDisclosure', 'DenialOfService', 'ElevationOfPrivilege'] as const;
const KINDS = ['external', 'process', 'datastore'] as const;
const FACTORS = ['damage', 'reproducibility', 'exploitability', 'affectedUsers', 'discoverability'] as const;

const title = modelText;
const optionalText = fc.option(title, { nil: undefined });
const tags = fc.array(title, { maxLength: 2 });
const numbers = fc.uniqueArray(fc.integer({ min: 1, max: 1500 }), { maxLength: 2 });
const oneOf = <T>(...values: T[]): fc.Arbitrary<T | undefined> => fc.option(fc.constantFrom(...values), { nil: undefined });

/**
 * Random but well-formed tml models for the export/import round trip: nested boundaries, nodes of
 * every kind with their facts (the optional attributes included: trust, tags, type, privileged, encrypted, bidirectional, classification, cwe, capec), flows, assets, scenarios, threats with every response (with and
 * without their texts, mitigations and DREAD factors), mitigations and excludes, titles built from
 * characters that are special somewhere (quotes, line breaks, bidi controls, `<script>`, `=cmd`…).
 */
export const generatedModel: fc.Arbitrary<string> = fc.record({
    system: fc.option(fc.record({ title, description: optionalText, owner: optionalText, deployment: optionalText }), { nil: undefined }),
    assumptions: fc.array(title, { maxLength: 2 }),
    dependencies: fc.array(title, { maxLength: 2 }),
    assets: fc.array(fc.record({
        title, description: optionalText, classification: oneOf('public', 'internal', 'confidential', 'secret'), type: oneOf('credentials', 'token', 'personal', 'payment', 'key', 'other'),
    }), { maxLength: 3 }),
    boundaries: fc.array(fc.record({ title, parent: fc.nat(), trust: oneOf('untrusted', 'partial', 'trusted'), tags }), { maxLength: 4 }),
    nodes: fc.array(fc.record({
        kind: fc.constantFrom(...KINDS), title, boundary: fc.option(fc.nat(), { nil: undefined }), description: optionalText,
        technology: optionalText, entrypoint: fc.boolean(), logs: fc.boolean(), stores: fc.array(fc.nat(), { maxLength: 2 }),
        type: oneOf('person', 'service', 'device'), privileged: fc.boolean(), encrypted: fc.boolean(), tags,
    }), { minLength: 1, maxLength: 6 }),
    flows: fc.array(fc.record({
        title, source: fc.nat(), target: fc.nat(), protocol: optionalText, encrypted: fc.boolean(), authenticated: fc.boolean(),
        carries: fc.array(fc.nat(), { maxLength: 2 }), description: optionalText, bidirectional: fc.boolean(), tags,
    }), { maxLength: 6 }),
    scenarios: fc.array(fc.record({ title, flows: fc.array(fc.nat(), { maxLength: 3 }), description: optionalText }), { maxLength: 2 }),
    mitigations: fc.array(fc.record({
        title, status: fc.option(fc.constantFrom('planned', 'implemented', 'verified'), { nil: undefined }), technique: optionalText,
        verifiedBy: fc.option(fc.constantFrom('test/a.test.ts', 'missing/b.test.ts'), { nil: undefined }),
    }), { maxLength: 3 }),
    threats: fc.array(fc.record({
        title, stride: fc.subarray([...CATEGORIES], { maxLength: 3 }), targets: fc.array(fc.nat(), { maxLength: 3 }), assets: fc.array(fc.nat(), { maxLength: 2 }),
        description: optionalText, impact: optionalText,
        response: fc.option(fc.constantFrom('fix', 'accept', 'warn', 'remove'), { nil: undefined }),
        justification: optionalText, warning: optionalText, mitigatedBy: fc.array(fc.nat(), { maxLength: 2 }), bug: optionalText,
        dread: fc.option(fc.array(fc.tuple(fc.constantFrom(...FACTORS), fc.integer({ min: -2, max: 12 })), { maxLength: 5 }), { nil: undefined }),
        cwe: numbers, capec: numbers, rule: oneOf('PersonWithoutAuthentication', 'ServiceCallerForged', 'NoSuchRule'),
    }), { maxLength: 5 }),
    excludes: fc.array(fc.record({ categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 2 }), elements: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), reason: title }), { maxLength: 3 }),
}).map(render);

type Generated = Parameters<typeof render>[0];

function render(m: {
    system: { title: string; description: string | undefined; owner: string | undefined; deployment: string | undefined } | undefined;
    assumptions: string[]; dependencies: string[];
    assets: { title: string; description: string | undefined; classification: string | undefined; type: string | undefined }[];
    boundaries: { title: string; parent: number; trust: string | undefined; tags: string[] }[];
    nodes: {
        kind: (typeof KINDS)[number]; title: string; boundary: number | undefined; description: string | undefined; technology: string | undefined; entrypoint: boolean; logs: boolean; stores: number[];
        type: string | undefined; privileged: boolean; encrypted: boolean; tags: string[];
    }[];
    flows: { title: string; source: number; target: number; protocol: string | undefined; encrypted: boolean; authenticated: boolean; carries: number[]; description: string | undefined; bidirectional: boolean; tags: string[] }[];
    scenarios: { title: string; flows: number[]; description: string | undefined }[];
    mitigations: { title: string; status: string | undefined; technique: string | undefined; verifiedBy: string | undefined }[];
    threats: { title: string; stride: string[]; targets: number[]; assets: number[]; description: string | undefined; impact: string | undefined; response: string | undefined; justification: string | undefined; warning: string | undefined; mitigatedBy: number[]; bug: string | undefined; dread: [string, number][] | undefined; cwe: number[]; capec: number[]; rule: string | undefined }[];
    excludes: { categories: string[]; elements: number[]; reason: string }[];
}): string {
    const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
    const names = (prefix: string, list: readonly unknown[], indices: readonly number[]): string[] =>
        list.length === 0 ? [] : [...new Set(indices.map(i => `${prefix}${i % list.length}`))];
    const clause = (keyword: string, value: string | undefined): string[] => (value === undefined ? [] : [`${keyword} ${tmlString(value)}`]);
    const word = (keyword: string, value: string | undefined): string[] => (value === undefined ? [] : [`${keyword} ${value}`]);
    const listOf = (keyword: string, values: readonly (string | number)[]): string[] => (values.length === 0 ? [] : [`${keyword} ${values.join(', ')}`]);
    const tagClause = (values: readonly string[]): string[] => listOf('tags', values.map(tmlString));
    const block = (indent: string, head: string, clauses: readonly string[]): string =>
        clauses.length === 0 ? `${indent}${head}` : `${indent}${head} {\n${clauses.map(c => `${indent}    ${c}`).join('\n')}\n${indent}}`;
    const out: string[] = [];
    if (m.system) out.push(block('', `system Sys ${tmlString(m.system.title)}`, [...clause('description', m.system.description), ...clause('owner', m.system.owner), ...clause('deployment', m.system.deployment)]));
    m.assumptions.forEach((t, i) => out.push(`assumption Assume${i} ${tmlString(t)}`));
    m.dependencies.forEach((t, i) => out.push(`dependency Dep${i} ${tmlString(t)}`));
    m.assets.forEach((a, i) => out.push(block('', `asset A${i} ${tmlString(a.title)}`, [...clause('description', a.description), ...word('classification', a.classification), ...word('type', a.type)])));
    // Boundary i nests in a boundary declared before it (parent % i), or stands at the top.
    const parentOf = (i: number, parent: number): number | undefined => (i === 0 || parent % (i + 1) === i ? undefined : parent % i);
    const node = (n: Generated['nodes'][number], i: number, indent: string): string => block(indent, `${n.kind} N${i} ${tmlString(n.title)}`, [
        ...clause('description', n.description),
        ...(n.kind !== 'external' ? clause('technology', n.technology) : word('type', n.type)),
        ...(n.kind === 'process' && n.entrypoint ? ['entrypoint'] : []),
        ...(n.kind === 'process' && n.privileged ? ['privileged'] : []),
        ...(n.kind === 'datastore' && n.logs ? ['logs'] : []),
        ...(n.kind === 'datastore' && n.encrypted ? ['encrypted'] : []),
        ...tagClause(n.tags),
        ...(n.kind === 'datastore' && m.assets.length > 0 && n.stores.length > 0 ? [`stores ${names('A', m.assets, n.stores).join(', ')}`] : []),
    ]);
    const writeBoundary = (b: number, indent: string): string => {
        const inner = [
            ...word(`${indent}    trust`, m.boundaries[b]!.trust), ...tagClause(m.boundaries[b]!.tags).map(c => `${indent}    ${c}`),
            ...m.boundaries.flatMap((x, j) => (j !== b && parentOf(j, x.parent) === b ? [writeBoundary(j, `${indent}    `)] : [])),
            ...m.nodes.flatMap((n, j) => (n.boundary !== undefined && m.boundaries.length > 0 && n.boundary % m.boundaries.length === b ? [node(n, j, `${indent}    `)] : [])),
        ];
        const head = `${indent}boundary B${b} ${tmlString(m.boundaries[b]!.title)}`;
        return inner.length === 0 ? head : `${head} {\n${inner.join('\n')}\n${indent}}`;
    };
    m.boundaries.forEach((b, i) => {
        if (parentOf(i, b.parent) === undefined) out.push(writeBoundary(i, ''));
    });
    m.nodes.forEach((n, i) => {
        if (n.boundary === undefined || m.boundaries.length === 0) out.push(node(n, i, ''));
    });
    m.flows.forEach((f, i) => out.push(block('', `flow F${i}: N${f.source % m.nodes.length} -> N${f.target % m.nodes.length} ${tmlString(f.title)}`, [
        ...clause('description', f.description), ...clause('protocol', f.protocol), ...(f.encrypted ? ['encrypted'] : []), ...(f.authenticated ? ['authenticated'] : []),
        ...(f.bidirectional ? ['bidirectional'] : []), ...tagClause(f.tags),
        ...(m.assets.length > 0 && f.carries.length > 0 ? [`carries ${names('A', m.assets, f.carries).join(', ')}`] : []),
    ])));
    m.scenarios.forEach((s, i) => out.push(block('', `scenario S${i} ${tmlString(s.title)}`, [
        ...clause('description', s.description), ...(m.flows.length > 0 && s.flows.length > 0 ? [`flows ${names('F', m.flows, s.flows).join(', ')}`] : []),
    ])));
    const elements = [...m.nodes.map((_, i) => `N${i}`), ...m.flows.map((_, i) => `F${i}`)];
    const elementNames = (indices: readonly number[]): string[] => [...new Set(indices.flatMap(i => pick(elements, i) ?? []))];
    m.threats.forEach((t, i) => out.push(block('', `threat T${i} ${tmlString(t.title)}`, [
        ...(t.stride.length > 0 ? [`stride ${t.stride.join(', ')}`] : []),
        ...(t.targets.length > 0 ? [`targets ${elementNames(t.targets).join(', ')}`] : []),
        ...(m.assets.length > 0 && t.assets.length > 0 ? [`assets ${names('A', m.assets, t.assets).join(', ')}`] : []),
        ...clause('description', t.description), ...clause('impact', t.impact),
        ...(t.dread !== undefined ? [`dread { ${[...new Map(t.dread)].map(([f, v]) => `${f} ${v}`).join(' ')} }`.replace('{  }', '{ }')] : []),
        ...(t.response !== undefined ? [`response ${t.response}`] : []),
        ...(t.response === 'warn' ? clause('warning', t.warning) : []),
        ...(t.response === 'accept' || t.response === 'remove' ? clause('justification', t.justification) : []),
        ...(t.response === 'fix' && m.mitigations.length > 0 && t.mitigatedBy.length > 0 ? [`mitigatedBy ${names('M', m.mitigations, t.mitigatedBy).join(', ')}`] : []),
        ...clause('bug', t.bug), ...listOf('cwe', t.cwe), ...listOf('capec', t.capec),
        // A name that is no rule is a link error: the generator writes only rules of the built-in library.
        ...(t.rule !== undefined && t.rule !== 'NoSuchRule' ? [`rule ${t.rule}`] : []),
    ])));
    m.mitigations.forEach((x, i) => out.push(block('', `mitigation M${i} ${tmlString(x.title)}`, [
        ...clause('technique', x.technique), ...(x.status !== undefined ? [`status ${x.status}`] : []), ...clause('verifiedBy', x.verifiedBy),
    ])));
    m.excludes.forEach(e => out.push(`exclude ${e.categories.join(', ')} on ${elementNames(e.elements).join(', ')} ${tmlString(e.reason)}`));
    return `${out.join('\n\n')}\n`;
}
