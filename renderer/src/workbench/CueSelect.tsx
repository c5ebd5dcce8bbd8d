import { CUES, type Cue } from '@core/cues';
import { CUE_NAMES } from './format';

/** A choice of cue, named in words; used wherever the workbench asks "which cue?". */
export function CueSelect({ id, value, onChange }: { id: string; value: Cue; onChange: (cue: Cue) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Cue)}>
      {CUES.map((c) => (
        <option key={c} value={c}>
          {CUE_NAMES[c]}
        </option>
      ))}
    </select>
  );
}
