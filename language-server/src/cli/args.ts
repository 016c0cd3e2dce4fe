import { BUG_URL_EXAMPLE, bugUrlTemplateProblem, parseBugUrlTemplate } from '../shared/bug-url.js';
import { XLSX_FORMAT } from '../generator/table-xlsx.js';
import type { RuleSources } from '../model/rule-suggestions.js';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../shared/formats.js';
import type { CommandFlags, Flag } from './flags.js';
import { chosen, parseFlags, usageError } from './flags.js';
import type { BugUrlOption, CliCommand, UsageError } from './options.js';
import { CHECK_FORMATS, DFD_FORMATS, FAIL_ON_VALUES, REPORT_DIAGRAM_STYLES, RULES_CHOICES, RULES_FORMATS, TABLE_COMMAND_FORMATS } from './options.js';

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
