import * as assert from 'node:assert/strict';
import type { AstNode, CstNode, DiagnosticInfo, LangiumDocument, ValidationAcceptor, ValidationOptions, ValidationSeverity } from 'langium';
import { AstUtils, DefaultDocumentValidator, EmptyFileSystem, GrammarUtils, URI, isAstNode, isMultiReference, isReference } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { isDread } from '../../../language-server/src/generated/ast.js';
import { forEachAstNode, forEachReference } from '../../../language-server/src/model/ast-walk.js';
import { createThreatModelServices } from '../../../language-server/src/threat-model-module.js';
import type { SingleValuedClauses } from '../../../language-server/src/validation/clause-checks.js';
import {
    checkClausesWrittenOnce, checkDreadFactorsGivenOnce, clauseOf, describeOwner, diagnoseIgnored, firstToken, singleValuedClauses,
} from '../../../language-server/src/validation/clause-checks.js';
import { ThreatModelDocumentValidator } from '../../../language-server/src/validation/document-validator.js';
import { findNodesOfProperties, findPropertyNodes } from '../../../language-server/src/validation/property-node.js';
import { generateModel } from '../../bench/synthetic-model.js';
import { builtinLibraryDocument } from '../helpers/builtin-library.js';
import { exampleFiles } from '../helpers/fuzz-inputs.js';
import { randomSentence } from '../helpers/grammar-sentences.js';
import { seededRandom } from '../helpers/seeded-random.js';

/**
 * Validation walks less than the plain path (docs/performance.md#validation): the clauses of a
 * node are found in one walk of its syntax, a walk of the tree and of a node's references read only
 * the properties the grammar puts nodes and references in (the scope computation, the linker, the
 * reference index and the keystroke bookkeeping walk them too), the checks of a node type are listed once per list of
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

/** The references of a node as the walk found them before: every property of the node, in order. */
function plainReferences(node: AstNode): unknown[] {
    const found: unknown[] = [];
    for (const property of Object.keys(node)) {
        if (property.startsWith('$')) continue;
        const value: unknown = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) found.push([value, property, undefined]);
        else if (Array.isArray(value)) value.forEach((item: unknown, index) => { if (isReference(item) || isMultiReference(item)) found.push([item, property, index]); });
    }
    return found;
}

/** The walk as it was: every property of every node, in order, a node's inside skipped when `visit` says so. */
function plainWalk(node: AstNode, visit: (node: AstNode) => boolean): void {
    if (!visit(node)) return;
    for (const property of Object.keys(node)) {
        if (property.startsWith('$')) continue;
        const value: unknown = (node as unknown as Record<string, unknown>)[property];
        if (Array.isArray(value)) value.forEach((item: unknown) => { if (isAstNode(item)) plainWalk(item, visit); });
        else if (isAstNode(value)) plainWalk(value, visit);
    }
}

function walked(root: AstNode, walk: (node: AstNode, visit: (node: AstNode) => boolean) => void, skip: (node: AstNode) => boolean): AstNode[] {
    const nodes: AstNode[] = [];
    walk(root, node => { nodes.push(node); return !skip(node); });
    return nodes;
}

function references(node: AstNode): unknown[] {
    const found: unknown[] = [];
    forEachReference(node, (reference, property, index) => found.push([reference, property, index]));
    return found;
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

    it('walks every node as reading all the properties of each does, in the same order, skipping the same insides', async () => {
        const builtin = await builtinLibraryDocument();
        const roots = [builtin.parseResult.value, ...texts.map(text => ThreatModel.parser.LangiumParser.parse(text).value)];
        let count = 0;
        for (const root of roots) {
            for (const skip of [(): boolean => false, (node: AstNode): boolean => node.$type === 'Threat' || node.$type === 'AndCondition' || node.$type === 'Boundary']) {
                const expected = walked(root, plainWalk, skip);
                const actual = walked(root, forEachAstNode, skip);
                assert.equal(actual.length, expected.length);
                actual.forEach((node, i) => assert.ok(node === expected[i], `${node.$type} ${i}`));
                count += actual.length;
            }
        }
        const unknown = { $type: 'NotInTheGrammar', a: { $type: 'Asset', name: 'A' }, b: [1, { $type: 'Asset', name: 'B' }] } as unknown as AstNode;
        assert.deepEqual(walked(unknown, forEachAstNode, () => false).map(n => n.$type), ['NotInTheGrammar', 'Asset', 'Asset']);
        assert.ok(count > 5_000, `${count} nodes`);
    });

    it('visits the references of every node as reading all its properties does, in the same order', async () => {
        let visited = 0;
        const builtin = await builtinLibraryDocument();
        const roots = [builtin.parseResult.value, ...texts.map(text => ThreatModel.parser.LangiumParser.parse(text).value)];
        for (const root of roots) {
            for (const node of AstUtils.streamAst(root) as Iterable<AstNode>) {
                const expected = plainReferences(node);
                const actual = references(node);
                assert.equal(actual.length, expected.length, node.$type);
                actual.forEach((visit, i) => assert.ok((visit as unknown[]).every((part, k) => part === (expected[i] as unknown[])[k]), `${node.$type} ${i}`));
                visited += actual.length;
            }
        }
        const unknown = { $type: 'NotInTheGrammar', a: { $refText: 'x', ref: undefined }, b: [1, { $refText: 'y', items: [] }] } as unknown as AstNode;
        assert.deepEqual(references(unknown), plainReferences(unknown));
        assert.equal(references(unknown).length, 2);
        assert.ok(visited > 5_000, `${visited} references`);
    });

    it('reads the kind of a declaration off its $type only where that type has no subtypes (model/process-facts.ts)', () => {
        for (const type of ['System', 'Assumption', 'Dependency', 'Scenario', 'Flow', 'Datastore', 'Boundary']) {
            assert.deepEqual(services.shared.AstReflection.getAllSubTypes(type), [type], type);
        }
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

    it('makes a finding as Langium\'s toDiagnostic does, with the same fields in the same order', async () => {
        const validator = ThreatModel.validation.DocumentValidator;
        type ToDiagnostic = (severity: ValidationSeverity, message: string, info: DiagnosticInfo<AstNode, string>) => Diagnostic;
        const ours = (Reflect.get(validator, 'toDiagnostic') as ToDiagnostic).bind(validator);
        const langiums = (Reflect.get(DefaultDocumentValidator.prototype, 'toDiagnostic') as ToDiagnostic).bind(validator);
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(
            'process P "p" { technology "a" }\nflow F: P -> P "f" { carries A }\nthreat T "t" { targets P, F stride Spoofing, Tampering }\n', URI.parse('file:///walks/to-diagnostic.tm'));
        const nodes = AstUtils.streamAst(document.parseResult.value).toArray();
        let compared = 0;
        for (const node of nodes) {
            for (const target of [{}, { property: 'name' }, { property: 'stride', index: 1 }, { property: 'targets', index: 5 }, { property: 'nothing' }, { keyword: 'threat' },
                { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } } }]) {
                for (const extra of [{}, { code: 'tm/x', data: { code: 'tm/x', n: 1 }, tags: [1], codeDescription: { href: 'https://x' } }]) {
                    const info = { node, ...target, ...extra } as DiagnosticInfo<AstNode, string>;
                    const found = ours('warning', `m ${compared}`, info);
                    const expected = langiums('warning', `m ${compared}`, info);
                    assert.deepEqual(found, expected, `${node.$type} ${JSON.stringify(target)}`);
                    assert.deepEqual(Object.keys(found), Object.keys(expected));
                    compared++;
                }
            }
        }
        assert.ok(compared > 50);
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
