/** Percentiles of a benchmark's samples (nearest rank: always one of the samples, never an interpolation). */
export function percentile(samples: readonly number[], p: number): number {
    if (samples.length === 0) throw new Error('No samples to take a percentile of.');
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function median(samples: readonly number[]): number {
    return percentile(samples, 50);
}
