// Provisions the real VS Code (1.100.3, the server and web workbench inside the `code-server`
// npm package) that the integration suite and the UI check run in, plus the Debian packages they
// need. Idempotent: the server is prepared once in a cache folder outside the repo and reused.
//
//   node scripts/vscode/provision.mjs          # prints the server's folder on stdout
//
// Environment: TML_VSCODE_SERVER_CACHE (default ~/.cache/tml-vscode-server).
// See ../../shared/REAL-VSCODE.md for why each step is needed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages as installDebianPackages } from '../debian-packages.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian packages the harness needs, each with a file that proves it is installed. */
const DEBIAN_PACKAGES = [
    { name: 'chromium', provides: CHROMIUM_PATH },
    { name: 'ripgrep', provides: '/usr/bin/rg' },
    { name: 'libkrb5-dev', provides: '/usr/include/gssapi/gssapi.h' },
    { name: 'build-essential', provides: '/usr/bin/g++' },
    { name: 'make', provides: '/usr/bin/make' },
    { name: 'python3', provides: '/usr/bin/python3' },
];

/** Native modules of VS Code's server that npm's `--ignore-scripts` leaves unbuilt. */
const VSCODE_NATIVE_MODULES = ['kerberos', 'node-pty', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog'];

const MARKER = '.tml-provisioned.json';

// Progress goes to stderr: stdout carries only the server's folder, for the runners to read.
function log(message) {
    console.error(`[provision] ${message}`);
}

/** Runs a build step quietly; its output is shown only when it fails. */
function run(command, args, cwd) {
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.error) throw result.error;
    if (result.status !== 0) {
        const output = `${result.stdout}${result.stderr}`.trimEnd().split('\n').slice(-40).join('\n');
        throw new Error(`'${command} ${args.join(' ')}' in ${cwd} exited with ${result.status ?? result.signal}:\n${output}`);
    }
}

function seconds(since) {
    return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** The cache folder; one sub-folder per code-server version and Node ABI (native modules depend on it). */
export function serverCacheRoot() {
    return resolve(process.env.TML_VSCODE_SERVER_CACHE ?? join(homedir(), '.cache', 'tml-vscode-server'));
}

export function serverFolder() {
    return join(serverCacheRoot(), `code-server-${CODE_SERVER_VERSION}-node-abi${process.versions.modules}`);
}

/** Installs the missing Debian packages with apt-get when root on Debian; otherwise explains and fails. */
export function ensureDebianPackages() {
    installDebianPackages(DEBIAN_PACKAGES, 'This harness installs them with apt-get on Debian/Ubuntu; on other systems install Chromium at ' +
        `${CHROMIUM_PATH}, ripgrep, the Kerberos development headers (gssapi.h), make, g++ and python3.`, log);
}

/** node-gyp as shipped inside npm, with Node's own headers: nothing is downloaded. */
function nodeGypCommand() {
    const prefix = resolve(dirname(process.execPath), '..');
    const candidates = [
        join(prefix, 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
        join(prefix, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    ];
    const script = candidates.find(existsSync);
    const nodedir = existsSync(join(prefix, 'include', 'node', 'node.h')) ? [`--nodedir=${prefix}`] : [];
    return script
        ? { command: process.execPath, prefix: [script, ...nodedir] }
        : { command: 'npx', prefix: ['--yes', 'node-gyp', ...nodedir] };
}

function nodeGypRebuild(cwd, extraArgs = []) {
    const gyp = nodeGypCommand();
    run(gyp.command, [...gyp.prefix, 'rebuild', '--jobs=max', ...extraArgs], cwd);
}

function prepareServer(target) {
    const started = Date.now();
    const log = message => console.error(`[provision] ${seconds(started).padStart(7)}  ${message}`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    mkdirSync(target, { recursive: true });
    log(`npm pack code-server@${CODE_SERVER_VERSION}`);
    run(npm, ['pack', `code-server@${CODE_SERVER_VERSION}`, '--silent'], target);
    const tarball = readdirSync(target).find(f => f.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack produced no tarball');
    run('tar', ['-xzf', tarball, '--strip-components=1'], target);
    rmSync(join(target, tarball));

    const installArgs = ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
    for (const folder of ['.', 'lib/vscode', 'lib/vscode/extensions']) {
        log(`npm install in ${folder}`);
        run(npm, installArgs, join(target, folder));
    }

    for (const module of VSCODE_NATIVE_MODULES) {
        log(`node-gyp rebuild ${module}`);
        nodeGypRebuild(join(target, 'lib', 'vscode', 'node_modules', module));
    }
    // argon2 (code-server's password hashing) is loaded from its prebuilt-binary location.
    log('node-gyp rebuild argon2');
    const argon2 = join(target, 'node_modules', 'argon2');
    nodeGypRebuild(argon2, ['--module_name=argon2', '--module_path=lib/binding/napi-v3', '--napi_build_version=3']);
    mkdirSync(join(argon2, 'lib', 'binding', 'napi-v3'), { recursive: true });
    copyFileSync(join(argon2, 'build', 'Release', 'argon2.node'), join(argon2, 'lib', 'binding', 'napi-v3', 'argon2.node'));

    // The ripgrep package's postinstall would download a binary; Debian's does the same job.
    const rgBin = join(target, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin');
    mkdirSync(rgBin, { recursive: true });
    copyFileSync('/usr/bin/rg', join(rgBin, 'rg'));
    chmodSync(join(rgBin, 'rg'), 0o755);
    symlinkSync('node_modules', join(target, 'lib', 'vscode', 'node_modules.asar'));
}

/**
 * Makes sure the VS Code server is ready and returns its folder. Builds into a private folder and
 * renames it into place at the end, so an interrupted run leaves nothing that looks finished.
 */
export function provisionVsCodeServer() {
    const started = Date.now();
    ensureDebianPackages();
    const folder = serverFolder();
    if (existsSync(join(folder, MARKER))) {
        log(`cached: ${folder} (${seconds(started)})`);
        return folder;
    }
    const preparing = Date.now();
    log(`preparing code-server ${CODE_SERVER_VERSION} (VS Code server) in ${folder}; takes a few minutes once`);
    const partial = `${folder}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    try {
        prepareServer(partial);
        writeFileSync(join(partial, MARKER), JSON.stringify({
            codeServer: CODE_SERVER_VERSION,
            node: process.version,
            preparedAt: new Date().toISOString(),
        }, null, 2) + '\n');
        if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
        renameSync(partial, folder);
    } catch (error) {
        rmSync(partial, { recursive: true, force: true });
        throw error;
    }
    log(`prepared ${folder} in ${seconds(preparing)}`);
    return folder;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    try {
        console.log(provisionVsCodeServer());
    } catch (error) {
        console.error(`[provision] ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
    }
}
