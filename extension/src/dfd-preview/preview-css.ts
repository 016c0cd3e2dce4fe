import { DFD_COLORS } from '../../../language-server/src/shared/dfd/svg-style.js';

/**
 * The preview's stylesheet. The diagram follows the VS Code theme (light, dark, high contrast)
 * through the theme's CSS variables, which override the standalone SVG's colours: Graphviz writes
 * colours as presentation attributes, and any CSS rule wins over those. The fallbacks are the
 * standalone SVG's own colours (language-server/src/shared/dfd/svg-style.ts).
 */
export const PREVIEW_CSS = `
html, body { height: 100%; }
body {
  margin: 0; padding: 0; overflow: hidden; display: flex; flex-direction: column;
  font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px);
  color: var(--vscode-foreground, #333); background: var(--vscode-editor-background, #fff);
}
.toolbar {
  display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 4px 8px;
  border-bottom: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.35));
}
select, button { font: inherit; }
select {
  color: var(--vscode-dropdown-foreground, inherit); background: var(--vscode-dropdown-background, transparent);
  border: 1px solid var(--vscode-dropdown-border, rgba(128, 128, 128, 0.6)); padding: 1px 4px; max-width: 40ch;
}
button {
  color: var(--vscode-button-secondaryForeground, inherit); background: var(--vscode-button-secondaryBackground, rgba(128, 128, 128, 0.2));
  border: 1px solid var(--vscode-button-border, transparent); padding: 1px 8px; cursor: pointer;
}
button:hover { background: var(--vscode-button-secondaryHoverBackground, rgba(128, 128, 128, 0.35)); }
select:focus-visible, button:focus-visible, #viewport:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: -1px; }
#zoom-level { min-width: 4ch; text-align: right; font-variant-numeric: tabular-nums; opacity: 0.85; }
#collapse-note { font-style: italic; opacity: 0.85; }
#collapse-note:empty { display: none; }
#summary { margin-left: auto; opacity: 0.85; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#status { padding: 6px 8px; }
#status:empty { display: none; }
#status.error { color: var(--vscode-errorForeground, ${DFD_COLORS.open}); }
#viewport { flex: 1; position: relative; overflow: hidden; cursor: grab; }
#viewport.panning { cursor: grabbing; }
#canvas { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
#canvas svg { display: block; overflow: visible; }
#canvas .graph > polygon { fill: transparent; }
#canvas text { fill: var(--vscode-editor-foreground, #333); }
.tm-node ellipse, .tm-node polygon, .tm-node polyline, .tm-flow path { stroke: var(--vscode-editor-foreground, #333); }
.tm-flow polygon { stroke: var(--vscode-editor-foreground, #333); fill: var(--vscode-editor-foreground, #333); }
.tm-boundary path, .tm-boundary polygon { stroke: var(--vscode-editorWarning-foreground, ${DFD_COLORS.boundary}); }
#canvas .tm-boundary text { fill: var(--vscode-editorWarning-foreground, ${DFD_COLORS.boundary}); }
.tm-open ellipse, .tm-open polygon, .tm-open polyline, .tm-open path { stroke: var(--vscode-editorError-foreground, ${DFD_COLORS.open}); }
.tm-flow.tm-open polygon { fill: var(--vscode-editorError-foreground, ${DFD_COLORS.open}); }
#canvas text[fill="${DFD_COLORS.open}"] { fill: var(--vscode-editorError-foreground, ${DFD_COLORS.open}); }
.tm-collapsed path, .tm-collapsed polygon { stroke: var(--vscode-editorWarning-foreground, ${DFD_COLORS.boundary}); }
#canvas .tm-collapsed text:not([fill="${DFD_COLORS.open}"]) { fill: var(--vscode-editorWarning-foreground, ${DFD_COLORS.boundary}); }
.tm-node, .tm-flow, .tm-collapsed { cursor: pointer; }
.tm-collapsed:hover path, .tm-collapsed:hover polygon { stroke-width: 3px; }
.tm-flow path { pointer-events: visibleStroke; stroke-linecap: round; }
.tm-node:hover ellipse, .tm-node:hover polygon, .tm-node:hover polyline, .tm-flow:hover path { stroke-width: 2.5px; }
.tm-highlight ellipse, .tm-highlight polygon, .tm-highlight polyline, .tm-highlight path {
  stroke: var(--vscode-focusBorder, #0078d4); stroke-width: 3px;
}
.tm-flow.tm-highlight polygon { fill: var(--vscode-focusBorder, #0078d4); }
body.vscode-high-contrast .tm-highlight ellipse, body.vscode-high-contrast .tm-highlight polygon,
body.vscode-high-contrast .tm-highlight polyline, body.vscode-high-contrast .tm-highlight path {
  stroke: var(--vscode-contrastActiveBorder, #f38518);
}
#tooltip {
  position: fixed; z-index: 10; max-width: 460px; padding: 4px 8px; pointer-events: none;
  color: var(--vscode-editorHoverWidget-foreground, inherit); background: var(--vscode-editorHoverWidget-background, #f3f3f3);
  border: 1px solid var(--vscode-editorHoverWidget-border, #c8c8c8); white-space: pre-wrap; overflow-wrap: anywhere;
}
#tooltip .title { font-weight: bold; }
#tooltip .open { color: var(--vscode-editorError-foreground, ${DFD_COLORS.open}); }
`;
