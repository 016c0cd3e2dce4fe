import type { DfdElement, Exclude, Mitigation, StrideCategory, Threat } from '../generated/ast.js';
import { computeRisk } from '../model/risk.js';
import type { ModelView } from './export-model.js';
import { OUTSIDE_ATTRIBUTE, OUTSIDE_ZONE_ID, TML_ATTRIBUTE, UNKNOWN_FACT } from './otm-attributes.js';
import { CONFIDENTIALITY, cweLabel, numberListAttribute, tagsAttribute, TRUST_RATINGS } from './otm-facts.js';

/** The OTM version written (the schema kept in test/fixtures/interop/schemas/). */
export const OTM_VERSION = '0.2.0';

/** How OTM files spell the STRIDE categories. */
export const CATEGORY_LABELS: Readonly<Record<StrideCategory, string>> = {
    Spoofing: 'Spoofing', Tampering: 'Tampering', Repudiation: 'Repudiation', InformationDisclosure: 'Information Disclosure',
    DenialOfService: 'Denial of Service', ElevationOfPrivilege: 'Elevation of Privilege',
};

/** A tml response as an OTM threat-instance state (import reads these words back; docs/interop.md). */
const RESPONSE_STATES: Readonly<Record<string, string>> = { fix: 'mitigated', accept: 'accepted', warn: 'transferred', remove: 'avoided' };
/** A tml mitigation status as an OTM mitigation-instance state. */
const STATUS_STATES: Readonly<Record<string, string>> = { planned: 'required', implemented: 'implemented', verified: 'verified' };

type Attributes = Record<string, string>;

/**
 * The model as an Open Threat Model 0.2.0 document (docs/interop.md): boundaries
 * as trust zones, nodes as components, flows as dataflows, threats with an instance on each
 * target, excludes as not-applicable threats; what OTM has no field for in `tml.` attributes.
 */
export function exportOtm(view: ModelView): object {
    const { system } = view;
    const project = compact({
        name: system?.title ?? 'Threat model', id: system?.name ?? 'threat-model', description: system?.description, owner: system?.owner,
        attributes: attributes({
            [TML_ATTRIBUTE.name]: system?.name, [TML_ATTRIBUTE.deployment]: system?.deployment, [TML_ATTRIBUTE.noSystem]: system ? undefined : 'true',
            ...Object.fromEntries(view.assumptions.map(a => [`tml.assumption.${a.name}`, a.title])),
            ...Object.fromEntries(view.dependencies.map(d => [`tml.dependency.${d.name}`, d.title])),
            ...Object.fromEntries(view.scenarios.flatMap(s => [
                [`tml.scenario.${s.name}`, s.title],
                [`tml.scenario.${s.name}.flows`, s.flows.flatMap(f => f.ref?.name ?? []).join(', ')],
                ...(s.description !== undefined ? [[`tml.scenario.${s.name}.description`, s.description]] : []),
            ])),
        }),
    });
    const outside = view.nodes.some(n => !n.boundary);
    const trustZones = [
        ...view.boundaries.map(({ boundary, parent }) => compact({
            id: boundary.name, name: boundary.title, type: 'trust-boundary', risk: { trustRating: boundary.trust !== undefined ? TRUST_RATINGS[boundary.trust] : 50 },
            parent: parent ? { trustZone: parent.name } : undefined,
            attributes: attributes({
                [TML_ATTRIBUTE.name]: boundary.name, [TML_ATTRIBUTE.trust]: boundary.trust === undefined ? UNKNOWN_FACT : undefined,
                [TML_ATTRIBUTE.tags]: tagsAttribute(boundary.tags),
            }),
        })),
        ...(outside ? [{ id: OUTSIDE_ZONE_ID, name: 'Outside every trust boundary', type: 'none', risk: { trustRating: 50 }, attributes: { [OUTSIDE_ATTRIBUTE]: 'true' } }] : []),
    ];
    const instances = threatInstances(view);
    const components = view.nodes.map(({ node, boundary }) => compact({
        id: node.name, name: node.title, type: kindOf(node), description: node.description,
        parent: { trustZone: boundary?.name ?? OUTSIDE_ZONE_ID },
        assets: node.$type === 'Datastore' && node.stores.length > 0 ? { stored: node.stores.flatMap(a => a.ref?.name ?? []) } : undefined,
        threats: instances.get(node) ?? [], tags: node.tags.length > 0 ? node.tags : undefined,
        attributes: attributes({
            [TML_ATTRIBUTE.name]: node.name, [TML_ATTRIBUTE.kind]: kindOf(node),
            [TML_ATTRIBUTE.technology]: node.$type === 'External' ? undefined : node.technology,
            [TML_ATTRIBUTE.entrypoint]: node.$type === 'Process' && node.entrypoint ? 'true' : undefined,
            [TML_ATTRIBUTE.privileged]: node.$type === 'Process' && node.privileged ? 'true' : undefined,
            [TML_ATTRIBUTE.logs]: node.$type === 'Datastore' && node.logs ? 'true' : undefined,
            [TML_ATTRIBUTE.encrypted]: node.$type === 'Datastore' && node.encrypted ? 'true' : undefined,
            [TML_ATTRIBUTE.type]: node.$type === 'External' ? node.type : undefined,
        }),
    }));
    const dataflows = view.flows.filter(f => f.source?.ref?.name && f.target?.ref?.name).map(flow => compact({
        id: flow.name, name: flow.title, description: flow.description, bidirectional: flow.bidirectional,
        source: flow.source.ref!.name, destination: flow.target.ref!.name,
        assets: flow.carries.flatMap(a => a.ref?.name ?? []), threats: instances.get(flow) ?? [], tags: flow.tags.length > 0 ? flow.tags : undefined,
        attributes: attributes({
            [TML_ATTRIBUTE.name]: flow.name, [TML_ATTRIBUTE.protocol]: flow.protocol,
            [TML_ATTRIBUTE.encrypted]: flow.encrypted ? 'true' : undefined, [TML_ATTRIBUTE.authenticated]: flow.authenticated ? 'true' : undefined,
        }),
    }));
    const threats = [
        ...view.threats.map(threat => compact({
            id: threat.name, name: threat.title, description: threat.description,
            categories: threat.stride.map(c => CATEGORY_LABELS[c]), cwes: threat.cwe.length > 0 ? threat.cwe.map(cweLabel) : undefined,
            risk: otmRisk(threat), attributes: threatAttributes(threat),
        })),
        // An exclude of several categories is one OTM threat per category.
        ...excludedCategories(view).map(({ exclude, category, id }) => ({
            id, name: `${CATEGORY_LABELS[category]} excluded`, description: exclude.reason,
            categories: [CATEGORY_LABELS[category]], risk: { likelihood: null, impact: 0, impactComment: 'Excluded in tml: not applicable' },
            attributes: { [TML_ATTRIBUTE.reason]: exclude.reason, [TML_ATTRIBUTE.targets]: exclude.elements.flatMap(e => e.ref?.name ?? []).join(', ') },
        })),
    ];
    const mitigations = view.mitigations.map(m => compact({
        id: m.name, name: m.title, description: m.description, riskReduction: 0,
        attributes: attributes({
            [TML_ATTRIBUTE.name]: m.name, [TML_ATTRIBUTE.status]: m.status, [TML_ATTRIBUTE.technique]: m.technique,
            [TML_ATTRIBUTE.implementedIn]: m.implementedIn, [TML_ATTRIBUTE.verifiedBy]: m.verifiedBy,
        }),
    }));
    const assets = view.assets.map(a => compact({
        id: a.name, name: a.title, description: a.description,
        risk: a.classification !== undefined
            ? { confidentiality: CONFIDENTIALITY[a.classification], integrity: 0, availability: 0, comment: `Classification ${a.classification} in tml; integrity and availability not rated` }
            : { confidentiality: 0, integrity: 0, availability: 0, comment: 'Not rated in tml' },
        attributes: attributes({
            [TML_ATTRIBUTE.name]: a.name, [TML_ATTRIBUTE.classification]: a.classification === undefined ? UNKNOWN_FACT : undefined, [TML_ATTRIBUTE.type]: a.type,
        }),
    }));
    return { otmVersion: OTM_VERSION, project, representations: [], assets, trustZones, components, dataflows, threats, mitigations };
}

/** One OTM threat per category of each exclude, `tml-exclude-1`, `tml-exclude-2`… in declaration order. */
function excludedCategories(view: ModelView): { exclude: Exclude; category: StrideCategory; id: string }[] {
    return view.excludes
        .flatMap(exclude => exclude.categories.map(category => ({ exclude, category })))
        .map((entry, index) => ({ ...entry, id: `tml-exclude-${index + 1}` }));
}

/** Each DFD element's threat instances: one per threat that targets it and per exclude that names it. */
function threatInstances(view: ModelView): Map<DfdElement, object[]> {
    const instances = new Map<DfdElement, object[]>();
    const add = (element: DfdElement | undefined, instance: object): void => {
        if (!element) return;
        const list = instances.get(element) ?? [];
        instances.set(element, list);
        list.push(instance);
    };
    for (const threat of view.threats) {
        const state = threat.response !== undefined ? RESPONSE_STATES[threat.response] ?? 'exposed' : 'exposed';
        const mitigations = threat.mitigatedBy.flatMap(m => (m.ref?.name ? [{ mitigation: m.ref.name, state: mitigationState(m.ref) }] : []));
        for (const target of new Set(threat.targets.map(t => t.ref))) add(target, { threat: threat.name, state, mitigations });
    }
    for (const { exclude, id } of excludedCategories(view)) {
        for (const element of new Set(exclude.elements.map(e => e.ref))) add(element, { threat: id, state: 'not-applicable', mitigations: [] });
    }
    return instances;
}

function mitigationState(mitigation: Mitigation): string {
    return mitigation.status !== undefined ? STATUS_STATES[mitigation.status] ?? 'required' : 'required';
}

function threatAttributes(threat: Threat): Attributes {
    return attributes({
        [TML_ATTRIBUTE.name]: threat.name, [TML_ATTRIBUTE.response]: threat.response, [TML_ATTRIBUTE.justification]: threat.justification,
        [TML_ATTRIBUTE.warning]: threat.warning, [TML_ATTRIBUTE.impact]: threat.impact, [TML_ATTRIBUTE.bug]: threat.bug,
        [TML_ATTRIBUTE.dread]: threat.dread ? threat.dread.factors.map(f => `${f.factor} ${f.value}`).join(', ') : undefined,
        [TML_ATTRIBUTE.mitigatedBy]: threat.mitigatedBy.length > 0 ? threat.mitigatedBy.flatMap(m => m.ref?.name ?? []).join(', ') : undefined,
        [TML_ATTRIBUTE.targets]: threat.targets.length > 0 ? threat.targets.flatMap(t => t.ref?.name ?? []).join(', ') : undefined,
        [TML_ATTRIBUTE.assets]: threat.assets.length > 0 ? threat.assets.flatMap(a => a.ref?.name ?? []).join(', ') : undefined,
        [TML_ATTRIBUTE.capec]: numberListAttribute(threat.capec),
        [TML_ATTRIBUTE.rule]: threat.rule?.$refText || undefined,
    });
}

/**
 * OTM's risk (0–100) from DREAD: impact from damage and affected users, likelihood from
 * reproducibility, exploitability and discoverability, each the mean ×10; without DREAD, not rated.
 */
function otmRisk(threat: Threat): object {
    const risk = computeRisk(threat.dread);
    const factor = (name: string): number | undefined => threat.dread?.factors.find(f => f.factor === name)?.value;
    const mean = (names: readonly string[]): number | undefined => {
        const values = names.map(factor);
        return values.every((v): v is number => v !== undefined) ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) : undefined;
    };
    const impact = mean(['damage', 'affectedUsers']);
    const likelihood = mean(['reproducibility', 'exploitability', 'discoverability']);
    if (impact === undefined || likelihood === undefined || risk === undefined) return { likelihood: null, impact: 0, impactComment: 'Not rated in tml (no complete DREAD rating)' };
    return { likelihood: clamp(likelihood), impact: clamp(impact), impactComment: `DREAD risk ${risk.risk} (${risk.rating})` };
}

function clamp(value: number): number {
    return Math.min(100, Math.max(0, value));
}

function kindOf(node: { readonly $type: string }): string {
    return node.$type.toLowerCase();
}

/** Attributes without the undefined entries. */
function attributes(entries: Record<string, string | undefined>): Attributes {
    return Object.fromEntries(Object.entries(entries).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The object without its undefined fields (JSON.stringify drops them too; this keeps tests exact). */
function compact<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
