import { listInProse } from '../shared/prose.js';
import type { UsageError } from './options.js';

/*
 * The generic part of argument parsing: reading a command's arguments by its table of flags, and the
 * one-line usage errors that name what is wrong and what is allowed.
 */

/** How an option reads its value: none (`--stale`), one of a list (`--format json`), or any text (`--out FILE`). */
export type Flag =
    | { readonly kind: 'switch' }
    | { readonly kind: 'choice'; readonly values: readonly string[] }
    /** `expected` is what a missing-value message says the flag wants ("a file name"). */
    | { readonly kind: 'text'; readonly expected?: string };

/** The options one command takes, in the order its usage errors list them. */
export interface CommandFlags {
    readonly command: string;
    readonly flags: Readonly<Record<string, Flag>>;
}

/** The paths and option values of a command line; a switch given has the value `''`. */
export interface ParsedFlags {
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
export function parseFlags(args: readonly string[], table: CommandFlags): ParsedFlags | { readonly kind: 'help' } | UsageError {
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
export function chosen<T extends string>(values: ReadonlyMap<string, string>, name: string, allowed: readonly T[]): T | undefined {
    return allowed.find(candidate => candidate === values.get(name));
}

/** `--format=json` → `['--format', 'json']`; `--format` → `['--format', undefined]`. */
function splitFlag(arg: string): [string, string | undefined] {
    const equals = arg.indexOf('=');
    return equals < 0 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}

export function usageError(message: string): UsageError {
    return { kind: 'usage-error', message };
}
