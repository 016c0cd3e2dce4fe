import type { LangiumDocument } from 'langium';
import { isBuiltinRules } from '../rules/builtin-document.js';
import type { Model } from '../generated/ast.js';
import { isModel } from '../generated/ast.js';
import type { DfdDiagram, DfdModel } from '../shared/dfd/graph.js';

/**
 * The diagram of a scenario by name (the first, if the name is declared twice), the overview for
 * `null`, or `undefined` when the model has no such scenario.
 */
export function selectDiagram(model: DfdModel, scenario: string | null): DfdDiagram | undefined {
    if (scenario === null) return model.overview;
    return model.scenarios.find(d => d.scenario === scenario);
}

/**
 * The models of a workspace's documents, ordered by URI, so that a diagram does not depend on the
 * order in which the files happened to be opened or loaded.
 */
export function modelsByUri(documents: Iterable<LangiumDocument>): Model[] {
    return [...documents]
        .filter(document => !isBuiltinRules(document.uri))
        .map(document => ({ uri: document.uri.toString(), root: document.parseResult.value }))
        .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))
        .flatMap(({ root }) => (isModel(root) ? [root] : []));
}
