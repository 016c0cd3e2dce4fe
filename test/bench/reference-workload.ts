/**
 * The reference workload of `npm run bench:check`: a fixed piece of pure JavaScript (objects,
 * strings, a map, a sort: the kind of work a parser and a validator do), timed in the same
 * invocation as the figures it scales, so that the gate compares ratios, not raw milliseconds.
 */
import { median } from './stats.js';

const ITEMS = 200_000;

/** One run of the workload; returns a checksum, so that the work cannot be optimised away. */
export function referenceWork(): number {
    const index = new Map<string, { readonly name: string; readonly weight: number }>();
    for (let i = 0; i < ITEMS; i++) {
        const name = `Element${(i * 7919) % ITEMS}`;
        index.set(name, { name, weight: (i * 31) % 97 });
    }
    const sorted = [...index.values()].sort((a, b) => a.weight - b.weight || (a.name < b.name ? -1 : 1));
    let checksum = 0;
    for (const item of sorted) checksum = (checksum * 33 + item.name.length + item.weight) % 1_000_003;
    return checksum;
}

/** Median wall ms of `runs` runs of {@link referenceWork}, after one to warm up. */
export function timeReferenceWork(runs = 7): number {
    referenceWork();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        referenceWork();
        times.push(performance.now() - start);
    }
    return median(times);
}
