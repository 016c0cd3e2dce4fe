import type {
    Asset, Assumption, Boundary, Dependency, Exclude, Flow, Mitigation, Model, Node, Scenario, System, Threat,
} from '../generated/ast.js';
import { isBoundary, isNode } from '../generated/ast.js';

import type { ExportFormat } from '../shared/formats.js';
export { EXPORT_FORMATS, type ExportFormat } from '../shared/formats.js';

/** One model's declarations, gathered from all its files, with the boundary that holds each node. */
export interface ModelView {
    readonly system?: System;
    readonly assumptions: readonly Assumption[];
    readonly dependencies: readonly Dependency[];
    readonly assets: readonly Asset[];
    readonly boundaries: readonly { readonly boundary: Boundary; readonly parent?: Boundary }[];
    readonly nodes: readonly { readonly node: Node; readonly boundary?: Boundary }[];
    readonly flows: readonly Flow[];
    readonly scenarios: readonly Scenario[];
    readonly threats: readonly Threat[];
    readonly mitigations: readonly Mitigation[];
    readonly excludes: readonly Exclude[];
}

/** Gathers the declarations of a model's files, in file and declaration order. Declarations without a name (still being typed) are left out. */
export function viewModel(models: readonly Model[]): ModelView {
    const view = {
        assumptions: [] as Assumption[], dependencies: [] as Dependency[], assets: [] as Asset[], flows: [] as Flow[], scenarios: [] as Scenario[],
        threats: [] as Threat[], mitigations: [] as Mitigation[], excludes: [] as Exclude[],
        boundaries: [] as { boundary: Boundary; parent?: Boundary }[], nodes: [] as { node: Node; boundary?: Boundary }[],
    };
    let system: System | undefined;
    const member = (declaration: Boundary | Node, parent: Boundary | undefined): void => {
        if (!declaration.name) return;
        if (isBoundary(declaration)) {
            view.boundaries.push({ boundary: declaration, ...(parent ? { parent } : {}) });
            for (const inner of declaration.members) member(inner, declaration);
        } else if (isNode(declaration)) {
            view.nodes.push({ node: declaration, ...(parent ? { boundary: parent } : {}) });
        }
    };
    for (const model of models) {
        for (const declaration of model.declarations) {
            switch (declaration.$type) {
                case 'System': system ??= declaration; break;
                case 'Assumption': view.assumptions.push(declaration); break;
                case 'Dependency': view.dependencies.push(declaration); break;
                case 'Asset': view.assets.push(declaration); break;
                case 'Boundary': case 'External': case 'Process': case 'Datastore': member(declaration, undefined); break;
                case 'Flow': if (declaration.name) view.flows.push(declaration); break;
                case 'Scenario': view.scenarios.push(declaration); break;
                case 'Threat': if (declaration.name) view.threats.push(declaration); break;
                case 'Mitigation': view.mitigations.push(declaration); break;
                case 'Exclude': view.excludes.push(declaration); break;
            }
        }
    }
    return { ...view, ...(system ? { system } : {}) };
}

/** What each export leaves out, one warning line each, when the model has it. */
export function exportLosses(view: ModelView, format: ExportFormat): string[] {
    const losses: string[] = [];
    const trees = view.threats.filter(t => t.tree).length;
    if (trees > 0) losses.push(`${trees} threat tree${trees === 1 ? ' is' : 's are'} not exported (${format === 'otm' ? 'OTM' : 'Threat Dragon'} has no field for them)`);
    if (format === 'threat-dragon') {
        const dropped = [
            [view.assets.length, 'asset'], [view.assumptions.length, 'assumption'], [view.dependencies.length, 'dependency'],
            [view.scenarios.length, 'scenario'], [view.threats.filter(t => t.dread).length, 'DREAD rating'],
            // Optional attributes (docs/language.md#optional-attributes) Threat Dragon has no property for (it has isBidirectional and a store's isEncrypted).
            [view.boundaries.filter(b => b.boundary.trust).length, 'trust level'],
            [[...view.boundaries.map(b => b.boundary), ...view.nodes.map(n => n.node), ...view.flows].filter(e => e.tags.length > 0).length, 'tags list'],
            [view.nodes.filter(({ node }) => node.$type === 'External' && node.type).length, 'external type'],
            [view.nodes.filter(({ node }) => node.$type === 'Process' && node.privileged).length, 'privileged flag'],
            [view.threats.filter(t => t.cwe.length > 0 || t.capec.length > 0).length, 'CWE or CAPEC list'],
        ] as const;
        for (const [count, what] of dropped) {
            if (count > 0) losses.push(`${count} ${what === 'dependency' && count > 1 ? 'dependencie' : what}${count === 1 ? ' is' : 's are'} not exported (Threat Dragon has no field for them)`);
        }
    }
    return losses;
}

/**
 * Why the files cannot be exported as one file: they hold several models (docs/language.md#models-in-a-workspace, `titles`
 * names each), and an OTM or Threat Dragon file holds one. Undefined for one model.
 */
export function severalModelsProblem(titles: readonly string[]): string | undefined {
    if (titles.length <= 1) return undefined;
    return `the files hold ${titles.length} models (${titles.slice(0, 5).join('; ')}${titles.length > 5 ? '; …' : ''}): export one model at a time by giving its folder`;
}
