/**
 * jsdom has no layout: `offsetParent` is always null and the body measures 0×0, so Fluent's
 * focus management (tabster) finds nothing focusable in an open dialog, focuses the dialog itself
 * and then hides it from assistive technology (`aria-hidden`), which no browser does. These two
 * shims give tabster the answers a browser would (an element is visible unless display:none).
 */
export function installLayoutShims(): void {
  if (typeof HTMLElement === 'undefined' || typeof document === 'undefined') return;
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      if (!this.isConnected) return null;
      if (getComputedStyle(this).display === 'none') return null;
      for (let el = this.parentElement; el; el = el.parentElement) {
        if (getComputedStyle(el).display === 'none') return null;
      }
      return this.parentElement;
    },
  });
  const body = document.body;
  const viewport = { x: 0, y: 0, top: 0, left: 0, width: 1280, height: 900, right: 1280, bottom: 900 };
  body.getBoundingClientRect = () => ({ ...viewport, toJSON: () => viewport }) as DOMRect;
}

/**
 * jsdom has no SVG text layout: `getComputedTextLength` (which @fluentui/react-charts calls to wrap axis labels)
 * is missing. This shim answers an estimate from the text's length, as a browser would roughly measure it.
 */
export function installSvgTextShims(): void {
  if (typeof SVGElement === 'undefined') return;
  const proto = SVGElement.prototype as SVGElement & { getComputedTextLength?: () => number };
  if (typeof proto.getComputedTextLength === 'function') return;
  Object.defineProperty(proto, 'getComputedTextLength', {
    configurable: true,
    value(this: SVGElement) {
      return (this.textContent ?? '').length * 7;
    },
  });
}
