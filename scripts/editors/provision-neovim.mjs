// Provisions Debian's Neovim for the Neovim test (test/lsp/neovim.test.ts), which runs it headless
// against the bundled language server with the set-up of docs/editors.md. Idempotent: nothing is
// installed when nvim is already there.
//
//   node scripts/editors/provision-neovim.mjs      # prints the path of nvim on stdout
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from '../debian-packages.mjs';

export const NVIM_PATH = '/usr/bin/nvim';

export function provisionNeovim() {
    ensureDebianPackages(
        [{ name: 'neovim', provides: NVIM_PATH }],
        `This test installs Neovim with apt-get on Debian/Ubuntu; elsewhere install Neovim (0.7 or later) at ${NVIM_PATH}.`,
        message => console.error(`[provision-neovim] ${message}`),
    );
    return NVIM_PATH;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    try {
        console.log(provisionNeovim());
    } catch (error) {
        console.error(`[provision-neovim] ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
    }
}
