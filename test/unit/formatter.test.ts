import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Range } from 'vscode-languageserver';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { services } from './helpers/workspace.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/** Every example model and the design example: real files, written by hand. */
function modelFiles(): string[] {
    const below = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
        entry.isDirectory() ? below(join(dir, entry.name)) : entry.name.endsWith('.tm') ? [join(dir, entry.name)] : []);
    return [...below(join(REPO, 'examples')), join(REPO, 'test/fixtures/design/online-store.tm')].sort();
}

let documents = 0;

/** Formats `text` as the editor would (whole document, or a range), and returns the result. */
function format(text: string, range?: Range): string {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///format/${documents++}.tm`));
    const formatter = services.ThreatModel.lsp.Formatter!;
    const options = { tabSize: 2, insertSpaces: false };
    const textDocument = { uri: document.textDocument.uri };
    const edits = range
        ? formatter.formatDocumentRange(document, { textDocument, options, range })
        : formatter.formatDocument(document, { textDocument, options });
    assert.ok(Array.isArray(edits));
    return TextDocument.applyEdits(TextDocument.create(textDocument.uri, 'threat-model', 0, text), edits);
}

/** The lexer's tokens, comments included, in document order: `TYPE image`. */
function tokenStream(text: string): string[] {
    const { tokens, hidden, errors } = services.ThreatModel.parser.Lexer.tokenize(text);
    assert.deepEqual(errors, []);
    return [...tokens, ...hidden].sort((a, b) => a.startOffset - b.startOffset).map(t => `${t.tokenType.name} ${t.image}`);
}

/**
 * The same tokens with different whitespace between them: indentation and the spaces between
 * tokens changed, line breaks and the spacing before a trailing comment kept (layout decisions
 * that are the author's: blank lines, one-line bodies, aligned comments).
 */
function scrambleSpaces(text: string): string {
    const { tokens, hidden } = services.ThreatModel.parser.Lexer.tokenize(text);
    const all = [...tokens, ...hidden].sort((a, b) => a.startOffset - b.startOffset);
    let result = '';
    let position = 0;
    all.forEach((token, index) => {
        const gap = text.slice(position, token.startOffset);
        const newlines = gap.split('\n').length - 1;
        const isComment = hidden.includes(token);
        if (newlines > 0) result += '\n'.repeat(newlines) + ' '.repeat(index % 7);
        else if (isComment || gap === '') result += gap;
        else result += ' '.repeat(1 + (index % 3));
        result += token.image;
        position = token.startOffset + token.image.length;
    });
    return result + text.slice(position);
}

/** How to rewrite one gap between tokens: extra newlines, indentation width and character, break the line. */
type GapChoice = [extraNewlines: number, indentWidth: number, tabs: boolean, breakLine: boolean];

/**
 * The same tokens with arbitrary whitespace between them: any gap may get more newlines, any
 * indentation, tabs, or a line break where there was none; never zero whitespace where there was
 * some, which could merge two tokens into one (the line break that ends a `//` comment stays too).
 */
function respace(text: string, choices: readonly GapChoice[]): string {
    const { tokens, hidden } = services.ThreatModel.parser.Lexer.tokenize(text);
    const all = [...tokens, ...hidden].sort((a, b) => a.startOffset - b.startOffset);
    let result = '';
    let position = 0;
    all.forEach((token, index) => {
        const gap = text.slice(position, token.startOffset);
        const [extra, width, tabs, breakLine] = choices[index % choices.length] ?? [0, 1, false, false];
        const indentation = (tabs ? '\t' : ' ').repeat(width);
        const newlines = gap.split('\n').length - 1;
        if (newlines > 0) result += '\n'.repeat(newlines + extra) + indentation;
        else if (breakLine && index > 0) result += '\n' + indentation;
        else if (gap === '' || index === 0) result += gap;
        else result += ' '.repeat(1 + width);
        result += token.image;
        position = token.startOffset + token.image.length;
    });
    return result + text.slice(position);
}

const MESSY = `   // The model of a shop.


threat   Hijack   "Session hijack"{ // why it matters
  stride Spoofing ,Tampering /* both */ targets Customer,
     Storefront
  tree { or "Steal it" { leaf "XSS"  leaf "Sniffing" } }
    dread {
 damage 8


 exploitability - 1
      }


    /* Decided at the
       sprint review. */

  response fix }



flow PlaceOrder :Customer->Storefront "Submit order"{ encrypted authenticated
carries CardData // PAN only
}
boundary Dmz "DMZ" {
process Storefront "Web app" { entrypoint }
  boundary Inner "Inner" {}
      }
exclude Repudiation on Customer,PlaceOrder "Receipts."`;

const CANONICAL = `// The model of a shop.

threat Hijack "Session hijack" { // why it matters
    stride Spoofing, Tampering /* both */
    targets Customer, Storefront
    tree { or "Steal it" { leaf "XSS" leaf "Sniffing" } }
    dread {
        damage 8

        exploitability -1
    }

    /* Decided at the
       sprint review. */

    response fix
}

flow PlaceOrder: Customer -> Storefront "Submit order" {
    encrypted
    authenticated
    carries CardData // PAN only
}
boundary Dmz "DMZ" {
    process Storefront "Web app" { entrypoint }
    boundary Inner "Inner" { }
}
exclude Repudiation on Customer, PlaceOrder "Receipts."
`;

describe('formatter', () => {
    it('lays out a messy model canonically', () => {
        assert.equal(format(MESSY), CANONICAL);
    });

    it('keeps the comments and every other token, in order', () => {
        assert.deepEqual(tokenStream(format(MESSY)), tokenStream(MESSY));
    });

    it('breaks the line after a // comment inside a clause, indenting the continuation', () => {
        assert.equal(format('threat T "t" {\n    targets A, // the shop\n B\n}'), 'threat T "t" {\n    targets A, // the shop\n        B\n}\n');
        assert.equal(format('threat T "t" {\n    targets A,\n// the shop\n B\n}'), 'threat T "t" {\n    targets A,\n        // the shop\n        B\n}\n');
    });

    it('indents a comment before a closing brace like the clauses of the body', () => {
        assert.equal(format('boundary B "b" {\nprocess P "p"\n  // more to come\n}'), 'boundary B "b" {\n    process P "p"\n    // more to come\n}\n');
    });

    it('lays out a rule: one clause per line, conditions with single spaces, paths and brackets tight', () => {
        const messy = 'rule  R "r" {  on   flow\n stride Tampering when any carries( type in [ credentials ,token ] )and not ( source . type is person )\n  unless tags has "x"   cwe 1 , 2\n}\n' +
            'dismiss  R on A ,B   "why"\nexclude Tampering ,Spoofing on A "x"\nasset A "a" {classification secret\ntype key}\n';
        assert.equal(format(messy), [
            'rule R "r" {',
            '    on flow',
            '    stride Tampering',
            '    when any carries (type in [credentials, token]) and not (source.type is person)',
            '    unless tags has "x"',
            '    cwe 1, 2',
            '}',
            'dismiss R on A, B "why"',
            'exclude Tampering, Spoofing on A "x"',
            'asset A "a" {',
            '    classification secret',
            '    type key',
            '}',
            '',
        ].join('\n'));
    });

    it('keeps Windows line endings', () => {
        assert.equal(format('process P "p" {\r\ntechnology "x"\r\n\r\n\r\n  entrypoint }\r\n'), 'process P "p" {\r\n    technology "x"\r\n\r\n    entrypoint\r\n}\r\n');
    });

    it('ignores the editor\'s tab settings: four spaces per level is the canonical layout', () => {
        assert.equal(format('boundary B "b" {\n\tprocess P "p"\n}\n'), 'boundary B "b" {\n    process P "p"\n}\n');
    });

    it('formats only the lines of a range', () => {
        const text = 'process  A "a"\nprocess  B "b"\nprocess  C "c"\n';
        assert.equal(format(text, { start: { line: 1, character: 0 }, end: { line: 1, character: 14 } }), 'process  A "a"\nprocess B "b"\nprocess  C "c"\n');
    });

    it('leaves a document with a syntax error untouched', () => {
        for (const broken of ['threat  T "t" {\n  stride Spoofing,\n', 'process  P "p" { technology }', 'process  P "p" $ ']) {
            assert.equal(format(broken), broken);
        }
    });

    it('changes nothing in an empty document or one with only comments', () => {
        assert.equal(format(''), '');
        assert.equal(format('// nothing yet\n'), '// nothing yet\n');
    });

    it('keeps every token and is idempotent whatever the whitespace (fast-check)', () => {
        const model = readFileSync(join(REPO, 'test/fixtures/design/online-store.tm'), 'utf8');
        const choice = fc.tuple(fc.nat(3), fc.nat(6), fc.boolean(), fc.boolean());
        fc.assert(fc.property(fc.array(choice, { minLength: 1, maxLength: 40 }), choices => {
            const text = respace(model, choices);
            const once = format(text);
            assert.deepEqual(tokenStream(once), tokenStream(text));
            assert.equal(format(once), once);
        }), { numRuns: 60 });
    });

    describe('on every example model', () => {
        for (const file of modelFiles()) {
            const name = relative(REPO, file);
            const text = readFileSync(file, 'utf8');

            it(`${name}: formatting twice equals formatting once`, () => {
                const once = format(text);
                assert.equal(format(once), once);
            });

            it(`${name}: keeps every token and comment, in order, changing only whitespace`, () => {
                const formatted = format(text);
                assert.deepEqual(tokenStream(formatted), tokenStream(text));
                assert.equal(formatted.replace(/\s+/g, ''), text.replace(/\s+/g, ''));
            });

            it(`${name}: formats the same whatever the indentation and spacing it was written with`, () => {
                const scrambled = scrambleSpaces(text);
                assert.notEqual(scrambled, text);
                assert.equal(format(scrambled), format(text));
            });
        }
    });
});
