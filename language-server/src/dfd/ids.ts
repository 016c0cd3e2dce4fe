/** What an element without a name (text still being typed) is called in the diagram. */
const UNNAMED = 'unnamed';

const IDENTIFIER = /^\w+$/;

/**
 * Gives each diagram element a unique `\w+` id: its name, or `Name__2`, `Name__3`… when the name
 * is taken (a duplicate the user has not fixed yet). Ids appear in DOT, SVG and Mermaid, so they
 * never need quoting beyond what every writer does anyway.
 */
export class IdAllocator {
    private readonly taken = new Set<string>();
    /**
     * Per name, the suffix to try next: every smaller one is taken (ids are never freed), so the
     * search goes on from there instead of from 2, which made many unnamed elements quadratic.
     */
    private readonly nextSuffix = new Map<string, number>();

    allocate(name: string | undefined): string {
        const base = name !== undefined && IDENTIFIER.test(name) ? name : UNNAMED;
        let id = base;
        let n = this.nextSuffix.get(base) ?? 2;
        if (this.taken.has(id)) {
            for (id = `${base}__${n}`; this.taken.has(id); id = `${base}__${++n}`);
            this.nextSuffix.set(base, n + 1);
        }
        this.taken.add(id);
        return id;
    }
}
