/** Where {@link flatString} leaves the character it read, so that no compiler drops the read. */
const read = { last: 0 };

/**
 * `text`, made one piece in memory. A message built with `+` or a template is, in V8, a tree of
 * its pieces (32 bytes a node, about eight nodes for a finding's message) until something reads
 * its characters, which copies them into one string in place; the tree is then garbage. A
 * model's findings live until they are written: 32,000 of them kept 8 MB of such trees
 * (docs/performance.md#memory-of-a-built-model).
 */
export function flatString(text: string): string {
    read.last = text.charCodeAt(0);
    return text;
}
