export * from './types';
export { scoreCalls, labelCue } from './score';
export { alertOnset, evaluateScored, replayTrend, traceTrend } from './replay';
export { cueMetrics, median } from './metrics';
export { evaluateSentimentBaseline, type BaselineResult } from './baseline';
