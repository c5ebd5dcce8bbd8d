export type { UtteranceScore, UtteranceScorer, AgentContext } from './types';
export { createUtteranceScorer, JUMP_KINDS, type ScorerOptions } from './scorer';
export { isJump } from './cueInput';
