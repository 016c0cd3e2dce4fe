import type { LangiumDocument, Lexer } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultRenameProvider } from 'langium/lsp';
import type { RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

/**
 * Langium's rename (the declaration and every reference, in every file, thanks to the global
 * index), refusing a new name that would not lex as one identifier: a keyword such as `threat`, or
 * text with spaces, would turn every renamed place into a syntax error.
 */
export class ThreatModelRenameProvider extends DefaultRenameProvider {
    private readonly lexer: Lexer;

    constructor(services: LangiumServices) {
        super(services);
        this.lexer = services.parser.Lexer;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        if (!this.isIdentifier(params.newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `'${params.newName}' is not a valid name: use letters, digits and '_', not starting with a digit, and not a keyword.`);
        }
        return super.rename(document, params);
    }

    private isIdentifier(text: string): boolean {
        const { tokens, errors } = this.lexer.tokenize(text);
        return errors.length === 0 && tokens.length === 1 && tokens[0]?.tokenType.name === 'ID' && tokens[0].image === text;
    }
}
