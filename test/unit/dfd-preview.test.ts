import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlLabelLines, htmlLabelText } from '../../language-server/src/dfd/dot-escape.js';
import { mermaidText } from '../../language-server/src/dfd/mermaid.js';
import { elementAt } from '../../extension/src/dfd-preview/element-at.js';
import { escapeAttribute, previewHtml } from '../../extension/src/dfd-preview/html.js';
import { parsePreviewState, parseWebviewMessage } from '../../extension/src/dfd-preview/messages.js';
import { createNonce } from '../../extension/src/dfd-preview/nonce.js';
import { DESIGN_EXAMPLE, dfdModelOf, REPO_ROOT } from './dfd-helpers.js';

describe('DFD preview: messages from the webview', () => {
    it('accepts exactly the five messages of the allow-list', () => {
        assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
        assert.deepEqual(parseWebviewMessage({ type: 'exportSvg' }), { type: 'exportSvg' });
        assert.deepEqual(parseWebviewMessage({ type: 'reveal', id: 'Storefront__2' }), { type: 'reveal', id: 'Storefront__2' });
        assert.deepEqual(parseWebviewMessage({ type: 'selectScenario', scenario: 'Checkout' }), { type: 'selectScenario', scenario: 'Checkout' });
        assert.deepEqual(parseWebviewMessage({ type: 'selectScenario', scenario: null }), { type: 'selectScenario', scenario: null });
        assert.deepEqual(parseWebviewMessage({ type: 'collapse', boundaries: ['Dmz', 'Backend__2'] }), { type: 'collapse', boundaries: ['Dmz', 'Backend__2'] });
        assert.deepEqual(parseWebviewMessage({ type: 'collapse', boundaries: [] }), { type: 'collapse', boundaries: [] });
    });

    it('rejects anything else: other types, extra keys, ids that are not ours, non-objects', () => {
        const rejected: unknown[] = [
            null, undefined, 'ready', 42, [], [{ type: 'ready' }], {},
            { type: 'openFile', uri: 'file:///etc/passwd' },
            { type: 'command', command: 'workbench.action.terminal.new' },
            { type: 'ready', extra: 1 },
            { type: 'reveal' },
            { type: 'reveal', id: 42 },
            { type: 'reveal', id: '../../secret' },
            { type: 'reveal', id: 'a b' },
            { type: 'reveal', id: 'x'.repeat(201) },
            { type: 'reveal', id: 'A', location: { uri: 'file:///etc/passwd' } },
            { type: 'selectScenario' },
            { type: 'selectScenario', scenario: '<script>' },
            { type: 'selectScenario', scenario: 1 },
            { type: 'collapse' },
            { type: 'collapse', boundaries: 'Dmz' },
            { type: 'collapse', boundaries: ['Dmz', 7] },
            { type: 'collapse', boundaries: ['a-b'] },
            { type: 'collapse', boundaries: ['Dmz'], extra: true },
            { type: 'collapse', boundaries: Array.from({ length: 10_001 }, () => 'Dmz') },
            { type: '__proto__' },
            JSON.parse('{"type":"reveal","id":"A","__proto__":{"x":1}}'),
        ];
        for (const message of rejected) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
    });

    it('restores only a well-formed saved state', () => {
        assert.deepEqual(parsePreviewState({ uri: 'file:///w/a.tm', scenario: null, view: { scale: 2, x: 1, y: -3 } }), { uri: 'file:///w/a.tm', scenario: null, view: { scale: 2, x: 1, y: -3 } });
        assert.deepEqual(parsePreviewState({ uri: 'file:///w/a.tm', scenario: 'Checkout', view: { scale: 0, x: 1, y: 1 } }), { uri: 'file:///w/a.tm', scenario: 'Checkout' });
        assert.deepEqual(parsePreviewState({ uri: 'file:///w/a.tm', scenario: 'S', view: { scale: 'big' } }), { uri: 'file:///w/a.tm', scenario: 'S' });
        for (const state of [undefined, null, {}, { uri: '', scenario: null }, { uri: 'file:///a.tm' }, { uri: 'file:///a.tm', scenario: '"x"' }, { uri: 1, scenario: null }]) {
            assert.equal(parsePreviewState(state), undefined, JSON.stringify(state));
        }
    });
});

describe('DFD preview: the page', () => {
    const options = { cspSource: 'https://webview.test', nonce: 'abc+/=', scriptUri: 'https://webview.test/out/webview/dfd-preview.js' };

    it("sets a CSP of default-src 'none' that lets only the nonce'd style and script run", () => {
        const html = previewHtml(options);
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
        assert.equal(csp, "default-src 'none'; img-src https://webview.test data:; style-src 'nonce-abc+/='; script-src 'nonce-abc+/='; base-uri 'none'; form-action 'none'");
        assert.deepEqual(html.match(/<script[^>]*>/g), ['<script nonce="abc+/=" src="https://webview.test/out/webview/dfd-preview.js">']);
        assert.deepEqual(html.match(/<style[^>]*>/g), ['<style nonce="abc+/=">']);
        assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    });

    it('escapes the values it inserts into attributes', () => {
        assert.equal(escapeAttribute(`"><script>'&`), "&#34;&#62;&#60;script&#62;'&#38;");
        assert.match(previewHtml({ ...options, scriptUri: 'x"><script>alert(1)</script>' }), /src="x&#34;&#62;&#60;script&#62;alert\(1\)&#60;\/script&#62;"/);
    });

    it('makes a fresh 128-bit nonce each time', () => {
        const nonces = new Set(Array.from({ length: 100 }, createNonce));
        assert.equal(nonces.size, 100);
        for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    });
});

describe('DFD preview: the element under the text cursor', () => {
    it('is the innermost declaration that holds the position', async () => {
        const text = readFileSync(join(REPO_ROOT, DESIGN_EXAMPLE), 'utf8');
        const { overview } = await dfdModelOf({ 'online-store.tm': text });
        const uri = 'file:///workspace/online-store.tm';
        const at = (search: string, offset = 0): string | null => {
            const index = text.indexOf(search) + offset;
            const line = text.slice(0, index).split('\n').length - 1;
            return elementAt(overview, uri, { line, character: index - text.lastIndexOf('\n', index - 1) - 1 });
        };
        assert.equal(at('external Customer'), 'Customer');
        assert.equal(at('boundary Internet'), 'Internet');
        assert.equal(at('technology "Node.js 20"'), 'Storefront');
        assert.equal(at('    encrypted'), 'PlaceOrder');
        assert.equal(at('logs  '), 'OrdersDb');
        assert.equal(at('scenario Checkout'), null);
        assert.equal(at('threat SessionHijack'), null);
        assert.equal(elementAt(overview, 'file:///workspace/other.tm', { line: 14, character: 8 }), null);
    });
});

describe('DFD text escaping', () => {
    it('writes titles into Graphviz HTML-like labels so that they come out as the same text', () => {
        assert.equal(htmlLabelText('<b>&amp;"x"</b>'), '&lt;b&gt;&amp;amp;&quot;x&quot;&lt;/b&gt;');
        assert.equal(htmlLabelText('a \\N b \\\\G \\n'), 'a \\<FONT>N b \\</FONT><FONT>\\</FONT><FONT>G \\n</FONT>');
        assert.equal(htmlLabelText('bell\u0007 lone\uD800 pair\uD83D\uDE00'), 'bell&lt;U+0007&gt; lone&lt;U+D800&gt; pair\uD83D\uDE00');
        assert.equal(htmlLabelLines('one\ntwo\r\nthree'), 'one<BR/>two<BR/>three');
    });

    it('writes titles into Mermaid labels with entity codes', () => {
        assert.equal(mermaidText('a "b" #c <d> & `e` | f\ng'), 'a #quot;b#quot; #35;c #lt;d#gt; #amp; #96;e#96; #124; f<br>g');
    });
});
