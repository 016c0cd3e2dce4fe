import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { types } from 'node:util';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { createCheckServices } from '../../language-server/src/cli/check.js';
import { loadModels } from '../../language-server/src/cli/load-models.js';
import { displayPath, findModelFiles, LARGE_WORKSPACE_CHARACTERS, loadWorkspace, validationParts } from '../../language-server/src/cli/load-workspace.js';
import { NodeThreatModelContext } from '../../language-server/src/node-context.js';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';
import { ThreatModelDocumentValidator } from '../../language-server/src/validation/document-validator.js';
import { generateModel } from '../bench/synthetic-model.js';

describe('finding the model files of the command line', () => {
    let root: string;

    before(() => {
        root = mkdtempSync(path.join(tmpdir(), 'tml-find-'));
        const files = ['top.tm', '.dot.tm', 'notes.txt', 'sub/b.tm', 'sub/deeper/c.tm', 'node_modules/pkg/x.tm', '.hidden/y.tm'];
        for (const file of files) {
            mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
            writeFileSync(path.join(root, file), '');
        }
        // A link back up the tree: following it would never end.
        symlinkSync(root, path.join(root, 'sub', 'loop'));
    });

    after(() => rmSync(root, { recursive: true, force: true }));

    const relative = (files: string[]): string[] => files.map(file => displayPath(root, file));

    it('scans folders recursively for *.tm, skipping node_modules, dot-folders and links to folders', async () => {
        assert.deepEqual(relative(await findModelFiles(['.'], root)), ['.dot.tm', 'sub/b.tm', 'sub/deeper/c.tm', 'top.tm']);
    });

    it('scans a dot-folder that is named explicitly, and takes a named file whatever its extension', async () => {
        assert.deepEqual(relative(await findModelFiles(['.hidden', 'notes.txt'], root)), ['.hidden/y.tm', 'notes.txt']);
    });

    it('keeps the order given and lists each file once', async () => {
        assert.deepEqual(relative(await findModelFiles(['sub/deeper/c.tm', 'sub', path.join(root, 'sub', 'b.tm')], root)), ['sub/deeper/c.tm', 'sub/b.tm']);
    });

    it('names the path and the reason when a path cannot be read', async () => {
        await assert.rejects(findModelFiles(['nope.tm'], root), { name: 'CliError', message: 'cannot read nope.tm: no such file or directory' });
        await assert.rejects(findModelFiles(['top.tm/x.tm'], root), { name: 'CliError', message: 'cannot read top.tm/x.tm: a part of the path is not a directory' });
    });

    it('shows paths relative to the current directory with forward slashes', () => {
        assert.equal(displayPath(root, path.join(root, 'sub', 'b.tm')), 'sub/b.tm');
        assert.equal(displayPath(path.join(root, 'sub'), path.join(root, 'top.tm')), '../top.tm');
    });
});

describe('loading a large workspace', () => {
    let root: string;

    before(() => {
        root = mkdtempSync(path.join(tmpdir(), 'tml-large-'));
        for (const [name, text] of Object.entries(generateModel(10_400, 4).files)) writeFileSync(path.join(root, name), text);
    });

    after(() => rmSync(root, { recursive: true, force: true }));

    it('validates in two halves of the text, whole files in order', async () => {
        const factory = createThreatModelServices(NodeThreatModelContext).shared.workspace.LangiumDocumentFactory;
        const documents = (await findModelFiles(['.'], root)).map(file => factory.fromString(readFileSync(file, 'utf8'), URI.file(file)));
        const length = documents.reduce((sum, document) => sum + document.textDocument.getText().length, 0);
        const positions = (parts: LangiumDocument[][]): number[][] => parts.map(part => part.map(document => documents.indexOf(document)));
        const textOf = (part: LangiumDocument[]): number => part.reduce((sum, document) => sum + document.textDocument.getText().length, 0);
        const halves = validationParts(documents, length / 2);
        assert.equal(halves.length, 2);
        assert.deepEqual(positions(halves).flat(), [0, 1, 2, 3]);
        // The first half ends with the file that takes it to half of the text.
        assert.ok(textOf(halves[0]!) >= length / 2 && textOf(halves[0]!.slice(0, -1)) < length / 2, positions(halves).join(' | '));
        assert.deepEqual(positions(validationParts(documents, length)), [[0, 1, 2, 3]]);
        assert.deepEqual(positions(validationParts(documents, 1)), [[0], [1], [2], [3]]);
        assert.deepEqual(validationParts([], 1), [[]]);
    });

    it('collects the garbage of parsing before validating, validates in two parts, builds as a batch that records no index reads, and finds exactly what one plain build finds', async () => {
        const files = await findModelFiles(['.'], root);
        const length = files.reduce((sum, file) => sum + readFileSync(file, 'utf8').length, 0);
        assert.ok(length >= LARGE_WORKSPACE_CHARACTERS, `the model is large enough to be collected (${length} characters)`);
        const view = (loaded: readonly { path: string; document: LangiumDocument }[]): [string, unknown[] | undefined][] => loaded.map(({ path: file, document }): [string, unknown[] | undefined] => [displayPath(root, file), document.diagnostics]);

        const check = createCheckServices(false);
        assert.ok(!types.isProxy(check.ThreatModel.workspace.ModelIndex), 'the checks read the index itself');
        const loaded = await loadWorkspace(check.shared, files, root);
        assert.equal(check.shared.workspace.IndexReads.size(loaded[0]!.document), 0);
        assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'gc stays out of the global scope');
        const validator = check.ThreatModel.validation.DocumentValidator;
        assert.ok(validator instanceof ThreatModelDocumentValidator && typeof validator.afterChecks === 'function', 'a collection after the checks of the first DFD element');

        const { shared, ThreatModel } = createThreatModelServices(NodeThreatModelContext);
        assert.ok(types.isProxy(ThreatModel.workspace.ModelIndex), 'the plain build reads the index through its recording view');
        shared.workspace.WorkspaceManager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: URI.file(root).toString(), name: path.basename(root) }] });
        const plain = files.map(file => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(readFileSync(file, 'utf8'), URI.file(file));
            shared.workspace.LangiumDocuments.addDocument(document);
            return { path: file, document };
        });
        await shared.workspace.DocumentBuilder.build(plain.map(f => f.document), { validation: true });
        const expected = view(plain);
        assert.ok(shared.workspace.IndexReads.size(plain[0]!.document) > 0, 'the plain build records what its checks read');
        assert.ok(expected.some(([, diagnostics]) => (diagnostics?.length ?? 0) > 0), 'the model has findings to compare');
        assert.deepEqual(view(loaded), expected);
    });
});

describe('loading a workspace under the size of a large one', () => {
    it('builds it in one go, with no collection during validation', async () => {
        const root = mkdtempSync(path.join(tmpdir(), 'tml-small-'));
        try {
            for (const [name, text] of Object.entries(generateModel(1_000, 2).files)) writeFileSync(path.join(root, name), text);
            const files = await findModelFiles(['.'], root);
            const length = files.reduce((sum, file) => sum + readFileSync(file, 'utf8').length, 0);
            assert.ok(length < LARGE_WORKSPACE_CHARACTERS, `${length} characters`);
            const check = createCheckServices(false);
            const loaded = await loadWorkspace(check.shared, files, root);
            const validator = check.ThreatModel.validation.DocumentValidator;
            assert.ok(validator instanceof ThreatModelDocumentValidator && validator.afterChecks === undefined, 'no collection after the checks of the first DFD element');
            assert.deepEqual(loaded.map(f => displayPath(root, f.path)), files.map(file => displayPath(root, file)));
            assert.ok(loaded.every(f => f.document.diagnostics !== undefined), 'every file is validated');
        } finally {
            rmSync(root, { recursive: true, force: true });
        }
    });
});

describe('loading the models of report, table, dfd and export', () => {
    it('builds them as a batch, which reads the index itself and records nothing', async () => {
        const root = mkdtempSync(path.join(tmpdir(), 'tml-models-'));
        try {
            writeFileSync(path.join(root, 'a.tm'), 'process P "p"\nflow F: P -> P "f"\n');
            const { index, loaded } = await loadModels([], root);
            assert.ok(!types.isProxy(index));
            assert.equal(loaded.length, 1);
        } finally {
            rmSync(root, { recursive: true, force: true });
        }
    });
});
