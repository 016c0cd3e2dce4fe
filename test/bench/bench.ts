/**
 * `npm run bench:phases`: how long tml takes to build synthetic workspaces of growing size, phase by
 * phase, how long an edit takes once they are built, and how long the bundled server takes to
 * answer its first document. The point is the shape of the curve: 4× the elements should take
 * about 4× the time. Extra arguments are the sizes to run (e.g. `node --cpu-prof
 * out/tsc/test/bench/bench.js 20000`).
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';
import { LanguageServerProcess } from '../lsp/helpers/language-server-process.js';
import type { Span } from './clock.js';
import type { BuildTiming, EditTiming } from './measure-build.js';
import { measureBuild, measureEdit } from './measure-build.js';
import { MemoryFileSystemProvider } from './memory-file-system.js';
import { generateModel } from './synthetic-model.js';

const FILES = 10;
const RUNS = 3;
/** The same models in a single file: what one large file costs on its own. */
const ONE_FILE_SIZES = [5_000, 20_000];
const ONE_FILE_RUNS = 2;
const SERVER_STARTS = 5;
const sizes = process.argv.slice(2).map(Number).filter(n => Number.isInteger(n) && n > 0);
const SIZES = sizes.length > 0 ? sizes : [1_000, 5_000, 20_000];

// A full GC between runs, so that one run's garbage is not collected on the next one's clock.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const fileSystem = new MemoryFileSystemProvider();
const { shared } = createThreatModelServices({ fileSystemProvider: () => fileSystem });

interface Timing {
    readonly build: BuildTiming;
    readonly edit: EditTiming;
    /** Heap in use with the workspace built, after a full GC (MB). */
    readonly heapMb: number;
}

/**
 * Builds the workspace from scratch, then makes the kind of edit a user makes while typing (one
 * line added to one file: an exclude of an element declared in another file); best of `runs`, by
 * CPU time.
 */
async function bestOf(files: Record<string, string>, runs: number): Promise<Timing> {
    const [lastFile, lastText] = Object.entries(files).at(-1)!;
    const edited = `${lastText}exclude DenialOfService on Cache0 "Rate-limited at the proxy."\n`;
    let build: BuildTiming | undefined;
    let edit: EditTiming | undefined;
    let heapMb = 0;
    for (let run = 0; run < runs; run++) {
        collectGarbage();
        const built = await measureBuild(shared, fileSystem, files);
        if (!build || built.total.cpu < build.total.cpu) build = built;
        collectGarbage();
        heapMb = process.memoryUsage().heapUsed / 2 ** 20;
        const changed = await measureEdit(shared, fileSystem, lastFile, edited);
        if (!edit || changed.total.cpu < edit.total.cpu) edit = changed;
    }
    return { build: build!, edit: edit!, heapMb };
}

function row(cells: readonly (string | number | Span)[]): string {
    const text = (c: string | number | Span): string => (typeof c === 'string' ? c : typeof c === 'number' ? String(c) : c.cpu.toFixed(0));
    return cells.map((c, i) => text(c).padStart(i === 0 ? 8 : 11)).join(' ');
}

async function benchmarkBuilds(sizes: readonly number[], files: number, runs: number): Promise<void> {
    console.log(`\nFull build of a fresh workspace of ${files} file(s), then one edit; best of ${runs} runs.\n`);
    console.log(row(['elements', 'lines', 'parse', 'index+scope', 'link', 'index refs', 'validate', 'total', 'wall', 'diagnostics', 'heap MB', 'edit', 'edit valid.', 'edit wall', 'edit files']));
    const results = new Map<number, Timing>();
    for (const size of sizes) {
        const model = generateModel(size, files);
        const timing = await bestOf(model.files, runs);
        results.set(size, timing);
        const { build: t, edit, heapMb } = timing;
        console.log(row([size, model.lines, t.parse, t.indexAndScope, t.link, t.indexReferences, t.validate, t.total,
            t.total.wall.toFixed(0), t.diagnostics, heapMb.toFixed(0), edit.total, edit.validate, edit.total.wall.toFixed(0), `${edit.validatedFiles}/${files}`]));
        if (t.syntaxAndLinkErrors > 0) console.log(`         ! ${t.syntaxAndLinkErrors} syntax or link errors: the generator is broken`);
    }
    const small = results.get(5_000);
    const large = results.get(20_000);
    if (small && large) {
        const ratio = (a: Span, b: Span): string => `${(b.cpu / a.cpu).toFixed(2)} CPU, ${(b.wall / a.wall).toFixed(2)} wall`;
        console.log(`\n20k / 5k (4.00 is linear): full build ${ratio(small.build.total, large.build.total)}; ` +
            `parse ${ratio(small.build.parse, large.build.parse)}; validate ${ratio(small.build.validate, large.build.validate)}; ` +
            `edit ${ratio(small.edit.total, large.edit.total)}`);
    }
}

/** Spawn of `node out/language-server/main.cjs --stdio` to the first diagnostics of the DESIGN example. */
async function benchmarkServerStart(): Promise<void> {
    const example = readFileSync(new URL('../../../../test/fixtures/design/online-store.tm', import.meta.url), 'utf8');
    const uri = 'file:///bench/online-store.tm';
    const times: number[] = [];
    for (let i = 0; i < SERVER_STARTS; i++) {
        const server = new LanguageServerProcess();
        try {
            await server.initialize();
            await server.open(uri, example);
            times.push((await server.nextDiagnostics(uri)).at);
            await server.shutdown();
        } finally {
            await server.dispose();
        }
    }
    times.sort((a, b) => a - b);
    console.log(`\nBundled server, spawn → first publishDiagnostics of the DESIGN example (${SERVER_STARTS} starts, wall): ` +
        `best ${times[0]!.toFixed(0)} ms, median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms`);
}

console.log('CPU milliseconds of this process per phase; "wall" is the elapsed total.');
console.log('"edit": rebuild after one line is added to one file, as after a keystroke; "edit files": the files it validated again.');
console.log('\nWarm-up (1,000 elements) …');
await bestOf(generateModel(1_000, FILES).files, 1);
await benchmarkBuilds(SIZES, FILES, RUNS);
if (sizes.length === 0) {
    await benchmarkBuilds(ONE_FILE_SIZES, 1, ONE_FILE_RUNS);
    await benchmarkServerStart();
}
