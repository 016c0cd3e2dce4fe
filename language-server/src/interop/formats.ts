/**
 * The formats `tml import` reads and `tml export` writes. A module of their own, without imports,
 * because the CLI's argument parser needs them and must load nothing heavier (cli/run.ts answers
 * `--help` and `--version` before Langium is loaded).
 */
export const IMPORT_FORMATS = ['otm', 'threat-dragon', 'tm7'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXPORT_FORMATS = ['otm', 'threat-dragon'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
