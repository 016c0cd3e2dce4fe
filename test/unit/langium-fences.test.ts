import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstNodeDescription, GrammarAST, LangiumCoreServices, LangiumDocument, ReferenceDescription } from 'langium';
import { AstUtils, CompositeCstNodeImpl, CstNodeBuilder, DefaultAstNodeDescriptionProvider, DefaultLangiumDocumentFactory, DefaultDocumentValidator, DefaultIndexManager, DefaultLexer, DefaultLinker, DefaultReferenceDescriptionProvider, DefaultScopeComputation, DefaultTokenBuilder, DefaultValueConverter, LangiumParser, ValidationRegistry, createLangiumParser, isLeafCstNode } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { ReparsingDocumentFactory } from '../../language-server/src/incremental/reparse-factory.js';
import { LinearCstNodeBuilder } from '../../language-server/src/parser/cst-node-builder.js';
import { TokenLeafCstNode } from '../../language-server/src/parser/cst-nodes.js';
import { FastThreatModelParser } from '../../language-server/src/parser/fast/fast-parser.js';
import { createFullToken } from '../../language-server/src/parser/full-token.js';
import type { TokenFactory } from '../../language-server/src/parser/full-token.js';
import { NestingLimitLexer } from '../../language-server/src/parser/nesting-limit-lexer.js';
import { ThreatModelTokenBuilder } from '../../language-server/src/parser/token-builder.js';
import { ThreatModelValueConverter } from '../../language-server/src/parser/value-converter.js';
import { ThreatModelLinker } from '../../language-server/src/references/linker.js';
import { ThreatModelAstNodeDescriptionProvider } from '../../language-server/src/references/node-descriptions.js';
import { ThreatModelReferenceDescriptionProvider } from '../../language-server/src/references/reference-descriptions.js';
import { GlobalScopeComputation } from '../../language-server/src/references/scope-computation.js';
import { ThreatModelDocumentValidator } from '../../language-server/src/validation/document-validator.js';
import { ThreatModelValidationRegistry } from '../../language-server/src/validation/validation-registry.js';
import { ThreatModelIndexManager } from '../../language-server/src/workspace/index-manager.js';
import { generateModel } from '../bench/synthetic-model.js';
import { checkWorkspace, services } from './helpers/workspace.js';

/**
 * tml replaces parts of Langium's internals, for speed or robustness (issue 17, HOUSE-STYLE.md).
 * An upgrade of Langium could undo each of them silently: a renamed private field or method makes
 * the replacement dead code and Langium's own runs again. So for each: it is installed (the
 * service is ours, and Langium still has the methods it overrides or calls), and it gives Langium's own
 * result on the examples and a generated model. The Langium version is pinned, so that an upgrade
 * has to come through here.
 */

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const PINNED_LANGIUM = '4.2.1';

interface Replacement {
    /** What it replaces, as Langium names it. */
    readonly langium: string;
    /** tml's file (language-server/src/…). */
    readonly file: string;
    /** Whether the service in use is tml's. */
    readonly installed: () => boolean;
    /** Langium's class, and the methods of it that tml overrides or calls: Langium must still have them. */
    readonly base: abstract new (...args: never[]) => object;
    readonly methods: readonly string[];
    /** Where its result is tested equal to Langium's. */
    readonly equalityTest: string;
}

const { ThreatModel, shared } = services;
/** The parser service: tml's fast parser, which makes Langium's parser (tml's createThreatModelParser) when it needs it. */
const fastParser = (): FastThreatModelParser => ThreatModel.parser.LangiumParser as unknown as FastThreatModelParser;
const parserInternals = (parser: unknown): { nodeBuilder?: unknown } => parser as { nodeBuilder?: unknown };
/** The Chevrotain lexer a Langium lexer keeps in its protected field `chevrotainLexer`. */
const chevrotainLexerOf = (lexer: unknown): TokenFactory => (lexer as { chevrotainLexer: TokenFactory }).chevrotainLexer;

const REPLACEMENTS: readonly Replacement[] = [
    {
        langium: 'CstNodeBuilder (the LangiumParser\'s private nodeBuilder)', file: 'parser/cst-node-builder.ts',
        installed: () => parserInternals(fastParser().langiumParser).nodeBuilder instanceof LinearCstNodeBuilder,
        base: CstNodeBuilder, methods: ['buildRootNode', 'buildCompositeNode', 'buildLeafNode', 'removeNode', 'addHiddenNodes', 'construct'],
        equalityTest: 'test/unit/syntax-tree.test.ts',
    },
    {
        // The fast parser does what these methods of Langium's parser do, for input without syntax errors.
        langium: 'LangiumParser (the parser service, for files without syntax errors)', file: 'parser/fast/fast-parser.ts',
        installed: () => ThreatModel.parser.LangiumParser instanceof FastThreatModelParser,
        base: LangiumParser,
        methods: ['parse', 'doParse', 'startImplementation', 'extractHiddenTokens', 'consume', 'subrule', 'performSubruleAssignment', 'action', 'construct', 'getAssignment', 'assign', 'assignWithoutOverride'],
        equalityTest: 'test/unit/perf/fast-parser.test.ts',
    },
    {
        langium: 'DefaultLexer', file: 'parser/nesting-limit-lexer.ts',
        installed: () => ThreatModel.parser.Lexer instanceof NestingLimitLexer,
        base: DefaultLexer, methods: ['tokenize'], equalityTest: 'this file',
    },
    {
        langium: 'Chevrotain\'s Lexer.createTokenInstance (in the DefaultLexer\'s chevrotainLexer)', file: 'parser/full-token.ts',
        installed: () => chevrotainLexerOf(ThreatModel.parser.Lexer).createTokenInstance === createFullToken,
        base: chevrotainLexerOf(ThreatModel.parser.Lexer).constructor as abstract new (...args: never[]) => object,
        methods: ['createFullToken', 'tokenize'], equalityTest: 'this file (the lexer\'s tokens)',
    },
    {
        langium: 'DefaultTokenBuilder (STRING)', file: 'parser/token-builder.ts',
        installed: () => ThreatModel.parser.TokenBuilder instanceof ThreatModelTokenBuilder,
        base: DefaultTokenBuilder, methods: ['buildTerminalToken'], equalityTest: 'this file (the lexer\'s tokens)',
    },
    {
        langium: 'DefaultValueConverter (STRING)', file: 'parser/value-converter.ts',
        installed: () => ThreatModel.parser.ValueConverter instanceof ThreatModelValueConverter,
        base: DefaultValueConverter, methods: ['convert', 'runConverter'], equalityTest: 'test/unit/value-converter.test.ts',
    },
    {
        langium: 'DefaultLinker', file: 'references/linker.ts',
        installed: () => ThreatModel.references.Linker instanceof ThreatModelLinker,
        base: DefaultLinker, methods: ['link', 'doLink', 'createLinkingError'], equalityTest: 'this file',
    },
    {
        langium: 'DefaultReferenceDescriptionProvider', file: 'references/reference-descriptions.ts',
        installed: () => ThreatModel.workspace.ReferenceDescriptionProvider instanceof ThreatModelReferenceDescriptionProvider,
        base: DefaultReferenceDescriptionProvider, methods: ['createDescriptions', 'createInfoDescriptions'], equalityTest: 'test/unit/reference-descriptions.test.ts',
    },
    {
        langium: 'DefaultAstNodeDescriptionProvider', file: 'references/node-descriptions.ts',
        installed: () => ThreatModel.workspace.AstNodeDescriptionProvider instanceof ThreatModelAstNodeDescriptionProvider,
        base: DefaultAstNodeDescriptionProvider, methods: ['createDescription'], equalityTest: 'test/unit/reference-descriptions.test.ts',
    },
    {
        langium: 'DefaultScopeComputation', file: 'references/scope-computation.ts',
        installed: () => ThreatModel.references.ScopeComputation instanceof GlobalScopeComputation,
        base: DefaultScopeComputation, methods: ['collectExportedSymbols', 'addExportedSymbol', 'collectLocalSymbols'], equalityTest: 'this file',
    },
    {
        langium: 'DefaultIndexManager', file: 'workspace/index-manager.ts',
        installed: () => shared.workspace.IndexManager instanceof ThreatModelIndexManager,
        base: DefaultIndexManager, methods: ['allElements', 'getFileDescriptions', 'updateReferences', 'removeReferences', 'findAllReferences', 'isAffected'], equalityTest: 'this file',
    },
    {
        langium: 'DefaultDocumentValidator', file: 'validation/document-validator.ts',
        installed: () => ThreatModel.validation.DocumentValidator instanceof ThreatModelDocumentValidator,
        base: DefaultDocumentValidator,
        methods: ['validateDocument', 'processLinkingErrors', 'processParsingErrors', 'processLexingErrors', 'validateAst', 'validateAstNodes', 'validateSingleNodeOptions', 'toDiagnostic'],
        equalityTest: 'this file',
    },
    {
        langium: 'DefaultLangiumDocumentFactory (update)', file: 'incremental/reparse-factory.ts',
        installed: () => shared.workspace.LangiumDocumentFactory instanceof ReparsingDocumentFactory,
        base: DefaultLangiumDocumentFactory, methods: ['update'], equalityTest: 'test/unit/perf/reparse.test.ts',
    },
    {
        langium: 'ValidationRegistry (handleException)', file: 'validation/validation-registry.ts',
        installed: () => ThreatModel.validation.ValidationRegistry instanceof ThreatModelValidationRegistry,
        base: ValidationRegistry, methods: ['handleException', 'getChecks'], equalityTest: 'test/unit/internal-error.test.ts (differs on purpose when a check throws)',
    },
];

function modelFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return modelFiles(path);
        return entry.name.endsWith('.tm') ? [path] : [];
    });
}

/** Each example folder as a workspace, and a generated model of 300 elements in 3 files. */
const WORKSPACES: Readonly<Record<string, Record<string, string>>> = {
    ...Object.fromEntries(readdirSync(join(REPO, 'examples'), { withFileTypes: true }).filter(entry => entry.isDirectory()).map(({ name: example }) => [`examples/${example}`,
        Object.fromEntries(modelFiles(join(REPO, 'examples', example)).map(path => [path.slice(REPO.length), readFileSync(path, 'utf8')]))])),
    'a generated model': generateModel(300, 3).files,
    'a model with unresolved references': { 'broken.tm': 'process P "p"\nthreat T "t" { stride Spoofing targets P, Nowhere, Pp mitigatedBy Missing }\nflow F: P -> Gone "f"\n' },
};

const UPGRADE_NOTE = `tml replaces these Langium internals; after an upgrade of Langium, check each against the new Langium ` +
    `(source and tests) and update it, then this pin:\n${REPLACEMENTS.map(r => `  - ${r.langium}: language-server/src/${r.file} (equal-to-Langium test: ${r.equalityTest})`).join('\n')}`;

describe('Langium internals that tml replaces', () => {
    it(`pins Langium to ${PINNED_LANGIUM}, in package.json and as installed`, () => {
        const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
        const installed = JSON.parse(readFileSync(join(REPO, 'node_modules/langium/package.json'), 'utf8')) as { version: string };
        assert.equal(manifest.dependencies.langium, PINNED_LANGIUM, UPGRADE_NOTE);
        assert.equal(manifest.devDependencies['langium-cli'], PINNED_LANGIUM, UPGRADE_NOTE);
        assert.equal(installed.version, PINNED_LANGIUM, UPGRADE_NOTE);
    });

    for (const replacement of REPLACEMENTS) {
        it(`replaces Langium's ${replacement.langium} with language-server/src/${replacement.file}, and Langium still has every method of it that tml overrides or calls`, () => {
            assert.ok(replacement.installed(), `Langium's ${replacement.langium} is in use, not language-server/src/${replacement.file}`);
            for (const method of replacement.methods) {
                assert.equal(typeof (replacement.base.prototype as Record<string, unknown>)[method], 'function',
                    `Langium's ${replacement.base.name} has no method ${method} any more: language-server/src/${replacement.file} overrides or calls what is gone.\n${UPGRADE_NOTE}`);
            }
        });
    }

    it('builds the syntax tree with tml\'s builder: its leaves are TokenLeafCstNodes, where Langium\'s parser makes plain leaves', () => {
        const text = Object.values(WORKSPACES['a generated model']!)[0]!;
        const leaf = (root: { content: readonly unknown[] }): unknown => {
            for (const child of root.content) if (isLeafCstNode(child)) return child;
            return undefined;
        };
        const ours = ThreatModel.parser.LangiumParser.parse(text).value.$cstNode as unknown as { content: readonly unknown[] };
        assert.ok(leaf(ours) instanceof TokenLeafCstNode);
        const langiums = createLangiumParser(ThreatModel);
        assert.ok(parserInternals(langiums).nodeBuilder instanceof CstNodeBuilder, 'LangiumParser keeps its CST builder in the field nodeBuilder');
        assert.ok(!(leaf(langiums.parse(text).value.$cstNode as unknown as { content: readonly unknown[] }) instanceof TokenLeafCstNode));
    });

    it('keeps, in its syntax nodes, the private fields that the splice of an edited declaration sets (incremental/reparse-splice.ts)', () => {
        const root = ThreatModel.parser.LangiumParser.parse('boundary B "b" {\n  process P "p"\n}\n').value.$cstNode!.root;
        const fields = root as unknown as { _text?: string; _astNode?: unknown; _rangeCache?: unknown };
        assert.equal(fields._text, root.fullText, 'RootCstNodeImpl keeps its text in _text');
        assert.ok(root instanceof CompositeCstNodeImpl);
        assert.equal(fields._astNode, root.astNode, 'a composite node keeps its AST node in _astNode');
        assert.deepEqual(fields._rangeCache, undefined);
        const range = root.range;
        assert.equal(fields._rangeCache, range, 'a composite node caches its range in _rangeCache');
        fields._rangeCache = undefined;
        fields._text = 'boundary B "b" {\n\n  process P "p"\n}\n';
        assert.equal(root.fullText, fields._text);
    });

    it('leaves the lines and columns of tokens to the tokens: Chevrotain\'s lexer, which counts them in its field trackStartLines, does not (parser/full-token.ts)', () => {
        const plain = new DefaultLexer(ThreatModel) as unknown as { chevrotainLexer: { trackStartLines?: boolean } };
        assert.equal(plain.chevrotainLexer.trackStartLines, true, 'Chevrotain\'s lexer keeps whether it counts lines in trackStartLines');
        assert.equal((chevrotainLexerOf(ThreatModel.parser.Lexer) as unknown as { trackStartLines?: boolean }).trackStartLines, false);
    });

    it('makes composite syntax nodes as Langium\'s CompositeCstNodeImpl makes them, but with a plain array of children (parser/cst-node-builder.ts)', () => {
        const builder = new LinearCstNodeBuilder();
        builder.buildRootNode('process P "p"');
        const composite = builder.buildCompositeNode((ThreatModel.Grammar.rules[0] as GrammarAST.ParserRule).definition);
        assert.equal(Object.getPrototypeOf(composite), CompositeCstNodeImpl.prototype);
        // Langium's constructor makes these fields (a new one must be made by tml's too), tml adds _astNode, the builder the rest.
        assert.deepEqual(Object.keys(composite), [...Object.keys(new CompositeCstNodeImpl()), '_astNode', 'grammarSource', 'container', 'root']);
        assert.equal(Object.getPrototypeOf(composite.content), Array.prototype);
    });

    describe("gives Langium's own result", () => {
        const defaultLexer = new DefaultLexer({
            Grammar: ThreatModel.Grammar,
            LanguageMetaData: ThreatModel.LanguageMetaData,
            parser: { TokenBuilder: new DefaultTokenBuilder(), LexerErrorMessageProvider: ThreatModel.parser.LexerErrorMessageProvider },
        } as unknown as LangiumCoreServices);
        const tokens = (result: ReturnType<DefaultLexer['tokenize']>): unknown => ({
            tokens: result.tokens.map(t => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startLine, t.startColumn, t.endLine, t.endColumn]),
            hidden: result.hidden.map(t => [t.tokenType.name, t.image, t.startOffset]),
            errors: result.errors.map(e => [e.offset, e.length, e.line, e.column]),
        });
        const strings = ['process P "a \\"quoted\\" \\\\ title"', 'asset A "unterminated\nprocess Q "q"', 'flow F: A -> B "tab\\tand \\u00e9" // "not a string"\n', '"\\'];

        it('the lexer (with the token builder): the same tokens, positions and errors, for the examples, a generated model and escaped strings', () => {
            const texts = [...Object.values(WORKSPACES).flatMap(files => Object.values(files)), ...strings];
            for (const text of texts) assert.deepEqual(tokens(ThreatModel.parser.Lexer.tokenize(text)), tokens(defaultLexer.tokenize(text)), text.slice(0, 60));
        });

        const describeReference = (document: LangiumDocument) => document.references.map(reference => {
            const target = 'ref' in reference ? reference.ref : undefined;
            return `${reference.$refText}@${reference.$refNode?.offset} → ${target ? `${target.$type} ${target.$document?.uri.path}@${target.$cstNode?.offset}` : 'unresolved'}`;
        });

        it('the index of references, made when first asked, forgets the references of files deleted or replaced before anyone asked', async () => {
            const checked = await checkWorkspace(WORKSPACES['a generated model']!);
            const [deleted, replaced, kept] = checked.map(({ document }) => document);
            const builder = shared.workspace.DocumentBuilder;
            await builder.update([], [deleted!.uri, replaced!.uri]);
            const replacement = shared.workspace.LangiumDocumentFactory.fromString('process Lonely "refers to nothing"\n', replaced!.uri);
            shared.workspace.LangiumDocuments.addDocument(replacement);
            await builder.build([replacement], { validation: true });
            const ours = shared.workspace.IndexManager;
            const sources = new Map<string, number>();
            for (const node of AstUtils.streamAst(kept!.parseResult.value)) {
                for (const reference of ours.findAllReferences(node, ThreatModel.workspace.AstNodeLocator.getAstNodePath(node))) {
                    sources.set(reference.sourceUri.path, (sources.get(reference.sourceUri.path) ?? 0) + 1);
                }
            }
            assert.deepEqual([...sources.keys()], [kept!.uri.path]);
            assert.ok(sources.get(kept!.uri.path)! >= 3);
        });

        for (const [name, files] of Object.entries(WORKSPACES)) {
            it(`the linker resolves every reference to the same declaration, in the same order (${name})`, async () => {
                const ours = ThreatModel.references.Linker;
                const langiums = new DefaultLinker(ThreatModel);
                let references = 0;
                for (const { document } of await checkWorkspace(files)) {
                    const expectedBefore = describeReference(document);
                    ours.unlink(document);
                    await langiums.link(document);
                    const expected = describeReference(document);
                    ours.unlink(document);
                    await ours.link(document);
                    assert.deepEqual(describeReference(document), expected, document.uri.path);
                    assert.deepEqual(expectedBefore, expected, `${document.uri.path}: as built`);
                    references += expected.length;
                }
                assert.ok(references >= 5, `the workspace has references to resolve (${references})`);
            });

            it(`the scope computation exports every named node Langium puts in some scope (${name})`, async () => {
                const ours = ThreatModel.references.ScopeComputation;
                const langiums = new DefaultScopeComputation(ThreatModel);
                const view = (descriptions: Iterable<AstNodeDescription>): string[] => [...descriptions].map(d => `${d.type} ${d.name} ${d.documentUri.path}${d.path}`).sort();
                for (const { document } of await checkWorkspace(files)) {
                    const locals = await langiums.collectLocalSymbols(document);
                    const inSomeScope = [...await langiums.collectExportedSymbols(document), ...AstUtils.streamAst(document.parseResult.value).flatMap(node => locals.getStream(node))];
                    const exports = await ours.collectExportedSymbols(document);
                    const exported = view(exports);
                    assert.ok(exported.length > 0);
                    assert.deepEqual(exported, [...new Set(view(inSomeScope))].sort(), document.uri.path);
                    // In the order of Langium's export of the whole tree, root first.
                    const inOrder = (descriptions: Iterable<AstNodeDescription>): string[] => [...descriptions].map(d => `${d.type} ${d.name} ${d.path}`);
                    const everyNode = await langiums.collectExportedSymbolsForNode(document.parseResult.value, document, AstUtils.streamAllContents);
                    assert.deepEqual(inOrder(exports), inOrder(everyNode), document.uri.path);
                }
            });

            it(`the index lists the same declarations as Langium's, by file name (${name})`, async () => {
                await checkWorkspace(files);
                const ours = shared.workspace.IndexManager;
                const view = (descriptions: Iterable<AstNodeDescription>): string[] => [...descriptions].map(d => `${d.documentUri.toString()} ${d.type} ${d.name}${d.path}`);
                for (const type of [undefined, 'Process', 'Flow', 'Asset']) {
                    const langiums = view(DefaultIndexManager.prototype.allElements.call(ours, type));
                    const listed = view(ours.allElements(type));
                    assert.ok(listed.length > 0 || type !== undefined);
                    assert.deepEqual([...listed].sort(), [...langiums].sort(), `${type}`);
                    const files = listed.map(line => line.split(' ')[0]!);
                    assert.deepEqual(files, [...files].sort(), 'listed by file name');
                }
            });

            it(`the index of references, made when first asked, answers find references and what a change affects as Langium's made in the build (${name})`, async () => {
                const checked = await checkWorkspace(files);
                const ours = shared.workspace.IndexManager;
                const held = (ours as unknown as { referenceIndex: Map<string, unknown> }).referenceIndex;
                for (const { document } of checked) assert.ok(!held.has(document.uri.toString()), `${document.uri.path}: indexed by the build`);
                const langiums = new DefaultIndexManager(shared);
                for (const { document } of checked) await DefaultIndexManager.prototype.updateReferences.call(langiums, document);
                const view = (references: Iterable<ReferenceDescription>): string[] => [...references]
                    .map(r => `${r.sourceUri.path}${r.sourcePath}@${r.segment.offset}+${r.segment.length} → ${r.targetUri.path}${r.targetPath} ${r.local}`);
                const uris = checked.map(({ document }) => document.uri.toString());
                let found = 0;
                for (const { document } of checked) {
                    for (const changed of uris) assert.equal(ours.isAffected(document, new Set([changed])), langiums.isAffected(document, new Set([changed])), `${document.uri.path} by ${changed}`);
                    for (const node of AstUtils.streamAst(document.parseResult.value)) {
                        const path = ThreatModel.workspace.AstNodeLocator.getAstNodePath(node);
                        const expected = view(langiums.findAllReferences(node, path));
                        assert.deepEqual(view(ours.findAllReferences(node, path)), expected, `${document.uri.path}${path}`);
                        found += expected.length;
                    }
                }
                assert.ok(found >= 3 || name === 'a model with unresolved references', `the workspace has references to find (${found})`);
            });

            it(`the document validator reports Langium's diagnostics, in the same order (${name})`, async () => {
                const langiums = new DefaultDocumentValidator(ThreatModel);
                const ours = ThreatModel.validation.DocumentValidator;
                // tml adds the near-miss name to a linking error's data, for its quick-fix.
                const view = (diagnostics: readonly Diagnostic[]): unknown[] => diagnostics.map(d => ({ ...d, data: { ...(d.data as object), fix: undefined } }));
                let count = 0;
                for (const { document } of await checkWorkspace(files)) {
                    const expected = await langiums.validateDocument(document);
                    assert.deepEqual(view(await ours.validateDocument(document)), view(expected), document.uri.path);
                    count += expected.length;
                }
                assert.ok(count > 0, 'the workspace has findings to compare');
            });
        }
    });
});
