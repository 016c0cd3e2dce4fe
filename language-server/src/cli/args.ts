import { XLSX_FORMAT } from '../generator/table-xlsx.js';
import { listInProse } from '../validation/report.js';
import type { BugUrlTemplate } from '../shared/bug-url.js';
import { BUG_URL_EXAMPLE, bugUrlTemplateProblem, parseBugUrlTemplate } from '../shared/bug-url.js';
import type { RuleSources } from '../model/rule-suggestions.js';
import type { ExportFormat, ImportFormat, TableFormat } from '../shared/formats.js';
import { EXPORT_FORMATS, IMPORT_FORMATS, TABLE_FORMATS } from '../shared/formats.js';

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

export const USAGE = `Usage:
  tml check  [paths…] [--format text|json|sarif|gitlab] [--fail-on error|warning|none] [--stale] [--rules R] [--bug-url T]
  tml table  [paths…] [--format md|csv|html|json|xlsx] [--out FILE] [--rules R] [--bug-url T]   (default: md to stdout; xlsx needs --out)
  tml dfd    [paths…] [--scenario NAME] [--format svg|dot|mermaid|json] [--collapse] [--out FILE]   (default: overview, svg)
  tml report [paths…] [--out FILE] [--diagrams svg|mermaid] [--rules R] [--bug-url T]   (Markdown security model)
  tml init   [system name] [--out FILE]           (a starter model; default: threat-model.tm)
  tml rules  [paths…] [--format md|json] [--rules R]                    (the rules in force; default md)
  tml import FILE [--from otm|threat-dragon|tm7] [--out FILE.tm]        (format guessed when omitted)
  tml export [paths…] --format otm|threat-dragon [--out FILE]
  tml --help | tml help
  tml --version

Paths are .tm files or folders (every *.tm below, skipping node_modules and dot-folders);
the default is the current directory.
check --stale also reports each mitigation whose implementedIn file changed in git commits newer
than the last commit of its .tm file (tm/implementation-stale, information).
--rules builtin|workspace|all|none: which rules suggest threats (tm/rule-suggests): the built-in
library, those declared in the .tm files, both (the default) or none.
--bug-url T links each threat's bug to the tracker: T is an http(s) URL with {bug} where the
bug id goes, such as ${BUG_URL_EXAMPLE} (table, report, and check --format sarif).
report --out FILE writes each diagram as an SVG file in <FILE's name>-diagrams/ beside FILE and
links it as an image (--diagrams svg, the default with --out); --diagrams mermaid embeds Mermaid
blocks instead, as on stdout.
Exit codes: 0 ok; 1 findings at or above --fail-on (default: error); 2 usage error or unreadable input.
`;

const COMMANDS = ['check', 'table', 'dfd', 'report', 'rules', 'import', 'export', 'init', 'help'] as const;

/**
 * Parses the arguments after `tml` (`process.argv.slice(2)`). Never throws: a command line that
 * cannot be run gives a {@link UsageError}.
 */
export function parseArgs(argv: readonly string[]): CliCommand | UsageError {
    const [command, ...rest] = argv;
    switch (command) {
        case undefined:
            return usageError(`missing command: expected one of ${COMMANDS.join(', ')} (see 'tml --help')`);
        case 'help':
        case '--help':
        case '-h':
            return { kind: 'help' };
        case '--version':
            return { kind: 'version' };
        case 'check':
            return parseCheck(rest);
        case 'table':
        case 'report':
            return parseDocumentCommand(command, rest);
        case 'dfd':
            return parseDfd(rest);
        case 'init':
            return parseInit(rest);
        case 'rules':
            return parseRules(rest);
        case 'import':
            return parseImport(rest);
        case 'export':
            return parseExport(rest);
        default:
            return usageError(`unknown command '${command}': expected one of ${COMMANDS.join(', ')} (see 'tml --help')`);
    }
}

function parseCheck(args: readonly string[]): CliCommand | UsageError {
    const parsed = parseFlags(args, CHECK_FLAGS);
    if (parsed.kind !== 'flags') return parsed;
    const { paths, values } = parsed;
    const format = chosen(values, '--format', CHECK_FORMATS) ?? 'text';
    const failOn = chosen(values, '--fail-on', FAIL_ON_VALUES) ?? 'error';
    if (values.has('--bug-url') && format !== 'sarif') return usageError(`--bug-url applies to 'tml check --format sarif' only, not to --format ${format}`);
    const bugUrl = bugUrlChoice(values);
    if ('kind' in bugUrl) return bugUrl;
    return { kind: 'check', options: { paths, format, failOn, rules: rulesChoice(values), ...bugUrl, ...(values.has('--stale') ? { stale: true } as const : {}) } };
}

function parseRules(args: readonly string[]): CliCommand | UsageError {
    const parsed = parseFlags(args, RULES_FLAGS);
    if (parsed.kind !== 'flags') return parsed;
    const { paths, values } = parsed;
    return { kind: 'rules', options: { paths, format: chosen(values, '--format', RULES_FORMATS) ?? 'md', rules: rulesChoice(values) } };
}

/** `{ bugUrl }` when `--bug-url` was given and is an http(s) template, nothing without it, else the usage error. */
function bugUrlChoice(values: ReadonlyMap<string, string>): BugUrlOption | UsageError {
    const text = values.get('--bug-url');
    if (text === undefined) return {};
    const parsed = parseBugUrlTemplate(text);
    return 'error' in parsed ? usageError(`invalid value for --bug-url: ${bugUrlTemplateProblem(text, parsed.error)}`) : { bugUrl: parsed };
}

function rulesChoice(values: ReadonlyMap<string, string>): RuleSources {
    return chosen(values, '--rules', RULES_CHOICES) ?? 'all';
}

/** `tml table` takes `--format` and `--out`; `tml report` `--out` and `--diagrams` (it is always Markdown). */
function parseDocumentCommand(command: 'table' | 'report', args: readonly string[]): CliCommand | UsageError {
    const parsed = parseFlags(args, command === 'table' ? TABLE_FLAGS : REPORT_FLAGS);
    if (parsed.kind !== 'flags') return parsed;
    const { paths, values } = parsed;
    const format = chosen(values, '--format', TABLE_COMMAND_FORMATS) ?? 'md';
    // A binary file on a terminal is garbage, and in a pipe it is easily mangled: xlsx is written to a file only.
    if (format === XLSX_FORMAT && !values.has('--out')) return usageError(`'tml table --format xlsx' writes a binary file: give the file to write with --out FILE.xlsx`);
    const rules = rulesChoice(values);
    const bugUrl = bugUrlChoice(values);
    if ('kind' in bugUrl) return bugUrl;
    if (command === 'table') return { kind: 'table', options: { paths, format, rules, ...bugUrl, ...destination(values) } };
    const out = destination(values);
    const diagrams = chosen(values, '--diagrams', REPORT_DIAGRAM_STYLES) ?? (out.out === undefined ? 'mermaid' : 'svg');
    if (diagrams === 'svg' && out.out === undefined) return usageError('--diagrams svg writes the diagrams as files beside the report: give --out FILE, or use --diagrams mermaid');
    return { kind: 'report', options: { paths, rules, diagrams, ...bugUrl, ...out } };
}

/** `tml dfd --help` prints the usage of dfd alone, which explains its formats. */
function parseDfd(args: readonly string[]): CliCommand | UsageError {
    const parsed = parseFlags(args, DFD_FLAGS);
    if (parsed.kind === 'help') return { kind: 'help', command: 'dfd' };
    if (parsed.kind !== 'flags') return parsed;
    const { paths, values } = parsed;
    const format = chosen(values, '--format', DFD_FORMATS) ?? 'svg';
    return { kind: 'dfd', options: { paths, scenario: values.get('--scenario') ?? null, format, ...(values.has('--collapse') ? { collapse: true } as const : {}), ...destination(values) } };
}

/** `tml init Online Store` and `tml init "Online Store"` name the same system. */
function parseInit(args: readonly string[]): CliCommand | UsageError {
    const parsed = parseFlags(args, INIT_FLAGS);
    if (parsed.kind !== 'flags') return parsed.kind === 'help' ? { kind: 'help' } : parsed;
    return { kind: 'init', options: { title: parsed.paths.join(' ').trim(), ...destination(parsed.values) } };
}

/** `tml import` reads exactly one file. */
function parseImport(args: readonly string[]): CliCommand | UsageError {
    const parsed = parseFlags(args, IMPORT_FLAGS);
    if (parsed.kind !== 'flags') return parsed;
    const { paths, values } = parsed;
    if (paths.length !== 1) return usageError(`'tml import' takes one file, ${paths.length === 0 ? 'none was given' : `${paths.length} were given`}: tml import FILE [--from ${IMPORT_FORMATS.join('|')}] [--out FILE.tm]`);
    const from = chosen(values, '--from', IMPORT_FORMATS);
    return { kind: 'import', options: { file: paths[0]!, ...(from !== undefined ? { from } : {}), ...destination(values) } };
}

/** `tml export` has no default format: the two formats serve different tools. */
function parseExport(args: readonly string[]): CliCommand | UsageError {
    const parsed = parseFlags(args, EXPORT_FLAGS);
    if (parsed.kind !== 'flags') return parsed;
    const { paths, values } = parsed;
    const format = chosen(values, '--format', EXPORT_FORMATS);
    if (format === undefined) return usageError(`missing --format for 'tml export': expected one of ${EXPORT_FORMATS.join(', ')}`);
    return { kind: 'export', options: { paths, format, ...destination(values) } };
}

/** `{ out }` when `--out` was given, else nothing: stdout. */
function destination(values: ReadonlyMap<string, string>): { readonly out?: string } {
    const out = values.get('--out');
    return out === undefined ? {} : { out };
}

/** How an option reads its value: none (`--stale`), one of a list (`--format json`), or any text (`--out FILE`). */
type Flag =
    | { readonly kind: 'switch' }
    | { readonly kind: 'choice'; readonly values: readonly string[] }
    /** `expected` is what a missing-value message says the flag wants ("a file name"). */
    | { readonly kind: 'text'; readonly expected?: string };

/** The options one command takes, in the order its usage errors list them. */
interface CommandFlags {
    readonly command: string;
    readonly flags: Readonly<Record<string, Flag>>;
}

const FILE_NAME: Flag = { kind: 'text', expected: 'a file name' };
const RULES: Flag = { kind: 'choice', values: RULES_CHOICES };
const BUG_URL: Flag = { kind: 'text', expected: `a URL template such as ${BUG_URL_EXAMPLE}` };
const CHECK_FLAGS: CommandFlags = {
    command: 'check',
    flags: { '--format': { kind: 'choice', values: CHECK_FORMATS }, '--fail-on': { kind: 'choice', values: FAIL_ON_VALUES }, '--stale': { kind: 'switch' }, '--rules': RULES, '--bug-url': BUG_URL },
};
const TABLE_FLAGS: CommandFlags = { command: 'table', flags: { '--format': { kind: 'choice', values: TABLE_COMMAND_FORMATS }, '--out': FILE_NAME, '--rules': RULES, '--bug-url': BUG_URL } };
const REPORT_FLAGS: CommandFlags = { command: 'report', flags: { '--out': FILE_NAME, '--diagrams': { kind: 'choice', values: REPORT_DIAGRAM_STYLES }, '--rules': RULES, '--bug-url': BUG_URL } };
const RULES_FLAGS: CommandFlags = { command: 'rules', flags: { '--format': { kind: 'choice', values: RULES_FORMATS }, '--rules': RULES } };
const INIT_FLAGS: CommandFlags = { command: 'init', flags: { '--out': FILE_NAME } };
const DFD_FLAGS: CommandFlags = {
    command: 'dfd',
    flags: { '--scenario': { kind: 'text', expected: 'a scenario name' }, '--format': { kind: 'choice', values: DFD_FORMATS }, '--collapse': { kind: 'switch' }, '--out': FILE_NAME },
};

const IMPORT_FLAGS: CommandFlags = { command: 'import', flags: { '--from': { kind: 'choice', values: IMPORT_FORMATS }, '--out': FILE_NAME } };
const EXPORT_FLAGS: CommandFlags = { command: 'export', flags: { '--format': { kind: 'choice', values: EXPORT_FORMATS }, '--out': FILE_NAME } };

/** The paths and option values of a command line; a switch given has the value `''`. */
interface ParsedFlags {
    readonly kind: 'flags';
    readonly paths: readonly string[];
    /** Option → its value; the last one given wins, as in most Unix tools. */
    readonly values: ReadonlyMap<string, string>;
}

/**
 * Reads the arguments after a command by its flag table: paths in any order with the options,
 * `--flag value` or `--flag=value`, everything after `--` a path, `--help`/`-h` anywhere before
 * the first problem. The first problem from the left is the usage error.
 */
function parseFlags(args: readonly string[], table: CommandFlags): ParsedFlags | { readonly kind: 'help' } | UsageError {
    const paths: string[] = [];
    const values = new Map<string, string>();
    for (let i = 0; i < args.length; i++) {
        const arg = args[i]!;
        if (arg === '--') {
            // Everything after `--` is a path, even if it starts with a dash.
            paths.push(...args.slice(i + 1));
            break;
        }
        if (arg === '--help' || arg === '-h') return { kind: 'help' };
        if (!arg.startsWith('-') || arg === '-') {
            paths.push(arg);
            continue;
        }
        const [name, inlineValue] = splitFlag(arg);
        const flag = Object.hasOwn(table.flags, name) ? table.flags[name] : undefined;
        if (!flag || (flag.kind === 'switch' && inlineValue !== undefined)) return usageError(unknownOption(table, name));
        if (flag.kind === 'switch') {
            values.set(name, '');
            continue;
        }
        const value = inlineValue ?? args[++i];
        if (value === undefined || isMissing(value, flag)) return usageError(missingValue(name, flag));
        if (flag.kind === 'choice' && !flag.values.includes(value)) {
            return usageError(`invalid value '${value}' for ${name}: expected one of ${flag.values.join(', ')}`);
        }
        values.set(name, value);
    }
    return { kind: 'flags', paths, values };
}

/** A flag is no value, even after `=` (`--format --fail-on error`, `--out=--x`), and an empty text is none (`--out=`). */
function isMissing(value: string, flag: Flag): boolean {
    return value.startsWith('--') || (value === '' && flag.kind === 'text');
}

function missingValue(name: string, flag: Flag): string {
    const expected = flag.kind === 'choice' ? `one of ${flag.values.join(', ')}` : flag.kind === 'text' ? flag.expected : undefined;
    return expected === undefined ? `missing value for ${name}` : `missing value for ${name}: expected ${expected}`;
}

function unknownOption(table: CommandFlags, name: string): string {
    return `unknown option '${name}' for 'tml ${table.command}': expected ${listInProse(Object.keys(table.flags), 'or')}`;
}

/** The value given for a choice flag, typed as one of its values; undefined if not given. */
function chosen<T extends string>(values: ReadonlyMap<string, string>, name: string, allowed: readonly T[]): T | undefined {
    return allowed.find(candidate => candidate === values.get(name));
}

/** `--format=json` → `['--format', 'json']`; `--format` → `['--format', undefined]`. */
function splitFlag(arg: string): [string, string | undefined] {
    const equals = arg.indexOf('=');
    return equals < 0 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}

function usageError(message: string): UsageError {
    return { kind: 'usage-error', message };
}
