/** The most characters of the user's text that a message repeats (a 1 MB name must not become a 1 MB message). */
export const MAX_QUOTED_LENGTH = 80;

/**
 * `text`, or its first {@link MAX_QUOTED_LENGTH} characters ending in "…" when it is longer. A
 * surrogate pair is never cut in half, so the result is always well-formed text.
 */
export function capText(text: string | undefined): string {
    // A partial AST can lack the name its type declares.
    if (text === undefined) return '';
    if (text.length <= MAX_QUOTED_LENGTH) return text;
    let end = MAX_QUOTED_LENGTH - 1;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    return `${text.slice(0, end)}…`;
}

/** `'text'`, with `text` capped by {@link capText}: how every message names what the user wrote. */
export function quote(text: string | undefined): string {
    return `'${capText(text)}'`;
}

/** The first line of an error's message, capped by {@link capText}. */
export function errorSummary(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return capText(message.split(/\r?\n/, 1)[0]?.trim() || 'unexpected error');
}
