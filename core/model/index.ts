export { createCueScorer, type CueScorer } from './cueScorer';
export { newConversationContext, resetConversationContext, hearAgentTurn, type ConversationContext } from './context';
export { bundledCueModel } from './bundled';
export { loadCueModel } from './model';
export { toRecogniserForm } from './recogniserForm';
export { MODEL_CUES, type ModelCue, type CueModel, type CueModelFile } from './types';
export { cueModelFor } from './adapted';
export { withThresholdsFor, thresholdsForNote } from './thresholdsFor';
