import type { TokenType } from 'chevrotain';
import { tooDeepAt } from '../nesting-depth.js';
import { matchString } from '../token-builder.js';

/**
 * Tokens as columns: per token its type number, offset and length, and no object. The fast
 * parser needs nothing else of a token, and the objects of Chevrotain's lexer, all alive until
 * the parse ends, were about a third of what the garbage collector copied while a file was parsed.
 */
export class TokenColumns {
    count = 0;
    /** One more than the tokens: the parser puts the end of the input after the last. */
    types: Uint16Array;
    offsets: Uint32Array;
    lengths: Uint32Array;

    constructor(capacity: number) {
        this.types = new Uint16Array(capacity + 1);
        this.offsets = new Uint32Array(capacity);
        this.lengths = new Uint32Array(capacity);
    }

    push(type: number, offset: number, length: number): void {
        if (this.count === this.offsets.length) this.grow();
        this.types[this.count] = type;
        this.offsets[this.count] = offset;
        this.lengths[this.count++] = length;
    }

    private grow(): void {
        const capacity = this.offsets.length * 2 + 16;
        const types = new Uint16Array(capacity + 1);
        types.set(this.types);
        this.types = types;
        const offsets = new Uint32Array(capacity);
        offsets.set(this.offsets);
        this.offsets = offsets;
        const lengths = new Uint32Array(capacity);
        lengths.set(this.lengths);
        this.lengths = lengths;
    }
}

/** What the lexer read: the tokens the parser consumes, and the hidden ones (comments). */
export interface ReadTokens {
    readonly tokens: TokenColumns;
    readonly hidden: TokenColumns;
}

/** The terminal rules the fast lexer reads, by name, with the source of their regular expression. */
const TERMINALS: Readonly<Record<string, string>> = {
    WS: '\\s+',
    ID: '[_a-zA-Z][\\w]*',
    INT: '[0-9]+',
    ML_COMMENT: '\\/\\*[\\s\\S]*?\\*\\/',
    SL_COMMENT: '\\/\\/[^\\n\\r]*',
};

const WORD_KEYWORD = /^[_a-zA-Z]\w*$/;
/** Characters that start a terminal other than a word or a punctuation keyword: a digit, `"`, `/` or white space. */
const STARTS_TERMINAL = /^[\d"/\s]/;

/**
 * A lexer for tml's tokens that gives exactly the tokens of Chevrotain's lexer (Langium's, with
 * tml's token builder) for any text it reads, and gives up on anything else (a character no token
 * starts with, an unclosed comment or string, nesting too deep): the caller then has Chevrotain's
 * lexer read the text, whose errors and messages are the ones users see. It reads the lexer's
 * definition, not a copy of it: {@link FastLexer.of} accepts only a definition of the form it
 * knows (keywords as strings before the terminals, words with ID as the longer alternative, and
 * the terminals of {@link TERMINALS} and STRING), and otherwise there is no fast lexer.
 * Chevrotain tries the patterns in order and takes the first that matches, then a keyword's
 * longer alternative if it matches more: so a word is a keyword when it is one and no keyword
 * before it in the order is a prefix of it, and an ID otherwise.
 * test/unit/perf/fast-lexer.test.ts compares it with Chevrotain's lexer.
 */
export class FastLexer {
    private constructor(
        /** The words that are keywords, with their type numbers. */
        private readonly keywords: ReadonlyMap<string, number>,
        /** The other keywords, in the lexer's order. */
        private readonly punctuation: readonly { readonly text: string; readonly type: number }[],
        private readonly types: Readonly<Record<string, number>>,
        /** Per type number, its name. */
        private readonly names: readonly string[],
    ) {}

    /**
     * The fast lexer for the token types of a lexer (Langium's lexer `definition`), if it can read
     * them; `skipped` is the group of Chevrotain's lexer for tokens it drops (its `Lexer.SKIPPED`).
     */
    static of(definition: Readonly<Record<string, TokenType>>, skipped: string): FastLexer | undefined {
        const keywords = new Map<string, number>();
        const words: string[] = [];
        const punctuation: { text: string; type: number }[] = [];
        const types: Record<string, number> = {};
        const names: string[] = [];
        let terminalsBegun = false;
        for (const [name, type] of Object.entries(definition)) {
            const idx = type.tokenTypeIdx;
            if (idx === undefined || type.CATEGORIES?.length || type.PUSH_MODE || type.POP_MODE) return undefined;
            names[idx] = type.name;
            const pattern = type.PATTERN;
            if (typeof pattern === 'string') {
                if (terminalsBegun || name !== pattern) return undefined;
                const longer = type.LONGER_ALT === undefined ? [] : Array.isArray(type.LONGER_ALT) ? type.LONGER_ALT : [type.LONGER_ALT];
                if (WORD_KEYWORD.test(pattern)) {
                    if (longer.length !== 1 || longer[0]!.name !== 'ID') return undefined;
                    // A keyword after one that is its prefix is never read as a keyword.
                    if (!words.some(word => pattern.startsWith(word))) keywords.set(pattern, idx);
                    words.push(pattern);
                } else {
                    if (longer.length > 0 || pattern.length === 0 || /\w/.test(pattern[0]!) || STARTS_TERMINAL.test(pattern)) return undefined;
                    punctuation.push({ text: pattern, type: idx });
                }
                continue;
            }
            terminalsBegun = true;
            const group = name === 'WS' ? skipped : name.endsWith('_COMMENT') ? 'hidden' : undefined;
            const known = pattern instanceof RegExp
                ? TERMINALS[name] === pattern.source && pattern.flags === '' && type.GROUP === group
                : name === 'STRING' && pattern === matchString && type.GROUP === undefined;
            if (!known || types[name] !== undefined) return undefined;
            types[name] = idx;
        }
        const all = [...Object.keys(TERMINALS), 'STRING'];
        return all.every(name => types[name] !== undefined) ? new FastLexer(keywords, punctuation, types, names) : undefined;
    }

    /** The tokens of `text`, or undefined: the text has something Chevrotain's lexer reports as an error, or is nested too deeply. */
    read(text: string): ReadTokens | undefined {
        const { types } = this;
        const tokens = new TokenColumns((text.length >> 3) + 16);
        const hidden = new TokenColumns(16);
        const end = text.length;
        // Runs of characters are matched with sticky regular expressions: V8 runs them as machine
        // code from the first call, where a loop over the characters would be interpreted at first.
        const word = /[_a-zA-Z]\w*/y;
        const space = /\s+/y;
        const digits = /[0-9]+/y;
        let offset = 0;
        while (offset < end) {
            const c = text.charCodeAt(offset);
            if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f) {
                word.lastIndex = offset;
                word.test(text);
                const after = word.lastIndex;
                tokens.push(this.keywords.get(text.slice(offset, after)) ?? types['ID']!, offset, after - offset);
                offset = after;
            } else if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && SPACE.test(text.charAt(offset)))) {
                space.lastIndex = offset;
                space.test(text);
                offset = space.lastIndex;
            } else if (c >= 0x30 && c <= 0x39) {
                digits.lastIndex = offset;
                digits.test(text);
                tokens.push(types['INT']!, offset, digits.lastIndex - offset);
                offset = digits.lastIndex;
            } else if (c === 0x22 /* " */) {
                const match = matchString(text, offset);
                if (!match) return undefined;
                tokens.push(types['STRING']!, offset, match[0].length);
                offset += match[0].length;
            } else if (c === 0x2f /* / */) {
                const next = text.charCodeAt(offset + 1);
                let after: number;
                if (next === 0x2a /* * */) {
                    const close = text.indexOf('*/', offset + 2);
                    if (close < 0) return undefined;
                    after = close + 2;
                } else if (next === 0x2f) {
                    const lineEnd = text.slice(offset).search(/[\n\r]/);
                    after = lineEnd < 0 ? end : offset + lineEnd;
                } else {
                    return undefined;
                }
                hidden.push(next === 0x2a ? types['ML_COMMENT']! : types['SL_COMMENT']!, offset, after - offset);
                offset = after;
            } else {
                const keyword = this.punctuation.find(candidate => text.startsWith(candidate.text, offset));
                if (!keyword) return undefined;
                tokens.push(keyword.type, offset, keyword.text.length);
                offset += keyword.text.length;
            }
        }
        if (tooDeepAt(tokens.count, index => this.names[tokens.types[index]!]!) >= 0) return undefined;
        return { tokens, hidden };
    }
}

/** White space, as a regular expression reads it: for characters past ASCII. */
const SPACE = /\s/;
