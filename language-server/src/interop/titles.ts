/** The longest title made from a longer text (its first line); the whole text goes to the description. */
const MAX_MADE_TITLE = 80;

/** The first line of `text`, cut at a word before {@link MAX_MADE_TITLE} characters with "…". */
export function capTitle(text: string): string {
    const first = text.trim().split(/\r\n|[\r\n]/, 1)[0]!.trim();
    if (first.length <= MAX_MADE_TITLE) return first;
    const cut = first.slice(0, MAX_MADE_TITLE - 1);
    const space = cut.lastIndexOf(' ');
    return `${space > MAX_MADE_TITLE / 2 ? cut.slice(0, space) : cut}…`;
}
