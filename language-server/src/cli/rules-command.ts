import type { LangiumDocument, LangiumDocuments } from 'langium';
import { URI } from 'langium';
import type { Rule } from '../generated/ast.js';
import { isModel, isRule } from '../generated/ast.js';
import type { RuleListEntry, RuleSummary, RuleText } from '../generator/rule-list.js';
import { formatRuleListJson, formatRuleListMarkdown } from '../generator/rule-list.js';
import { displayText } from '../model/visible-text.js';
import { BUILTIN_RULES_URI } from '../rules/builtin-document.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import type { RulesOptions } from './options.js';
import type { CliIo } from './io.js';
import type { LoadedFile } from './load-workspace.js';
import { displayPath } from './load-workspace.js';
import { loadModels } from './load-models.js';

/** `tml rules` (docs/language.md#rules): every rule in force for the files given, and for how many elements each holds. */
export async function runRules(options: RulesOptions, io: CliIo): Promise<number> {
    const { loaded, index, documents, models } = await loadModels(options.paths, io.cwd, options.rules);
    // Rules are evaluated per model (docs/language.md#models-in-a-workspace): a rule holds for the elements of each model it is in force in.
    const suggestions = models.map(model => index.ruleSuggestions(model.key));
    const entries: RuleListEntry[] = rulesInForce(loaded, documents, index, io.cwd)
        .map(({ rule, summary }) => ({ ...summary, holds: suggestions.reduce((sum, s) => sum + s.holdCount(rule), 0) }));
    io.stdout(options.format === 'json' ? formatRuleListJson(entries) : formatRuleListMarkdown(entries));
    return 0;
}

/** A rule in force and what the outputs say of it. */
export interface RuleInForce {
    readonly rule: Rule;
    readonly summary: RuleSummary & RuleText;
}

/**
 * The rules in force, built-in first (in the library's order), then those the files declare
 * (files in the order given, rules in declaration order).
 */
export function rulesInForce(files: readonly LoadedFile[], documents: LangiumDocuments, index: ThreatModelWorkspaceIndex, cwd: string): RuleInForce[] {
    const builtin = documents.getDocument(URI.parse(BUILTIN_RULES_URI));
    const sources: { document: LangiumDocument; source: string }[] = [
        ...(builtin ? [{ document: builtin, source: 'builtin' }] : []),
        ...files.map(f => ({ document: f.document, source: displayPath(cwd, f.path) })),
    ];
    return sources.flatMap(({ document, source }) => {
        const root = document.parseResult.value;
        if (!isModel(root)) return [];
        return root.declarations.filter(isRule).filter(rule => index.ruleInForce(rule)).map(rule => ({ rule, summary: summarise(rule, source) }));
    });
}

function summarise(rule: Rule, source: string): RuleSummary & RuleText {
    return {
        name: displayText(rule.name),
        title: displayText(rule.title),
        kind: rule.on ?? '',
        category: rule.stride ?? '',
        cwe: rule.cwe,
        capec: rule.capec,
        source,
        description: displayText(rule.description),
        mitigation: displayText(rule.mitigation),
    };
}
