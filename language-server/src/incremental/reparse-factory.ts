import type { AstNode, LangiumDocument, LangiumParser, Mutable, ParseResult } from 'langium';
import { DefaultLangiumDocumentFactory, DocumentState } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import { isModel } from '../generated/ast.js';
import { hasSyntaxErrors, reparse } from './reparse.js';
import { FastThreatModelParser } from '../parser/fast/fast-parser.js';

/**
 * Langium's document factory, which parses a file open in the editor again after an edit by
 * parsing only the declaration the edit falls inside, where it can (incremental/reparse.ts): at
 * thousands of declarations, parsing the whole file (and collecting the old tree) was most of
 * the time from a keystroke to its findings (docs/performance.md#keystroke-validation).
 * Files not open in the editor are parsed whole, as Langium does. A file whose previous version
 * had a syntax error most likely has one still while its user types: it goes to Langium's parser
 * straight away, not through the fast parser, which would only read up to the error
 * (docs/performance.md#parsing).
 */
export class ReparsingDocumentFactory extends DefaultLangiumDocumentFactory {
    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const textDocument = this.textDocuments?.get(document.uri.toString());
        const previous = document.parseResult as ParseResult<AstNode>;
        // Langium unlinked the document's references when it reset it to be parsed again: the nodes
        // the splice keeps are linked again with the rest.
        if (!textDocument || document.references.length > 0 || !isModel(previous.value)) return super.update(document, cancellationToken);
        const parser = this.serviceRegistry.getServices(document.uri).parser.LangiumParser;
        const text = textDocument.getText();
        const parsed = hasSyntaxErrors(previous) ? parseExpectingErrors(parser, text) : reparse(parser, previous as ParseResult<Model>, text);
        if (!parsed) return super.update(document, cancellationToken);
        // As Langium's update does.
        Object.defineProperty(document, 'textDocument', { value: textDocument });
        (parsed.value as Mutable<Model>).$document = document;
        document.parseResult = parsed as unknown as ParseResult<T>;
        document.state = DocumentState.Parsed;
        return document;
    }
}

/** A parse of a text that most likely has a syntax error, with the parser that reports it. */
function parseExpectingErrors(parser: LangiumParser, text: string): ParseResult<AstNode> {
    const service: unknown = parser;
    return service instanceof FastThreatModelParser ? service.parseExpectingErrors(text) : parser.parse(text);
}
