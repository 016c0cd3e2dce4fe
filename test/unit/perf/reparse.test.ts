import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import type { Model } from '../../../language-server/src/generated/ast.js';
import type { FastThreatModelParser } from '../../../language-server/src/parser/fast/fast-parser.js';
import { createThreatModelServices } from '../../../language-server/src/threat-model-module.js';
import { generateModel } from '../../bench/synthetic-model.js';
import type { RandomEdit } from '../helpers/random-edits.js';
import { editorDocuments } from '../helpers/editor-documents.js';
import { applyEdit, randomEdit } from '../helpers/random-edits.js';
import { checkModel } from '../helpers/workspace.js';
import { ast, syntaxTree } from '../helpers/parse-shape.js';

/**
 * In a file open in the editor, an edit inside one declaration parses only that declaration again
 * and splices it into the previous tree (incremental/reparse.ts). That must be invisible: after
 * every edit of random sequences, the document must be what a parse of the whole text gives (the
 * AST with every property, the syntax tree with every token, position and range), and its findings
 * after a build those of a file checked from scratch.
 */
const URI_TEXT = 'file:///workspace/model.tm';
const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));
const EXAMPLES = ['examples/web-shop/dfd.tm', 'examples/web-shop/threats.tm', 'examples/iot-device/smart-lock.tm', 'examples/saas-api/platform.tm']
    .map(path => readFileSync(`${REPO}${path}`, 'utf8'));
const GENERATED = `${Object.values(generateModel(30, 1).files)[0]!}
rule Plain "Plain flows" { on flow stride Tampering when not encrypted }
dismiss Plain on Flow0 "Checked at the edge."
// the end`;
const TEXTS = [...EXAMPLES, GENERATED, GENERATED.replace(/\n/g, '\r\n')];
/** Lines a `line` edit writes in: declarations of every kind, a boundary opened and not closed, a comment. */
const LINES = ['process Extra "Extra" { technology "Go" }', 'boundary Open "Open" {', '}', '/* a comment', '*/', 'flow Fx: Web0 -> Db0 "x"',
    'threat Tx "T" { stride Spoofing targets Web0 }', '    external Guest "Guest" { type person }'];

/** What an edit of a range does: type, delete, paste a piece of the text from elsewhere, at the start or end of the file. */
interface RangeEdit {
    readonly kind: 'range' | 'paste' | 'start' | 'end';
    readonly at: number;
    readonly length: number;
    readonly from: number;
    readonly insert: string;
}

const INSERTS = ['', 'x', '}', '{', '"', '// note\n', '/* c */', '\r\n', '\n', ' encrypted', 'process P9 "p" ', 'boundary B9 "b" {', 'é'];

function rangeEdit(): fc.Arbitrary<RangeEdit> {
    return fc.record({
        kind: fc.constantFrom<RangeEdit['kind']>('range', 'range', 'paste', 'start', 'end'),
        at: fc.nat(), length: fc.nat({ max: 40 }), from: fc.nat(), insert: fc.constantFrom(...INSERTS),
    });
}

function applyRangeEdit(text: string, { kind, at, length, from, insert }: RangeEdit): string {
    const start = kind === 'start' ? 0 : kind === 'end' ? Math.max(0, text.length - length) : at % (text.length + 1);
    const end = Math.min(text.length, start + (kind === 'paste' ? 0 : length % 8));
    const pasted = kind === 'paste' ? text.slice(from % (text.length + 1), (from % (text.length + 1)) + length) : insert;
    return text.slice(0, start) + pasted + text.slice(end);
}

type Edit = { readonly user: RandomEdit } | { readonly range: RangeEdit };
/** Mostly edits a user makes inside a declaration, which keep it readable more often than a random range does. */
const anEdit: fc.Arbitrary<Edit> = fc.oneof({ arbitrary: randomEdit().map(user => ({ user })), weight: 2 }, { arbitrary: rangeEdit().map(range => ({ range })), weight: 1 });
const apply = (text: string, edit: Edit): string => ('user' in edit ? applyEdit(text, edit.user, LINES) : applyRangeEdit(text, edit.range));

const own = createThreatModelServices(EmptyFileSystem);
const { shared } = own;

/** Opens `text` as the editor does (the document is in TextDocuments), or changes it, and rebuilds. */
const show = editorDocuments(shared, URI_TEXT);

function describeDocument(document: LangiumDocument<Model>): unknown {
    const { value, lexerErrors, parserErrors } = document.parseResult;
    const root = value.$cstNode!;
    return {
        text: root.root.fullText,
        errors: [...lexerErrors.map(e => [e.offset, e.message]), ...parserErrors.map(e => [e.token.startOffset, e.message])],
        ast: ast(value),
        cst: syntaxTree(root, root),
        diagnostics: document.diagnostics,
    };
}

describe('parsing again only the edited declaration (incremental/reparse.ts)', function () {
    this.timeout(600_000);

    it('parses only the declaration a keystroke falls inside, and keeps every other node', async () => {
        const text = GENERATED;
        const document = await show(text);
        const before = document.parseResult.value;
        const at = text.indexOf('"Customer browser 2"') + 5;
        const typed = `${text.slice(0, at)}x${text.slice(at)}`;
        await show(typed, document);
        const after = document.parseResult.value;
        assert.ok(after.$cstNode!.root === before.$cstNode!.root, 'the syntax tree was spliced');
        assert.ok(after !== before, 'the root is a new node');
        const kept = after.declarations.filter(declaration => before.declarations.includes(declaration)).length;
        assert.equal(kept, after.declarations.length - 1, 'every declaration but the one around the edit is kept');
        assert.deepEqual(describeDocument(document), describeDocument((await checkModel(typed)).document));
    });

    it("parses a file whose previous version had a syntax error with Langium's parser straight away, not with the fast parser first", async () => {
        const parser = own.ThreatModel.parser.LangiumParser as unknown as FastThreatModelParser;
        const broken = `${GENERATED}\nflow Unfinished: \n`;
        const document = await show(broken);
        assert.ok(document.parseResult.parserErrors.length > 0, 'the file has a syntax error');
        const fallbacks = parser.fallbacks;
        const at = broken.indexOf('"Customer browser 2"') + 5;
        const typed = `${broken.slice(0, at)}x${broken.slice(at)}`;
        await show(typed, document);
        assert.equal(parser.fallbacks, fallbacks, 'the fast parser gave no text up to Langium\'s parser');
        assert.deepEqual(describeDocument(document), describeDocument((await checkModel(typed)).document));
        const mended = typed.replace('flow Unfinished: \n', '');
        await show(mended, document);
        assert.deepEqual(describeDocument(document), describeDocument((await checkModel(mended)).document));
    });

    it('gives what a parse and a check from scratch give, after any sequence of edits', async () => {
        let spliced = 0;
        let edits = 0;
        await fc.assert(fc.asyncProperty(fc.nat({ max: TEXTS.length - 1 }), fc.array(anEdit, { minLength: 1, maxLength: 8 }), async (which, steps) => {
            let text = TEXTS[which]!;
            const document = await show(text);
            for (const step of steps) {
                text = apply(text, step);
                const tree = document.parseResult.value.$cstNode!.root;
                await show(text, document);
                edits++;
                if (document.parseResult.value.$cstNode!.root === tree) spliced++;
                const fromScratch = (await checkModel(text)).document;
                assert.deepEqual(describeDocument(document), describeDocument(fromScratch), `after ${JSON.stringify(step)}`);
            }
        }), { numRuns: 150, seed: 20261206 });
        assert.ok(spliced >= 80, `${spliced} of ${edits} edits spliced`);
    });
});
