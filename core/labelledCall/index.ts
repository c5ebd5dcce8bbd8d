export * from './types';
export { parseLabelledCalls, parseLabelledCallLine, formatLabelledCallError } from './parse';
