/**
 * The formats `tml import` reads, `tml export` writes and `tml table` writes. A module of their own,
 * without imports, because the CLI's argument parser needs them and must load nothing heavier
 * (cli/run.ts answers `--help` and `--version` before Langium is loaded), and the extension offers
 * them in its commands.
 */
export const IMPORT_FORMATS = ['otm', 'threat-dragon', 'tm7'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXPORT_FORMATS = ['otm', 'threat-dragon'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats of `tml table --format` (README.md#the-tml-command-line). */
export const TABLE_FORMATS = ['md', 'csv', 'html', 'json'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];
