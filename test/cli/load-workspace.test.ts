import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { displayPath, findModelFiles } from '../../language-server/src/cli/load-workspace.js';

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
