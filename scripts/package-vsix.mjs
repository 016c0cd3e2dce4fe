// `npm run package`: vsce package with tml's options (see README, "Tests"). Extra arguments go to
// vsce (the test gives --out). vsce's output goes through a pipe, never straight to a terminal:
// in a terminal vsce asks the npm registry for its own latest version and prints "WARNING The
// latest version of @vscode/vsce is … Update it now", which a newcomer takes for a broken build;
// tml pins vsce in package-lock.json on purpose.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
const options = ['--no-dependencies', '--readme-path', 'out/vsix/README.md', '--no-rewrite-relative-links', '--allow-missing-repository'];
const args = process.argv.slice(2);
const child = spawn(process.execPath, [vsce, 'package', ...options, ...(args.includes('--out') ? [] : ['--out', 'tml.vsix']), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
});
child.stdout.pipe(process.stdout);
child.stderr.pipe(process.stderr);
child.on('close', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
});
