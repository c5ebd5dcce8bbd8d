// js-yaml comes with electron-builder (which reads electron-builder.yml with it); only load() is used here.
declare module 'js-yaml' {
  export function load(text: string): unknown;
}

// electron-builder's own schema check for its configuration (the one `npm run package` runs first).
declare module 'app-builder-lib/out/util/config/config' {
  export function validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
}
