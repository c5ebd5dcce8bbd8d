export { createResampler, kaiserDesign, type Resampler, type ResamplerOptions } from './resampler';
export { mixToMono } from './mono';
export { rmsDb, powerMeanDb, SILENCE_DB } from './loudness';
export { FrameAnalyzer, VoiceActivityDetector, FRAME_SECONDS, type FrameFeatures } from './voiceActivity';
export { AcousticAnalyzer, DEFAULT_ACOUSTIC_SETTINGS, type AcousticSettings } from './acoustic';
export { ChannelHealth, NO_SIGNAL_DB, type ChannelCondition } from './channelHealth';
