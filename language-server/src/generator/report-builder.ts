import type { Reference } from 'langium';
import type { Asset, Boundary, DfdElement, Flow, Model, Node, Process, Threat } from '../generated/ast.js';
import { isAssumption, isAsset, isBoundary, isDependency, isFlow, isMitigation, isProcess, isScenario } from '../generated/ast.js';
import { computeRisk } from '../model/risk.js';
import { statedFacts } from '../model/stated-facts.js';
import { elementTraits } from '../model/stride.js';
import { ELEMENT_KIND_WORDS } from '../shared/element-kinds.js';
import type { ReportAsset, ReportBoundary, ReportFlow, ReportMitigation, ReportNode, ReportResponse, SecurityReport } from './report-model.js';
import { normaliseText as text, referenceNames } from './table-cells.js';
import type { ModelFile } from './table-scope.js';
import { elementsOf, systemsOf, threatsOf } from './table-scope.js';

/**
 * The background of the security model from the files in scope: systems, trust boundaries, flows,
 * scenarios, assets, entry points, dependencies, assumptions and the deployment-relevant responses.
 */
export function buildSecurityReport(files: readonly ModelFile[]): SecurityReport {
    const models = files.map(f => f.model);
    const declarations = models.flatMap(m => m.declarations);
    const threats = models.flatMap(threatsOf);
    const elements = models.flatMap(elementsOf);
    const assetUses = indexAssetUses(elements, threats);
    const mitigating = groupBy(threats.flatMap(t => t.mitigatedBy.map(ref => [ref.ref, t] as const)));
    // A flow listed by scenarios is described once: its rows are the same object.
    const flowRows = new Map<Flow, ReportFlow>();
    const flowRow = (flow: Flow): ReportFlow => {
        let row = flowRows.get(flow);
        if (row === undefined) flowRows.set(flow, row = reportFlow(flow));
        return row;
    };
    const flows = declarations.filter(isFlow).map(flowRow);
    const systems = models.flatMap(systemsOf).map(s => ({
        name: text(s.name), title: text(s.title), description: text(s.description), owner: text(s.owner), deployment: text(s.deployment),
    }));
    return {
        title: systems.map(s => s.title).filter(t => t !== '').join(', '),
        files: files.map(f => f.path),
        systems,
        boundaries: declarations.filter(isBoundary).map(reportBoundary),
        unbounded: declarations.flatMap(d => (isNodeDeclaration(d) ? [reportNode(d)] : [])),
        flows,
        scenarios: declarations.filter(isScenario).map(s => ({
            name: text(s.name),
            title: text(s.title),
            description: text(s.description),
            flows: s.flows.flatMap(ref => (ref.ref ? [flowRow(ref.ref)] : [])),
        })),
        assets: declarations.filter(isAsset).map(a => reportAsset(a, assetUses)),
        entryPoints: elements.filter((e): e is Process => isProcess(e) && e.entrypoint).map(p => ({
            name: text(p.name), title: text(p.title), boundary: boundaryTitle(p), technology: text(p.technology), description: text(p.description),
        })),
        dependencies: declarations.filter(isDependency).map(d => ({ name: text(d.name), title: text(d.title) })),
        assumptions: declarations.filter(isAssumption).map(a => ({ name: text(a.name), title: text(a.title) })),
        warnings: threats.filter(t => t.response === 'warn').map(t => reportResponse(t, t.warning)),
        acceptedRisks: threats.filter(t => t.response === 'accept' || t.response === 'remove').map(t => reportResponse(t, t.justification)),
        mitigations: declarations.filter(isMitigation).map((m): ReportMitigation => ({
            name: text(m.name),
            title: text(m.title),
            technique: text(m.technique),
            status: m.status ?? '',
            implementedIn: text(m.implementedIn),
            verifiedBy: text(m.verifiedBy),
            threats: names(mitigating.get(m)),
        })),
    };
}

function isNodeDeclaration(declaration: Model['declarations'][number]): declaration is Node {
    return declaration.$type === 'External' || declaration.$type === 'Process' || declaration.$type === 'Datastore';
}

function reportBoundary(boundary: Boundary): ReportBoundary {
    return {
        name: text(boundary.name),
        title: text(boundary.title),
        boundaries: boundary.members.filter(isBoundary).map(reportBoundary),
        nodes: boundary.members.flatMap(m => (isBoundary(m) ? [] : [reportNode(m)])),
    };
}

function reportNode(node: Node): ReportNode {
    const details: string[] = [];
    if (node.$type !== 'External' && node.technology !== undefined) details.push(text(node.technology));
    if (node.$type === 'Process' && node.entrypoint) details.push('entry point');
    if (node.$type === 'Datastore' && node.logs) details.push('holds logs');
    if (node.$type === 'Datastore' && node.stores.length > 0) details.push(`stores ${referenceNames(node.stores)}`);
    details.push(...statedFacts(node));
    return { name: text(node.name), title: text(node.title), kind: ELEMENT_KIND_WORDS[elementTraits(node).kind].title, details: details.join('; ') };
}

/** The title of the innermost trust boundary around a node, or empty outside every boundary. */
function boundaryTitle(node: Node | undefined): string {
    const container = node?.$container;
    return container && isBoundary(container) ? text(container.title) : '';
}

function reportFlow(flow: Flow): ReportFlow {
    // A flow cut short by a syntax error has no source or target reference at all, whatever its type says.
    const source = flow.source?.ref;
    const target = flow.target?.ref;
    const from = boundaryTitle(source);
    const to = boundaryTitle(target);
    const crosses = source !== undefined && target !== undefined && source.$container !== target.$container;
    return {
        name: text(flow.name),
        title: text(flow.title),
        source: text(flow.source?.$refText),
        target: text(flow.target?.$refText),
        protocol: text(flow.protocol),
        encrypted: flow.encrypted,
        authenticated: flow.authenticated,
        carries: referenceNames(flow.carries),
        crossing: crosses ? `${from || 'outside'} → ${to || 'outside'}` : '',
    };
}

/** The values of each key, in the order given; a value listed twice for a key counts once. */
function groupBy<K, V>(pairs: readonly (readonly [K, V])[]): Map<K, V[]> {
    const groups = new Map<K, V[]>();
    for (const [key, value] of pairs) {
        const group = groups.get(key);
        if (!group) groups.set(key, [value]);
        else if (!group.includes(value)) group.push(value);
    }
    return groups;
}

function names(declarations: readonly { readonly name: string }[] | undefined): string {
    return (declarations ?? []).map(d => text(d.name)).join(', ');
}

interface AssetUses {
    readonly storedIn: Map<Asset | undefined, DfdElement[]>;
    readonly carriedBy: Map<Asset | undefined, DfdElement[]>;
    readonly threats: Map<Asset | undefined, Threat[]>;
}

/** Where each asset is stored, carried and threatened, built once (a model can have thousands of assets). */
function indexAssetUses(elements: readonly DfdElement[], threats: readonly Threat[]): AssetUses {
    const uses = (element: DfdElement, refs: readonly Reference<Asset>[]): (readonly [Asset | undefined, DfdElement])[] => refs.map(ref => [ref.ref, element]);
    return {
        storedIn: groupBy(elements.flatMap(e => (e.$type === 'Datastore' ? uses(e, e.stores) : []))),
        carriedBy: groupBy(elements.flatMap(e => (e.$type === 'Flow' ? uses(e, e.carries) : []))),
        threats: groupBy(threats.flatMap(t => t.assets.map(ref => [ref.ref, t] as const))),
    };
}

function reportAsset(asset: Asset, uses: AssetUses): ReportAsset {
    return {
        name: text(asset.name),
        title: text(asset.title),
        description: text(asset.description),
        storedIn: names(uses.storedIn.get(asset)),
        carriedBy: names(uses.carriedBy.get(asset)),
        threats: names(uses.threats.get(asset)),
    };
}

function reportResponse(threat: Threat, reason: string | undefined): ReportResponse {
    const score = computeRisk(threat.dread);
    return {
        threat: text(threat.name),
        title: text(threat.title),
        response: threat.response ?? '',
        risk: score ? `${score.risk.toFixed(1)} ${score.rating}` : '',
        text: text(reason),
    };
}
