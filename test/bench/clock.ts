/**
 * Wall-clock and CPU time together. The machines this runs on are often shared (CI runners, a
 * laptop compiling in the background), and there the wall clock mostly measures the neighbours:
 * the process's own CPU time is the steadier figure for comparing sizes.
 */
export interface Stamp {
    readonly wall: number;
    readonly cpu: number;
}

/** A duration in milliseconds. */
export type Span = Stamp;

export function stamp(): Stamp {
    const { user, system } = process.cpuUsage();
    return { wall: performance.now(), cpu: (user + system) / 1000 };
}

export function between(from: Stamp, to: Stamp): Span {
    return { wall: to.wall - from.wall, cpu: to.cpu - from.cpu };
}

export const NO_SPAN: Span = { wall: Number.NaN, cpu: Number.NaN };
