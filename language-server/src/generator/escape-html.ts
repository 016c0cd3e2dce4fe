/**
 * Escaping of model text for HTML, in element content and in quoted attribute values alike.
 */

const HTML_SPECIALS: Readonly<Record<string, string>> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};

/** The text with `& < > " '` as character references: it can never open a tag or leave an attribute. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => HTML_SPECIALS[c] ?? c);
}
