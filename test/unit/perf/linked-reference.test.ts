import * as assert from 'node:assert/strict';
import type { AstNode, LangiumDocument, Reference } from 'langium';
import { AstUtils, DefaultLinker, EmptyFileSystem, URI, isReference } from 'langium';
import type { Model } from '../../../language-server/src/generated/ast.js';
import { LinkedReference } from '../../../language-server/src/references/linked-reference.js';
import { createThreatModelServices } from '../../../language-server/src/threat-model-module.js';
import { generateModel } from '../../bench/synthetic-model.js';

/**
 * tml's references are instances of a class (references/linked-reference.ts) rather than Langium's
 * object literal with getters, to save memory. They must resolve exactly as Langium's do: a second
 * set of services, whose linker builds Langium's own references, checks the same workspaces.
 */
type Services = ReturnType<typeof createThreatModelServices>;
const ours = createThreatModelServices(EmptyFileSystem);
const langiums = createThreatModelServices(EmptyFileSystem);
const plainLinker = langiums.ThreatModel.references.Linker;
plainLinker.buildReference = DefaultLinker.prototype.buildReference.bind(plainLinker);

const UNRESOLVED = `system S "s"
asset Card "card"
process Api "API"
datastore Db "DB" { stores Card, Cart }
flow Save: Api -> Db "writes" { carries Card }
flow Lost: Api -> Nowhere "lost"
threat T "t" { stride Tampering targets Api, Db, Missing assets Card }
threat Twice "t" { stride Tampering targets Save mitigatedBy Locks }
threat Twice "again" { stride Spoofing targets Dbb }
mitigation Locks "row locks" { status implemented }
`;

async function build(services: Services, files: Record<string, string>): Promise<LangiumDocument<Model>[]> {
    const { workspace } = services.shared;
    await workspace.DocumentBuilder.update([], workspace.LangiumDocuments.all.map(d => d.uri).toArray());
    const documents = Object.entries(files).map(([name, text]) => {
        const document = workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///w/${name}`));
        workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

/** Everything a user of a reference sees: its text, target, description and error, by path. */
function referenceView(services: Services, documents: readonly LangiumDocument[]): unknown[] {
    const locator = services.ThreatModel.workspace.AstNodeLocator;
    const where = (node: AstNode | undefined) => node && `${AstUtils.getDocument(node).uri.toString()}#${locator.getAstNodePath(node)}`;
    return documents.flatMap(document => AstUtils.streamAst(document.parseResult.value).toArray().flatMap(node =>
        AstUtils.streamReferences(node).toArray().map(({ reference, property }) => {
            const ref = reference as Reference;
            return {
                at: `${where(node)}/${property}`, text: ref.$refText, offset: ref.$refNode?.offset,
                target: where(ref.ref), description: ref.$nodeDescription && `${ref.$nodeDescription.documentUri.toString()}#${ref.$nodeDescription.path}`,
                error: ref.error?.message,
            };
        })));
}

async function assertSameAsLangium(files: Record<string, string>): Promise<{ error?: string }[]> {
    const mine = await build(ours, files);
    const theirs = await build(langiums, files);
    const view = referenceView(ours, mine);
    assert.deepEqual(view, referenceView(langiums, theirs));
    assert.deepEqual(mine.map(d => d.diagnostics), theirs.map(d => d.diagnostics));
    return view as { error?: string }[];
    assert.deepEqual(mine.map(d => d.references.length), theirs.map(d => d.references.length));
}

describe('references as a class (references/linked-reference.ts) resolve as Langium\'s do', function () {
    this.timeout(120_000);

    it('is what tml\'s linker builds, and still a Langium reference', async () => {
        const [document] = await build(ours, { 'a.tm': UNRESOLVED });
        const references = AstUtils.streamAst(document!.parseResult.value).flatMap(node => AstUtils.streamReferences(node)).toArray();
        assert.ok(references.length > 5);
        for (const { reference } of references) {
            assert.ok(reference instanceof LinkedReference);
            assert.ok(isReference(reference));
        }
        assert.ok(!(AstUtils.streamAst((await build(langiums, { 'a.tm': UNRESOLVED }))[0]!.parseResult.value)
            .flatMap(node => AstUtils.streamReferences(node)).head()?.reference instanceof LinkedReference), 'the comparison uses Langium\'s own');
    });

    it('resolves, fails and describes the same targets, across files and with unknown names', async () => {
        const unresolved = await assertSameAsLangium({ 'a.tm': UNRESOLVED });
        assert.deepEqual(unresolved.filter(r => r.error).length, 4, 'Cart, Nowhere, Missing and Dbb are unknown');
        const generated = await assertSameAsLangium(generateModel(300, 3).files);
        assert.ok(generated.length > 300 && generated.every(r => !r.error));
    });

    it('is the same when asked before linking (not ready: left to the linker), and when unlinked and linked again', async () => {
        for (const services of [ours, langiums]) {
            const { workspace } = services.shared;
            const document = workspace.LangiumDocumentFactory.fromString<Model>(UNRESOLVED, URI.parse('file:///w/early.tm'));
            workspace.LangiumDocuments.addDocument(document);
            const first = AstUtils.streamAst(document.parseResult.value).flatMap(node => AstUtils.streamReferences(node)).head()!;
            assert.equal((first.reference as Reference).ref, undefined, 'scopes are not computed yet');
            assert.equal(document.references.length, 0);
            await workspace.DocumentBuilder.build([document], { validation: true });
            assert.equal((first.reference as Reference).ref?.$type, 'Asset');
        }
        const files = { ...generateModel(200, 2).files, 'u.tm': UNRESOLVED.replace('system S "s"\n', '') };
        const mine = await build(ours, files);
        const theirs = await build(langiums, files);
        for (const [services, documents] of [[ours, mine], [langiums, theirs]] as const) {
            const linker = services.ThreatModel.references.Linker;
            for (const document of documents) linker.unlink(document);
            for (const document of documents) await linker.link(document);
        }
        assert.deepEqual(referenceView(ours, mine), referenceView(langiums, theirs));
        assert.deepEqual(mine.map(d => d.references.length), theirs.map(d => d.references.length));
    });
});
