export * from './summary';
export * from './prompts';
export * from './grace';
export * from './selfCare';
export * from './careBreak';
export * from './trend';
