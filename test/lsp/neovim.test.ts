import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asPinnedFinding, pinnedDesignFindings } from '../helpers/readme-design-output.js';
import { luaBlockFor, neovimVersion } from './helpers/neovim-setup.js';

/** The repository root (this file runs from out/tsc/test/lsp/). */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DESIGN_EXAMPLE = join(ROOT, 'test', 'fixtures', 'design', 'online-store.tm');

/**
 * Runs after the user's init.lua, in the buffer of the opened file: waits for the findings, writes
 * what Neovim holds as JSON to $TML_OUT, stops the server and quits (exit code 3 if the script failed).
 */
const HARNESS = `
local ok, failure = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  local expected = tonumber(os.getenv('TML_EXPECTED_COUNT'))
  vim.wait(20000, function() return #vim.diagnostic.get(buf) >= expected end, 20)
  -- A later publication would replace these; give one the time to arrive.
  vim.wait(300)
  local clients = (vim.lsp.get_clients or vim.lsp.get_active_clients)()
  local result = { filetype = vim.bo[buf].filetype, clients = {}, diagnostics = {} }
  for _, client in ipairs(clients) do table.insert(result.clients, client.name) end
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, severity = d.severity, code = d.code, message = d.message })
  end
  vim.fn.writefile({ vim.fn.json_encode(result) }, os.getenv('TML_OUT'))
  for _, client in ipairs(clients) do client.stop() end
end)
if not ok then
  io.stderr:write(tostring(failure) .. '\\n')
  vim.cmd('cquit 3')
end
vim.cmd('qa!')
`;

interface NeovimResult {
    readonly filetype: string;
    readonly clients: string[];
    readonly diagnostics: { lnum: number; col: number; severity: number; code: string; message: string }[];
}

describe('Neovim\'s built-in LSP client with the set-up of docs/editors.md', function () {
    this.timeout(60_000);
    let nvim = '';
    let folder = '';

    before(function () {
        // apt-get on a fresh machine takes a while; once installed this is instant.
        this.timeout(600_000);
        const provision = spawnSync(process.execPath, [join(ROOT, 'scripts', 'editors', 'provision-neovim.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
        if (provision.status !== 0) throw new Error('provisioning Neovim failed (see above)');
        nvim = provision.stdout.trim();
        folder = mkdtempSync(join(tmpdir(), 'tml-neovim-'));
    });

    after(() => {
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('starts tml-language-server for a *.tm file and shows exactly the findings `tml check` prints for the DESIGN.md example', () => {
        const version = neovimVersion(nvim);
        const config = luaBlockFor(readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8'), version);
        // A model folder with only the example, an isolated Neovim home, and the server on the PATH as `npm install -g` puts it.
        const model = join(folder, 'model');
        const bin = join(folder, 'bin');
        for (const dir of [model, bin, join(folder, 'home')]) mkdirSync(dir, { recursive: true });
        copyFileSync(DESIGN_EXAMPLE, join(model, 'online-store.tm'));
        symlinkSync(join(ROOT, 'bin', 'tml-language-server.cjs'), join(bin, 'tml-language-server'));
        writeFileSync(join(folder, 'init.lua'), config.code);
        writeFileSync(join(folder, 'harness.lua'), HARNESS);

        const expected = pinnedDesignFindings(readFileSync(join(ROOT, 'README.md'), 'utf8'));
        const out = join(folder, 'result.json');
        const home = join(folder, 'home');
        const run = spawnSync(nvim, ['--headless', '-n', '-i', 'NONE', '-u', join(folder, 'init.lua'), 'online-store.tm', '-c', `luafile ${join(folder, 'harness.lua')}`], {
            cwd: model,
            encoding: 'utf8',
            timeout: 45_000,
            env: {
                ...process.env,
                PATH: `${bin}:${process.env['PATH'] ?? ''}`,
                HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_STATE_HOME: home, XDG_CACHE_HOME: home,
                TML_EXPECTED_COUNT: String(expected.length),
                TML_OUT: out,
            },
        });
        assert.equal(run.status, 0, `nvim (${version.join('.')}, block '${config.title}') exited with ${run.status ?? run.signal}: ${run.stderr}${run.stdout}`);
        const result = JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
        assert.equal(result.filetype, 'tml');
        assert.deepEqual(result.clients, ['tml']);
        const shown = result.diagnostics.map(d => asPinnedFinding(d.lnum, d.col, d.severity, d.code, d.message));
        assert.deepEqual(shown.sort(), [...expected].sort());
    });
});
