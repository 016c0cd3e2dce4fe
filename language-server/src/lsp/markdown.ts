/** Escapes text from a model for Markdown shown in hovers, so names cannot inject markup or links. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, c => `\\${c}`).replace(/\r?\n/g, ' ');
}
