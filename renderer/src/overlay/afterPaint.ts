/**
 * For the paint-latency benchmark. A card committed during frame N is painted
 * at the end of frame N; an animation frame requested at commit runs at the
 * start of frame N+1, after that paint, and sets the mark there.
 */
export function markAfterPaint(name: string): void {
  if (typeof requestAnimationFrame !== 'function' || typeof performance?.mark !== 'function') return;
  requestAnimationFrame(() => performance.mark(name));
}
