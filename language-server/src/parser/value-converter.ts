import type { GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter, GrammarUtils, ValueConverter } from 'langium';

/**
 * The value of a string literal, as Langium 4.2.1's ValueConverter.convertString gives it (the text
 * between the quotes, with `\n`, `\t`, … and `\x` for any other x unescaped), made without its
 * character-by-character `+=`: that left every title and description of a model as a chain of
 * a dozen or more string pieces, a tenth of a large model's memory once built (docs/performance.md#memory-of-a-built-model). A
 * literal without escapes is a slice of the text; one with escapes is joined from its parts.
 */
export function convertString(input: string): string {
    const end = input.length - 1;
    let backslash = input.indexOf('\\', 1);
    if (backslash < 0 || backslash >= end) return input.slice(1, end);
    const parts: string[] = [];
    let start = 1;
    while (backslash >= 0 && backslash < end) {
        parts.push(input.slice(start, backslash), unescape(input.charAt(backslash + 1)));
        start = backslash + 2;
        backslash = input.indexOf('\\', start);
    }
    if (start < end) parts.push(input.slice(start, end));
    return parts.join('');
}

function unescape(char: string): string {
    switch (char) {
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        case 'v': return '\v';
        case '0': return '\0';
        default: return char;
    }
}

/** How the value of a rule's text is made. */
type Conversion = (input: string) => ValueType;

const asText: Conversion = input => input;

/**
 * Langium 4.2.1's DefaultValueConverter.runConverter, decided once per rule: Langium decides it for
 * every token and data type value, with `toUpperCase` of the rule's name and, for a data type rule,
 * its type read again from the grammar (two type tests). {@link convertString} for `STRING`.
 */
function conversionOf(rule: GrammarAST.AbstractRule): Conversion {
    switch (rule.name.toUpperCase()) {
        case 'INT': return ValueConverter.convertInt;
        case 'STRING': return convertString;
        case 'ID': return ValueConverter.convertID;
    }
    switch (GrammarUtils.getRuleType(rule)?.toLowerCase()) {
        case 'number': return ValueConverter.convertNumber;
        case 'boolean': return ValueConverter.convertBoolean;
        case 'bigint': return ValueConverter.convertBigint;
        case 'date': return ValueConverter.convertDate;
        default: return asText;
    }
}

/** Langium's value converter, with {@link convertString} for `STRING`, and each rule's conversion decided once ({@link conversionOf}). */
export class ThreatModelValueConverter extends DefaultValueConverter {
    private readonly conversions = new Map<GrammarAST.AbstractRule, Conversion>();

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string): ValueType {
        let conversion = this.conversions.get(rule);
        if (!conversion) this.conversions.set(rule, conversion = conversionOf(rule));
        return conversion(input);
    }
}
