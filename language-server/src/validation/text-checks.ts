import type { AstNode, CstNode, ValidationAcceptor } from 'langium';
import { CstUtils, GrammarUtils } from 'langium';
import type { Model } from '../generated/ast.js';
import { isDfdElement, isExclude, isTreeGate, isTreeLeaf } from '../generated/ast.js';
import { describeElementInProse } from '../model/stride.js';
import { describeCodePoint, invisibleCodePoints, invisibleOffsets } from '../model/visible-text.js';
import { IssueCodes } from './issue-codes.js';
import { quote } from './quote.js';
import { diagnose } from './diagnose.js';
import { capitalise, listInProse } from '../shared/prose.js';

/** How a message names the kind of a declaration that holds a string (DFD elements: model/stride.ts). */
const DECLARATION_WORDS: Readonly<Record<string, string>> = {
    System: 'system',
    Assumption: 'assumption',
    Dependency: 'dependency',
    Asset: 'asset',
    Boundary: 'trust boundary',
    Scenario: 'scenario',
    Threat: 'threat',
    Mitigation: 'mitigation',
    Rule: 'rule',
};

/** The hidden tokens that are comments (the others are white space). */
export const COMMENT_TOKENS: ReadonlySet<string> = new Set(['SL_COMMENT', 'ML_COMMENT']);

/** A message names at most this many distinct characters, and counts the others. */
const MAX_NAMED = 5;

/**
 * `tm/invisible-character`: a string or a comment that holds a character which changes how text
 * displays without being seen (a bidirectional control such as U+202E, a zero-width character, a
 * control character; model/visible-text.ts). Outputs show such characters as `<U+XXXX>`; in the
 * editor the text shows reordered or hides a difference, and in a comment a bidirectional control
 * can make code look like a comment ("Trojan Source"). Reported on the string or comment, naming
 * each character by its code point. Only characters written as they are count: an escape such as
 * `\0` is visible in the source already.
 */
export function checkInvisibleCharacters(model: Model, accept: ValidationAcceptor): void {
    const root = model.$cstNode;
    if (!root) return;
    // From the characters to their tokens, not token by token: most files have none, and a large
    // file's hundreds of thousands of tokens would take a noticeable part of its validation.
    // The whole text: a comment after the last declaration lies beyond the root node's range.
    let examinedUpTo = -1;
    for (const offset of invisibleOffsets(root.root.fullText)) {
        if (offset < examinedUpTo) continue;
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        // White space between tokens (U+2028 and U+FEFF are white space to the lexer) has no token.
        if (!leaf || leaf.offset > offset || leaf.end <= offset) continue;
        examinedUpTo = leaf.end;
        checkToken(leaf, accept);
    }
}

/** The finding on one string or comment token, if it holds an invisible character. */
function checkToken(leaf: CstNode, accept: ValidationAcceptor): void {
    const token = (leaf as { tokenType?: { name?: string } }).tokenType?.name;
    const comment = token !== undefined && COMMENT_TOKENS.has(token);
    if (token !== 'STRING' && !comment) return;
    const found = invisibleCodePoints(leaf.text);
    if (found.length === 0) return;
    const named = found.slice(0, MAX_NAMED).map(describeCodePoint);
    if (found.length > MAX_NAMED) named.push(`${found.length - MAX_NAMED} other invisible characters`);
    const characters = listInProse(named);
    const message = comment
        ? `This comment contains ${characters}, which changes how the text displays without being seen: it can make code read as a comment, or a comment as code. Remove it.`
        : `${capitalise(stringDescription(leaf))} contains ${characters}, which changes how the text displays without being seen. Remove it, or write what you mean in visible characters.`;
    diagnose(accept, IssueCodes.InvisibleCharacter, message, { node: leaf.astNode, range: leaf.range });
}

/** "the title of threat 'T'", "the reason of the exclude of Repudiation", "a node title of the threat tree of threat 'T'". */
function stringDescription(leaf: CstNode): string {
    const node = leaf.astNode;
    const feature = GrammarUtils.findAssignment(leaf)?.feature ?? 'text';
    if (isExclude(node)) return `the reason of the exclude of ${listInProse(node.categories) || 'a category'}`;
    if (isTreeGate(node) || isTreeLeaf(node)) return `a title in the threat tree of ${ownerDescription(node)}`;
    return `the ${feature} of ${ownerDescription(node)}`;
}

/** "threat 'T'": the nearest declaration around `node`, by its kind and name. */
function ownerDescription(node: AstNode): string {
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        if (isDfdElement(current)) return describeElementInProse(current);
        const word = DECLARATION_WORDS[current.$type];
        const name = (current as { name?: unknown }).name;
        if (word !== undefined) return typeof name === 'string' ? `${word} ${quote(name)}` : `a ${word}`;
    }
    return 'a declaration';
}

