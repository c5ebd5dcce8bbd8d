export * from './schema';
export * from './defaults';
export * from './migrate';
export * from './validate';
export * from './limits';
export * from './callStart';
export * from './changes';
