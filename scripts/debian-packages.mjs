// Installs the Debian packages a test harness needs, with apt-get, when root on Debian/Ubuntu; skips
// those already present. Used by scripts/vscode/provision.mjs (Chromium…) and
// scripts/editors/provision-neovim.mjs (Neovim), so that `npm test` provisions a fresh CI machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Makes sure every package is installed; a package counts as installed when its `provides` file exists.
 * @param {readonly { name: string, provides: string }[]} packages
 * @param {string} elsewhere what to do on a system without apt-get (names what to install by hand)
 * @param {(message: string) => void} log progress, on stderr
 * @throws Error naming the command to run, when packages are missing and this process cannot install them
 */
export function ensureDebianPackages(packages, elsewhere, log) {
    const missing = packages.filter(p => !existsSync(p.provides));
    if (missing.length === 0) return;
    const names = missing.map(p => p.name);
    const isRoot = process.getuid?.() === 0;
    const hasApt = existsSync('/usr/bin/apt-get');
    if (!isRoot || !hasApt) {
        throw new Error(
            `missing system packages: ${names.join(' ')}.\n` +
            (hasApt ? `Install them as root: sudo apt-get install -y --no-install-recommends ${names.join(' ')}` : elsewhere),
        );
    }
    const started = Date.now();
    log(`installing ${names.join(' ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...names]]) {
        const result = spawnSync('apt-get', args, { stdio: ['ignore', process.stderr, 'inherit'], env });
        if (result.status !== 0) throw new Error(`apt-get ${args[0]} exited with ${result.status ?? result.signal}`);
    }
    log(`apt-get done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
