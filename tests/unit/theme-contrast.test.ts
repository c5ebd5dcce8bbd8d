import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * WCAG AA for the parts of the meter that axe cannot judge (it reads text,
 * not bars): each fill against the empty bar, and the bar's outline against
 * the page and the panel, at 3:1, in the light and the dark theme.
 */

const css = readFileSync(join(__dirname, '..', '..', 'renderer', 'src', 'styles.css'), 'utf8');

function themeVars(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{6})/g)) out[m[1] as string] = (m[2] as string).toLowerCase();
  return out;
}

const [lightBlock, darkBlock] = (() => {
  const dark = css.indexOf('@media (prefers-color-scheme: dark)');
  return [css.slice(0, dark), css.slice(dark)];
})();
const light = themeVars(lightBlock);
const dark = { ...light, ...themeVars(darkBlock) };

function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme', (_name, vars) => {
  const v = (name: string) => {
    const value = vars[name];
    if (!value) throw new Error(`--${name} is not defined`);
    return value;
  };

  it('outlines the empty meter at 3:1 or more against the page and the panel', () => {
    expect(contrast(v('meter-edge'), v('bg'))).toBeGreaterThanOrEqual(3);
    expect(contrast(v('meter-edge'), v('panel'))).toBeGreaterThanOrEqual(3);
  });

  it.each(['muted', 'watch', 'rising', 'high'])('fills the meter with --%s at 3:1 or more against the empty bar', (fill) => {
    // The empty bar is painted with the panel colour inside its outline.
    expect(contrast(v(fill), v('panel'))).toBeGreaterThanOrEqual(3);
  });

  it.each(['fg', 'muted', 'accent'])('sets --%s text at 4.5:1 or more on the page and the panel', (text) => {
    expect(contrast(v(text), v('bg'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(v(text), v('panel'))).toBeGreaterThanOrEqual(4.5);
  });

  it('sets the safety card text at 4.5:1 on its own background', () => {
    expect(contrast(v('safety'), v('safety-bg'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(v('fg'), v('safety-bg'))).toBeGreaterThanOrEqual(4.5);
  });
});
