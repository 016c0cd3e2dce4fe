import * as assert from 'node:assert/strict';
import { folderContains, folderOf, LOOSE_MODEL, modelRootOf } from '../../language-server/src/model/model-roots.js';

describe('model roots (DESIGN.md §9): the nearest folder with a system, up to the workspace folder', () => {
    const systems = new Set(['/ws/services/checkout', '/ws/services/search', '/other/team']);
    const cases: readonly [string, string, readonly string[], string][] = [
        ['a file in a folder with a system', '/ws/services/checkout/checkout.tm', ['/ws'], '/ws/services/checkout'],
        ['a file in a subfolder of one', '/ws/services/search/api/extra.tm', ['/ws'], '/ws/services/search'],
        ['a file below no system: the workspace folder', '/ws/notes/shared.tm', ['/ws'], '/ws'],
        ['a file at the top of the workspace folder', '/ws/top.tm', ['/ws'], '/ws'],
        ['the innermost of nested workspace folders', '/ws/services/x/y.tm', ['/ws', '/ws/services'], '/ws/services'],
        ['a system above the workspace folder does not count', '/other/team/ws2/a.tm', ['/other/team/ws2'], '/other/team/ws2'],
        ['outside every workspace folder: up to the root', '/other/team/deep/a.tm', ['/ws'], '/other/team'],
        ['outside every workspace folder, below no system', '/tmp/a.tm', ['/ws'], LOOSE_MODEL],
        ['no workspace folder at all', '/ws/services/checkout/x.tm', [], '/ws/services/checkout'],
        ['a file at the root of the file system', '/a.tm', [], LOOSE_MODEL],
        ['a folder whose name extends a workspace folder\'s', '/ws2/a.tm', ['/ws'], LOOSE_MODEL],
    ];
    for (const [what, file, workspaces, expected] of cases) {
        it(`${what}: ${file} → ${expected === LOOSE_MODEL ? '(no model root)' : expected}`, () => {
            assert.equal(modelRootOf(file, systems, workspaces), expected);
        });
    }

    it('treats / as a system folder like any other', () => {
        assert.equal(modelRootOf('/x/y.tm', new Set(['/']), []), '/');
    });

    it('splits paths on folders, not on characters', () => {
        assert.equal(folderOf('/a/b/c.tm'), '/a/b');
        assert.equal(folderOf('/c.tm'), '/');
        assert.equal(folderContains('/a/b', '/a/b'), true);
        assert.equal(folderContains('/a/b', '/a/b/c'), true);
        assert.equal(folderContains('/a/b', '/a/bc'), false);
        assert.equal(folderContains('/', '/anything'), true);
    });
});
