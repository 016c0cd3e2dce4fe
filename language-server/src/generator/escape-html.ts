/**
 * Escaping of model text for HTML, in element content and in quoted attribute values alike.
 */
import { visibleText } from '../model/visible-text.js';

const HTML_SPECIALS: Readonly<Record<string, string>> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};

/**
 * The text with invisible characters made visible ({@link visibleText}) and `& < > " '` as
 * character references: it can never open a tag or leave an attribute.
 */
export function escapeHtml(text: string): string {
    return visibleText(text).replace(/[&<>"']/g, c => HTML_SPECIALS[c] ?? c);
}
