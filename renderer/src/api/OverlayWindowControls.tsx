import { useEffect, useId, useState } from 'react';
import { MAX_OPACITY, MIN_OPACITY, type OverlayMode } from '../../../preload/api';
import { useServices } from '../ServicesProvider';
import { useOverlayState } from './useOverlayState';

/**
 * The overlay window's own settings, for the overlay to place where it likes:
 * compact or expanded, opacity, and click-through (desktop app only, with its
 * way out named). Each control says its state in words, not colour.
 */
export function OverlayWindowControls() {
  const { api } = useServices();
  const state = useOverlayState();
  const [desktop, setDesktop] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { opacity: useId(), hint: useId() };

  useEffect(() => {
    let live = true;
    void api
      .getAppInfo()
      .then((info) => live && setDesktop(info.platform === 'electron'));
    return () => {
      live = false;
    };
  }, [api]);

  const run = (change: Promise<unknown>) => {
    setProblem(null);
    change.catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  const nextMode: OverlayMode = state.mode === 'compact' ? 'expanded' : 'compact';
  const percent = Math.round(state.opacity * 100);

  return (
    <div className="window-controls" role="group" aria-label="Window">
      <button type="button" aria-pressed={state.mode === 'expanded'} onClick={() => run(api.setOverlayMode(nextMode))}>
        {state.mode === 'compact' ? 'Show transcript' : 'Hide transcript'}
      </button>
      {desktop ? (
        <>
          <label htmlFor={ids.opacity}>Opacity {percent}%</label>
          <input
            id={ids.opacity}
            type="range"
            min={MIN_OPACITY * 100}
            max={MAX_OPACITY * 100}
            step={5}
            value={percent}
            aria-valuetext={`${percent}%`}
            onChange={(event) => run(api.setOverlayOpacity(Number(event.target.value) / 100))}
          />
          <label>
            <input type="checkbox" checked={state.clickThrough} aria-describedby={ids.hint} onChange={(event) => run(api.setClickThrough(event.target.checked))} />
            Click-through {state.clickThrough ? 'on' : 'off'}
          </label>
          <p id={ids.hint} className="hint">
            Clicks go to the window underneath. Turn it off with Ctrl+Alt+C or from the Steady icon in the tray.
          </p>
        </>
      ) : null}
      {problem ? <p role="alert">{problem}</p> : null}
    </div>
  );
}
