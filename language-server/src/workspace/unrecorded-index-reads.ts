import type { LangiumDocument } from 'langium';
import { IndexReads } from './index-reads.js';

/**
 * {@link IndexReads} for a batch run (the CLI): its documents are built once and never change, so
 * what their checks read from the model index is never asked again. Nothing is recorded, and the
 * checks read the index itself, not a recording view of it: in a large model the record was a
 * tenth of the heap at its peak (docs/performance.md#memory-of-a-built-model). As nothing changes,
 * nothing a validated document read is answered differently: validating the documents in parts
 * (cli/load-workspace.ts) does not validate the earlier parts again.
 */
export class UnrecordedIndexReads extends IndexReads {
    override recording<T extends object>(index: T): T {
        return index;
    }

    override during(_document: LangiumDocument, validate: () => Promise<void>): Promise<void> {
        return validate();
    }

    override changed(_document: LangiumDocument): boolean {
        return false;
    }
}
