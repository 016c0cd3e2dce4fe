/**
 * The DFD preview's HTML page. Pure (no `vscode`): the panel calls it with the webview's values,
 * the Chromium test with its own. The page itself holds no model text: the diagram arrives by
 * message and the script inserts it as parsed, sanitised SVG and plain text.
 */
import { PREVIEW_CSS } from './preview-css.js';

export interface PreviewHtmlOptions {
    /** `webview.cspSource`: the origin the webview serves local resources from. */
    readonly cspSource: string;
    /** A fresh random value for this render ({@link createNonce}). */
    readonly nonce: string;
    /** `webview.asWebviewUri` of out/webview/dfd-preview.js. */
    readonly scriptUri: string;
}

/**
 * The page with a Content Security Policy of `default-src 'none'`: only the nonce'd stylesheet
 * and script run, images only from the extension, no inline handlers, no frames, no network.
 */
export function previewHtml({ cspSource, nonce, scriptUri }: PreviewHtmlOptions): string {
    const n = escapeAttribute(nonce);
    const csp = [
        "default-src 'none'",
        `img-src ${cspSource} data:`,
        `style-src 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`,
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>DFD Preview</title>
<style nonce="${n}">${PREVIEW_CSS}</style>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Diagram">
<label for="scenario">Diagram</label>
<select id="scenario" aria-label="Diagram to show"></select>
<button type="button" id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">&#x2212;</button>
<button type="button" id="zoom-fit" title="Fit to window (0)">Fit</button>
<button type="button" id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
<button type="button" id="zoom-reset" title="Actual size (1)">100%</button>
<span id="zoom-level" title="Zoom" aria-label="Zoom level">100%</span>
<button type="button" id="collapse" hidden>Collapse boundaries</button>
<span id="collapse-note" aria-live="polite"></span>
<button type="button" id="export" title="Save the diagram as an SVG file">Export SVG&#x2026;</button>
<span id="summary" aria-live="polite"></span>
</div>
<div id="status" role="status"></div>
<div id="viewport" tabindex="0" aria-label="Data flow diagram: drag to pan, wheel to zoom, click an element to show its declaration">
<div id="canvas"></div>
</div>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${n}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>
`;
}

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
    return value.replace(/[&<>"]/g, c => `&#${c.charCodeAt(0)};`);
}
