import * as fc from 'fast-check';

/**
 * Pieces that are special somewhere: Markdown and GFM table syntax, HTML, character references,
 * CSV quoting and formula triggers, line breaks of every kind, and whitespace that parsers trim.
 */
const TRICKY_PIECES = [
    '|', '\\', '`', '``', '[', ']', '(', ')', '<', '>', '&', '*', '**', '_', '~~', '#', '!', '-', '+', '=', '@', ':', '.',
    '"', "'", ',', ';', '\n', '\r', '\r\n', '\t', ' ', '  ', '\u00A0', '\u2028', '\0', '\u0001', 'a', 'Z', '1.', '2)', '---',
    '<br>', '<script>alert(1)</script>', '&amp;', '&#32;', '&lt;', '\\|', '\\\\', 'https://x.example/a_b', 'www.x.example',
    '=HYPERLINK("http://x")', '@SUM(A1)', '-1+1', 'é', '😀', '\uFEFF',
];

const trickyText = fc.array(fc.constantFrom(...TRICKY_PIECES), { maxLength: 24 }).map(pieces => pieces.join(''));

/** Random model text: any Unicode, printable ASCII, or strings built from tricky pieces. */
export const modelText: fc.Arbitrary<string> = fc.oneof(
    { arbitrary: trickyText, weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
);

/** Each property runs at least this often (the acceptance asks for 1,000). */
export const PROPERTY_RUNS = 1000;
