import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { AstUtils, GrammarAST } from 'langium';
import { ThreatModelLanguageGrammar } from '../../../language-server/src/generated/grammar.js';

/** The repository root (this file runs from out/tsc/test/unit/helpers/). */
const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

/**
 * The seed of every fuzz run: fixed, so that CI runs the same inputs every time; `FUZZ_SEED=<n>`
 * explores others (a failure prints the seed and path to replay it).
 */
export const FUZZ_SEED = Number(process.env['FUZZ_SEED'] ?? 20261206);

/** Inputs per generator: the CI default, or `FUZZ_RUNS=<n>` for every generator. */
export function fuzzRuns(ciDefault: number): number {
    const asked = Number(process.env['FUZZ_RUNS']);
    return Number.isInteger(asked) && asked > 0 ? asked : ciDefault;
}

/** Every keyword of the grammar (as langium-cli generated it), punctuation included. */
export const GRAMMAR_KEYWORDS: readonly string[] = [...new Set(AstUtils.streamAllContents(ThreatModelLanguageGrammar())
    .filter(GrammarAST.isKeyword).map(keyword => keyword.value))].sort();

/** A `.tm` file of the repository, by its path relative to the repository. */
export interface ExampleFile {
    readonly path: string;
    readonly text: string;
}

/** Every model of examples/ and test/fixtures/ (the fuzz fixtures included), sorted by path. */
export function exampleFiles(): ExampleFile[] {
    const below = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
        entry.isDirectory() ? below(join(dir, entry.name)) : entry.name.endsWith('.tm') ? [join(dir, entry.name)] : []);
    return [...below(join(REPO_ROOT, 'examples')), ...below(join(REPO_ROOT, 'test/fixtures'))]
        .map(file => ({ path: relative(REPO_ROOT, file), text: readFileSync(file, 'utf8') }))
        .sort((a, b) => a.path.localeCompare(b.path));
}

// ---- Random bytes ------------------------------------------------------------------------------

/** Random bytes, as an editor opening a binary file would see them. */
export const randomBytes = fc.uint8Array({ maxLength: 600 });

/** The two ways a text can come from bytes: UTF-8 (invalid sequences become U+FFFD) and latin1. */
export function decodings(bytes: Uint8Array): string[] {
    const buffer = Buffer.from(bytes);
    return [new TextDecoder('utf-8').decode(buffer), buffer.toString('latin1')];
}

// ---- Token soup --------------------------------------------------------------------------------

const NAMES = ['A', 'B', 'Customer', 'Storefront', 'OrdersDb', 'PlaceOrder', 'SecureCookies', 'CardData', 'Checkout', '_', '__proto__'];

const identifier = fc.oneof(
    { arbitrary: fc.constantFrom(...NAMES), weight: 3 },
    { arbitrary: fc.stringMatching(/^[_a-zA-Z]\w{0,12}$/), weight: 1 },
);
const stringLiteral = fc.oneof(
    fc.string({ maxLength: 12 }).map(s => JSON.stringify(s)),
    fc.constantFrom('""', '"t"', '"open', '"a\\"b"', '"\\\\"', '"src/a.ts#L1"', '"//host/x"', '"../../etc/passwd"', '"\u202e"'),
);
const number = fc.oneof(fc.integer({ min: -20, max: 20 }).map(String), fc.constantFrom('99999999999999999999', '007', '-0', '1e5'));
const punctuation = fc.constantFrom('{', '}', '"', '\\', '/*', '*/', '//', '#', '@', '\u0000', '\u2028');
const separator = fc.constantFrom(' ', ' ', '\n', '\t', '', '\r\n');

/** One token of tml or something near one. */
const token = fc.oneof(
    { arbitrary: fc.constantFrom(...GRAMMAR_KEYWORDS), weight: 6 },
    { arbitrary: identifier, weight: 4 },
    { arbitrary: stringLiteral, weight: 2 },
    { arbitrary: number, weight: 2 },
    { arbitrary: punctuation, weight: 1 },
);

/**
 * Declarations of the grammar with random names, strings and numbers in their holes: they get
 * past the parser into the validators and generators, which whole soups of tokens rarely do.
 */
const phrase = fc.oneof(
    fc.tuple(identifier, stringLiteral, stringLiteral, stringLiteral).map(([n, t, a, b]) => `mitigation ${n} ${t} { implementedIn ${a} verifiedBy ${b} status verified }`),
    fc.tuple(identifier, identifier, identifier, stringLiteral).map(([n, a, b, t]) => `flow ${n}: ${a} -> ${b} ${t}`),
    fc.tuple(identifier, stringLiteral, identifier, fc.array(number, { minLength: 5, maxLength: 5 })).map(([n, t, target, [d, r, e, a, di]]) =>
        `threat ${n} ${t} { stride Spoofing targets ${target} dread { damage ${d} reproducibility ${r} exploitability ${e} affectedUsers ${a} discoverability ${di} } }`),
    fc.tuple(fc.constantFrom('external', 'process', 'datastore', 'asset', 'boundary', 'scenario', 'system'), identifier, stringLiteral)
        .map(([kind, n, t]) => `${kind} ${n} ${t}`),
);

/** Tokens of the grammar in any order: reaches the validators far more often than random bytes. */
export const tokenSoup = fc.array(fc.tuple(fc.oneof({ arbitrary: token, weight: 12 }, { arbitrary: phrase, weight: 1 }), separator), { maxLength: 120 })
    .map(parts => parts.map(([t, s]) => t + s).join(''));

// ---- Mutations of the examples -----------------------------------------------------------------

/** One edit of a text, positions as fractions of its length so that they fit any text. */
type Mutation =
    | { readonly kind: 'delete' | 'duplicate'; readonly at: number; readonly length: number }
    | { readonly kind: 'insert'; readonly at: number; readonly text: string }
    | { readonly kind: 'swap'; readonly at: number; readonly other: number; readonly length: number }
    | { readonly kind: 'truncate'; readonly at: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const spanLength = fc.oneof(fc.nat({ max: 20 }), fc.nat({ max: 400 }));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fraction, length: spanLength }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fraction, length: spanLength }),
    fc.record({ kind: fc.constant('insert' as const), at: fraction, text: fc.oneof(token, tokenSoup) }),
    fc.record({ kind: fc.constant('swap' as const), at: fraction, other: fraction, length: spanLength }),
    { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }), weight: 1 },
);

function mutate(text: string, m: Mutation): string {
    const at = Math.floor(m.at * text.length);
    switch (m.kind) {
        case 'delete': return text.slice(0, at) + text.slice(at + m.length);
        case 'duplicate': return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
        case 'insert': return text.slice(0, at) + m.text + text.slice(at);
        case 'truncate': return text.slice(0, at);
        case 'swap': {
            const [a, b] = [at, Math.floor(m.other * text.length)].sort((x, y) => x - y) as [number, number];
            const length = Math.min(m.length, b - a);
            return text.slice(0, a) + text.slice(b, b + length) + text.slice(a + length, b) + text.slice(a, a + length) + text.slice(b + length);
        }
    }
}

/**
 * One example with one to five random edits: almost-valid models, deep in the validators. A
 * counterexample prints as the example's path and the edits, not as the whole text.
 */
export function mutatedExample(examples: readonly ExampleFile[]): fc.Arbitrary<ExampleFile> {
    return fc.tuple(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 5 }))
        .map(([example, mutations]) => ({
            path: example.path,
            text: mutations.reduce(mutate, example.text),
            [fc.toStringMethod]: () => `${example.path} with ${JSON.stringify(mutations)}`,
        }));
}
