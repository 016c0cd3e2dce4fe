import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { AstNode, CstNode } from 'langium';
import { AstUtils, GrammarUtils, createLangiumParser, isCompositeCstNode, isLeafCstNode } from 'langium';
import { findPropertyNode, findPropertyNodes } from '../../language-server/src/validation/property-node.js';
import { generateModel } from '../bench/synthetic-model.js';
import { services } from './helpers/workspace.js';

/**
 * tml builds its syntax tree with its own CST builder (parser/cst-node-builder.ts) and finds the
 * range of a finding's property with its own lookup (validation/property-node.ts), both for speed.
 * Both must give exactly what Langium's own give.
 */
const ours = services.ThreatModel.parser.LangiumParser;
const langiums = createLangiumParser(services.ThreatModel);

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

function modelFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return modelFiles(path);
        return entry.name.endsWith('.tm') ? [path] : [];
    });
}

const TEXTS: readonly string[] = [
    ...[...modelFiles(join(REPO, 'examples')), join(REPO, 'test/fixtures/design/online-store.tm')].map(path => readFileSync(path, 'utf8')),
    ...Object.values(generateModel(200, 2).files),
];

/** Every property of a node, every node of the tree, every leaf's range: all that a user of the CST can see. */
function assertSameCst(actual: CstNode, expected: CstNode, path: string): void {
    const view = (node: CstNode): unknown => ({
        offset: node.offset, length: node.length, end: node.end, hidden: node.hidden, text: node.text, range: node.range,
        astType: node.astNode.$type, astOffset: node.astNode.$cstNode?.offset, leaf: isLeafCstNode(node) ? node.tokenType.name : undefined,
    });
    assert.deepEqual(view(actual), view(expected), path);
    assert.equal(actual.grammarSource, expected.grammarSource, `${path}: grammar element`);
    if (!isCompositeCstNode(expected)) return;
    assert.ok(isCompositeCstNode(actual), path);
    assert.equal(actual.content.length, expected.content.length, `${path}: children`);
    actual.content.forEach((child, i) => {
        assert.equal(child.container, actual, `${path}/${i}: the child knows its container`);
        assertSameCst(child, expected.content[i]!, `${path}/${i}`);
    });
}

function assertSameTree(text: string): void {
    const expected = langiums.parse(text);
    const actual = ours.parse(text);
    assert.deepEqual(actual.parserErrors.map(e => e.message), expected.parserErrors.map(e => e.message));
    assertSameCst(actual.value.$cstNode!, expected.value.$cstNode!, 'root');
    for (const node of AstUtils.streamAst(actual.value)) assert.equal(node.$cstNode?.astNode, node, `the CST of a ${node.$type} leads back to it`);
}

/** A comment or a line break (of each kind: leaves compute their line from the text) at every place a token may start, and text cut anywhere: where hidden nodes go is the tricky part. */
const mangled = fc.tuple(fc.constantFrom(...TEXTS.slice(0, 4)), fc.array(fc.tuple(fc.nat(), fc.constantFrom('// c\n', '/* c */', ' /* a\nb */ ', '\n', '\r\n', '\r', '/* \r\n\r */', '{', '"', 'x')), { maxLength: 6 }), fc.nat())
    .map(([text, inserts, cut]) => {
        let result = text;
        for (const [at, insert] of inserts) {
            const i = at % (result.length + 1);
            result = result.slice(0, i) + insert + result.slice(i);
        }
        return result.slice(0, Math.max(1, cut % (result.length + 1)));
    });

describe('syntax tree', () => {
    it("is Langium's own, node for node, for the examples and a synthetic model", () => {
        for (const text of TEXTS) assertSameTree(text);
    });

    it("is Langium's own, ranges included, for files with CRLF and lone CR line ends", () => {
        for (const text of TEXTS.slice(0, 3)) {
            assertSameTree(text.replaceAll('\n', '\r\n'));
            assertSameTree(text.replaceAll('\n', '\r'));
        }
    });

    it("is Langium's own for text with comments anywhere, syntax errors and cut short", () => {
        fc.assert(fc.property(mangled, assertSameTree), { numRuns: 200, seed: 20240611 });
    });

    it("finds the syntax of every property, at every index, where Langium's findNodeForProperty and findNodesForProperty do", () => {
        const reflection = services.shared.AstReflection;
        for (const text of [...TEXTS, '/* x */ threat T "t" { stride Spoofing, Tampering', 'process P "p" { technology "a" technology "b" }']) {
            const root = ours.parse(text).value;
            for (const node of AstUtils.streamAst(root) as Iterable<AstNode>) {
                for (const property of [...Object.keys(reflection.getTypeMetaData(node.$type).properties), 'name', 'nothing']) {
                    assert.deepEqual(findPropertyNodes(node, property), [...GrammarUtils.findNodesForProperty(node.$cstNode, property)], `${node.$type}.${property}`);
                    for (const index of [undefined, -1, 0, 1, 2, 50]) {
                        assert.equal(findPropertyNode(node, property, index), GrammarUtils.findNodeForProperty(node.$cstNode, property, index),
                            `${node.$type}.${property}[${index}]`);
                    }
                }
            }
        }
    });
});
