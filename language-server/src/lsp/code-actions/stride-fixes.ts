import { AstUtils, GrammarUtils } from 'langium';
import type { DfdElement, StrideCategory } from '../../generated/ast.js';
import { isDfdElement, isExclude, isStrideCategory, isThreat } from '../../generated/ast.js';
import { categoryInWords } from '../../model/explain.js';
import { categoryApplies, elementTraits } from '../../model/stride.js';
import { excludeMisfits } from '../../validation/stride-checks.js';
import { ruleDraftFixes } from './rule-fixes.js';
import { withArticle } from '../../shared/prose.js';
import type { CodeAction } from 'vscode-languageserver';
import type { FixContext, UniqueNames } from './fix-context.js';
import { quickFix } from './fix-context.js';
import { INDENT, insertAfterDeclaration, quote, removeDeclaration, removeListEntry } from './text-edits.js';

const STUB_TITLES: Readonly<Record<StrideCategory, (title: string) => string>> = {
    Spoofing: t => `TODO: how could an attacker impersonate ${t}?`,
    Tampering: t => `TODO: how could an attacker modify ${t}?`,
    Repudiation: t => `TODO: how could someone deny an action involving ${t}?`,
    InformationDisclosure: t => `TODO: what could ${t} leak, and to whom?`,
    DenialOfService: t => `TODO: how could an attacker make ${t} unavailable?`,
    ElevationOfPrivilege: t => `TODO: how could an attacker gain privileges through ${t}?`,
};

/**
 * A threat stub for one category of one element: well-formed, but with an empty `dread` block and
 * no response, so that it shows up as unfinished until the user completes it.
 */
export function threatStub(names: UniqueNames, element: DfdElement, category: StrideCategory): string {
    const name = names.claim(`${element.name}${category}`);
    return [
        `threat ${name} ${quote(STUB_TITLES[category](element.title ?? element.name))} {`,
        `${INDENT}stride ${category}`,
        `${INDENT}targets ${element.name}`,
        `${INDENT}dread { }`,
        '}',
    ].join('\n');
}

function missingCategories(context: FixContext): StrideCategory[] {
    return (context.data.categories ?? []).filter(isStrideCategory);
}

/** `tm/stride-missing`: add threat stubs (all at once or one category), or exclude a category. */
export function fixMissingCategories(context: FixContext): CodeAction[] {
    const element = AstUtils.getContainerOfType(context.node, isDfdElement);
    const categories = missingCategories(context);
    if (!element || categories.length === 0) return [];
    const { document } = context;
    const actions: CodeAction[] = [];
    const untouched = context.names.fork();
    // A rule that knows the threat comes first (docs/language.md#rules); the stubs stay for the rest.
    const drafts = ruleDraftFixes(context, element, categories, false);
    actions.push(...drafts);
    if (categories.length > 1) {
        actions.push(...quickFix(context, `Add threat stubs for all missing categories of '${element.name}'`,
            [insertAfterDeclaration(document, element, categories.map(c => threatStub(context.names, element, c)))], true));
    }
    for (const category of categories) {
        const preferred = categories.length === 1;
        const names = preferred ? context.names : untouched.fork();
        actions.push(...quickFix(context, `Add ${withArticle(categoryInWords(category))} threat for '${element.name}'`,
            [insertAfterDeclaration(document, element, [threatStub(names, element, category)])], preferred));
    }
    for (const category of categories) {
        const reason = quote(`TODO: why ${category} does not matter for ${element.name}`);
        actions.push(...quickFix(context, `Exclude ${categoryInWords(category)} on '${element.name}'…`,
            [insertAfterDeclaration(document, element, [`exclude ${category} on ${element.name} ${reason}`])]));
    }
    return actions;
}

/** `tm/stride-not-applicable`: drop the category from the threat. */
export function fixCategoryNotApplicable(context: FixContext): CodeAction[] {
    const threat = AstUtils.getContainerOfType(context.node, isThreat);
    if (!threat) return [];
    const { document } = context;
    const offset = document.textDocument.offsetAt(context.diagnostic.range.start);
    const entries = GrammarUtils.findNodesForProperty(threat.$cstNode, 'stride');
    const index = entries.findIndex(e => e.offset === offset);
    const category = threat.stride[index];
    if (index < 0 || !category) return [];
    const title = `Remove ${category} from threat '${threat.name}'`;
    if (threat.stride.length > 1) {
        return quickFix(context, title, [removeListEntry(document, threat, 'stride', index)], true);
    }
    // The only category: remove the whole `stride X` clause so the threat still parses.
    const keyword = GrammarUtils.findNodesForKeyword(threat.$cstNode, 'stride').filter(k => k.offset < offset).at(-1);
    if (!keyword) return [];
    const entry = entries[index]!;
    const text = document.textDocument;
    return quickFix(context, title, [{ range: { start: text.positionAt(keyword.offset), end: text.positionAt(entry.end) }, newText: '' }], true);
}

/**
 * `tm/exclude-not-applicable`: drop the category when it applies to none of the elements (the
 * exclude itself when it was its only one), else drop the elements it does not apply to, when no
 * other category of the exclude applies to them either.
 */
export function fixExcludeNotApplicable(context: FixContext): CodeAction[] {
    const exclude = AstUtils.getContainerOfType(context.node, isExclude);
    if (!exclude) return [];
    const { document } = context;
    const offset = document.textDocument.offsetAt(context.diagnostic.range.start);
    const index = GrammarUtils.findNodesForProperty(exclude.$cstNode, 'categories').findIndex(e => e.offset === offset);
    const category = exclude.categories[index];
    if (!category) return [];
    const misfit = exclude.elements.map((ref, index) => ({ element: ref.ref, index }))
        .filter(e => e.element && exclude.categories.every(c => !categoryApplies(elementTraits(e.element!), c)));
    if (excludeMisfits(exclude, category).length === exclude.elements.length) {
        if (exclude.categories.length > 1) {
            return quickFix(context, `Remove ${category} from this exclude`, [removeListEntry(document, exclude, 'categories', index)], true);
        }
        return quickFix(context, `Remove this exclude (${category} does not apply)`, [removeDeclaration(document, exclude)], true);
    }
    return misfit.flatMap(({ element, index }) => quickFix(context, `Remove '${element!.name}' from this exclude`,
        [removeListEntry(document, exclude, 'elements', index)], misfit.length === 1));
}
