import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { ISSUE_CATALOGUE, SEVERITY_SETTING_CHOICES } from '../../language-server/src/validation/issue-catalogue.js';
import { ALL_ISSUE_CODES, DEFAULT_SEVERITIES } from '../../language-server/src/validation/issue-codes.js';
import { ThreatModelLanguageLanguageMetaData } from '../../language-server/src/generated/module.js';
import { LANGUAGE_ID, MODEL_FILE_GLOB, SETTINGS_SECTION } from '../../language-server/src/shared/language.js';

const ROOT = new URL('../../../../', import.meta.url);

interface SettingSchema {
    readonly type: string;
    readonly enum?: readonly string[];
    readonly enumDescriptions?: readonly string[];
    readonly default?: unknown;
    readonly markdownDescription?: string;
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
    it('offers every finding code in threatModel.severity exactly as the code catalogue (issue-catalogue.ts) describes it', () => {
        const severity = settings['threatModel.severity']!;
        assert.equal(severity.type, 'object');
        assert.deepEqual(severity.default, DEFAULT_SEVERITIES);
        assert.deepEqual(Object.keys(SEVERITY_SETTING_CHOICES), ['error', 'warning', 'information', 'hint', 'off']);
        const expected = Object.fromEntries(ALL_ISSUE_CODES.map(code => [code, {
            type: 'string',
            enum: Object.keys(SEVERITY_SETTING_CHOICES),
            enumDescriptions: Object.values(SEVERITY_SETTING_CHOICES),
            default: ISSUE_CATALOGUE[code].severity,
            markdownDescription: `${ISSUE_CATALOGUE[code].setting} Default: \`${ISSUE_CATALOGUE[code].severity}\`.`,
        }]));
        // Keys in catalogue order, then each entry whole: a failure prints the entry package.json should hold.
        assert.deepEqual(Object.keys(severity.properties ?? {}), [...ALL_ISSUE_CODES]);
        for (const code of ALL_ISSUE_CODES) assert.deepEqual(severity.properties![code], expected[code], code);
    });

    it('uses the language id, settings section and file extension of shared/language.ts, as Langium does', () => {
        assert.equal(LANGUAGE_ID, 'threat-model');
        assert.deepEqual(manifest.contributes.languages.map(l => l.id), [LANGUAGE_ID]);
        assert.deepEqual(manifest.contributes.grammars.map(g => g.language), [LANGUAGE_ID]);
        assert.ok(manifest.activationEvents.includes(`onLanguage:${LANGUAGE_ID}`));
        assert.equal(ThreatModelLanguageLanguageMetaData.languageId, LANGUAGE_ID);
        assert.equal(SETTINGS_SECTION, 'threatModel');
        assert.deepEqual(Object.keys(settings).filter(key => !key.startsWith(`${SETTINGS_SECTION}.`)), []);
        assert.deepEqual(ThreatModelLanguageLanguageMetaData.fileExtensions, ['.tm']);
        assert.deepEqual(manifest.contributes.languages[0]?.extensions, ['.tm']);
        assert.equal(MODEL_FILE_GLOB, `**/*${ThreatModelLanguageLanguageMetaData.fileExtensions[0]}`);
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
            { command: 'threatModel.importModel', title: 'Import…', category: 'Threat Model' },
            { command: 'threatModel.exportModel', title: 'Export…', category: 'Threat Model' },
            { command: 'threatModel.tablePreview.openInBrowser', title: 'Open Threat Table in Browser', category: 'Threat Model', icon: '$(link-external)' },
            { command: 'threatModel.tablePreview.saveAs', title: 'Save Threat Table As…', category: 'Threat Model', icon: '$(save-as)' },
            { command: 'threatModel.newThreatModel', title: 'New Threat Model…', category: 'Threat Model' },
            { command: 'threatModel.openWalkthrough', title: 'Get Started', category: 'Threat Model' },
        ]);
    });

    it('offers Import… in the explorer on the files it reads (.json, .otm, .tm7), and nowhere else', () => {
        const menus = (manifest.contributes as unknown as { menus: Record<string, { command: string; when?: string }[]> }).menus;
        assert.deepEqual(menus['explorer/context'], [{ command: 'threatModel.importModel', when: 'resourceExtname =~ /^\\.(json|otm|tm7)$/i', group: 'threatModel' }]);
        const offered = new RegExp(/=~ \/(.*)\/i$/.exec(menus['explorer/context']![0]!.when!)![1]!, 'i');
        assert.deepEqual(['.json', '.OTM', '.tm7', '.tm', '.xml', '.json5'].filter(ext => offered.test(ext)), ['.json', '.OTM', '.tm7']);
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
