import { useId } from 'react';
import { EVIDENCE_KINDS, type EvidenceKind } from '@core/evidence';
import type { Profile } from '@core/profile';

interface Props {
  profile: Profile;
  onChange: (profile: Profile) => void;
}

/** Word kinds a supervisor may weigh; acoustic signals have their own weights and bad news is never an emotion. */
const WORD_KINDS = EVIDENCE_KINDS.filter((k) => !['afinn', 'raised-voice', 'fast-speech', 'overtalk', 'long-silence', 'bad-news'].includes(k));
const ACOUSTIC = [
  ['raisedVoicePerDb', 'Raised voice, per dB above the caller’s usual'],
  ['fastSpeech', 'Fast speech'],
  ['overtalk', 'Talking over'],
  ['longSilence', 'Long silence'],
] as const;

/**
 * How much each kind of evidence counts. Changing a weight rescores the
 * loaded calls once (a second or two for tens of thousands), then thresholds
 * move freely again.
 */
export function WeightsEditor({ profile, onChange }: Props) {
  const afinnId = useId();
  const base = useId();
  const w = profile.weights;
  const setCategory = (kind: EvidenceKind, value: number) => {
    const categories = { ...w.categories };
    if (value === 1) delete categories[kind];
    else categories[kind] = value;
    onChange({ ...profile, weights: { ...w, categories } });
  };
  return (
    <details className="wb-panel wb-weights">
      <summary>
        <h2 className="wb-inline-h">Weights</h2> <span className="muted small">(rescore the calls)</span>
      </summary>
      <div className="wb-field">
        <label htmlFor={afinnId}>General negative words (AFINN), per point</label>
        <input id={afinnId} type="number" min={0} max={1} step={0.01} value={w.afinn} onChange={(e) => onChange({ ...profile, weights: { ...w, afinn: clamp(Number(e.target.value), 0, 1) } })} />
      </div>
      <h3>Word kinds (1 = as built in, 0 = off)</h3>
      <div className="wb-field">
        {WORD_KINDS.map((kind) => (
          <NumberField key={kind} id={`${base}-${kind}`} label={kind} value={w.categories[kind] ?? 1} min={0} max={10} step={0.1} onChange={(v) => setCategory(kind, v)} />
        ))}
      </div>
      <h3>Voice (customer only)</h3>
      <p className="muted small">Used on live calls. Labelled calls are text, so these do not change the figures here.</p>
      <div className="wb-field">
        {ACOUSTIC.map(([key, label]) => (
          <NumberField
            key={key}
            id={`${base}-${key}`}
            label={label}
            value={w.acoustic[key]}
            min={0}
            max={1}
            step={0.01}
            onChange={(v) => onChange({ ...profile, weights: { ...w, acoustic: { ...w.acoustic, [key]: v } } })}
          />
        ))}
      </div>
    </details>
  );
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}

/** A label and number input as two grid cells. */
function NumberField({ id, label, value, min, max, step, onChange }: { id: string; label: string; value: number; min: number; max: number; step: number; onChange: (v: number) => void }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={min} max={max} step={step} value={value} onChange={(e) => onChange(clamp(Number(e.target.value), min, max))} />
    </>
  );
}
