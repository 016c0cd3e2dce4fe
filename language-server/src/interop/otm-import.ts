import type { ExternalType } from '../generated/ast.js';
import { isAssetType, isExternalType } from '../generated/ast.js';
import type { ImportedModel, ImportedNodeKind } from './imported-model.js';
import { arrayField, booleanField, expect, field, isObject, numberField, optional, stringField, textField } from './json-input.js';
import { classificationOfConfidentiality, parseTagsAttribute, trustOfRating } from './otm-facts.js';
import { describe, ModelBuilder } from './model-builder.js';
import { importOtmThreats } from './otm-threats.js';
import { foreignAttributes, identified, OTM_KEYS, otmTags, OUTSIDE_ATTRIBUTE, TML_ATTRIBUTE, tmlAttributes, UNKNOWN_FACT } from './otm-attributes.js';

/** The OTM versions this importer is written for; others are read as 0.2.0 with a warning. */
const OTM_VERSIONS = ['0.1.0', '0.2.0'];

/**
 * Reads an Open Threat Model file (0.2.0 or 0.1.0; docs/interop.md, "OTM"): trust zones become
 * boundaries nested by `parent`, components become externals, processes or data stores, dataflows
 * flows, and threat instances threats with a response from their state.
 * @throws ImportError when the file is not an OTM document.
 */
export function importOtm(document: unknown): { model: ImportedModel; warnings: string[] } {
    expect(isObject(document) && typeof field(document, 'otmVersion') === 'string', 'not an OTM file: "otmVersion" is missing or not a string');
    const project = field(document, 'project');
    expect(isObject(project) && stringField(project, 'name') !== undefined, 'not a valid OTM file: "project" must be an object with a "name"');
    const builder = new ModelBuilder();
    const version = textField(document, 'otmVersion')!;
    if (!OTM_VERSIONS.includes(version)) builder.warn(`otmVersion '${version}' is not ${OTM_VERSIONS.join(' or ')}; the file is read as 0.2.0`);
    importAssets(document, builder);
    importZones(document, builder);
    importComponents(document, builder);
    importFlows(document, builder);
    importOtmThreats(document, builder);
    const attributes = tmlAttributes(field(project, 'attributes'));
    importBackground(attributes, builder);
    const name = attributes.get(TML_ATTRIBUTE.name);
    const description = stringField(project, 'description');
    const owner = textField(project, 'owner');
    return {
        model: builder.build(attributes.get(TML_ATTRIBUTE.noSystem) === 'true' ? undefined : {
            title: stringField(project, 'name')!, comments: foreignAttributes(project, 'project', builder),
            ...(name !== undefined ? { name } : {}), ...(description !== undefined ? { description } : {}), ...(owner !== undefined ? { owner } : {}),
            ...optional('deployment', attributes.get(TML_ATTRIBUTE.deployment)),
        }),
        warnings: builder.warnings,
    };
}

function importAssets(document: unknown, builder: ModelBuilder): void {
    for (const { element: asset, id, title } of identified(arrayField(document, 'assets'), 'asset', builder)) {
        if (!builder.claimKey(OTM_KEYS.asset + id, 'asset', id)) continue;
        const attributes = tmlAttributes(field(asset, 'attributes'));
        const comments = foreignAttributes(asset, describe('asset', title), builder);
        const risk = field(asset, 'risk');
        const confidentiality = numberField(risk, 'confidentiality');
        const classification = confidentiality !== undefined && attributes.get(TML_ATTRIBUTE.classification) !== UNKNOWN_FACT ? classificationOfConfidentiality(confidentiality) : undefined;
        if (isObject(risk) && !attributes.has(TML_ATTRIBUTE.name)) {
            // Confidentiality is the classification; integrity and availability have no tml attribute.
            const figures = ['confidentiality', 'integrity', 'availability'].filter(k => k !== 'confidentiality' || classification === undefined).map(k => `${k} ${textField(risk, k) ?? '?'}`).join(', ');
            const comment = textField(risk, 'comment');
            comments.push(builder.keep(describe('asset', title), `OTM risk: ${figures}${comment !== undefined ? ` (${comment})` : ''}`));
        }
        const type = attributes.get(TML_ATTRIBUTE.type);
        builder.assets.push({
            key: OTM_KEYS.asset + id, title, comments, ...optional('name', attributes.get(TML_ATTRIBUTE.name)), ...optional('description', stringField(asset, 'description')),
            ...(classification !== undefined ? { classification } : {}), ...(type !== undefined && isAssetType(type) ? { type } : {}),
        });
    }
}

function importZones(document: unknown, builder: ModelBuilder): void {
    const zones = arrayField(document, 'trustZones');
    const ids = new Set(zones.filter(z => tmlAttributes(field(z, 'attributes')).get(OUTSIDE_ATTRIBUTE) !== 'true').map(z => textField(z, 'id')));
    for (const { element: zone, id, title } of identified(zones, 'trust zone', builder)) {
        const attributes = tmlAttributes(field(zone, 'attributes'));
        // The zone tml's export makes for the nodes outside every boundary is no boundary.
        if (attributes.get(OUTSIDE_ATTRIBUTE) === 'true') continue;
        if (!builder.claimKey(OTM_KEYS.zone + id, 'trust zone', id)) continue;
        const what = describe('trust zone', title);
        const comments = foreignAttributes(zone, what, builder);
        const rating = numberField(field(zone, 'risk'), 'trustRating');
        const trust = rating !== undefined && attributes.get(TML_ATTRIBUTE.trust) !== UNKNOWN_FACT ? trustOfRating(rating) : undefined;
        const ratingText = textField(field(zone, 'risk'), 'trustRating');
        if (rating === undefined && ratingText !== undefined) comments.push(builder.keep(what, `OTM trust rating '${ratingText}' (not a number)`));
        const type = textField(zone, 'type');
        if (type !== undefined && !attributes.has(TML_ATTRIBUTE.name)) comments.push(builder.keep(what, `OTM type '${type}'`));
        const parentZone = textField(field(zone, 'parent'), 'trustZone');
        const parentComponent = textField(field(zone, 'parent'), 'component');
        if (parentComponent !== undefined) builder.warn(`${what} is inside component '${parentComponent}', which tml cannot express; it is written at the top level`);
        else if (parentZone !== undefined && !ids.has(parentZone)) builder.warn(`${what} names parent trust zone '${parentZone}', which the file does not declare; it is written at the top level`);
        const description = stringField(zone, 'description');
        builder.boundaries.push({
            key: OTM_KEYS.zone + id, title, comments, ...optional('name', attributes.get(TML_ATTRIBUTE.name)), ...optional('description', description),
            ...(trust !== undefined ? { trust } : {}), ...tagged(parseTagsAttribute(attributes.get(TML_ATTRIBUTE.tags))),
            ...(parentZone !== undefined && parentComponent === undefined && ids.has(parentZone) ? { parent: OTM_KEYS.zone + parentZone } : {}),
        });
    }
}

function importComponents(document: unknown, builder: ModelBuilder): void {
    const outside = new Set(arrayField(document, 'trustZones').filter(z => tmlAttributes(field(z, 'attributes')).get(OUTSIDE_ATTRIBUTE) === 'true').map(z => textField(z, 'id')));
    const components = arrayField(document, 'components');
    const parents = new Map(components.map(c => [textField(c, 'id'), field(c, 'parent')]));
    for (const { element: component, id, title } of identified(components, 'component', builder)) {
        if (!builder.claimKey(OTM_KEYS.component + id, 'component', id)) continue;
        const attributes = tmlAttributes(field(component, 'attributes'));
        const kind = kindOf(attributes.get(TML_ATTRIBUTE.kind), textField(component, 'type'));
        const what = describe(kind, title);
        const comments = foreignAttributes(component, what, builder);
        const stored = arrayField(field(component, 'assets'), 'stored').filter((a): a is string => typeof a === 'string');
        const processed = arrayField(field(component, 'assets'), 'processed').filter((a): a is string => typeof a === 'string');
        if (processed.length > 0) comments.push(builder.keep(what, `processes assets ${processed.join(', ')}`));
        if (stored.length > 0 && kind !== 'datastore') comments.push(builder.keep(what, `stores assets ${stored.join(', ')}`));
        let boundary = enclosingZone(id, parents, what, builder);
        if (boundary !== undefined && outside.has(boundary)) boundary = undefined;
        if (boundary !== undefined && !builder.has(OTM_KEYS.zone + boundary)) {
            builder.warn(`${what} names trust zone '${boundary}', which the file does not declare; it is written outside every boundary`);
            boundary = undefined;
        }
        builder.nodes.push({
            key: OTM_KEYS.component + id, kind, title, comments,
            stores: kind === 'datastore' ? stored.map(a => OTM_KEYS.asset + a) : [],
            ...optional('name', attributes.get(TML_ATTRIBUTE.name)), ...optional('description', stringField(component, 'description')),
            ...optional('technology', attributes.get(TML_ATTRIBUTE.technology)),
            ...(boundary !== undefined ? { boundary: OTM_KEYS.zone + boundary } : {}),
            ...(attributes.get(TML_ATTRIBUTE.entrypoint) === 'true' ? { entrypoint: true } : {}),
            ...(attributes.get(TML_ATTRIBUTE.logs) === 'true' ? { logs: true } : {}),
            ...(attributes.get(TML_ATTRIBUTE.privileged) === 'true' ? { privileged: true } : {}),
            ...(attributes.get(TML_ATTRIBUTE.encrypted) === 'true' ? { encrypted: true } : {}),
            ...externalType(attributes.get(TML_ATTRIBUTE.type)), ...tagged(otmTags(component)),
        });
    }
}

/**
 * The trust zone that holds a component: its parent zone, or the zone of the component it sits
 * in (tml nests no node in a node), followed up the chain; none, with a warning, for a cycle.
 */
function enclosingZone(id: string, parents: ReadonlyMap<string | undefined, unknown>, what: string, builder: ModelBuilder): string | undefined {
    const seen = new Set([id]);
    let parent = parents.get(id);
    let first: string | undefined;
    for (;;) {
        const zone = textField(parent, 'trustZone');
        if (zone !== undefined) {
            if (first !== undefined) builder.warn(`${what} is inside component '${first}', which tml cannot express; it is placed in that component's trust zone`);
            return zone;
        }
        const component = textField(parent, 'component');
        if (component === undefined) return undefined;
        const problem = seen.has(component) ? 'its chain of parent components is a cycle' : !parents.has(component) ? `its parent component '${component}' is not declared` : undefined;
        if (problem !== undefined) {
            builder.warn(`${what}: ${problem}; it is written outside every boundary`);
            return undefined;
        }
        first ??= component;
        seen.add(component);
        parent = parents.get(component);
    }
}

function importFlows(document: unknown, builder: ModelBuilder): void {
    for (const { element: flow, id, title } of identified(arrayField(document, 'dataflows'), 'dataflow', builder)) {
        const what = describe('dataflow', title);
        const source = textField(flow, 'source');
        const target = textField(flow, 'destination');
        const missing = [source, target].filter(end => end === undefined || !builder.has(OTM_KEYS.component + end));
        if (missing.length > 0) {
            builder.warn(`${what} is skipped: it connects ${missing.map(m => `'${m ?? '(none)'}'`).join(' and ')}, which ${missing.length === 1 ? 'is not a component' : 'are not components'} of the file`);
            continue;
        }
        if (!builder.claimKey(OTM_KEYS.flow + id, 'dataflow', id)) continue;
        const attributes = tmlAttributes(field(flow, 'attributes'));
        const comments = foreignAttributes(flow, what, builder);
        builder.flows.push({
            key: OTM_KEYS.flow + id, title, comments, source: OTM_KEYS.component + source!, target: OTM_KEYS.component + target!,
            carries: arrayField(flow, 'assets').filter((a): a is string => typeof a === 'string').map(a => OTM_KEYS.asset + a),
            ...optional('name', attributes.get(TML_ATTRIBUTE.name)), ...optional('description', stringField(flow, 'description')),
            ...optional('protocol', attributes.get(TML_ATTRIBUTE.protocol)),
            ...(attributes.get(TML_ATTRIBUTE.encrypted) === 'true' ? { encrypted: true } : {}),
            ...(attributes.get(TML_ATTRIBUTE.authenticated) === 'true' ? { authenticated: true } : {}),
            ...(booleanField(flow, 'bidirectional') ? { bidirectional: true } : {}), ...tagged(otmTags(flow)),
        });
    }
}

function tagged(tags: readonly string[]): { tags?: readonly string[] } {
    return tags.length > 0 ? { tags } : {};
}

function externalType(type: string | undefined): { type?: ExternalType } {
    return type !== undefined && isExternalType(type) ? { type } : {};
}

/** Words in an OTM component `type` that say what kind of DFD node it is (docs/interop.md). */
const DATASTORE_WORDS = /database|datastore|store|storage|(^|[^a-z])db($|[^a-z])|bucket|queue|cache|file|s3|blob|table|ledger|repository|disk|vault/i;
const EXTERNAL_WORDS = /client|user|browser|actor|human|person|external|mobile|partner|third.?party|customer|device|iot/i;

function kindOf(tmlKind: string | undefined, type: string | undefined): ImportedNodeKind {
    if (tmlKind === 'external' || tmlKind === 'process' || tmlKind === 'datastore') return tmlKind;
    if (type === undefined) return 'process';
    if (DATASTORE_WORDS.test(type)) return 'datastore';
    return EXTERNAL_WORDS.test(type) ? 'external' : 'process';
}

/** The assumptions, dependencies and scenarios tml's export keeps in the project's `tml.` attributes. */
function importBackground(attributes: ReadonlyMap<string, string>, builder: ModelBuilder): void {
    for (const [key, value] of attributes) {
        const [, kind, name, part] = /^tml\.(assumption|dependency|scenario)\.(\w+)(?:\.(flows|description))?$/.exec(key) ?? [];
        if (kind === undefined || name === undefined || part !== undefined) continue;
        if (kind === 'assumption') builder.assumptions.push({ key: `assumption:${name}`, name, title: value, comments: [] });
        else if (kind === 'dependency') builder.dependencies.push({ key: `dependency:${name}`, name, title: value, comments: [] });
        else {
            const flows = (attributes.get(`${key}.flows`) ?? '').split(',').map(f => f.trim()).filter(f => f !== '').map(f => OTM_KEYS.flow + f);
            builder.scenarios.push({ key: `scenario:${name}`, name, title: value, comments: [], flows, ...optional('description', attributes.get(`${key}.description`)) });
        }
    }
}
