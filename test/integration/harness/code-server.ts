import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { onCleanup } from './cleanup.js';
import { writeUserSettings } from './user-settings.js';
import { waitUntil } from './wait.js';

/** The VS Code server from the code-server package, prepared by scripts/vscode/provision.mjs. */
export function provisionVsCodeServer(root: string): string {
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'vscode', 'provision.mjs')], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (result.status !== 0) throw new Error('provisioning the VS Code server failed (see above)');
    const folder = result.stdout.trim().split('\n').pop();
    if (!folder) throw new Error('scripts/vscode/provision.mjs printed no folder');
    return folder;
}

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
        });
    });
}

export interface CodeServerOptions {
    /** Folder prepared by provisionVsCodeServer. */
    readonly serverFolder: string;
    /** Workspace folder to open. */
    readonly workspace: string;
    /** A fresh folder for user data, extensions and config; removed by the caller. */
    readonly stateFolder: string;
    /** The server's own output goes here. */
    readonly logFile: string;
    /** Extra environment for the server; the extension host inherits it. */
    readonly env?: Readonly<Record<string, string>>;
}

/** The folders of one run's VS Code server inside its state folder, created on first use. */
function serverState(stateFolder: string): { userData: string; extensions: string; config: string } {
    const userData = join(stateFolder, 'user-data');
    const extensions = join(stateFolder, 'extensions');
    writeUserSettings(userData);
    mkdirSync(extensions, { recursive: true });
    // An empty config file of our own, so that code-server does not write one into ~/.config.
    const config = join(stateFolder, 'config.yaml');
    writeFileSync(config, '');
    return { userData, extensions, config };
}

/**
 * Installs a .vsix into the run's extensions folder with code-server's `--install-extension` (VS
 * Code's own installer, as `code --install-extension` runs it); returns the folder it unpacked to.
 */
export function installExtension(serverFolder: string, stateFolder: string, vsix: string): string {
    const { userData, extensions, config } = serverState(stateFolder);
    const install = spawnSync(process.execPath, [
        join(serverFolder, 'out', 'node', 'entry.js'),
        '--config', config,
        '--user-data-dir', userData,
        '--extensions-dir', extensions,
        '--install-extension', vsix,
    ], { cwd: serverFolder, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`installing ${vsix} failed (${install.status ?? install.signal}):\n${install.stdout}${install.stderr}`);
    // VS Code's record of the installed extensions: one entry, since the folder was empty.
    const installed = JSON.parse(readFileSync(join(extensions, 'extensions.json'), 'utf8')) as { location: { fsPath: string } }[];
    const [only, ...others] = installed;
    if (!only || others.length > 0) throw new Error(`expected one installed extension in ${extensions}, found ${installed.length}`);
    return only.location.fsPath;
}

export interface RunningCodeServer {
    readonly port: number;
    /** `http://127.0.0.1:PORT` */
    readonly origin: string;
}

/**
 * Starts code-server's VS Code server without authentication on a free port of 127.0.0.1 and waits
 * until it answers. The server runs in its own process group, so that stopping it also stops the
 * extension host, the language server and every other process VS Code started below it.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
    const { userData, extensions, config } = serverState(options.stateFolder);
    const port = await freePort();
    const log = createWriteStream(options.logFile);
    const server = spawn(process.execPath, [
        join(options.serverFolder, 'out', 'node', 'entry.js'),
        '--config', config,
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--user-data-dir', userData,
        '--extensions-dir', extensions,
        options.workspace,
    ], {
        cwd: options.serverFolder,
        env: { ...process.env, ...options.env },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout.pipe(log);
    server.stderr.pipe(log);
    let exited: string | undefined;
    server.once('exit', (code, signal) => (exited = `code-server exited (${code ?? signal}) — see ${options.logFile}`));
    onCleanup(() => stopProcessGroup(server.pid, () => exited !== undefined));

    const origin = `http://127.0.0.1:${port}`;
    await waitUntil(async () => {
        if (exited) throw new Error(exited);
        try {
            return (await fetch(`${origin}/healthz`)).ok;
        } catch {
            return false;
        }
    }, { what: `code-server to answer on ${origin}`, timeoutMs: 60_000 });
    return { port, origin };
}

/** SIGTERM to the whole group, then SIGKILL to whatever is left after a grace period. */
async function stopProcessGroup(pid: number | undefined, hasExited: () => boolean): Promise<void> {
    if (pid === undefined) return;
    const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
        try {
            process.kill(-pid, signal);
            return true;
        } catch {
            return false; // the group is gone
        }
    };
    if (!signalGroup('SIGTERM')) return;
    try {
        await waitUntil(() => hasExited() && !signalGroup(0), { what: 'code-server to stop', timeoutMs: 5_000 });
    } catch {
        signalGroup('SIGKILL');
    }
}
