// Temporary stub so that other parts can build against the contract; the engine work replaces it.
import { CUES, type Cue } from '../cues';
import type { Profile } from '../profile';
import type { CueEngine, CueReading, EngineUpdate } from './types';

export type { CueEngine, EngineUpdate, CueReading } from './types';

export function createCueEngine(_profile: Profile): CueEngine {
  const cues = Object.fromEntries(
    CUES.map((cue) => [cue, { cue, level: 0, rise: 0, state: 'calm', since: 0, evidence: [] } satisfies CueReading]),
  ) as unknown as Record<Cue, CueReading>;
  const quiet = (at: number): EngineUpdate => ({ at, segmentId: null, channel: null, cues, transitions: [], card: null, cardChanged: false });
  return {
    push: (e) => ({ ...quiet(e.end), segmentId: e.segmentId, channel: e.channel }),
    observe: (o) => quiet(o.at),
    tick: (now) => quiet(now),
    dismiss: (now) => quiet(now),
    snapshot: () => quiet(0),
  };
}
