/**
 * The four kinds of DFD element and the words tml uses for them, in one place for every runtime (the
 * language server, the CLI and the DFD preview's webview). The grammar's `ElementKind` rule declares
 * the same four keywords; test/unit/element-kinds.test.ts keeps the two equal.
 */

/** A kind of DFD element, by the keyword that declares it. */
export type ElementKind = 'external' | 'process' | 'datastore' | 'flow';

/** How messages and outputs name one kind of element. */
export interface ElementKindWords {
    /** "Data store": a label, or the first word of a sentence ("Data store 'Orders' has no threat…"). */
    readonly title: string;
    /** "data store": inside a sentence or a table cell. */
    readonly noun: string;
    /** "a data store": the noun with its article. */
    readonly withArticle: string;
}

/**
 * The words of each kind. The keyword itself (`datastore`, `an external`) is what syntax and linking
 * messages use, since they speak of what is written; everything else uses these words.
 */
export const ELEMENT_KIND_WORDS: Readonly<Record<ElementKind, ElementKindWords>> = {
    external: { title: 'External entity', noun: 'external entity', withArticle: 'an external entity' },
    process: { title: 'Process', noun: 'process', withArticle: 'a process' },
    datastore: { title: 'Data store', noun: 'data store', withArticle: 'a data store' },
    flow: { title: 'Flow', noun: 'flow', withArticle: 'a flow' },
};
