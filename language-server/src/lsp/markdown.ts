import { visibleText } from '../model/visible-text.js';

/**
 * Escapes text from a model for Markdown shown in hovers, so names cannot inject markup or links:
 * invisible characters made visible ({@link visibleText}), punctuation backslash-escaped, and
 * every line break (CR, LF or both) a space, so that text never ends a hover's table row.
 */
export function escapeMarkdown(text: string): string {
    return visibleText(text).replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, c => `\\${c}`).replace(/\r\n|\r|\n/g, ' ');
}
