import { XLSX_FORMAT } from '../generator/table-xlsx.js';
import type { RuleSources } from '../model/rule-suggestions.js';
import type { BugUrlTemplate } from '../shared/bug-url.js';
import type { ExportFormat, ImportFormat, TableFormat } from '../shared/formats.js';
import { TABLE_FORMATS } from '../shared/formats.js';

/*
 * What each command of the command line takes (README.md#the-tml-command-line): the values of its
 * options and the options object parseArgs (args.ts) gives its runner.
 */

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'gitlab'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const FAIL_ON_VALUES = ['error', 'warning', 'none'] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];

export const DFD_FORMATS = ['svg', 'dot', 'mermaid', 'json'] as const;
export type DfdFormat = (typeof DFD_FORMATS)[number];

export const RULES_FORMATS = ['md', 'json'] as const;

/** How `tml report` embeds the DFDs: SVG files beside the report, or Mermaid blocks in it. */
export const REPORT_DIAGRAM_STYLES = ['svg', 'mermaid'] as const;
export type ReportDiagramStyle = (typeof REPORT_DIAGRAM_STYLES)[number];
export type RulesFormat = (typeof RULES_FORMATS)[number];

/** The values of `--rules` (docs/language.md#rules): the built-in library, the workspace's rules, both, or none. */
export const RULES_CHOICES: readonly RuleSources[] = ['builtin', 'workspace', 'all', 'none'];

/** `--rules builtin|workspace|all|none`: which rules suggest threats; default all. */
export interface RulesOption {
    readonly rules: RuleSources;
}

/** `--bug-url TEMPLATE`: links each threat's bug to the tracker (shared/bug-url.ts). */
export interface BugUrlOption {
    readonly bugUrl?: BugUrlTemplate;
}

/** `tml check`: what to check, how to print it and when to fail. */
export interface CheckOptions extends RulesOption, BugUrlOption {
    readonly paths: readonly string[];
    readonly format: CheckFormat;
    /** The least severe finding that makes the run fail, or `none`. */
    readonly failOn: FailOn;
    /** Also report mitigations whose implementedIn file changed in git after the model (`--stale`). */
    readonly stale?: true;
}

/** `tml table`'s formats: the text formats every client has, and the binary xlsx, which only the CLI writes (to `--out`). */
export const TABLE_COMMAND_FORMATS = [...TABLE_FORMATS, XLSX_FORMAT] as const;

/** `tml table`: the threat list and coverage matrix of the model, in one format, to stdout or a file. */
export interface TableOptions extends RulesOption, BugUrlOption {
    readonly paths: readonly string[];
    readonly format: TableFormat | typeof XLSX_FORMAT;
    /** The file to write instead of stdout. */
    readonly out?: string;
}

/** `tml report`: the security model document (Markdown), to stdout or a file. */
export interface ReportOptions extends RulesOption, BugUrlOption {
    readonly paths: readonly string[];
    readonly out?: string;
    /** `svg` (the default with `--out`; needs it) or `mermaid` (the default on stdout). */
    readonly diagrams: ReportDiagramStyle;
}

/** `tml dfd`: which model, which diagram, which format, where to. */
export interface DfdOptions {
    readonly paths: readonly string[];
    /** A scenario's name, or `null` for the overview of the whole model. */
    readonly scenario: string | null;
    readonly format: DfdFormat;
    /** The file to write instead of stdout. */
    readonly out?: string;
    /** Draw each top-level boundary as one node (`--collapse`, shared/dfd/collapse.ts). */
    readonly collapse?: true;
}

/** `tml init`: a starter model of the system called `title`, written to `out` (never over an existing file). */
export interface InitOptions {
    /** The system's name as given (the words after `init`); empty for the current folder's name. */
    readonly title: string;
    /** The file to write; without it, threat-model.tm in a model of its own (shared/starter-model.ts). */
    readonly out?: string;
}

/** `tml rules`: every rule in force for the model, as Markdown or JSON (docs/language.md#rules). */
export interface RulesOptions extends RulesOption {
    readonly paths: readonly string[];
    readonly format: RulesFormat;
}

/** `tml import`: one file of another tool, its format (else guessed), and the `.tm` file to write. */
export interface ImportOptions {
    readonly file: string;
    readonly from?: ImportFormat;
    readonly out?: string;
}

/** `tml export`: the model's files and the format to write. */
export interface ExportOptions {
    readonly paths: readonly string[];
    readonly format: ExportFormat;
    readonly out?: string;
}

/** What the command line asks for. */
export type CliCommand =
    // `command`: the command whose own usage to print (`tml dfd --help`); without it, the overview.
    | { readonly kind: 'help'; readonly command?: 'dfd' }
    | { readonly kind: 'version' }
    | { readonly kind: 'check'; readonly options: CheckOptions }
    | { readonly kind: 'table'; readonly options: TableOptions }
    | { readonly kind: 'report'; readonly options: ReportOptions }
    | { readonly kind: 'dfd'; readonly options: DfdOptions }
    | { readonly kind: 'init'; readonly options: InitOptions }
    | { readonly kind: 'rules'; readonly options: RulesOptions }
    | { readonly kind: 'import'; readonly options: ImportOptions }
    | { readonly kind: 'export'; readonly options: ExportOptions };

/** A command line that cannot be run; `message` is one line naming what is wrong and what is allowed. */
export interface UsageError {
    readonly kind: 'usage-error';
    readonly message: string;
}
