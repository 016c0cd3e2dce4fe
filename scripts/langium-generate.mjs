// `npm run langium:generate`: runs `langium generate` and passes its output through, except the
// deliberate multiple-assignment warnings that scripts/langium-warnings.mjs explains. Exits with
// langium-cli's exit code.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isDeliberateMultipleAssignment } from './langium-warnings.mjs';

const config = JSON.parse(readFileSync('langium-config.json', 'utf8'));
const grammars = config.languages.map(language => ({ path: language.grammar, text: readFileSync(language.grammar, 'utf8') }));
// langium-cli exports only its library (lib/index.js); its command is bin/langium.js next to it.
const langiumCli = fileURLToPath(new URL('../bin/langium.js', import.meta.resolve('langium-cli')));

const child = spawn(process.execPath, [langiumCli, 'generate', ...process.argv.slice(2)], {
    stdio: ['inherit', 'pipe', 'pipe'],
    // langium-cli colours its output only on a terminal; keep that when ours is one.
    env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
});
const passThrough = (from, to) => new Promise(resolve => {
    createInterface({ input: from, crlfDelay: Infinity })
        .on('line', line => {
            if (!grammars.some(g => isDeliberateMultipleAssignment(line, g.path, g.text))) to.write(line + '\n');
        })
        .on('close', resolve);
});
const streams = Promise.all([passThrough(child.stdout, process.stdout), passThrough(child.stderr, process.stderr)]);
child.on('close', async (code, signal) => {
    await streams;
    process.exitCode = code ?? (signal ? 1 : 0);
});
