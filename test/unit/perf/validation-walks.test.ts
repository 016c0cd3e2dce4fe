import * as assert from 'node:assert/strict';
import type { AstNode, CstNode, LangiumDocument, ValidationAcceptor, ValidationOptions } from 'langium';
import { AstUtils, DefaultDocumentValidator, EmptyFileSystem, GrammarUtils, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { isDread } from '../../../language-server/src/generated/ast.js';
import { createThreatModelServices } from '../../../language-server/src/threat-model-module.js';
import type { SingleValuedClauses } from '../../../language-server/src/validation/clause-checks.js';
import {
    checkClausesWrittenOnce, checkDreadFactorsGivenOnce, clauseOf, describeOwner, diagnoseIgnored, firstToken, singleValuedClauses,
} from '../../../language-server/src/validation/clause-checks.js';
import { ThreatModelDocumentValidator } from '../../../language-server/src/validation/document-validator.js';
import { findNodesOfProperties, findPropertyNodes } from '../../../language-server/src/validation/property-node.js';
import { generateModel } from '../../bench/synthetic-model.js';
import { exampleFiles } from '../helpers/fuzz-inputs.js';
import { randomSentence } from '../helpers/grammar-sentences.js';
import { seededRandom } from '../helpers/seeded-random.js';

/**
 * Validation walks less than the plain path (docs/performance.md#validation): the clauses of a
 * node are found in one walk of its syntax, the checks of a node type are listed once per list of
 * categories, and the nodes to check are the list the linker walked. Each is compared here with
 * the plain path, on the examples, the fixtures, a generated model and random files of the grammar.
 */
const services = createThreatModelServices(EmptyFileSystem);
const { ThreatModel } = services;
const NAMES = ['A', 'Web0', 'db_1', 'x', 'Flow0', '_p', 'Rule1'];

const FILES: readonly string[] = [...exampleFiles().map(file => file.text), ...Object.values(generateModel(200, 2).files)];

function randomFiles(count: number, seed: number): string[] {
    const random = seededRandom(seed);
    return Array.from({ length: count }, () => randomSentence(ThreatModel.Grammar, random, { maxDepth: 4, names: NAMES }));
}

/** The same syntax nodes, in the same order (compared as objects: a deep comparison of two different ones would walk the whole tree). */
function assertSameNodes(actual: readonly CstNode[], expected: readonly CstNode[], what: string): void {
    assert.equal(actual.length, expected.length, what);
    actual.forEach((node, i) => assert.ok(node === expected[i], `${what}[${i}]`));
}

/** What an acceptor is given, in order (the node as its type and offset: a failed comparison prints it). */
function recorded(run: (accept: ValidationAcceptor) => void): unknown[] {
    const calls: unknown[] = [];
    run((severity, message, { node, ...info }) => { calls.push({ severity, message, node: `${node.$type} at ${node.$cstNode?.offset}`, info }); });
    return calls;
}

/** The clause checks as they were: Langium's own lookup, once per clause, the owner described for each. */
function plainClauseChecks(node: AstNode, accept: ValidationAcceptor, clauses: SingleValuedClauses): void {
    for (const { property, flag } of clauses.get(node.$type) ?? []) {
        const written = GrammarUtils.findNodesForProperty(node.$cstNode, property).map(clauseOf);
        diagnoseIgnored(accept, node, describeOwner(node), written, flag ? 'flag' : 'clause');
    }
    if (!isDread(node)) return;
    const byFactor = new Map<string, { keyword: ReturnType<typeof firstToken>; last: ReturnType<typeof firstToken> }[]>();
    for (const factor of node.factors) {
        const cst = factor.$cstNode;
        if (!factor.factor || !cst) continue;
        const written = byFactor.get(factor.factor) ?? [];
        written.push({ keyword: firstToken(cst), last: cst });
        byFactor.set(factor.factor, written);
    }
    for (const written of byFactor.values()) diagnoseIgnored(accept, node, `The DREAD rating of threat '${node.$container.name}'`, written, 'factor');
}

describe('validation walks', () => {
    const clauses = singleValuedClauses(ThreatModel.Grammar);
    const texts = [...FILES, ...randomFiles(400, 20261206)];

    it('finds the syntax of all the clauses of a node in one walk, as findPropertyNodes and Langium find each', () => {
        const reflection = services.shared.AstReflection;
        let repeated = 0;
        for (const text of texts) {
            for (const node of AstUtils.streamAst(ThreatModel.parser.LangiumParser.parse(text).value) as Iterable<AstNode>) {
                const properties = [...new Set([...Object.keys(reflection.getTypeMetaData(node.$type).properties), 'name', 'nothing'])];
                const found = findNodesOfProperties(node, properties);
                properties.forEach((property, at) => {
                    assertSameNodes(found[at]!, findPropertyNodes(node, property), `${node.$type}.${property}`);
                    assertSameNodes(found[at]!, GrammarUtils.findNodesForProperty(node.$cstNode, property), `${node.$type}.${property}`);
                    if (found[at]!.length > 1) repeated++;
                });
            }
        }
        assert.ok(repeated > 100, `${repeated} properties written more than once`);
    });

    it('reports repeated clauses and DREAD factors as the plain path does (Langium\'s lookup per clause)', () => {
        let findings = 0;
        for (const text of texts) {
            for (const node of AstUtils.streamAst(ThreatModel.parser.LangiumParser.parse(text).value) as Iterable<AstNode>) {
                const ours = recorded(accept => {
                    checkClausesWrittenOnce(node, accept, clauses);
                    if (isDread(node)) checkDreadFactorsGivenOnce(node, accept);
                });
                assert.deepEqual(ours, recorded(accept => plainClauseChecks(node, accept, clauses)), `${node.$type} in ${text.slice(0, 200)}`);
                findings += ours.length;
            }
        }
        assert.ok(findings > 100, `${findings} findings`);
    });

    it('checks the nodes the linker walked, in the same order, with the same findings as walking the tree for the checks', async () => {
        const validator = ThreatModel.validation.DocumentValidator;
        assert.ok(validator instanceof ThreatModelDocumentValidator);
        const walking = Object.assign(Object.create(validator) as ThreatModelDocumentValidator, {
            // Equal to Langium's answer, but another function: the validator walks the tree itself.
            validateSingleNodeOptions: (node: AstNode, options: ValidationOptions) => Reflect.apply(DefaultDocumentValidator.prototype['validateSingleNodeOptions' as keyof DefaultDocumentValidator] as () => unknown, validator, [node, options]),
        });
        const documents: LangiumDocument[] = [...FILES, ...randomFiles(60, 7)].map((text, i) => {
            const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///walks/file-${i}.tm`));
            services.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        let checked = 0;
        for (const document of documents) {
            const listed = await validator.validateDocument(document);
            const listedRun: { nodes: number; checked: number } = validator.lastRun;
            const walked: Diagnostic[] = await walking.validateDocument(document);
            assert.deepEqual(listed, walked, document.uri.toString());
            assert.deepEqual(listed, document.diagnostics, document.uri.toString());
            assert.deepEqual(listedRun, walking.lastRun);
            checked += listedRun.checked;
        }
        assert.ok(checked > 2_000, `${checked} nodes checked`);
    });
});
