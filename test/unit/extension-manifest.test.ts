import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { ALL_ISSUE_CODES, DEFAULT_SEVERITIES } from '../../language-server/src/validation/issue-codes.js';

const ROOT = new URL('../../../../', import.meta.url);

interface SettingSchema {
    readonly type: string;
    readonly enum?: readonly string[];
    readonly enumDescriptions?: readonly string[];
    readonly default?: unknown;
    readonly properties?: Readonly<Record<string, SettingSchema>>;
}

interface Manifest {
    readonly main: string;
    readonly capabilities: { readonly untrustedWorkspaces: { readonly supported: boolean | 'limited'; readonly description?: string } };
    readonly activationEvents: readonly string[];
    readonly contributes: {
        readonly languages: readonly { readonly id: string; readonly extensions: readonly string[]; readonly configuration: string }[];
        readonly grammars: readonly { readonly language: string; readonly scopeName: string; readonly path: string }[];
        readonly commands: readonly { readonly command: string; readonly category: string }[];
        readonly configuration: { readonly properties: Readonly<Record<string, SettingSchema>> };
    };
}

interface LanguageConfiguration {
    readonly wordPattern: string;
    readonly indentationRules: { readonly increaseIndentPattern: string; readonly decreaseIndentPattern: string };
    readonly folding: { readonly markers: { readonly start: string; readonly end: string } };
    readonly onEnterRules: readonly { readonly beforeText: string; readonly afterText?: string }[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8')) as T;
const manifest = readJson<Manifest>('package.json');
const settings = manifest.contributes.configuration.properties;

describe('the VS Code extension manifest (package.json)', () => {
    it('offers every diagnostic code of DESIGN.md §4 in threatModel.severity, with its default', () => {
        const severity = settings['threatModel.severity']!;
        assert.equal(severity.type, 'object');
        assert.deepEqual(Object.keys(severity.properties ?? {}), [...ALL_ISSUE_CODES]);
        assert.deepEqual(severity.default, DEFAULT_SEVERITIES);
        for (const code of ALL_ISSUE_CODES) {
            const property = severity.properties![code]!;
            assert.deepEqual(property.enum, ['error', 'warning', 'information', 'hint', 'off'], code);
            assert.equal(property.enumDescriptions?.length, 5, code);
            assert.equal(property.default, DEFAULT_SEVERITIES[code], code);
        }
    });

    it('supports restricted workspaces in part, and says what is missing there: the git-based staleness check', () => {
        assert.deepEqual(manifest.capabilities.untrustedWorkspaces, {
            supported: 'limited',
            description: 'In a restricted workspace tml runs no git, so mitigations whose implementation changed after the model (tm/implementation-stale) are not reported until you trust the workspace.',
        });
    });

    it('offers the trace setting that vscode-languageclient reads for the client id threatModel', () => {
        assert.deepEqual(settings['threatModel.trace.server']?.enum, ['off', 'messages', 'verbose']);
        assert.equal(settings['threatModel.trace.server']?.default, 'off');
    });

    it('activates lazily on the language, whose grammar and configuration files exist', () => {
        assert.deepEqual(manifest.activationEvents, ['onLanguage:threat-model', 'onWebviewPanel:threatModel.dfdPreview']);
        const [language] = manifest.contributes.languages;
        assert.deepEqual(language?.extensions, ['.tm']);
        const [grammar] = manifest.contributes.grammars;
        assert.equal(grammar?.language, 'threat-model');
        assert.equal(grammar?.scopeName, 'source.threat-model');
        assert.equal(readJson<{ scopeName: string }>(grammar.path).scopeName, 'source.threat-model');
        assert.ok(existsSync(new URL(language!.configuration, ROOT)));
    });

    it('points main at the extension bundle and names the restart command in the Threat Model category', () => {
        assert.equal(manifest.main, './out/extension/extension.cjs');
        assert.ok(existsSync(new URL(manifest.main, ROOT)), 'run the build first');
        assert.deepEqual(manifest.contributes.commands, [
            { command: 'threatModel.restartServer', title: 'Restart Language Server', category: 'Threat Model' },
            { command: 'threatModel.openDfdPreview', title: 'Open DFD Preview', category: 'Threat Model', icon: '$(open-preview)' },
            { command: 'threatModel.generateThreatTable', title: 'Generate Threat Table', category: 'Threat Model' },
            { command: 'threatModel.generateReport', title: 'Generate Security Model Report', category: 'Threat Model' },
            { command: 'threatModel.tablePreview.openInBrowser', title: 'Open Threat Table in Browser', category: 'Threat Model', icon: '$(link-external)' },
            { command: 'threatModel.tablePreview.saveAs', title: 'Save Threat Table As…', category: 'Threat Model', icon: '$(save-as)' },
            { command: 'threatModel.newThreatModel', title: 'New Threat Model…', category: 'Threat Model' },
            { command: 'threatModel.openWalkthrough', title: 'Get Started', category: 'Threat Model' },
        ]);
    });
});

describe('the language configuration (language-configuration.json)', () => {
    const configuration = readJson<LanguageConfiguration>('language-configuration.json');

    it('has a word pattern that selects whole identifiers and signed numbers', () => {
        const word = new RegExp(configuration.wordPattern, 'g');
        assert.deepEqual('flow Place_Order2: A -> B { damage -3 }'.match(word), ['flow', 'Place_Order2', 'A', 'B', 'damage', '-3']);
    });

    it('indents after an opening brace, also when a string before it holds a brace', () => {
        const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
        assert.ok(increase.test('system S "a {b}" {'));
        assert.ok(increase.test('    dread { // factors'));
        assert.ok(!increase.test('asset A "title {"'));
        assert.ok(!increase.test('    dread { damage 1 }'));
        assert.ok(new RegExp(configuration.indentationRules.decreaseIndentPattern).test('    }'));
    });

    it('has onEnter rules and folding markers that are valid regular expressions', () => {
        for (const rule of configuration.onEnterRules) {
            assert.doesNotThrow(() => new RegExp(rule.beforeText));
            assert.doesNotThrow(() => new RegExp(rule.afterText ?? ''));
        }
        assert.ok(new RegExp(configuration.folding.markers.start).test('// #region Threats'));
        assert.ok(new RegExp(configuration.folding.markers.end).test('  // #endregion'));
    });
});
