import { collapsedSummary } from '../../../../language-server/src/shared/dfd/svg-style.js';
import type { DfdBoundary, DfdCollapsedBoundary, DfdEdge, DfdMergedFlow, DfdNode } from '../../../../language-server/src/shared/dfd/graph.js';
import { countOf, OPEN_MARK, tooltipEntries } from '../../../../language-server/src/shared/dfd/labels.js';

export type DiagramElement =
    | { readonly element: DfdNode | DfdEdge }
    | { readonly boundary: DfdBoundary }
    | { readonly collapsed: DfdCollapsedBoundary }
    | { readonly merged: DfdMergedFlow };

/** The tooltip's lines: the title, then what the element is and its STRIDE status, category by category. */
export function tooltipContent(item: DiagramElement): { text: string; open: boolean }[] {
    if ('boundary' in item) {
        return [{ text: item.boundary.title, open: false }, { text: `Trust boundary '${item.boundary.name}'`, open: false }];
    }
    if ('collapsed' in item) {
        const { collapsed } = item;
        return [
            { text: collapsed.title, open: false },
            { text: `Trust boundary '${collapsed.name}', collapsed: ${collapsedSummary(collapsed)}`, open: collapsed.open > 0 },
            { text: 'Click to expand.', open: false },
        ];
    }
    if ('merged' in item) {
        const { merged } = item;
        return [
            { text: countOf(merged.flows.length, 'flow'), open: false },
            ...merged.flows.map(f => ({ text: f.open ? `${OPEN_MARK} ${f.title}` : f.title, open: f.open })),
            { text: 'Expand a collapsed boundary to see each flow.', open: false },
        ];
    }
    const { element } = item;
    return [{ text: element.title, open: false }, ...tooltipEntries(element), { text: 'Click to show the declaration.', open: false }];
}

/** Fills the tooltip with text nodes only: titles are never parsed as markup. */
export function showTooltip(tooltip: HTMLElement, item: DiagramElement, clientX: number, clientY: number): void {
    const lines = tooltipContent(item).map(({ text, open }, index) => {
        const div = tooltip.ownerDocument.createElement('div');
        div.textContent = text;
        if (index === 0) div.className = 'title';
        else if (open) div.className = 'open';
        return div;
    });
    tooltip.replaceChildren(...lines);
    tooltip.hidden = false;
    const { innerWidth, innerHeight } = tooltip.ownerDocument.defaultView ?? { innerWidth: 800, innerHeight: 600 };
    const { width, height } = tooltip.getBoundingClientRect();
    tooltip.style.left = `${Math.max(0, Math.min(clientX + 14, innerWidth - width - 4))}px`;
    tooltip.style.top = `${Math.max(0, clientY + 18 + height > innerHeight ? clientY - height - 10 : clientY + 18)}px`;
}

export function hideTooltip(tooltip: HTMLElement): void {
    tooltip.hidden = true;
}
