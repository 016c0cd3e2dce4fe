import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic, Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TABLE_FORMATS } from '../../language-server/src/shared/formats.js';
import { DfdRequest, SecurityReportRequest, ThreatTableRequest } from '../../language-server/src/shared/protocol.js';
import { exampleFiles, FUZZ_SEED, mutatedExample, tokenSoup } from '../unit/helpers/fuzz-inputs.js';
import { seededRandom as random } from '../unit/helpers/seeded-random.js';
import { LanguageServerProcess } from './helpers/language-server-process.js';

/**
 * Steps (an edit or a request each): a fixed number, so that every machine, fast or slow, runs the
 * same edits and requests for a seed. 4,000 take 20 to 40 s here (2 cores, idle or busy);
 * `SOAK_STEPS=<n>` for more.
 */
const SOAK_STEPS = Number(process.env['SOAK_STEPS'] ?? 4_000);
/**
 * `SOAK_SECONDS=<n>` goes on after the steps until that many seconds have passed: a longer run,
 * whose length depends on the machine (it prints its step count, to replay it with `SOAK_STEPS`).
 */
const SOAK_SECONDS = Number(process.env['SOAK_SECONDS'] ?? 0);
/** Wait this long for any answer: a request left unanswered is a failure, not a hang of the suite. */
const ANSWER_TIMEOUT_MS = 30_000;
const DOCUMENTS = 4;
/**
 * Errors a request may answer with while the documents change under it: cancelled (by the client
 * or the server), content modified, or a name that cannot be a rename's new name. An internal
 * error (-32603) is a handler that threw.
 */
const EXPECTED_ERRORS = new Set([-32800, -32801, -32802, -32602]);

/** Messages counted by their first line, for a failure message that stays readable. */
class Tally {
    private readonly counts = new Map<string, number>();

    add(message: string): void {
        const key = message.split('\n')[0]!.slice(0, 300);
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }

    lines(): string[] {
        return [...this.counts].map(([message, count]) => `${count}× ${message}`);
    }
}

interface Soaked {
    readonly uri: string;
    document: TextDocument;
}

/** The diagnostics of each document once the server has validated everything it was sent. */
async function settledDiagnostics(server: LanguageServerProcess, uris: readonly string[]): Promise<Record<string, Diagnostic[]>> {
    // The table request answers once the workspace is validated, and diagnostics are published then.
    for (const uri of uris) await server.connection.sendRequest(ThreatTableRequest.method, { scope: { kind: 'file', uri }, format: 'md' }).catch(() => undefined);
    await new Promise(resolve => setTimeout(resolve, 500));
    return Object.fromEntries(uris.map(uri => [uri, server.latestDiagnostics(uri)?.diagnostics ?? []]));
}

/**
 * The bundled server over stdio, fed random incremental edits and every kind of
 * request on several fuzzed documents at once. It stays up, answers every request (or answers
 * with an expected error), and in the end publishes for each document exactly what a fresh server
 * publishes for the same final texts.
 */
describe('LSP soak: random edits and requests on fuzzed documents', function () {
    // 5 to 10 ms a step here: allow six times the slower on a slower or busier machine.
    this.timeout(SOAK_SECONDS * 1000 + SOAK_STEPS * 60 + 120_000);
    let server: LanguageServerProcess | undefined;
    let fresh: LanguageServerProcess | undefined;

    afterEach(async () => {
        await server?.dispose();
        await fresh?.dispose();
    });

    it(`stays up for ${SOAK_STEPS} steps${SOAK_SECONDS > 0 ? ` and ${SOAK_SECONDS} s at least` : ''} and ends with the diagnostics of a fresh server (seed ${FUZZ_SEED})`, async () => {
        const next = random(FUZZ_SEED);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
        const snippets = fc.sample(tokenSoup, { numRuns: 300, seed: FUZZ_SEED }).filter(s => s.length > 0);
        const examples = exampleFiles();
        const initial = [examples.find(e => e.path.endsWith('online-store.tm'))!.text, ...fc.sample(mutatedExample(examples), { numRuns: 1, seed: FUZZ_SEED }).map(e => e.text), ...snippets.slice(0, DOCUMENTS - 2)];
        const documents: Soaked[] = initial.map((text, i) => ({ uri: `file:///soak/doc-${i}.tm`, document: TextDocument.create(`file:///soak/doc-${i}.tm`, 'threat-model', 1, text) }));

        server = new LanguageServerProcess();
        const loggedErrors = new Tally();
        server.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
            if (params.type === 1) loggedErrors.add(params.message);
        });
        await server.initialize();
        for (const { uri, document } of documents) await server.open(uri, document.getText());

        const failures = new Tally();
        let pending: Array<Promise<void>> = [];
        const counts = { edits: 0, requests: 0, errors: 0 };
        const request = (method: string, params: unknown): void => {
            counts.requests++;
            let timer: NodeJS.Timeout | undefined;
            const timeout = new Promise<void>(resolve => {
                timer = setTimeout(() => {
                    failures.add(`${method} got no answer within ${ANSWER_TIMEOUT_MS} ms`);
                    resolve();
                }, ANSWER_TIMEOUT_MS);
            });
            const answered = server!.connection.sendRequest(method, params).then(() => undefined, (error: { code?: number; message?: string }) => {
                counts.errors++;
                if (!EXPECTED_ERRORS.has(error.code ?? 0)) failures.add(`${method} answered ${error.code}: ${error.message?.slice(0, 300)}`);
            }).finally(() => clearTimeout(timer));
            pending.push(Promise.race([answered, timeout]));
        };
        const position = (document: TextDocument): Position => document.positionAt(Math.floor(next() * (document.getText().length + 1)));
        const range = (document: TextDocument): Range => {
            const start = Math.floor(next() * (document.getText().length + 1));
            const length = next() < 0.8 ? Math.floor(next() * 8) : Math.floor(next() * 300);
            return { start: document.positionAt(start), end: document.positionAt(start + length) };
        };
        const replacement = (document: TextDocument): string => {
            const roll = next();
            if (roll < 0.3) return '';
            if (roll < 0.5) return pick(['{', '}', '"', '\n', ' ', 'a', '->', '/*', '*/', '//']);
            if (roll < 0.7) {
                const text = document.getText();
                const from = Math.floor(next() * text.length);
                return text.slice(from, from + Math.floor(next() * 200));
            }
            return pick(snippets);
        };

        const started = performance.now();
        // The steps depend on the seed only: every random choice is drawn from `next`, whatever the
        // server answers and however long it takes. (A code action request carries the diagnostics
        // the server last published, which depend on its timing: they are what an editor sends.)
        let step = 0;
        for (; step < SOAK_STEPS || performance.now() - started < SOAK_SECONDS * 1000; step++) {
            const soaked = pick(documents);
            const { uri, document } = soaked;
            const textDocument = { uri };
            if (next() < 0.6) {
                const change = { range: range(document), text: replacement(document) };
                soaked.document = TextDocument.update(document, [change], document.version + 1);
                await server.change(uri, [change]);
                counts.edits++;
            } else {
                const diagnostics = server.latestDiagnostics(uri)?.diagnostics ?? [];
                const at = position(document);
                switch (Math.floor(next() * 12)) {
                    case 0: request('textDocument/hover', { textDocument, position: at }); break;
                    case 1: request('textDocument/completion', { textDocument, position: at }); break;
                    case 2: request('textDocument/codeAction', { textDocument, range: range(document), context: { diagnostics: diagnostics.slice(0, 5) } }); break;
                    case 3: request('textDocument/documentSymbol', { textDocument }); break;
                    case 4: request('textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }); break;
                    case 5: request(DfdRequest.method, { uri, scenario: next() < 0.5 ? null : pick(['Checkout', 'Nope']) }); break;
                    case 6: request(ThreatTableRequest.method, { scope: { kind: 'file', uri }, format: pick(TABLE_FORMATS) }); break;
                    case 7: request(SecurityReportRequest.method, { scope: next() < 0.5 ? { kind: 'workspace' } : { kind: 'file', uri } }); break;
                    case 8: request('textDocument/definition', { textDocument, position: at }); break;
                    case 9: request('textDocument/references', { textDocument, position: at, context: { includeDeclaration: true } }); break;
                    case 10: request('textDocument/rename', { textDocument, position: at, newName: pick(['Renamed', 'x1', '1bad', 'flow', 'with space']) }); break;
                    default: request('textDocument/documentLink', { textDocument }); break;
                }
            }
            if (step % 25 === 24) {
                await Promise.all(pending);
                pending = [];
            }
            if (next() < 0.1) await new Promise(resolve => setTimeout(resolve, Math.floor(next() * 50)));
        }
        await Promise.all(pending);

        const uris = documents.map(d => d.uri);
        const soakedDiagnostics = await settledDiagnostics(server, uris);
        const seconds = Math.round((performance.now() - started) / 1000);
        console.log(`      soak seed ${FUZZ_SEED}: ${step} steps, ${counts.edits} edits and ${counts.requests} requests (${counts.errors} answered with an expected error) in ${seconds} s`);
        assert.equal(server.process.exitCode, null, `the server exited; stderr: ${server.stderr.slice(0, 2_000)}`);
        assert.deepEqual(failures.lines(), []);
        assert.deepEqual(loggedErrors.lines(), [], 'the server logged no error');

        fresh = new LanguageServerProcess();
        await fresh.initialize();
        for (const { uri, document } of documents) await fresh.open(uri, document.getText());
        assert.deepEqual(soakedDiagnostics, await settledDiagnostics(fresh, uris), 'final diagnostics equal a fresh server\'s for the final texts');
        assert.equal(await server.shutdown(), 0);
    });
});
