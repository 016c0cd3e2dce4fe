/**
 * Small helpers that write English for messages, quick-fix titles and CLI output, so that every
 * part of tml lists, capitalises and picks articles the same way.
 */

/** "A, B and C" (or, with `conjunction` 'or', "A, B or C") */
export function listInProse(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "a datastore", "an external", "an InformationDisclosure": the noun with its indefinite article. */
export function withArticle(noun: string): string {
    return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** "Tampering" from "tampering": the first letter upper-case, the rest as it is. */
export function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
