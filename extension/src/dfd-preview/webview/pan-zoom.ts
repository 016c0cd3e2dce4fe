import type { Size, View } from './fit.js';
import { clampScale, fitView } from './fit.js';

export type { View } from './fit.js';

/** Pointer movement (px) below which a press and release is a click, not a drag. */
const DRAG_THRESHOLD = 4;


/**
 * Zoom (wheel, buttons, keys) and pan (drag, arrow keys) of the canvas inside the viewport, by a
 * CSS transform that the script sets through the CSSOM (allowed by the page's CSP, unlike style
 * attributes in markup).
 */
export class PanZoom {
    private view: View = { scale: 1, x: 0, y: 0 };
    private drag: { pointerId: number; startX: number; startY: number; from: View; moved: boolean } | undefined;
    /** Set when the last pointer press moved far enough to be a drag: the click that follows is ignored. */
    dragged = false;
    /** Whether the view is the one {@link fit} chose: then a resized viewport is fitted again. */
    private fitted = false;

    constructor(
        private readonly viewport: HTMLElement,
        private readonly canvas: HTMLElement,
        private readonly size: () => { width: number; height: number },
        private readonly onChange: (view: View) => void,
    ) {
        viewport.addEventListener('wheel', event => this.onWheel(event), { passive: false });
        viewport.addEventListener('pointerdown', event => this.onPointerDown(event));
        viewport.addEventListener('pointermove', event => this.onPointerMove(event));
        viewport.addEventListener('pointerup', event => this.onPointerUp(event));
        viewport.addEventListener('pointercancel', event => this.onPointerUp(event));
        viewport.addEventListener('keydown', event => this.onKey(event));
        // The panel resized (or the toolbar wrapped): a diagram shown at Fit stays fitted.
        new ResizeObserver(() => {
            if (this.fitted) this.fit();
        }).observe(viewport);
    }

    /** Whether the view is still the one {@link fit} chose (no zoom or pan since). */
    get isFitted(): boolean {
        return this.fitted;
    }

    get current(): View {
        return this.view;
    }

    set(view: View): void {
        this.fitted = false;
        this.view = { scale: clampScale(view.scale), x: view.x, y: view.y };
        this.canvas.style.transform = `translate(${this.view.x}px, ${this.view.y}px) scale(${this.view.scale})`;
        this.onChange(this.view);
    }

    /** Zooms by `factor` keeping the point (viewport coordinates) where it is; default: the centre. */
    zoomBy(factor: number, at?: { x: number; y: number }): void {
        const point = at ?? { x: this.viewport.clientWidth / 2, y: this.viewport.clientHeight / 2 };
        const scale = clampScale(this.view.scale * factor);
        const ratio = scale / this.view.scale;
        this.set({ scale, x: point.x - (point.x - this.view.x) * ratio, y: point.y - (point.y - this.view.y) * ratio });
    }

    /**
     * The whole diagram in the viewport, centred, never enlarged beyond 150 %; kept so when the
     * viewport is resized, until the user zooms or pans.
     */
    fit(): void {
        this.set(fitView(this.size(), this.viewportSize));
        this.fitted = true;
    }

    /** The viewport's inner size (CSS px). */
    get viewportSize(): Size {
        return { width: this.viewport.clientWidth, height: this.viewport.clientHeight };
    }

    /** Actual size, keeping the centre of the viewport where it is. */
    reset(): void {
        this.zoomBy(1 / this.view.scale);
    }

    /** Pans so that the rectangle (client coordinates) is visible, if it is not already. */
    reveal(rect: DOMRect): void {
        const box = this.viewport.getBoundingClientRect();
        const inside = rect.left >= box.left && rect.right <= box.right && rect.top >= box.top && rect.bottom <= box.bottom;
        if (inside) return;
        const dx = box.left + box.width / 2 - (rect.left + rect.width / 2);
        const dy = box.top + box.height / 2 - (rect.top + rect.height / 2);
        this.set({ scale: this.view.scale, x: this.view.x + dx, y: this.view.y + dy });
    }

    private onWheel(event: WheelEvent): void {
        event.preventDefault();
        const box = this.viewport.getBoundingClientRect();
        // Pixel, line or page deltas: a notch of a mouse wheel zooms by about 10 %.
        const delta = event.deltaMode === WheelEvent.DOM_DELTA_PIXEL ? event.deltaY : event.deltaY * 33;
        this.zoomBy(Math.exp(-delta * 0.003), { x: event.clientX - box.left, y: event.clientY - box.top });
    }

    private onPointerDown(event: PointerEvent): void {
        if (event.button !== 0) return;
        this.dragged = false;
        this.drag = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, from: this.view, moved: false };
    }

    private onPointerMove(event: PointerEvent): void {
        const drag = this.drag;
        if (!drag || drag.pointerId !== event.pointerId) return;
        const dx = event.clientX - drag.startX;
        const dy = event.clientY - drag.startY;
        if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        if (!drag.moved) {
            drag.moved = true;
            this.viewport.setPointerCapture(event.pointerId);
            this.viewport.classList.add('panning');
        }
        this.set({ scale: drag.from.scale, x: drag.from.x + dx, y: drag.from.y + dy });
    }

    private onPointerUp(event: PointerEvent): void {
        if (!this.drag || this.drag.pointerId !== event.pointerId) return;
        this.dragged = this.drag.moved;
        this.drag = undefined;
        this.viewport.classList.remove('panning');
        if (this.viewport.hasPointerCapture(event.pointerId)) this.viewport.releasePointerCapture(event.pointerId);
    }

    private onKey(event: KeyboardEvent): void {
        const step = 40;
        const actions: Record<string, () => void> = {
            '+': () => this.zoomBy(1.25),
            '=': () => this.zoomBy(1.25),
            '-': () => this.zoomBy(0.8),
            '0': () => this.fit(),
            '1': () => this.reset(),
            ArrowLeft: () => this.set({ ...this.view, x: this.view.x + step }),
            ArrowRight: () => this.set({ ...this.view, x: this.view.x - step }),
            ArrowUp: () => this.set({ ...this.view, y: this.view.y + step }),
            ArrowDown: () => this.set({ ...this.view, y: this.view.y - step }),
        };
        const action = actions[event.key];
        if (action && !event.ctrlKey && !event.metaKey && !event.altKey) {
            event.preventDefault();
            action();
        }
    }
}
