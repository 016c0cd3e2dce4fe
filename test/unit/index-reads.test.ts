import * as assert from 'node:assert/strict';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { IndexReads } from '../../language-server/src/workspace/index-reads.js';

/** A stand-in for the model index: what the checks of a document may read, and change between builds. */
class FakeIndex {
    names = new Set<string>(['Api']);
    count = 1;
    facts(): { readonly names: ReadonlySet<string>; readonly count: number } {
        return { names: this.names, count: this.count };
    }
    /** Whether `name` is known, in any letter case. */
    knows(name: string): boolean {
        return this.names.has(name.toLowerCase()) || this.names.has(name[0]!.toUpperCase() + name.slice(1).toLowerCase());
    }
}

const document = { uri: URI.parse('file:///w/a.tm') } as LangiumDocument;

describe('IndexReads: what the checks of a document read from the index', () => {
    it('asks again exactly what was asked: a lookup in a set, not the whole set', async () => {
        const reads = new IndexReads();
        const index = new FakeIndex();
        const view = reads.recording(index);
        await reads.during(document, () => Promise.resolve(void view.facts().names.has('Api')));
        index.names = new Set(['Api', 'Batch']);
        assert.equal(reads.changed(document), false, 'Api is still there');
        index.names = new Set(['Batch']);
        assert.equal(reads.changed(document), true, 'Api is gone');
    });

    it('takes iterating or counting a collection as reading all of it', async () => {
        const reads = new IndexReads();
        const index = new FakeIndex();
        const view = reads.recording(index);
        await reads.during(document, () => Promise.resolve(void [...view.facts().names]));
        index.names = new Set(['Api', 'Batch']);
        assert.equal(reads.changed(document), true);
    });

    it('keeps the previous reads, one per question, when a validation takes findings over; a full validation replaces them', async () => {
        const reads = new IndexReads();
        const index = new FakeIndex();
        const view = reads.recording(index);
        await reads.during(document, () => Promise.resolve(void [view.facts().names.has('Api'), view.facts().names.has('Api')]));
        assert.equal(reads.size(document), 1, 'asked twice, recorded once');
        await reads.during(document, () => {
            reads.reusing(document);
            return Promise.resolve(void [view.facts().count, view.facts().names.has('Batch'), view.facts().names.has('Batch')]);
        });
        assert.equal(reads.size(document), 3, 'the lookups of Api and Batch once each, and the count');
        index.names = new Set(['Zed']);
        assert.equal(reads.changed(document), true, 'the lookup of Api, read before');
        index.names = new Set(['Api']);
        index.count = 2;
        assert.equal(reads.changed(document), true, 'the count, read by the validation that took findings over');
        index.count = 1;
        assert.equal(reads.changed(document), false);
        await reads.during(document, () => Promise.resolve(void view.facts().names.has('Api')));
        assert.equal(reads.size(document), 1);
        index.count = 3;
        assert.equal(reads.changed(document), false, 'the full validation did not read the count');
    });

    it('records nothing outside a validation, and answers changed for a document it knows nothing of', async () => {
        const reads = new IndexReads();
        const index = new FakeIndex();
        const view = reads.recording(index);
        assert.equal(view.facts().count, 1);
        await reads.during(document, () => Promise.resolve());
        index.count = 2;
        assert.equal(reads.changed(document), false);
        assert.equal(reads.changed({ uri: URI.parse('file:///w/b.tm') } as LangiumDocument), true);
        reads.forget(document.uri);
        assert.equal(reads.changed(document), true);
    });

    it('records questions that other arguments answer the same once, and asks again with the recorded arguments', async () => {
        const reads = new IndexReads();
        const index = new FakeIndex();
        const asked: string[] = [];
        const view = reads.recording(index, (key, args) => {
            asked.push(String(key));
            return key === 'knows' ? args.map(arg => String(arg).toLowerCase()) : args;
        });
        await reads.during(document, () => Promise.resolve(void [view.knows('API'), view.knows('api'), view.knows('Api'), view.facts().count]));
        assert.deepEqual(asked, ['knows', 'knows', 'knows', 'facts'], 'the index itself only is asked through the hook');
        assert.equal(reads.size(document), 2, 'knows(api) and the count');
        index.names = new Set(['Api', 'Batch']);
        assert.equal(reads.changed(document), false, 'api is still known');
        index.names = new Set(['Batch']);
        assert.equal(reads.changed(document), true, 'api is not known any more');
    });

    describe('a list read is hashed after the validation, as it was read', () => {
        /** An index answering with a list it is free to change in place later (the real index makes its lists per question). */
        class ListIndex {
            readonly list = ['Api'];
            names(): string[] {
                return this.list;
            }
        }
        const turns = (): Promise<void> => new Promise(resolve => setImmediate(() => setImmediate(() => setImmediate(resolve))));

        it('once the diagnostics are out, two turns of the event loop later', async () => {
            const reads = new IndexReads();
            const index = new ListIndex();
            const view = reads.recording(index);
            await reads.during(document, () => Promise.resolve(void view.names()));
            await turns();
            index.list.push('Batch');
            assert.equal(reads.changed(document), true, 'compared with the list as read');
            index.list.pop();
            assert.equal(reads.changed(document), false);
        });

        it('when settled before then (as the document builder does before a build)', async () => {
            const reads = new IndexReads();
            const index = new ListIndex();
            const view = reads.recording(index);
            await reads.during(document, () => Promise.resolve(void view.names()));
            reads.settle();
            index.list.push('Batch');
            assert.equal(reads.changed(document), true);
        });
    });
});
