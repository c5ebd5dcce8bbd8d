export type { CueEngine, EngineUpdate, CueReading, CueTransition } from './types';
export { createCueEngine } from './engine';
