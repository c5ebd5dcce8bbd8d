/**
 * Every way a speech model can fail to load, in words an agent can act on.
 * The app stays usable (replay, practice) whatever happens here.
 */
export type ModelProblem = 'missing' | 'unreachable' | 'corrupt' | 'empty' | 'layout' | 'sample-rate' | 'unsafe' | 'memory' | 'timeout' | 'worker' | 'unknown';

export class SpeechModelError extends Error {
  override readonly name = 'SpeechModelError';
  constructor(
    readonly problem: ModelProblem,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export const NEXT_STEP = 'Live transcription is off; replay and practice calls still work.';

export function problemMessage(problem: ModelProblem, detail = ''): string {
  switch (problem) {
    case 'missing':
      return `The speech model file was not found${detail ? ` (${detail})` : ''}. Download it, or choose a model file already on this computer.`;
    case 'unreachable':
      return 'The speech model file could not be read. Check that Steady is still installed correctly, then try again.';
    case 'corrupt':
      return 'The speech model file is damaged or is not a model archive. Download it again, or choose another file.';
    case 'empty':
      return 'The speech model archive is empty. Download it again, or choose another file.';
    case 'layout':
      return `This file is not a speech model Steady can use${detail ? `: ${detail}` : '.'}`;
    case 'sample-rate':
      return detail || 'This model is made for a different sample rate. Choose a 16 kHz model.';
    case 'unsafe':
      return detail || 'Steady refused this model file: it breaks the limits on what a model archive may hold. Download the model again or choose another file.';
    case 'memory':
      return 'There is not enough free memory to load the speech model. Close some other programs, or choose a smaller model, then try again.';
    case 'timeout':
      return 'The speech model took too long to load. Try again; if it keeps happening, download the model again.';
    case 'worker':
      return 'The speech engine could not start in this window. Restart Steady and try again.';
    default:
      return `The speech model could not be loaded${detail ? ` (${detail})` : ''}.`;
  }
}

export function modelError(problem: ModelProblem, detail?: string): SpeechModelError {
  return new SpeechModelError(problem, `${problemMessage(problem, detail)}`, detail);
}

/** Map the recogniser worker's raw error text to a problem. */
export function classifyWorkerError(raw: string): ModelProblem {
  const text = raw.toLowerCase();
  if (/out of memory|cannot enlarge memory|memory access out of bounds|allocation failed|could not allocate|rangeerror.*memory/.test(text)) return 'memory';
  if (/404|not found|failed to fetch|networkerror/.test(text)) return 'missing';
  if (/gzip|inflate|incorrect header|invalid (tar|archive)|unexpected end/.test(text)) return 'corrupt';
  if (/final\.mdl|mfcc\.conf|no such file|failed to (open|read)|cannot open/.test(text)) return 'layout';
  return 'unknown';
}

/**
 * vosk-browser's worker throws stray uncaught errors after a failed or
 * finished load (e.g. "Cannot read properties of undefined (reading 'done')").
 * They are noise, not a new failure: the load already reported its real error.
 */
export function isStrayWorkerError(message: string): boolean {
  // Only the known stray: any other "cannot read properties" is a real failure and must surface.
  return /reading ['"]done['"]|\.done is undefined|can't access property ['"]done['"]/i.test(message);
}
