export * from './types';
export { parseLabelledCalls, parseLabelledCallLine, formatLabelledCallError, MAX_TIME_SECONDS } from './parse';
export { findLabelledCallWarnings, MAX_CALL_SECONDS, MAX_SEGMENT_SECONDS } from './warnings';
