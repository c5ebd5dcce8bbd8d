import file from './cue-model.json';
import { loadCueModel } from './model';
import type { CueModel } from './types';

let bundled: CueModel | null = null;

/** The model that ships with Steady (see MODEL_CARD.md), decoded on first use and shared. */
export function bundledCueModel(): CueModel {
  return (bundled ??= loadCueModel(file));
}
