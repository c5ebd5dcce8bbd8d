export * from './schema';
export * from './defaults';
export * from './migrate';
export * from './validate';
export * from './callStart';
export * from './changes';
