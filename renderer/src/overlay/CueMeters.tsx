import type { Cue } from '@core/cues';
import type { CueReading } from '@core/engine/types';
import type { CueThresholds } from '@core/profile';
import { CUE_NAMES, STATE_WORDS } from './format';

/** Safety is not a meter: one sentence is enough, and it shows as the safety card. */
const METER_CUES = ['distress', 'hostility'] as const satisfies readonly Cue[];

function Meter({ reading, thresholds }: { reading: CueReading; thresholds: CueThresholds }) {
  const top = thresholds.high > 0 ? thresholds.high : 1;
  const fill = Math.min(1, Math.max(0, reading.level / top));
  const name = CUE_NAMES[reading.cue];
  const word = STATE_WORDS[reading.state];
  return (
    <div className="meter" data-testid={`meter-${reading.cue}`} data-state={reading.state}>
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

export function CueMeters({ cues, thresholds }: { cues: Readonly<Record<Cue, CueReading>>; thresholds: Readonly<Record<Cue, CueThresholds>> }) {
  return (
    <div className="meters" aria-label="How the customer sounds">
      {METER_CUES.map((cue) => (
        <Meter key={cue} reading={cues[cue]} thresholds={thresholds[cue]} />
      ))}
    </div>
  );
}
