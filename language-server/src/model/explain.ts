import type { StrideCategory } from '../generated/ast.js';
import type { ElementCoverage } from './coverage.js';
import type { CoverageStatus } from '../shared/stride.js';

/** What each STRIDE category means, and the security property it violates. */
export const CATEGORY_MEANINGS: Readonly<Record<StrideCategory, string>> = {
    Spoofing: 'Pretending to be someone or something else. Violates **authentication**.',
    Tampering: 'Modifying data or code without authorisation. Violates **integrity**.',
    Repudiation: 'Denying having performed an action, with no way to prove otherwise. Violates **non-repudiation**.',
    InformationDisclosure: 'Exposing information to someone not allowed to see it. Violates **confidentiality**.',
    DenialOfService: 'Denying or degrading service to legitimate users. Violates **availability**.',
    ElevationOfPrivilege: 'Gaining capabilities without authorisation. Violates **authorisation**.',
};

/** A category as words in a sentence: `ElevationOfPrivilege` → "Elevation of privilege". */
export function categoryInWords(category: StrideCategory): string {
    const words = category.split(/(?=[A-Z])/).map((w, i) => (i === 0 ? w : w.toLowerCase()));
    return words.join(' ');
}

/** The categories that count as done: addressed by threats, or excluded with a reason. */
export function isSettled(status: CoverageStatus): boolean {
    return status === 'addressed' || status === 'excluded';
}

/** "4/6": settled categories over applicable categories. */
export function coverageSummary(coverage: ElementCoverage): { settled: number; applicable: number } {
    const applicable = coverage.categories.filter(c => c.status !== 'not-applicable');
    return { settled: applicable.filter(c => isSettled(c.status)).length, applicable: applicable.length };
}
