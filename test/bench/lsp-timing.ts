/**
 * Editor figures for `npm run bench`, over stdio with the bundled server, as VS Code runs it
 * (test/lsp/helpers/language-server-process.ts): how long after a keystroke the file's diagnostics
 * arrive, and how long after opening a file its first diagnostics arrive.
 */
import type { Position } from 'vscode-languageserver';
import { LanguageServerProcess } from '../lsp/helpers/language-server-process.js';

const URI = 'file:///bench/model.tm';
/** A build of 20,000 elements takes seconds; a timeout is a hang, not a slow build. */
const TIMEOUT_MS = 120_000;
/** Edits made before the timed ones, so that the timed ones see a warmed-up server, as a user typing does. */
const WARM_UP_EDITS = 5;

function positionAt(text: string, offset: number): Position {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * Where the keystrokes go: inside the title string of the external of the unit in the middle of
 * the file (`"Customer browser 50|"`), so that the edit changes no finding and the file stays the
 * same size.
 */
function editSite(text: string): Position {
    const titles = [...text.matchAll(/"Customer browser \d+/g)];
    const middle = titles[Math.floor(titles.length / 2)];
    if (!middle) throw new Error('The benchmark model has no external to edit.');
    return positionAt(text, middle.index + middle[0].length);
}

/**
 * Opens `text` in a fresh server, then types `edits` keystrokes inside a string (alternately
 * inserting a character and deleting it) and returns, for each, the ms from sending the change to
 * receiving the file's diagnostics. Each edit waits for the diagnostics of the previous one, so the
 * next diagnostics published for the file are those of this version (one file: one publication
 * per build). The diagnostics must not change: the edit is inside a string.
 */
export async function keystrokeLatencies(text: string, edits: number): Promise<number[]> {
    const server = new LanguageServerProcess();
    try {
        await server.initialize();
        await server.open(URI, text);
        const first = await server.nextDiagnostics(URI, 0, TIMEOUT_MS);
        const at = editSite(text);
        const after = { line: at.line, character: at.character + 1 };
        const times: number[] = [];
        for (let i = 0; i < WARM_UP_EDITS + edits; i++) {
            const change = i % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: after }, text: '' };
            const mark = server.mark();
            const start = performance.now();
            await server.change(URI, [change]);
            const received = await server.nextDiagnostics(URI, mark, TIMEOUT_MS);
            const elapsed = performance.now() - start;
            if (received.diagnostics.length !== first.diagnostics.length) {
                throw new Error(`An edit inside a string changed the findings (${first.diagnostics.length} → ${received.diagnostics.length}): the benchmark edits the wrong place.`);
            }
            if (i >= WARM_UP_EDITS) times.push(elapsed);
        }
        await server.shutdown();
        return times;
    } finally {
        await server.dispose();
    }
}

/** ms from `didOpen` of `text` to its first diagnostics, in a server just started and initialized; one per fresh server. */
export async function openLatencies(text: string, runs: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const server = new LanguageServerProcess();
        try {
            await server.initialize();
            const start = performance.now();
            await server.open(URI, text);
            await server.nextDiagnostics(URI, 0, TIMEOUT_MS);
            times.push(performance.now() - start);
            await server.shutdown();
        } finally {
            await server.dispose();
        }
    }
    return times;
}
