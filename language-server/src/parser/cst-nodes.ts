import type { IToken } from 'chevrotain';
import { LeafCstNodeImpl } from 'langium';
import type { Range } from 'vscode-languageserver';

/**
 * A leaf of the syntax tree whose LSP range is made from its token's position the first time it is
 * asked for. Most leaves never are (only names, references and the nodes findings point at), and
 * making three objects per token up front was a good part of the parser's garbage.
 */
export class TokenLeafCstNode extends LeafCstNodeImpl {
    private readonly startLine: number;
    private readonly startColumn: number;
    private readonly endLine: number;
    private readonly endColumn: number;
    private lazyRange: Range | undefined;

    constructor(token: IToken, hidden: boolean) {
        // The range is computed by the getter below; the base class's copy stays unset.
        super(token.startOffset, token.image.length, undefined as unknown as Range, token.tokenType, hidden);
        // Chevrotain counts lines and columns from 1, the LSP from 0; endColumn is inclusive.
        this.startLine = (token.startLine ?? 1) - 1;
        this.startColumn = (token.startColumn ?? 1) - 1;
        this.endLine = (token.endLine ?? 1) - 1;
        this.endColumn = token.endColumn ?? 0;
    }

    override get range(): Range {
        this.lazyRange ??= {
            start: { line: this.startLine, character: this.startColumn },
            end: { line: this.endLine, character: this.endColumn },
        };
        return this.lazyRange;
    }
}
