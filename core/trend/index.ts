export { isAlertCode, stateOf, stepTrend, trendParams, newTrendState, resetTrendState } from './step';
export type { TrendParams, TrendState } from './step';
