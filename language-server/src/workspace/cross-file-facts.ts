import type { Declaration, Model } from '../generated/ast.js';
import { isAsset, isBoundary, isDfdElement, isDismiss, isExternal, isProcess, isSystem } from '../generated/ast.js';
import type { ThreatModelWorkspaceIndex } from './model-index.js';

/**
 * Everything the checks of one `.tm` file learn from the workspace index ({@link ThreatModelWorkspaceIndex})
 * about that file's declarations, as one string: the STRIDE coverage of its elements by threats
 * and excludes anywhere, how often its names are declared, whether scenarios use its elements,
 * flows connect its externals and enter its processes, flows cross its boundaries and carry its
 * assets, the rules that suggest threats for its elements and why, whether its dismisses still
 * dismiss something, the background finding if it lands there, and the model the file belongs to (docs/language.md#models-in-a-workspace). The rest of what its findings depend on
 * is the file itself and the declarations it references, which Langium tracks.
 *
 * When another file changes, the file is revalidated only if this string changed, so a check that
 * reads something new from the index must add it here. test/unit/incremental-validation.test.ts
 * compares the result of such edits with a validation of everything.
 */
export function crossFileFacts(model: Model, index: ThreatModelWorkspaceIndex): string {
    const facts = index.processFacts(model);
    const coverage = index.coverage(model);
    const rules = index.ruleSuggestions(model);
    const lines: string[] = [`model ${index.keyOf(model)}`, `scenarios ${facts.hasScenarios}`];
    if (facts.backgroundAnchor?.$container === model) lines.push(`background ${facts.missingBackground.join(',')}`);
    const visit = (declaration: Declaration): void => {
        const name = 'name' in declaration ? declaration.name : undefined;
        const parts: (string | number | boolean)[] = [declaration.$type, name ?? '', name ? index.declarationCount(name, model) : 0];
        if (isDfdElement(declaration)) {
            parts.push(facts.inScenario.has(declaration));
            for (const category of coverage.coverageOf(declaration).categories) {
                parts.push(category.status, category.unaddressed.map(t => t.name).join('+'));
            }
            parts.push(rules.suggestionsFor(declaration).map(s => `${s.rule.name}:${s.because.join('|')}`).join('+'));
        }
        if (isExternal(declaration)) parts.push(facts.connected.has(declaration));
        if (isProcess(declaration)) parts.push(facts.enteredAcross.get(declaration)?.name ?? '');
        if (isAsset(declaration)) parts.push(facts.usedAssets.has(declaration));
        if (isSystem(declaration)) parts.push(index.systems(model)[0] === declaration);
        if (isDismiss(declaration)) {
            const rule = declaration.rule?.ref;
            for (const element of declaration.elements) parts.push(!!rule && !!element.ref && rules.evaluate(rule, element.ref).holds);
        }
        if (isBoundary(declaration)) {
            parts.push(facts.crossedBoundaries.has(declaration));
            lines.push(parts.join(' '));
            declaration.members.forEach(visit);
            return;
        }
        lines.push(parts.join(' '));
    };
    model.declarations.forEach(visit);
    return lines.join('\n');
}
