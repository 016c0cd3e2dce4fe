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

    allocate(name: string | undefined): string {
        const base = name !== undefined && IDENTIFIER.test(name) ? name : UNNAMED;
        let id = base;
        for (let n = 2; this.taken.has(id); n++) id = `${base}__${n}`;
        this.taken.add(id);
        return id;
    }
}
