import type { Model, Rule } from '../generated/ast.js';
import { RuleFacts } from './rule-facts.js';
import type { RuleInputs } from './rule-inputs.js';
import { ruleInputs, sameRuleInputs } from './rule-inputs.js';
import type { RuleOutcomes } from './rule-suggestions.js';
import { RuleSuggestions } from './rule-suggestions.js';

/**
 * Evaluating every rule on every element was most of what an edit cost in the editor, and most
 * edits (a description typed, a threat written) change nothing a rule reads. So, per model, the
 * outcomes of the last build are kept with their inputs (model/rule-inputs.ts), and a build with
 * the same inputs takes them over instead of evaluating again.
 *
 * The inputs are read from a model's second build on: a one-shot `tml check` builds once and
 * never pays for them.
 */
export class RuleSuggestionsReuse {
    private readonly last = new Map<string, { readonly outcomes: RuleOutcomes; readonly inputs: RuleInputs | undefined }>();
    /** Whether the last call took the outcomes over. */
    reusedLast = false;

    /** The suggestions of `rules` on the elements of `models`, the model keyed `key`. */
    suggestions(key: string, models: readonly Model[], rules: readonly Rule[]): RuleSuggestions {
        const facts = new RuleFacts(models);
        const previous = this.last.get(key);
        const inputs = previous ? ruleInputs(facts, models, rules) : undefined;
        const reused = inputs !== undefined && previous?.inputs !== undefined && sameRuleInputs(previous.inputs, inputs) ? previous.outcomes : undefined;
        const suggestions = new RuleSuggestions(models, rules, reused, facts);
        this.reusedLast = reused !== undefined;
        this.last.set(key, { outcomes: reused ?? suggestions.outcomes(), inputs });
        return suggestions;
    }

    clear(): void {
        this.last.clear();
    }
}
