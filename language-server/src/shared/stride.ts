/**
 * The STRIDE categories as every runtime sees them: the language server, the extension and the
 * DFD preview's webview. The grammar declares the same six names (generated/ast.ts's
 * `StrideCategory`); test/unit/stride-table.test.ts keeps the two equal.
 */

/** A STRIDE category, by its name in the language. */
export type StrideCategory = 'Spoofing' | 'Tampering' | 'Repudiation' | 'InformationDisclosure' | 'DenialOfService' | 'ElevationOfPrivilege';

/** The six STRIDE categories, in their canonical order. */
export const STRIDE_CATEGORIES: readonly StrideCategory[] = [
    'Spoofing',
    'Tampering',
    'Repudiation',
    'InformationDisclosure',
    'DenialOfService',
    'ElevationOfPrivilege',
];

/** One cell of the STRIDE coverage matrix (docs/language.md#outputs). */
export type CoverageStatus = 'addressed' | 'unmitigated' | 'missing' | 'excluded' | 'not-applicable';
