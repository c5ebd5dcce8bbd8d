/**
 * Where the overlay goes: back where the agent left it on that display, and
 * always somewhere they can see and grab it, even when that display is gone
 * (laptop undocked, projector unplugged). Pure, so every case is unit-tested.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  id: number;
  /** The usable area: the screen minus taskbars, docks and menu bars. */
  workArea: Rect;
}

/** How much of the window must show for the agent to grab it again. */
const MIN_VISIBLE = 48;

export function displayKey(display: DisplayInfo): string {
  const { width, height } = display.workArea;
  return `${display.id}:${width}x${height}`;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function isGrabbable(bounds: Rect, display: DisplayInfo): boolean {
  const o = overlap(bounds, display.workArea);
  // The top strip holds the drag handle, so it must be on the display.
  const topOnScreen = bounds.y >= display.workArea.y && bounds.y < display.workArea.y + display.workArea.height;
  return o.width >= Math.min(MIN_VISIBLE, bounds.width) && o.height >= Math.min(MIN_VISIBLE, bounds.height) && topOnScreen;
}

/** Shrinks to the work area, then moves inside it. */
export function fitInside(bounds: Rect, area: Rect): Rect {
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/** The default spot: the top-right corner of the display, with a small margin, out of the CRM's way. */
export function defaultBounds(size: { width: number; height: number }, display: DisplayInfo, margin = 16): Rect {
  const area = display.workArea;
  return fitInside({ x: area.x + area.width - size.width - margin, y: area.y + margin, ...size }, area);
}

export interface SavedPlacement {
  /** Bounds the agent left the window at, per display (see displayKey). */
  byDisplay: Readonly<Record<string, Rect>>;
  /** The display it was on last, so a two-screen desk reopens where they left it. */
  lastDisplay?: string;
}

/**
 * Prefers the remembered spot on the display used last, then a remembered spot
 * on any display still attached, then the default corner of the primary display.
 * A remembered spot that is no longer grabbable is pulled back inside its display.
 */
export function placeWindow(
  saved: SavedPlacement,
  displays: readonly DisplayInfo[],
  primary: DisplayInfo,
  size: { width: number; height: number },
): { bounds: Rect; display: DisplayInfo } {
  const ordered = [...displays].sort((a, b) => Number(displayKey(b) === saved.lastDisplay) - Number(displayKey(a) === saved.lastDisplay));
  for (const display of ordered) {
    const remembered = saved.byDisplay[displayKey(display)];
    if (!remembered) continue;
    if (isGrabbable(remembered, display)) return { bounds: remembered, display };
    return { bounds: fitInside(remembered, display.workArea), display };
  }
  return { bounds: defaultBounds(size, primary), display: primary };
}

/** The display a window now sits on: the one it overlaps most, else the primary. */
export function displayFor(bounds: Rect, displays: readonly DisplayInfo[], primary: DisplayInfo): DisplayInfo {
  let best = primary;
  let bestArea = 0;
  for (const display of displays) {
    const o = overlap(bounds, display.workArea);
    if (o.width * o.height > bestArea) {
      best = display;
      bestArea = o.width * o.height;
    }
  }
  return best;
}
