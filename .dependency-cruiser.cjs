// The direction of dependencies (DESIGN.md style rule 4): web → core, server → core,
// never core → anything with I/O, and never server ↔ web.
module.exports = {
  forbidden: [
    {
      name: 'core-has-no-io',
      comment: 'packages/core is pure domain logic: no node built-ins with I/O, no server, web, database or network code.',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: {
        pathNot: '^packages/core/src',
        path: ['^packages/(server|web)', 'node_modules/(kysely|better-sqlite3|pg|fastify|react|exceljs|pdfkit|nodemailer)'],
      },
    },
    {
      name: 'core-no-node-io',
      severity: 'error',
      from: { path: '^packages/core/src', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'], path: '^(fs|fs/promises|net|http|https|child_process|dgram|dns|tls|node:fs|node:net|node:http|node:https|node:child_process)$' },
    },
    { name: 'server-not-web', severity: 'error', from: { path: '^packages/server/src' }, to: { path: '^packages/web' } },
    { name: 'web-not-server', severity: 'error', from: { path: '^packages/web/src' }, to: { path: '^packages/server' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { conditionNames: ['source', 'import', 'default'] },
    exclude: { path: ['dist', 'dist-types'] },
  },
};
