import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseResult, ParserOptions } from 'langium';
import { EmptyFileSystem } from 'langium';
import { createThreatModelParser } from '../../../language-server/src/parser/cst-node-builder.js';
import { FastThreatModelParser } from '../../../language-server/src/parser/fast/fast-parser.js';
import type { Cardinality, PlanElement, PlanRule } from '../../../language-server/src/parser/fast/grammar-plan.js';
import { planGrammar } from '../../../language-server/src/parser/fast/grammar-plan.js';
import { ENTER, LEAVE, UNSURE, computeDecisions } from '../../../language-server/src/parser/fast/repetition-decisions.js';
import { createThreatModelServices } from '../../../language-server/src/threat-model-module.js';
import { generateModel } from '../../bench/synthetic-model.js';
import { keywordsOf, randomSentence } from '../helpers/grammar-sentences.js';
import { seededRandom } from '../helpers/seeded-random.js';
import { describeParse } from '../helpers/parse-shape.js';

/**
 * The fast parser (parser/fast/) must give exactly what Langium's parser gives, for every text:
 * the same AST with every property in the same order, the same references and syntax tree, the
 * same errors. Valid files take the fast path; anything else goes to Langium's parser.
 */
const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));
const { ThreatModel } = createThreatModelServices(EmptyFileSystem);
const fast = ThreatModel.parser.LangiumParser as unknown as FastThreatModelParser;
/** Langium's parser, as tml made it before the fast parser. */
const langiums = createThreatModelParser(ThreatModel);
const grammar = ThreatModel.Grammar;
const NAMES = ['A', 'Web0', 'db_1', 'x', 'Flow0', '_p', 'Rule1'];

function tmFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return tmFiles(path);
        return entry.name.endsWith('.tm') ? [path] : [];
    });
}

/** Parses `text` with both parsers; asserts the same results, and returns how many fell back to Langium's parser. */
function compare(text: string, options?: ParserOptions, what = JSON.stringify(text.slice(0, 200))): number {
    const before = fast.fallbacks;
    let ours: ParseResult;
    try {
        ours = fast.parse(text, options);
    } catch (error) {
        assert.fail(`${what}: the fast parser threw ${String(error)}`);
    }
    const theirs = langiums.parse(text, options);
    assert.deepEqual(describeParse(ours), describeParse(theirs), what);
    return fast.fallbacks - before;
}

function validSentences(count: number, seed: number, maxDepth: number): string[] {
    const random = seededRandom(seed);
    return Array.from({ length: count }, () => randomSentence(grammar, random, { maxDepth, names: NAMES }));
}

/** A token of `text` deleted, doubled, swapped with the next or preceded by a keyword. */
function mutate(text: string, random: () => number, keywords: readonly string[]): string {
    const tokens = ThreatModel.parser.Lexer.tokenize(text).tokens;
    if (tokens.length < 2) return `${text} ${keywords[Math.floor(random() * keywords.length)]!}`;
    const i = Math.floor(random() * (tokens.length - 1));
    const token = tokens[i]!;
    const next = tokens[i + 1]!;
    const start = token.startOffset;
    const end = token.endOffset! + 1;
    switch (Math.floor(random() * 4)) {
        case 0: return text.slice(0, start) + text.slice(end);
        case 1: return `${text.slice(0, end)} ${token.image}${text.slice(end)}`;
        case 2: return `${text.slice(0, start)}${next.image}${text.slice(end, next.startOffset)}${token.image}${text.slice(next.endOffset! + 1)}`;
        default: return `${text.slice(0, start)}${keywords[Math.floor(random() * keywords.length)]!} ${text.slice(start)}`;
    }
}

describe('the fast parser (parser/fast/)', function () {
    this.timeout(600_000);

    it('is the parser service, and parses a valid file without making Langium\'s parser', () => {
        const { ThreatModel: own } = createThreatModelServices(EmptyFileSystem);
        const parser = own.parser.LangiumParser as unknown as FastThreatModelParser;
        assert.ok(parser instanceof FastThreatModelParser);
        const result = parser.parse('process P "p" { technology "Go" }\n// the end');
        assert.deepEqual([result.lexerErrors, result.parserErrors, parser.fallbacks, parser.langiumParserMade], [[], [], 0, false]);
        const broken = parser.parse('process P "p" { technology }');
        assert.deepEqual([broken.parserErrors.length > 0, parser.fallbacks, parser.langiumParserMade], [true, 1, true]);
    });

    it('gives Langium\'s result for every .tm file of the repository', () => {
        const files = [...tmFiles(join(REPO, 'examples')), ...tmFiles(join(REPO, 'test/fixtures'))];
        assert.ok(files.length > 50, `${files.length} files`);
        let fellBack = 0;
        for (const file of files) fellBack += compare(readFileSync(file, 'utf8'), undefined, file);
        // The fixtures with syntax errors go to Langium's parser; the others must not.
        assert.ok(fellBack < files.length / 4, `${fellBack} of ${files.length} fell back`);
    });

    it('gives Langium\'s result for generated models, LF and CRLF, taking the fast path', () => {
        for (const [elements, files] of [[30, 1], [200, 3]] as const) {
            for (const text of Object.values(generateModel(elements, files).files)) {
                assert.equal(compare(text), 0);
                assert.equal(compare(text.replace(/\n/g, '\r\n')), 0);
            }
        }
    });

    it('gives Langium\'s result for random valid files of every part of the grammar, all on the fast path', () => {
        const sentences = [...validSentences(300, 20261206, 10), ...validSentences(60, 7, 16)];
        for (const [i, text] of sentences.entries()) assert.equal(compare(text, undefined, `sentence ${i}: ${text}`), 0, `sentence ${i} fell back: ${text}`);
        // The sentences cover every keyword of the grammar.
        const used = new Set(sentences.flatMap(text => ThreatModel.parser.Lexer.tokenize(text).tokens.map(token => token.tokenType.name)));
        assert.deepEqual(keywordsOf(grammar).filter(keyword => !used.has(keyword)), []);
    });

    it('gives Langium\'s result, errors included, for valid files with a token deleted, doubled, swapped or a keyword inserted', () => {
        const random = seededRandom(17);
        const keywords = keywordsOf(grammar);
        const texts = [...validSentences(150, 99, 5), ...Object.values(generateModel(20, 1).files)];
        let fellBack = 0;
        let total = 0;
        for (const text of texts) {
            for (let n = 0; n < 3; n++) {
                fellBack += compare(mutate(text, random, keywords));
                total++;
            }
        }
        assert.ok(fellBack > total / 3 && fellBack < total, `${fellBack} of ${total} fell back`);
    });

    it('gives Langium\'s result for a rule given in the options, and for what the re-parse parses', () => {
        for (const text of validSentences(40, 5, 4)) {
            const declaration = text.replace(/^[\s\S]*?(?=\b(?:system|asset|process|boundary|rule|threat)\b)/, '');
            compare(declaration, { rule: 'Declaration' });
        }
        assert.equal(compare('boundary W "W" {\nprocess P "p" { entrypoint }\n}'), 0);
    });

    it('gives up where a token could both start an optional part and follow it, and nowhere in tml\'s grammar', () => {
        // R: 'a'? 'a' — made by hand: Langium's grammar language would not let tml's grammar have it.
        const size = 3;
        const token = (cardinality: Cardinality, idx: number): PlanElement => {
            const first = new Uint8Array(size);
            first[idx] = 1;
            return { kind: 'token', cardinality, first, nullable: cardinality === '?', decide: new Uint8Array(size), source: undefined!, terminal: undefined, assignment: undefined };
        };
        const optional = token('?', 0);
        const other = token('?', 1);
        const body: PlanElement = { kind: 'group', cardinality: undefined, first: Uint8Array.of(1, 0, 0), nullable: false, decide: new Uint8Array(size), elements: [optional, other, token(undefined, 0)] };
        const rule: PlanRule = { name: 'R', type: 'R', source: undefined!, body };
        computeDecisions([rule], [optional, other, body, ...body.elements.slice(2)], 2);
        assert.deepEqual([[...optional.decide], [...other.decide]], [[UNSURE, LEAVE, LEAVE], [LEAVE, ENTER, LEAVE]]);
        const plan = planGrammar(grammar, ThreatModel.parser.Lexer.definition);
        const decisions = (element: PlanElement): Uint8Array[] => [
            ...element.cardinality ? [element.decide] : [],
            ...element.kind === 'group' || element.kind === 'alternatives' ? element.elements.flatMap(decisions) : [],
        ];
        const all = [...plan.rules.values()].flatMap(planned => decisions(planned.body).map(decide => [planned.name, decide.includes(UNSURE)] as const));
        assert.ok(all.length > 40, `${all.length} decisions`);
        assert.deepEqual(all.filter(([, unsure]) => unsure), []);
    });

    it('falls back instead of overflowing the stack on deep nesting', () => {
        const deep = `rule R "r" { when ${'not '.repeat(60)}${'('.repeat(2)}a${')'.repeat(2)} }`;
        compare(deep);
        const trees = `threat T "t" { tree { ${'or "g" { '.repeat(60)}leaf "l"${' }'.repeat(60)} } }`;
        compare(trees);
        compare(`boundary B "b" { ${'boundary C "c" { '.repeat(70)}${'}'.repeat(71)}`);
    });
});
