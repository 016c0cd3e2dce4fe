import { setTimeout as delay } from 'node:timers/promises';

export interface WaitOptions {
    /** Says what is awaited, for the timeout message. */
    readonly what: string;
    readonly timeoutMs: number;
    readonly intervalMs?: number;
}

/** Polls `probe` until it returns true; a thrown error stops the wait at once. */
export async function waitUntil(probe: () => boolean | Promise<boolean>, options: WaitOptions): Promise<void> {
    const deadline = Date.now() + options.timeoutMs;
    while (!(await probe())) {
        if (Date.now() > deadline) throw new Error(`timed out after ${options.timeoutMs / 1000} s waiting for ${options.what}`);
        await delay(options.intervalMs ?? 200);
    }
}
