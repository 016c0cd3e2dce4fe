import * as assert from 'node:assert/strict';
import type { Link, Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { BugUrlTemplate } from '../../language-server/src/shared/bug-url.js';
import { bugUrl, parseBugUrlTemplate } from '../../language-server/src/shared/bug-url.js';
import { buildSarifLog } from '../../language-server/src/generator/sarif.js';
import { buildThreatTable } from '../../language-server/src/generator/table-builder.js';
import { formatThreatTable } from '../../language-server/src/generator/table-format.js';
import type { ThreatTable } from '../../language-server/src/generator/table-model.js';
import { THREAT_COLUMNS } from '../../language-server/src/generator/table-model.js';
import { workspaceTableInput } from '../../language-server/src/generator/table-scope.js';
import type { ThreatModelDocumentLinkProvider } from '../../language-server/src/lsp/document-link-provider.js';
import { parseCsvRecords, parseHtmlDocument } from './table-parse-back.js';
import { checkWorkspace, services } from './helpers/workspace.js';

const TEMPLATE = 'https://tracker.example/browse/{bug}';

function template(text = TEMPLATE): BugUrlTemplate {
    const parsed = parseBugUrlTemplate(text);
    if ('error' in parsed) throw new Error(parsed.error);
    return parsed;
}

/** Bug ids that try to leave the link or the cell in some output, with the URL each must give. */
const HOSTILE: readonly (readonly [id: string, tmString: string, url: string])[] = [
    ['SEC-142', 'SEC-142', 'https://tracker.example/browse/SEC-142'],
    ['"><script>', '\\"><script>', 'https://tracker.example/browse/%22%3E%3Cscript%3E'],
    [')](javascript:alert(1))', ')](javascript:alert(1))', 'https://tracker.example/browse/%29%5D%28javascript%3Aalert%281%29%29'],
    ['SEC 142 | x', 'SEC 142 | x', 'https://tracker.example/browse/SEC%20142%20%7C%20x'],
    ['SEC\u202E241', 'SEC\u202E241', 'https://tracker.example/browse/SEC%E2%80%AE241'],
    ['../../admin?x=1#y', '../../admin?x=1#y', 'https://tracker.example/browse/..%2F..%2Fadmin%3Fx%3D1%23y'],
];

describe('bug tracker links (threatModel.bugUrl, --bug-url)', () => {
    describe('the template', () => {
        it('accepts http and https URLs with {bug}, in the path or the query', () => {
            assert.equal(bugUrl(template('http://jira.local:8080/browse/{bug}'), 'SEC-1'), 'http://jira.local:8080/browse/SEC-1');
            assert.equal(bugUrl(template('HTTPS://tracker.example/issues?id={bug}&x=1'), 'SEC-1'), 'https://tracker.example/issues?id=SEC-1&x=1');
        });

        it('refuses a template that is not http(s), or has no {bug}, saying why', () => {
            const refused = ['javascript:alert(1)//{bug}', 'data:text/html,{bug}', 'file:///bugs/{bug}', 'ftp://tracker.example/{bug}', 'tracker.example/{bug}', 'https://tracker.example/browse/'];
            assert.deepEqual(refused.map(parseBugUrlTemplate), [
                { error: 'it is not an http or https URL' },
                { error: 'it is not an http or https URL' },
                { error: 'it is not an http or https URL' },
                { error: 'it is not an http or https URL' },
                { error: 'it is not an http or https URL' },
                { error: 'it has no {bug} where the bug id goes' },
            ]);
        });

        it('percent-encodes every character of the id but letters, digits and -_.~, and links no empty id', () => {
            assert.deepEqual(HOSTILE.map(([id]) => bugUrl(template(), id)), HOSTILE.map(([, , url]) => url));
            assert.equal(bugUrl(template(), '  SEC-9 '), 'https://tracker.example/browse/SEC-9');
            assert.equal(bugUrl(template(), '  '), undefined);
            assert.equal(bugUrl(template(), undefined), undefined);
        });
    });

    describe('in the threat table and report', () => {
        const model = HOSTILE.map(([, tm], i) => `threat T${i} "t" { bug "${tm}" }`).join('\n') + '\nthreat NoBug "n"\n';

        async function tableOf(bugUrlTemplate?: BugUrlTemplate): Promise<ThreatTable> {
            const [file] = await checkWorkspace({ 'model.tm': model });
            const model0 = file!.document.parseResult.value;
            const input = workspaceTableInput([{ path: 'model.tm', model: model0 }], services.ThreatModel.workspace.ModelIndex.coverage(model0));
            return buildThreatTable({ ...input, ...(bugUrlTemplate ? { bugUrl: bugUrlTemplate } : {}) });
        }

        /** Each id as the outputs show it (invisible characters made visible), and its URL. */
        const expectedLinks = HOSTILE.map(([id, , url]) => [id.replace('\u202E', '<U+202E>'), url]);

        it('adds no column without a template', async () => {
            assert.deepEqual((await tableOf()).threats.columns, THREAT_COLUMNS);
        });

        it('JSON and CSV get a Bug URL column after the others; a threat without a bug has an empty cell', async () => {
            const table = await tableOf(template());
            const json = JSON.parse(formatThreatTable(table, 'json')) as { threats: { columns: { key: string; header: string }[]; rows: Record<string, string>[] } };
            assert.deepEqual(json.threats.columns.at(-1), { key: 'bugUrl', header: 'Bug URL' });
            assert.deepEqual(json.threats.rows.map(r => r['bugUrl']), ['', ...HOSTILE.map(([, , url]) => url)]);
            const csv = parseCsvRecords(formatThreatTable(table, 'csv'));
            const column = csv[0]!.indexOf('Bug URL');
            assert.equal(column, THREAT_COLUMNS.length);
            assert.deepEqual(csv.slice(1, 1 + HOSTILE.length + 1).map(r => r[column]), ['', ...HOSTILE.map(([, , url]) => url)]);
        });

        it('HTML makes the Bug cell a link, and shows no Bug URL column; every hostile id stays text of its link', async () => {
            const html = formatThreatTable(await tableOf(template()), 'html');
            assert.ok(html.includes('<td class="col-bug"><a href="https://tracker.example/browse/%22%3E%3Cscript%3E">&quot;&gt;&lt;script&gt;</a></td>'));
            assert.ok(!html.includes('Bug URL'));
            assert.deepEqual(anchors(parseHtmlDocument(html)), expectedLinks);
        });

        it('Markdown makes the Bug cell a link [id](url), and shows no Bug URL column; every hostile id stays text of its link', async () => {
            const markdown = formatThreatTable(await tableOf(template()), 'md');
            assert.ok(markdown.includes('| [SEC-142](https://tracker.example/browse/SEC-142) |'));
            assert.ok(markdown.includes('[)\\](javascript:alert(1))](https://tracker.example/browse/%29%5D%28javascript%3Aalert%281%29%29)'));
            assert.ok(!markdown.includes('Bug URL'));
            const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
            assert.deepEqual(links(tree).map(link => [toString(link), link.url]), expectedLinks);
            const widths = new Set(markdown.split('\n').filter(line => line.startsWith('| ') && line.includes('SEC')).map(line => line.split(/(?<!\\)\|/).length));
            assert.equal(widths.size, 1, 'no bug id splits a row into more cells');
        });
    });

    describe('in SARIF', () => {
        const finding = { file: 'model.tm', line: 1, column: 8, endLine: 1, endColumn: 9, severity: 'warning' as const, code: 'tm/dread-missing', message: 'm' };
        const options = { toolVersion: '1', sourceRootUri: 'file:///w/', referencesOf: () => ({ cwe: [], capec: [], bug: ')](javascript:alert(1))' }) };

        it('puts the bug and its link in the properties of a result about a threat with a bug', () => {
            const [result] = buildSarifLog([finding], { ...options, bugUrl: template() }).runs[0]!.results;
            assert.deepEqual(result!.properties, {
                tags: ['security'], cwe: [], capec: [],
                bug: ')](javascript:alert(1))', bugUrl: 'https://tracker.example/browse/%29%5D%28javascript%3Aalert%281%29%29',
            });
        });

        it('adds nothing without a template', () => {
            const [result] = buildSarifLog([finding], options).runs[0]!.results;
            assert.equal(result!.properties, undefined);
        });
    });

    describe('as document links in the editor', () => {
        const provider = (): ThreatModelDocumentLinkProvider => services.ThreatModel.lsp.DocumentLinkProvider as ThreatModelDocumentLinkProvider;
        const setBugUrl = (bugUrl: unknown): void => services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { threatModel: { bugUrl } } });
        afterEach(() => setBugUrl(''));

        it('links the text inside the quotes of bug "…" to the tracker, encoded, with a tooltip', async () => {
            setBugUrl(TEMPLATE);
            const [file] = await checkWorkspace({ 'model.tm': 'threat A "a" {\n    bug "SEC-142"\n}\nthreat B "b" { bug "\\"><script>" }\nthreat C "c" { bug "" }\n' });
            const document = file!.document;
            const links = provider().getDocumentLinks(document, { textDocument: { uri: document.uri.toString() } });
            assert.deepEqual(links, [
                { range: { start: { line: 1, character: 9 }, end: { line: 1, character: 16 } }, target: 'https://tracker.example/browse/SEC-142', tooltip: 'Open SEC-142 in the bug tracker' },
                { range: { start: { line: 3, character: 20 }, end: { line: 3, character: 31 } }, target: 'https://tracker.example/browse/%22%3E%3Cscript%3E', tooltip: 'Open "><script> in the bug tracker' },
            ]);
        });

        it('links no bug without the setting, or with a template that is not http(s)', async () => {
            const [file] = await checkWorkspace({ 'model.tm': 'threat A "a" { bug "SEC-142" }\n' });
            const document = file!.document;
            for (const value of ['', 'javascript:alert(1)//{bug}', 42]) {
                setBugUrl(value);
                assert.deepEqual(provider().getDocumentLinks(document, { textDocument: { uri: document.uri.toString() } }), [], String(value));
            }
        });
    });
});

interface HtmlNode {
    readonly nodeName: string;
    readonly value?: string;
    readonly attrs?: readonly { readonly name: string; readonly value: string }[];
    readonly childNodes?: readonly HtmlNode[];
}

/** Every `<a>` of the page: its text and href, in document order. */
function anchors(node: HtmlNode): string[][] {
    const text = (n: HtmlNode): string => (n.nodeName === '#text' ? n.value ?? '' : (n.childNodes ?? []).map(text).join(''));
    const own = node.nodeName === 'a' ? [[text(node), node.attrs?.find(a => a.name === 'href')?.value ?? '']] : [];
    return [...own, ...(node.childNodes ?? []).flatMap(anchors)];
}

function links(node: Nodes): Link[] {
    const own = node.type === 'link' ? [node] : [];
    return [...own, ...('children' in node ? node.children.flatMap(child => links(child)) : [])];
}
