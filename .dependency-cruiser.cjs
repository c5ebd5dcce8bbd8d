/**
 * Import cycles fail `npm run lint`. A cycle between files means neither can be
 * understood, tested or moved without the other; break it by moving the shared
 * piece into a leaf module both import. Type-only imports count too: a cycle in
 * types is still two modules that cannot be read apart.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'This file takes part in an import cycle. Move what both sides share into a module of its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      scope: 'folder',
      comment: 'Two folders import each other. Move what both share into a leaf module, or into the folder lower down.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)out/', '(^|/)node_modules/', '(^|/)models/cache/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
