import type { Cue, CueState } from '@core/cues';
import type { CueReading } from '@core/engine/types';
import type { CueThresholds } from '@core/profile';
import { CUE_NAMES, STATE_WORDS } from './format';

/** Safety is not a meter: one sentence is enough, and it shows as the safety card. */
const METER_CUES = ['distress', 'hostility'] as const satisfies readonly Cue[];

/**
 * The bar's fill, kept inside the band of the word shown beside it, so that the
 * fill and the word never disagree while the word is held steady.
 */
export function meterFill(level: number, state: CueState, t: CueThresholds): number {
  const top = t.high > 0 ? t.high : 1;
  const bands: Record<CueState, [number, number]> = {
    calm: [0, t.watch],
    watch: [t.watch, t.rising],
    rising: [t.rising, t.high],
    high: [t.high, top],
  };
  const [lo, hi] = bands[state];
  // Just inside the band's top, so that a full "rising" bar never looks like "high".
  const inside = Math.min(Math.max(level, lo), state === 'high' ? hi : lo + (hi - lo) * 0.95);
  return Math.min(1, Math.max(0, inside / top));
}

function Meter({ reading, state, thresholds }: { reading: CueReading; state: CueState; thresholds: CueThresholds }) {
  const top = thresholds.high > 0 ? thresholds.high : 1;
  const fill = meterFill(reading.level, state, thresholds);
  const name = CUE_NAMES[reading.cue];
  const word = STATE_WORDS[state];
  return (
    <div className="meter" data-testid={`meter-${reading.cue}`} data-state={state}>
      <span className="meter-name" id={`meter-${reading.cue}-name`}>
        {name}
      </span>
      <div
        className="meter-track"
        role="meter"
        aria-labelledby={`meter-${reading.cue}-name`}
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={Number(fill.toFixed(2))}
        aria-valuetext={`${name}: ${word}`}
      >
        <span className="meter-fill" style={{ inlineSize: `${(fill * 100).toFixed(1)}%` }} />
        <span className="meter-mark" style={{ insetInlineStart: `${((thresholds.watch / top) * 100).toFixed(1)}%` }} aria-hidden="true" />
        <span className="meter-mark" style={{ insetInlineStart: `${((thresholds.rising / top) * 100).toFixed(1)}%` }} aria-hidden="true" />
      </div>
      <span className="meter-state">{word}</span>
    </div>
  );
}

export function CueMeters({
  cues,
  thresholds,
  shown,
  paused = false,
  ended = false,
}: {
  cues: Readonly<Record<Cue, CueReading>>;
  thresholds: Readonly<Record<Cue, CueThresholds>>;
  /** The states to show (held steady in time); the engine's own when absent. */
  shown?: Readonly<Record<Cue, CueState>> | undefined;
  paused?: boolean;
  /** The call is over: the meters keep how it ended, greyed and said so, rather than look like a caller still rising. */
  ended?: boolean;
}) {
  if (paused) {
    return (
      <p className="cues-paused" role="status" data-testid="cues-paused">
        Cues paused for this call: nothing the caller says is scored, and no card will appear.
      </p>
    );
  }
  return (
    <div className={ended ? 'meters is-ended' : 'meters'} role="group" aria-label={ended ? 'How the customer sounded as the call ended' : 'How the customer sounds'} data-testid="meters">
      {ended ? <p className="meters-ended-note">As the call ended</p> : null}
      {METER_CUES.map((cue) => (
        <Meter key={cue} reading={cues[cue]} state={shown?.[cue] ?? cues[cue].state} thresholds={thresholds[cue]} />
      ))}
    </div>
  );
}
