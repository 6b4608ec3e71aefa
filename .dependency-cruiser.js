// Architecture boundaries, checked by `npm run lint:boundaries` (part of `npm test`).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-no-framework',
      comment: 'Domain code is plain TypeScript: no Nest, TypeORM, Kafka client or database driver.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: 'node_modules/(@nestjs|typeorm|kafkajs|pg|class-validator|class-transformer)/' },
    },
    {
      name: 'domain-imports-only-domain',
      comment: 'Domain code may use the framework-free shared kernel and other domain code only.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: '^libs/', pathNot: ['^libs/[^/]+/src/domain/', '^libs/common/src/[^/]+\\.ts$'] },
    },
    {
      name: 'apps-use-lib-aliases',
      comment: 'Apps reach libs through @app/* aliases, never by relative path.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/', dependencyTypesNot: ['aliased-tsconfig', 'aliased-tsconfig-paths'] },
    },
    {
      name: 'libs-use-lib-aliases',
      comment: 'A lib reaches another lib through its @app/* alias (its public index), not by path.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: '^libs/$1/', dependencyTypesNot: ['aliased-tsconfig', 'aliased-tsconfig-paths'] },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The web app is a browser bundle with rules of its own (ESLint, vue-tsc); these rules are the server's.
    exclude: { path: ['\\.spec\\.ts$', '^apps/web/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
