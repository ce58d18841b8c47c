/**
 * Dependency direction, checked by `npm test` (scripts/check-code.sh):
 * feature modules depend on common/infra/config/form, never the other way round, and no import cycles.
 */
module.exports = {
  forbidden: [
    {
      name: 'common-infra-never-import-features',
      comment: 'src/common and src/infra are shared by every feature; a feature import there inverts the layering.',
      severity: 'error',
      from: { path: '^src/(common|infra)/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'form-never-imports-features',
      comment: 'The form declarations are pure data used by every feature.',
      severity: 'error',
      from: { path: '^src/form/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'no-circular',
      comment: 'Module cycles work only by accident of load order (or a global module).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-never-imports-tests',
      comment: 'Shipped code never loads test fixtures (specs beside the code may).',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|web)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
