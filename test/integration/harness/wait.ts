import { setTimeout as delay } from 'node:timers/promises';

export interface WaitOptions {
    /** Says what is awaited, for the timeout message. */
    readonly what: string;
    readonly timeoutMs: number;
    readonly intervalMs?: number;
    /** Describes what was there instead (e.g. the rows a list showed), appended to the timeout message. */
    readonly observed?: () => string | Promise<string>;
}

/** Polls `probe` until it returns true; a thrown error stops the wait at once. */
export async function waitUntil(probe: () => boolean | Promise<boolean>, options: WaitOptions): Promise<void> {
    const deadline = Date.now() + options.timeoutMs;
    while (!(await probe())) {
        if (Date.now() > deadline) {
            const observed = options.observed ? `; found ${await options.observed()}` : '';
            throw new Error(`timed out after ${options.timeoutMs / 1000} s waiting for ${options.what}${observed}`);
        }
        await delay(options.intervalMs ?? 200);
    }
}
