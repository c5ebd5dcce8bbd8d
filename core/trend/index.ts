export { CALM, WATCH, RISING, HIGH, stepTrend, trendParams, newTrendState, resetTrendState } from './step';
export type { TrendParams, TrendState } from './step';
