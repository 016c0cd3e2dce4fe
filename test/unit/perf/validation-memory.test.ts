import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AstNode, LangiumDocument, ValidationAcceptor, ValidationCheck } from 'langium';
import { AstUtils, EmptyFileSystem, OperationCancelled, URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { collectGarbage } from '../../../language-server/src/cli/collect-garbage.js';
import type { ThreatModelAstType } from '../../../language-server/src/generated/ast.js';
import { isAsset } from '../../../language-server/src/generated/ast.js';
import { createThreatModelServices } from '../../../language-server/src/threat-model-module.js';
import { ThreatModelDocumentValidator } from '../../../language-server/src/validation/document-validator.js';
import { flatString } from '../../../language-server/src/validation/flat-string.js';
import { ThreatModelValidationRegistry } from '../../../language-server/src/validation/validation-registry.js';

const DESIGN_EXAMPLE = readFileSync(new URL('../../../../../test/fixtures/design/online-store.tm', import.meta.url), 'utf8');

let counter = 0;

async function build(services: ReturnType<typeof createThreatModelServices>, text: string): Promise<LangiumDocument> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///workspace/memory-${counter++}.tm`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

/** The checks of `type` that `register` adds (they come before the checks of every node). */
function added(registry: ThreatModelValidationRegistry, type: string, register: () => void): readonly ValidationCheck[] {
    const before = registry.checksOf(type);
    register();
    return registry.checksOf(type).filter(check => !before.includes(check));
}

function registryOf(services: ReturnType<typeof createThreatModelServices>): ThreatModelValidationRegistry {
    const registry = services.ThreatModel.validation.ValidationRegistry;
    assert.ok(registry instanceof ThreatModelValidationRegistry);
    return registry;
}

describe('validation without a promise per check', () => {
    const services = createThreatModelServices(EmptyFileSystem);
    const registry = registryOf(services);

    it('lists, for every node type, the checks Langium\'s getChecks streams, in the same order', () => {
        const types = services.ThreatModel.shared.AstReflection.getAllTypes();
        assert.ok(types.length > 20);
        for (const type of types) {
            assert.deepEqual(registry.checksOf(type), registry.getChecks(type).toArray(), type);
            assert.equal(registry.checksOf(type), registry.checksOf(type), `${type}: made once`);
            assert.deepEqual(registry.checksOf(type, ['fast']), registry.getChecks(type, ['fast']).toArray(), `${type}, fast`);
            const categories = ['built-in', 'fast'];
            assert.deepEqual(registry.checksOf(type, categories), registry.getChecks(type, categories).toArray(), `${type}, built-in and fast`);
            assert.equal(registry.checksOf(type, categories), registry.checksOf(type, categories), `${type}: made once per list of categories`);
            assert.deepEqual(registry.checksOf(type, ['slow']), registry.getChecks(type, ['slow']).toArray(), `${type}, slow`);
        }
    });

    it('calls a check that returns nothing as it is, and gives the promise of one that returns a promise', async () => {
        const fresh = createThreatModelServices(EmptyFileSystem);
        const calls: string[] = [];
        const [sync, async] = added(registryOf(fresh), 'Asset', () => registryOf(fresh).register<ThreatModelAstType>({
            Asset: [node => { calls.push(`sync ${node.name}`); }, async node => { calls.push(`async ${node.name}`); }],
        }));
        const node = { $type: 'Asset', name: 'A' } as unknown as AstNode;
        const accept: ValidationAcceptor = () => undefined;
        assert.equal(sync!(node, accept, CancellationToken.None), undefined);
        const pending = async!(node, accept, CancellationToken.None);
        assert.ok(pending instanceof Promise);
        await pending;
        assert.deepEqual(calls, ['sync A', 'async A']);
    });

    it('reports a check that rejects as one that throws, and passes a cancellation on, either way', async () => {
        const fresh = createThreatModelServices(EmptyFileSystem);
        registryOf(fresh).register<ThreatModelAstType>({ Asset: async () => { throw new Error('late boom'); } });
        const consoleError = console.error;
        console.error = () => undefined;
        try {
            const document = await build(fresh, 'asset A "a"');
            assert.deepEqual(document.diagnostics?.filter(d => d.code === 'tm/internal-error').map(d => d.message), [
                'tml could not finish checking this file: a check of Asset \'A\' failed: late boom. Its other findings may be incomplete; please report this.',
            ]);
        } finally {
            console.error = consoleError;
        }
        const cancelled = createThreatModelServices(EmptyFileSystem);
        const [throwing] = added(registryOf(cancelled), 'Asset', () => registryOf(cancelled).register<ThreatModelAstType>({ Asset: () => { throw OperationCancelled; } }));
        const [rejecting] = added(registryOf(cancelled), 'Process', () => registryOf(cancelled).register<ThreatModelAstType>({ Process: async () => { throw OperationCancelled; } }));
        assert.throws(() => throwing!({ $type: 'Asset' } as AstNode, () => undefined, CancellationToken.None), (error: unknown) => error === OperationCancelled);
        await assert.rejects(Promise.resolve(rejecting!({ $type: 'Process' } as AstNode, () => undefined, CancellationToken.None)), (error: unknown) => error === OperationCancelled);
    });

    it('runs a check registered after a validation (the lists are made again)', async () => {
        const before = await build(createThreatModelServices(EmptyFileSystem), DESIGN_EXAMPLE);
        const fresh = createThreatModelServices(EmptyFileSystem);
        assert.ok(((await build(fresh, 'asset X "x"\n')).diagnostics?.length ?? 0) > 0, 'validated once before the check is registered');
        registryOf(fresh).register<ThreatModelAstType>({ Asset: (node, accept) => accept('hint', `seen ${node.name}`, { node }) });
        const after = await build(fresh, DESIGN_EXAMPLE);
        const assets = AstUtils.streamAst(after.parseResult.value).filter(isAsset).map(asset => `seen ${asset.name}`).toArray();
        assert.ok(assets.length >= 2);
        assert.deepEqual(after.diagnostics?.filter(d => d.message.startsWith('seen ')).map(d => d.message), assets);
        assert.deepEqual(after.diagnostics?.filter(d => !d.message.startsWith('seen ')), before.diagnostics);
    });
});

describe('the hook after the checks of a node', () => {
    it('runs once for each node checked, in order, after its checks', async () => {
        const services = createThreatModelServices(EmptyFileSystem);
        const validator = services.ThreatModel.validation.DocumentValidator;
        assert.ok(validator instanceof ThreatModelDocumentValidator);
        const events: string[] = [];
        registryOf(services).register<ThreatModelAstType>({ AstNode: node => { events.push(`check ${node.$type}`); } });
        validator.afterChecks = node => events.push(`after ${node.$type}`);
        await build(services, 'asset A "a"\nprocess P "p"\n');
        assert.deepEqual(events, ['check Model', 'after Model', 'check Asset', 'after Asset', 'check Process', 'after Process']);
        assert.equal(validator.lastRun.nodes, 3);
    });
});

describe('a finding\'s message', () => {
    it('is one piece in memory: 20,000 messages built from pieces take a third of the memory', () => {
        const quote = (name: string): string => `'${name}'`;
        const message = (i: number): string => `Threat ${quote(`Crash${i}`)} has no response. Add ${quote('response fix')} with ${quote('mitigatedBy')}, ${quote('accept')} or ${quote('remove')}.`;
        const size = (make: (i: number) => string): number => {
            collectGarbage();
            const before = process.memoryUsage().heapUsed;
            const kept = Array.from({ length: 20_000 }, (_, i) => make(i));
            collectGarbage();
            const bytes = process.memoryUsage().heapUsed - before;
            assert.equal(kept[7], message(7));
            return bytes / kept.length;
        };
        const pieces = size(message);
        const flat = size(i => flatString(message(i)));
        assert.ok(flat < pieces / 2, `${flat.toFixed(0)} bytes a message, ${pieces.toFixed(0)} in pieces`);
    });

    it('is the same text', () => {
        for (const text of ['', 'a', `${'x'.repeat(20)}${String(42)}${'y'.repeat(20)}`]) assert.equal(flatString(text), text);
    });
});
