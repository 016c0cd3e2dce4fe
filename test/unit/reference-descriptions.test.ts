import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstNodeDescription, ReferenceDescription } from 'langium';
import { AstUtils, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider } from 'langium';
import { referringNodes } from '../../language-server/src/references/document-nodes.js';
import { ThreatModelReferenceDescriptionProvider } from '../../language-server/src/references/reference-descriptions.js';
import { generateModel } from '../bench/synthetic-model.js';
import { checkWorkspace, services } from './helpers/workspace.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path: string): string => readFileSync(`${REPO}${path}`, 'utf8');

/**
 * tml indexes references with its own walk (references/reference-descriptions.ts), for speed;
 * find references and rename read that index, so it must be exactly Langium's.
 */
/** Every property of a declaration's description (tml's compute some when read). */
function viewDeclaration(description: AstNodeDescription): AstNodeDescription {
    const { node, name, type, documentUri, path, nameSegment, selectionSegment } = description;
    return { node, name, type, documentUri, path, nameSegment, selectionSegment };
}

/** Every property of a description, read as find references and rename read them (tml's compute some when read). */
function view(description: ReferenceDescription): ReferenceDescription {
    const { sourceUri, sourcePath, targetUri, targetPath, segment, local } = description;
    return { sourceUri, sourcePath, targetUri, targetPath, segment, local };
}

describe("the reference index is Langium's, built faster and lighter", () => {
    const workspaces: Record<string, Record<string, string>> = {
        'the web-shop example (two files)': { 'examples/web-shop/dfd.tm': read('examples/web-shop/dfd.tm'), 'examples/web-shop/threats.tm': read('examples/web-shop/threats.tm') },
        'the saas-api example': { 'examples/saas-api/platform.tm': read('examples/saas-api/platform.tm'), 'examples/saas-api/admin-console.tm': read('examples/saas-api/admin-console.tm') },
        'a synthetic workspace of 300 elements in 3 files': generateModel(300, 3).files,
        'a model with unresolved references': { 'broken.tm': 'process P "p"\nthreat T "t" { stride Spoofing targets P, Nowhere mitigatedBy Missing }\nflow F: P -> Gone "f"\n' },
    };
    for (const [name, files] of Object.entries(workspaces)) {
        it(`gives the same descriptions, in the same order, for ${name}`, async () => {
            const ours = services.ThreatModel.workspace.ReferenceDescriptionProvider;
            assert.ok(ours instanceof ThreatModelReferenceDescriptionProvider);
            const langiums = new DefaultReferenceDescriptionProvider(services.ThreatModel);
            let total = 0;
            for (const { document } of await checkWorkspace(files)) {
                const expected = await langiums.createDescriptions(document);
                assert.deepEqual((await ours.createDescriptions(document)).map(view), expected.map(view));
                total += expected.length;
            }
            assert.ok(total > 0, 'the workspace has references to index');
        });

        it(`finds every reference of ${name} in the nodes whose type has a reference property, in Langium's order (references/document-nodes.ts)`, async () => {
            let total = 0;
            for (const { document } of await checkWorkspace(files)) {
                const root = document.parseResult.value;
                const everywhere = AstUtils.streamAst(root).flatMap(node => AstUtils.streamReferences(node).map(info => info.reference)).toArray();
                const referring = referringNodes(document);
                assert.deepEqual(referring.flatMap(node => AstUtils.streamReferences(node).map(info => info.reference).toArray()), everywhere);
                assert.ok(referring.length < AstUtils.streamAst(root).count(), 'some nodes hold no reference');
                total += everywhere.length;
            }
            assert.ok(total > 0);
        });

        it(`describes every declaration as Langium does, for ${name}`, async () => {
            const langiums = new DefaultAstNodeDescriptionProvider(services.ThreatModel);
            await checkWorkspace(files);
            const declarations = services.shared.workspace.IndexManager.allElements().toArray();
            assert.ok(declarations.length > 0);
            for (const ours of declarations) {
                const document = services.shared.workspace.LangiumDocuments.getDocument(ours.documentUri);
                assert.ok(ours.node && document);
                assert.deepEqual(viewDeclaration(ours), viewDeclaration(langiums.createDescription(ours.node, ours.name, document)), `${ours.type} ${ours.name}`);
            }
        });
    }
});
