import type { TableFormat } from '../generator/table-format.js';
import { TABLE_FORMATS } from '../generator/table-format.js';

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const FAIL_ON_VALUES = ['error', 'warning', 'none'] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];

/** Commands of DESIGN.md §5 that are specified but not built yet. */
export const PLANNED_COMMANDS = ['dfd'] as const;
export type PlannedCommand = (typeof PLANNED_COMMANDS)[number];

/** `tml check`: what to check, how to print it and when to fail. */
export interface CheckOptions {
    readonly paths: readonly string[];
    readonly format: CheckFormat;
    /** The least severe finding that makes the run fail, or `none`. */
    readonly failOn: FailOn;
    /** Also report mitigations whose implementedIn file changed in git after the model (`--stale`). */
    readonly stale?: true;
}

/** `tml table`: the threat list and coverage matrix of the model, in one format, to stdout or a file. */
export interface TableOptions {
    readonly paths: readonly string[];
    readonly format: TableFormat;
    /** The file to write instead of stdout. */
    readonly out?: string;
}

/** `tml report`: the security model document (Markdown), to stdout or a file. */
export interface ReportOptions {
    readonly paths: readonly string[];
    readonly out?: string;
}

/** What the command line asks for. */
export type CliCommand =
    | { readonly kind: 'help' }
    | { readonly kind: 'version' }
    | { readonly kind: 'check'; readonly options: CheckOptions }
    | { readonly kind: 'table'; readonly options: TableOptions }
    | { readonly kind: 'report'; readonly options: ReportOptions }
    | { readonly kind: 'planned'; readonly command: PlannedCommand };

/** A command line that cannot be run; `message` is one line naming what is wrong and what is allowed. */
export interface UsageError {
    readonly kind: 'usage-error';
    readonly message: string;
}

export const USAGE = `Usage:
  tml check  [paths…] [--format text|json|sarif] [--fail-on error|warning|none]
  tml table  [paths…] [--format md|csv|html|json] [--out FILE]          (default: md to stdout)
  tml dfd    [paths…] [--scenario NAME] [--format svg|dot|mermaid|json] [--out FILE]   (default: overview, svg)
  tml report [paths…] [--out FILE]                                      (Markdown security model)
  tml --help | tml help
  tml --version

Paths are .tm files or folders (every *.tm below, skipping node_modules and dot-folders);
the default is the current directory.
check --stale also reports each mitigation whose implementedIn file changed in git commits newer
than the last commit of its .tm file (tm/implementation-stale, information).
Exit codes: 0 ok; 1 findings at or above --fail-on (default: error); 2 usage error or unreadable input.
`;

const COMMANDS = ['check', 'table', 'dfd', 'report', 'help'] as const;

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
        default:
            if (isPlannedCommand(command)) return { kind: 'planned', command };
            return usageError(`unknown command '${command}': expected one of ${COMMANDS.join(', ')} (see 'tml --help')`);
    }
}

function parseCheck(args: readonly string[]): CliCommand | UsageError {
    const paths: string[] = [];
    let format: CheckFormat = 'text';
    let failOn: FailOn = 'error';
    let stale = false;
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
        if (arg === '--stale') {
            stale = true;
            continue;
        }
        const [flag, inlineValue] = splitFlag(arg);
        const value = inlineValue ?? args[i + 1];
        if (inlineValue === undefined) i++;
        switch (flag) {
            case '--format': {
                const parsed = parseChoice(flag, value, CHECK_FORMATS);
                if (typeof parsed !== 'string') return parsed;
                format = parsed;
                break;
            }
            case '--fail-on': {
                const parsed = parseChoice(flag, value, FAIL_ON_VALUES);
                if (typeof parsed !== 'string') return parsed;
                failOn = parsed;
                break;
            }
            default:
                return usageError(`unknown option '${flag}' for 'tml check': expected --format, --fail-on or --stale`);
        }
    }
    return { kind: 'check', options: { paths, format, failOn, ...(stale ? { stale: true } as const : {}) } };
}

/** `tml table` takes `--format` and `--out`; `tml report` only `--out` (it is always Markdown). */
function parseDocumentCommand(command: 'table' | 'report', args: readonly string[]): CliCommand | UsageError {
    const paths: string[] = [];
    let format: TableFormat = 'md';
    let out: string | undefined;
    for (let i = 0; i < args.length; i++) {
        const arg = args[i]!;
        if (arg === '--') {
            paths.push(...args.slice(i + 1));
            break;
        }
        if (arg === '--help' || arg === '-h') return { kind: 'help' };
        if (!arg.startsWith('-') || arg === '-') {
            paths.push(arg);
            continue;
        }
        const [flag, inlineValue] = splitFlag(arg);
        const value = inlineValue ?? args[i + 1];
        if (inlineValue === undefined) i++;
        if (flag === '--out') {
            if (value === undefined || value === '' || value.startsWith('--')) return usageError('missing value for --out: expected a file name');
            out = value;
        } else if (flag === '--format' && command === 'table') {
            const parsed = parseChoice(flag, value, TABLE_FORMATS);
            if (typeof parsed !== 'string') return parsed;
            format = parsed;
        } else {
            return usageError(`unknown option '${flag}' for 'tml ${command}': expected ${command === 'table' ? '--format or --out' : '--out'}`);
        }
    }
    const destination = out === undefined ? {} : { out };
    return command === 'table' ? { kind: 'table', options: { paths, format, ...destination } } : { kind: 'report', options: { paths, ...destination } };
}

/** `--format=json` → `['--format', 'json']`; `--format` → `['--format', undefined]`. */
function splitFlag(arg: string): [string, string | undefined] {
    const equals = arg.indexOf('=');
    return equals < 0 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}

function parseChoice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | UsageError {
    const expected = `expected one of ${allowed.join(', ')}`;
    // A following flag is not a value: `--format --fail-on error` lacks the format.
    if (value === undefined || value.startsWith('--')) return usageError(`missing value for ${flag}: ${expected}`);
    const choice = allowed.find(candidate => candidate === value);
    return choice ?? usageError(`invalid value '${value}' for ${flag}: ${expected}`);
}

function isPlannedCommand(command: string): command is PlannedCommand {
    return (PLANNED_COMMANDS as readonly string[]).includes(command);
}

function usageError(message: string): UsageError {
    return { kind: 'usage-error', message };
}
