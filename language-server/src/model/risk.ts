import type { Dread, DreadFactorName } from '../generated/ast.js';

/** The five DREAD factors in their canonical order. */
export const DREAD_FACTORS: readonly DreadFactorName[] = [
    'damage',
    'reproducibility',
    'exploitability',
    'affectedUsers',
    'discoverability',
];

export const DREAD_MIN = 0;
export const DREAD_MAX = 10;

export type RiskRating = 'High' | 'Medium' | 'Low';

export interface RiskScore {
    /** Mean of the five factors, rounded to one decimal. */
    readonly risk: number;
    readonly rating: RiskRating;
}

export function factorInRange(value: number): boolean {
    return Number.isInteger(value) && value >= DREAD_MIN && value <= DREAD_MAX;
}

/** The factors a `dread` block does not give. */
export function missingFactors(dread: Dread): DreadFactorName[] {
    const given = new Set(dread.factors.map(f => f.factor));
    return DREAD_FACTORS.filter(f => !given.has(f));
}

/** Rating bands (docs/language.md#dread): High ≥ 7.0, Medium ≥ 4.0, Low below. */
export function rateRisk(risk: number): RiskRating {
    if (risk >= 7) return 'High';
    if (risk >= 4) return 'Medium';
    return 'Low';
}

/**
 * DREAD risk: the mean of the five factors, one decimal. Undefined when a factor is missing or out
 * of range, since a partial score would rank the threat wrongly.
 */
export function computeRisk(dread: Dread | undefined): RiskScore | undefined {
    if (!dread) return undefined;
    const values = new Map<DreadFactorName, number>();
    for (const f of dread.factors) {
        if (f.factor && typeof f.value === 'number') values.set(f.factor, f.value);
    }
    const scores: number[] = [];
    for (const factor of DREAD_FACTORS) {
        const value = values.get(factor);
        if (value === undefined || !factorInRange(value)) return undefined;
        scores.push(value);
    }
    const risk = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
    return { risk, rating: rateRisk(risk) };
}
