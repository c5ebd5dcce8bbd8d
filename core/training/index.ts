export { adaptSteps, isHeldOut, ALERT_LINES, AdaptError, MIN_LABELLED_TURNS, type AdaptProgress, type AdaptReport, type AdaptStage, type AdaptOptions } from './adapt';
export { checkEnglish, MIN_ENGLISH_SHARE, type LanguageCheck } from './language';
export { runToEnd } from './steps';
export { withRising } from './thresholds';
