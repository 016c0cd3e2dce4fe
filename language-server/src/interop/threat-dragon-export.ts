import type { DfdElement, StrideCategory, Threat } from '../generated/ast.js';
import { computeRisk } from '../model/risk.js';
import { isThreatAddressed } from '../model/responses.js';
import type { ModelView } from './export-model.js';
import type { Rect } from './geometry.js';
import type { DiagramLayout } from './layout.js';

/** The Threat Dragon version written into the file (its v2 schema is kept in test/fixtures/interop/schemas/). */
export const THREAT_DRAGON_VERSION = '2.3.0';

/** Threat Dragon's English STRIDE labels, which it stores as a threat's `type`. */
const TYPE_LABELS: Readonly<Record<StrideCategory, string>> = {
    Spoofing: 'Spoofing', Tampering: 'Tampering', Repudiation: 'Repudiation', InformationDisclosure: 'Information disclosure',
    DenialOfService: 'Denial of service', ElevationOfPrivilege: 'Elevation of privilege',
};

/** tml responses as Threat Dragon statuses (import reads them back; docs/interop.md). */
const RESPONSE_STATUSES: Readonly<Record<string, string>> = { fix: 'Mitigated', accept: 'Accepted', warn: 'Transferred', remove: 'Avoided' };

const SHAPES = { external: ['actor', 'tm.Actor'], process: ['process', 'tm.Process'], datastore: ['store', 'tm.Store'] } as const;

/**
 * The model as an OWASP Threat Dragon v2 file (docs/interop.md): one STRIDE diagram
 * with the nodes, flows and boundary boxes where the DFD layout puts them, and each element's
 * threats (one per category) and excludes (as "NotApplicable" threats) in `data.threats`.
 */
export function exportThreatDragon(view: ModelView, layout: DiagramLayout): object {
    const threats = threatsByElement(view);
    let fallback = 0;
    const rectOf = (name: string, width: number, height: number): Rect => layout.rects.get(name) ?? { x: 40 + 200 * (fallback % 5), y: 40 + 140 * Math.floor(fallback++ / 5), width, height };
    const cells: object[] = [];
    const members = new Map<string, string[]>();
    for (const { boundary, parent } of view.boundaries) {
        for (let p = parent; p; p = view.boundaries.find(b => b.boundary === p)?.parent) members.set(p.name, [...(members.get(p.name) ?? []), boundary.name]);
    }
    for (const { node, boundary } of view.nodes) {
        for (let p = boundary; p; p = view.boundaries.find(b => b.boundary === p)?.parent) members.set(p.name, [...(members.get(p.name) ?? []), node.name]);
    }
    view.boundaries.forEach(({ boundary }, index) => {
        const rect = rectOf(boundary.name, 400, 300);
        cells.push({
            id: boundary.name, shape: 'trust-boundary-box', zIndex: -50 + index, position: { x: rect.x, y: rect.y }, size: { width: rect.width, height: rect.height },
            attrs: { label: { text: boundary.title } },
            data: { type: 'tm.BoundaryBox', name: boundary.title, description: '', isTrustBoundary: true, hasOpenThreats: false, containedElements: members.get(boundary.name) ?? [] },
        });
    });
    view.nodes.forEach(({ node }, index) => {
        const kind = node.$type === 'External' ? 'external' : node.$type === 'Process' ? 'process' : 'datastore';
        const [shape, type] = SHAPES[kind];
        const rect = rectOf(node.name, 160, 80);
        const own = threats.get(node) ?? [];
        cells.push({
            id: node.name, shape, zIndex: index + 1, position: { x: rect.x, y: rect.y }, size: { width: rect.width, height: rect.height },
            attrs: { text: { text: node.title } },
            data: {
                type, name: node.title, description: node.description ?? '', isTrustBoundary: false, outOfScope: false, reasonOutOfScope: '',
                hasOpenThreats: own.some(t => t.status === 'Open'), threats: own,
                ...(kind === 'datastore' ? { isALog: node.$type === 'Datastore' && node.logs, isEncrypted: node.$type === 'Datastore' && node.encrypted, isSigned: false, storesCredentials: false } : {}),
                ...(kind === 'external' ? { providesAuthentication: false } : {}),
                ...(kind === 'process' ? { privilegeLevel: '' } : {}),
            },
        });
    });
    for (const flow of view.flows) {
        const source = flow.source?.ref?.name;
        const target = flow.target?.ref?.name;
        if (!source || !target) continue;
        const own = threats.get(flow) ?? [];
        cells.push({
            id: flow.name, shape: 'flow', zIndex: 10, connector: 'smooth', source: { cell: source }, target: { cell: target },
            attrs: { line: { stroke: '#333333', strokeWidth: 1.5, targetMarker: { name: 'block' }, sourceMarker: { name: '' }, strokeDasharray: null } },
            labels: [{ position: 0.5, attrs: { labelText: { text: flow.title } } }],
            data: {
                type: 'tm.Flow', name: flow.title, description: flow.description ?? '', outOfScope: false, reasonOutOfScope: '', isTrustBoundary: false,
                hasOpenThreats: own.some(t => t.status === 'Open'), isBidirectional: flow.bidirectional, isEncrypted: flow.encrypted, isPublicNetwork: false,
                protocol: flow.protocol ?? '', threats: own,
            },
        });
    }
    const threatTop = [...threats.values()].reduce((n, list) => n + list.length, 0);
    return {
        version: THREAT_DRAGON_VERSION,
        summary: { title: view.system?.title ?? 'Threat model', owner: view.system?.owner ?? '', description: view.system?.description ?? '', id: 0 },
        detail: {
            contributors: [], reviewer: '', diagramTop: 1, threatTop,
            diagrams: [{
                id: 0, title: view.system?.title ?? 'Overview', diagramType: 'STRIDE', placeholder: '', thumbnail: './public/content/images/thumbnail.stride.jpg',
                version: THREAT_DRAGON_VERSION, description: '', cells,
            }],
        },
    };
}

/** A threat in Threat Dragon's `data.threats`. */
type TdThreat = { readonly status: string } & Readonly<Record<string, unknown>>;

/** Each element's Threat Dragon threats: one per threat category and exclude, numbered from 1 in model order. */
function threatsByElement(view: ModelView): Map<DfdElement, TdThreat[]> {
    const byElement = new Map<DfdElement, TdThreat[]>();
    let number = 0;
    const add = (element: DfdElement | undefined, threat: TdThreat, id: string): void => {
        if (!element) return;
        const list = byElement.get(element) ?? [];
        byElement.set(element, list);
        number++;
        list.push({ ...threat, number, threatId: `${id}-${element.name}` });
    };
    for (const threat of view.threats) {
        for (const category of threat.stride.length > 0 ? threat.stride : [undefined]) {
            for (const target of new Set(threat.targets.map(t => t.ref))) {
                add(target, tdThreat(threat, category), `${threat.name}${category ? `-${category}` : ''}`);
            }
        }
    }
    // An exclude of several categories is one Threat Dragon threat per category.
    view.excludes.flatMap(exclude => exclude.categories.map(category => ({ exclude, category }))).forEach(({ exclude, category }, index) => {
        for (const element of new Set(exclude.elements.map(e => e.ref))) {
            add(element, {
                title: `${TYPE_LABELS[category]} not applicable`, type: TYPE_LABELS[category], status: 'NotApplicable', severity: 'TBD',
                description: '', mitigation: exclude.reason, modelType: 'STRIDE', score: '',
            }, `exclude-${index + 1}`);
        }
    });
    return byElement;
}

function tdThreat(threat: Threat, category: StrideCategory | undefined): TdThreat {
    const risk = computeRisk(threat.dread);
    const status = threat.response !== undefined && isThreatAddressed(threat) ? RESPONSE_STATUSES[threat.response] ?? 'Open' : 'Open';
    return {
        title: threat.title, type: category ? TYPE_LABELS[category] : '', status, severity: risk?.rating ?? 'TBD', score: risk ? String(risk.risk) : '',
        description: threat.description ?? '', mitigation: mitigationText(threat), modelType: 'STRIDE',
    };
}

/** What Threat Dragon's "Mitigations" box shows: the mitigations' titles and techniques, or the justification or warning. */
function mitigationText(threat: Threat): string {
    switch (threat.response) {
        case 'fix': return threat.mitigatedBy.flatMap(m => (m.ref ? [m.ref.technique ? `${m.ref.title} (${m.ref.technique})` : m.ref.title] : [])).join('\n');
        case 'accept': case 'remove': return threat.justification ?? '';
        case 'warn': return threat.warning ?? '';
        default: return '';
    }
}
