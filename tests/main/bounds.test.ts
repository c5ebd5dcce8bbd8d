import { describe, expect, it } from 'vitest';
import { defaultBounds, displayFor, displayKey, fitInside, placeWindow, type DisplayInfo } from '../../main/windows/bounds';

const laptop: DisplayInfo = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitor: DisplayInfo = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };
const size = { width: 360, height: 320 };

describe('overlay placement', () => {
  it('starts in the top-right corner of the primary display', () => {
    expect(placeWindow({ byDisplay: {} }, [laptop], laptop, size)).toEqual({ bounds: { x: 1064, y: 41, width: 360, height: 320 }, display: laptop });
  });

  it('goes back where the agent left it on that display', () => {
    const spot = { x: 3000, y: 600, width: 380, height: 500 };
    const saved = { byDisplay: { [displayKey(monitor)]: spot }, lastDisplay: displayKey(monitor) };
    expect(placeWindow(saved, [laptop, monitor], laptop, size).bounds).toEqual(spot);
  });

  it('prefers the display used last when both have a remembered spot', () => {
    const onLaptop = { x: 100, y: 100, width: 360, height: 320 };
    const onMonitor = { x: 2000, y: 100, width: 360, height: 320 };
    const saved = { byDisplay: { [displayKey(laptop)]: onLaptop, [displayKey(monitor)]: onMonitor }, lastDisplay: displayKey(monitor) };
    expect(placeWindow(saved, [laptop, monitor], laptop, size).bounds).toEqual(onMonitor);
  });

  it('comes back on screen when the display it was on is gone', () => {
    const saved = { byDisplay: { [displayKey(monitor)]: { x: 3000, y: 600, width: 380, height: 500 } }, lastDisplay: displayKey(monitor) };
    const { bounds, display } = placeWindow(saved, [laptop], laptop, size);
    expect(display).toBe(laptop);
    expect(bounds.x).toBeGreaterThanOrEqual(0);
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(1440);
    expect(bounds.y).toBeGreaterThanOrEqual(25);
  });

  it('pulls a remembered spot back inside when the display got smaller', () => {
    const saved = { byDisplay: { [displayKey(laptop)]: { x: 1400, y: 860, width: 360, height: 320 } } };
    const { bounds } = placeWindow(saved, [laptop], laptop, size);
    expect(bounds).toEqual({ x: 1080, y: 580, width: 360, height: 320 });
  });

  it('pulls the window down when its drag handle is above the work area (under the menu bar)', () => {
    const saved = { byDisplay: { [displayKey(laptop)]: { x: 200, y: -100, width: 360, height: 320 } } };
    expect(placeWindow(saved, [laptop], laptop, size).bounds.y).toBe(25);
  });

  it('shrinks a window bigger than a small display', () => {
    const tiny: DisplayInfo = { id: 3, workArea: { x: 0, y: 0, width: 300, height: 200 } };
    expect(fitInside({ x: 50, y: 50, width: 360, height: 640 }, tiny.workArea)).toEqual({ x: 0, y: 0, width: 300, height: 200 });
    expect(defaultBounds(size, tiny).width).toBe(300);
  });

  it('names the display a window mostly sits on', () => {
    expect(displayFor({ x: 1300, y: 100, width: 360, height: 300 }, [laptop, monitor], laptop)).toBe(monitor);
    expect(displayFor({ x: -5000, y: -5000, width: 10, height: 10 }, [laptop, monitor], laptop)).toBe(laptop);
  });
});
