import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Room for the input being run, as UTF-8; longer inputs are kept cut at this size. */
const INPUT_BYTES = 1 << 20;

/**
 * The watchdog, in a worker thread: it runs while the main thread is stuck in a synchronous loop,
 * which no timer of the main thread (mocha's timeouts included) can interrupt. When one input has
 * run longer than the limit, it writes the input to a file, says so on stderr and ends the process.
 */
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { writeSync, writeFileSync } = require('node:fs');
const { state, input, limitMs, file } = workerData;
let seen = -1, since = Date.now();
setInterval(() => {
    const running = Atomics.load(state, 0);
    if (running !== seen) { seen = running; since = Date.now(); return; }
    if (running === 0 || Date.now() - since < limitMs) return;
    const length = Atomics.load(state, 1);
    writeFileSync(file, Buffer.from(input.buffer, 0, length));
    writeSync(2, 'fuzz: an input has run for ' + (Date.now() - since) + ' ms (limit ' + limitMs + ' ms), a hang: it is in ' + file + '\\n');
    process.kill(process.pid, 'SIGKILL');
}, 250);
`;

/**
 * Guards each fuzz input against a hang: {@link HangWatchdog.running} before an input,
 * {@link HangWatchdog.done} after it. The worker does not keep the process alive.
 */
export class HangWatchdog {
    /** [0]: number of the input running (0: none); [1]: its length in bytes. */
    private readonly state = new Int32Array(new SharedArrayBuffer(8));
    private readonly input = new Uint8Array(new SharedArrayBuffer(INPUT_BYTES));
    private readonly worker: Worker;
    private count = 0;

    constructor(limitMs: number) {
        const file = join(tmpdir(), `tml-fuzz-hang-${process.pid}.tm`);
        this.worker = new Worker(WATCHDOG, { eval: true, workerData: { state: this.state, input: this.input, limitMs, file } });
        this.worker.unref();
    }

    running(text: string): void {
        const { written } = new TextEncoder().encodeInto(text, this.input);
        Atomics.store(this.state, 1, written);
        Atomics.store(this.state, 0, ++this.count);
    }

    done(): void {
        Atomics.store(this.state, 0, 0);
    }

    async stop(): Promise<void> {
        await this.worker.terminate();
    }
}
