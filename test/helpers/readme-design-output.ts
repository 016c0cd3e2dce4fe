import type { Code, Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/** The fenced code blocks of a Markdown document, in order. */
export function codeBlocks(markdown: string): Code[] {
    const found: Code[] = [];
    const visit = (node: Nodes): void => {
        if (node.type === 'code') found.push(node);
        if ('children' in node) node.children.forEach(visit);
    };
    visit(fromMarkdown(markdown));
    return found;
}

const DESIGN_COMMAND = '$ tml check test/fixtures/design/online-store.tm';
const DESIGN_PREFIX = 'test/fixtures/design/online-store.tm:';

/** The README's pinned `tml check` output for the design example (test/fixtures/design/online-store.tm), without the command and the summary line. */
export function pinnedDesignOutput(readme: string): string[] {
    const block = codeBlocks(readme).find(b => b.value.startsWith(`${DESIGN_COMMAND}\n`));
    if (!block) throw new Error(`README.md has no block starting '${DESIGN_COMMAND}'`);
    return block.value.split('\n').slice(1);
}

/** The findings of the pinned output as `line:column: severity code message`. */
export function pinnedDesignFindings(readme: string): string[] {
    return pinnedDesignOutput(readme).filter(line => line.startsWith(DESIGN_PREFIX)).map(line => line.slice(DESIGN_PREFIX.length));
}

const SEVERITY_WORDS = ['', 'error', 'warning', 'information', 'hint'];

/**
 * A finding an LSP client received (0-based line and column, LSP severity 1–4) written as a line of
 * {@link pinnedDesignFindings}. The design example is ASCII, so byte and character columns agree.
 */
export function asPinnedFinding(line: number, column: number, severity: number, code: unknown, message: string): string {
    return `${line + 1}:${column + 1}: ${SEVERITY_WORDS[severity] ?? `severity ${severity}`} ${String(code)} ${message}`;
}
