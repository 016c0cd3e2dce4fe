import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { LangiumDocument } from 'langium';
import { DefaultDocumentValidator, EmptyFileSystem, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';
import { ThreatModelDocumentValidator } from '../../language-server/src/validation/document-validator.js';
import { ThreatModelValidationRegistry } from '../../language-server/src/validation/validation-registry.js';
import type { ThreatModelAstType } from '../../language-server/src/generated/ast.js';

const DESIGN_EXAMPLE = readFileSync(new URL('../../../../test/fixtures/design/online-store.tm', import.meta.url), 'utf8');

type Services = ReturnType<typeof createThreatModelServices>;

/** Services of their own, so that the failures injected here reach no other test. */
function freshServices(): Services {
    return createThreatModelServices(EmptyFileSystem);
}

let counter = 0;

async function build(services: Services, text: string): Promise<LangiumDocument> {
    const { shared } = services;
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///workspace/internal-${counter++}.tm`));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

/** Runs `action` with console.error captured, and returns what it logged. */
async function capturingErrors(action: () => Promise<void>): Promise<string[]> {
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => { logged.push(args.map(String).join(' ')); };
    try {
        await action();
    } finally {
        console.error = consoleError;
    }
    return logged;
}

function internalErrors(diagnostics: readonly Diagnostic[] | undefined): Diagnostic[] {
    return (diagnostics ?? []).filter(d => d.code === 'tm/internal-error');
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const TAIL = 'Its other findings may be incomplete; please report this.';

/** An internal failure of validation is an error finding, never silence. */
describe('a failure inside validation', () => {
    it('of one check is a tm/internal-error error at the start of the file, naming the check, and the other findings stay', async () => {
        const services = freshServices();
        services.ThreatModel.validation.ValidationRegistry.register<ThreatModelAstType>({
            Threat: () => { throw new Error('boom\n    at somewhere'); },
        });
        let document: LangiumDocument | undefined;
        const logged = await capturingErrors(async () => { document = await build(services, DESIGN_EXAMPLE); });
        assert.deepEqual(internalErrors(document?.diagnostics).map(({ message, range, severity, data }) => ({ message, range, severity, data })), [
            { message: `tml could not finish checking this file: a check of Threat 'SessionHijack' failed: boom. ${TAIL}`, range: START, severity: 1, data: { code: 'tm/internal-error' } },
            { message: `tml could not finish checking this file: a check of Threat 'OrderTamper' failed: boom. ${TAIL}`, range: START, severity: 1, data: { code: 'tm/internal-error' } },
        ]);
        assert.equal(document?.diagnostics?.filter(d => d.code === 'tm/stride-missing').length, 4);
        assert.ok(!document?.diagnostics?.some(d => d.message.startsWith('An error occurred')));
        assert.equal(logged.length, 2, 'the stack of each failure is logged, for the report');
        assert.match(logged[0]!, /^Error: boom/);
    });

    it('of the whole validation is one tm/internal-error error at the start of the file, with the syntax errors found before it', async () => {
        const services = freshServices();
        const validator = services.ThreatModel.validation.DocumentValidator as unknown as { validateAst: () => Promise<Diagnostic[]> };
        validator.validateAst = () => Promise.reject(new RangeError('Maximum call stack size exceeded'));
        let document: LangiumDocument | undefined;
        const logged = await capturingErrors(async () => { document = await build(services, 'asset A "a"\nflow'); });
        assert.deepEqual(document?.diagnostics?.map(({ message, range, code }) => ({ message, range, code })), [
            {
                message: 'A name should come here, not the end of the file. A flow is written: flow Name: Source -> Target "title" { … }.',
                range: { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } },
                code: undefined,
            },
            { message: `tml could not finish checking this file: Maximum call stack size exceeded. ${TAIL}`, range: START, code: 'tm/internal-error' },
        ]);
        assert.equal(logged.length, 1);
    });

    it('caps the failure\'s message at its first line and 80 characters', async () => {
        const services = freshServices();
        services.ThreatModel.validation.ValidationRegistry.register<ThreatModelAstType>({ Asset: () => { throw new Error(`${'x'.repeat(200)}\nsecond`); } });
        let document: LangiumDocument | undefined;
        await capturingErrors(async () => { document = await build(services, 'asset A "a"'); });
        assert.deepEqual(internalErrors(document?.diagnostics).map(d => d.message), [
            `tml could not finish checking this file: a check of Asset 'A' failed: ${'x'.repeat(79)}…. ${TAIL}`,
        ]);
    });
});

/** House style: where tml replaces a Langium internal, prove the replacement is installed and agrees with Langium. */
describe('the replaced validation internals', () => {
    it('are installed', () => {
        const { ThreatModel } = freshServices();
        assert.ok(ThreatModel.validation.DocumentValidator instanceof ThreatModelDocumentValidator);
        assert.ok(ThreatModel.validation.ValidationRegistry instanceof ThreatModelValidationRegistry);
    });

    const inputs: Record<string, string> = {
        'the DESIGN example': DESIGN_EXAMPLE,
        'a file with lexer, parser and linking errors': 'asset A "a"\nflow F: A -> Nowhere "f" § \nthreat "unterminated',
        'a file of stray braces': '}}} {',
    };
    for (const [name, text] of Object.entries(inputs)) {
        it(`give Langium's validateDocument result on ${name}`, async () => {
            const services = freshServices();
            const document = await build(services, text);
            const validator = services.ThreatModel.validation.DocumentValidator;
            const ours = await validator.validateDocument(document);
            const langiums = await DefaultDocumentValidator.prototype.validateDocument.call(validator, document);
            assert.ok(ours.length > 0);
            assert.deepEqual(ours, langiums);
        });
    }
});
