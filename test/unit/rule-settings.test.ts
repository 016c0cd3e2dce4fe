import * as assert from 'node:assert/strict';
import { EmptyFileSystemProvider, URI } from 'langium';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';
import { buildAlone } from './helpers/workspace.js';

const MODEL = 'rule Mine "Mine" { on process stride Spoofing when privileged cwe 1 }\nprocess P "P" { privileged }\nexternal E "E" { type person }\nflow F: E -> P "f"\n';

describe('threatModel.rules.builtin', () => {
    it('keeps the built-in library unless set to false, and revalidates when it changes', async () => {
        // The model is also the file's content on "disk": a rebuild reads changed documents again.
        class OneFile extends EmptyFileSystemProvider {
            override readFile(): Promise<string> { return Promise.resolve(MODEL); }
            override readFileSync(): string { return MODEL; }
        }
        const own = createThreatModelServices({ fileSystemProvider: () => new OneFile() });
        own.ThreatModel.listeners.RuleSettings.start();
        const configuration = own.shared.workspace.ConfigurationProvider;
        const document = await buildAlone(own, 'file:///w/m.tm', MODEL);
        const current = () => own.shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///w/m.tm')) ?? document;
        const suggested = (): string[] => (current().diagnostics ?? []).filter(d => d.code === 'tm/rule-suggests').map(d => (d.data as { rule: string }).rule).sort();
        assert.equal(configuration.ruleSources(), 'all');
        assert.deepEqual(suggested(), ['AdministratorDeniesChange', 'Mine', 'PersonWithoutAuthentication', 'PrivilegedActionsUnaudited']);

        configuration.updateConfiguration({ settings: { threatModel: { rules: { builtin: false } } } });
        await own.shared.workspace.WorkspaceLock.read(() => Promise.resolve());
        assert.equal(configuration.ruleSources(), 'workspace');
        assert.deepEqual(suggested(), ['Mine']);

        configuration.updateConfiguration({ settings: { threatModel: { rules: { builtin: 'yes' } } } });
        await own.shared.workspace.WorkspaceLock.read(() => Promise.resolve());
        assert.equal(configuration.ruleSources(), 'all');
        assert.deepEqual(suggested(), ['AdministratorDeniesChange', 'Mine', 'PersonWithoutAuthentication', 'PrivilegedActionsUnaudited']);
    });
});
