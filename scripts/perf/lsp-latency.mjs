// Open → first diagnostics and keystroke → diagnostics of the bundled server over stdio, for
// comparing two builds on a busy machine: runs alternate between the servers given.
// Usage: node scripts/perf/lsp-latency.mjs MODEL.tm ROUNDS KEYSTROKES SERVER.cjs… (after npm run build)
// e.g. node scripts/perf/lsp-latency.mjs test/fixtures/design/online-store.tm 7 0 ../main/out/language-server/main.cjs out/language-server/main.cjs
import { readFileSync } from 'node:fs';
import { LanguageServerProcess } from '../../out/tsc/test/lsp/helpers/language-server-process.js';

const [model, rounds, keystrokes, ...servers] = process.argv.slice(2);
const text = readFileSync(model, 'utf8');
const uri = 'file:///perf/model.tm';
// Edits go inside a string in the middle of the file, as a user typing a description.
const middle = text.indexOf('"', Math.floor(text.length / 2)) + 1;
const before = text.slice(0, middle);
const line = before.split('\n').length - 1;
const character = middle - before.lastIndexOf('\n') - 1;

async function measure(server) {
    const lsp = new LanguageServerProcess([process.execPath, server, '--stdio']);
    try {
        await lsp.initialize();
        const opened = performance.now();
        await lsp.open(uri, text);
        const first = await lsp.nextDiagnostics(uri, 0, 120_000);
        const open = performance.now() - opened;
        spawnToFirst.get(server).push(first.at);
        const edits = [];
        for (let i = 0; i < Number(keystrokes); i++) {
            const mark = lsp.mark();
            const sent = performance.now();
            await lsp.change(uri, [{ range: { start: { line, character: character + i }, end: { line, character: character + i } }, text: 'x' }]);
            await lsp.nextDiagnostics(uri, mark, 120_000);
            edits.push(performance.now() - sent);
        }
        await lsp.shutdown();
        return { open, edits };
    } finally {
        await lsp.dispose();
    }
}

const spawnToFirst = new Map(servers.map(s => [s, []]));
const results = new Map(servers.map(s => [s, { open: [], edits: [] }]));
for (let r = 0; r < Number(rounds); r++) {
    for (const server of servers) {
        const { open, edits } = await measure(server);
        results.get(server).open.push(open);
        results.get(server).edits.push(...edits);
    }
}
const pick = (xs, q) => xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
for (const [server, { open, edits }] of results) {
    console.log(`${server}: spawn→first diagnostics median ${pick(spawnToFirst.get(server), 0.5).toFixed(0)} ms; open→diagnostics median ${pick(open, 0.5).toFixed(0)} ms; keystroke→diagnostics p50 ${pick(edits, 0.5).toFixed(0)} ms, p95 ${pick(edits, 0.95).toFixed(0)} ms (${edits.length} edits)`);
}
