/** Who may import whom (docs/architecture.md); test/unit/architecture.test.ts enforces it. */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'adapters-only-in-the-composition-root',
      comment: 'Only src/runtime/ constructs storage adapters; everything else sees the repository interfaces.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(runtime|platform)/' },
      to: { path: '^src/platform/(sqlite|postgres)/|^src/platform/openStore\\.ts$' },
    },
    {
      name: 'database-drivers-only-in-adapters',
      comment: 'No SQLite or PostgreSQL type, dialect or driver outside src/platform/.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/platform/' },
      to: { path: 'node_modules/(better-sqlite3|pg|drizzle-orm)/' },
    },
    {
      name: 'workers-need-no-database',
      comment: 'A worker runs on hosts with no database: nothing it imports may reach storage.',
      severity: 'error',
      from: { path: '^src/(worker|sandbox|grading|scoring|queue)/|^src/workerMain\\.ts$' },
      to: { path: '^src/platform/|node_modules/(better-sqlite3|pg|drizzle-orm)/' },
    },
    {
      name: 'domain-knows-no-http',
      severity: 'error',
      from: { path: '^src/(challenges|submissions|scoring|sandbox|grading|queue|worker|events|tenancy|images|platform|organisations|members|sessions|apiKeys|audit|assessments|invitations|outbox|webhooks|integrations|similarity)/' },
      to: { path: '^src/(http|cli|tools|runtime)/' },
    },
    {
      name: 'similarity-is-for-staff',
      comment: 'Only the composition root, the staff routes and the adapters (for its types) see similarity.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(runtime|http|platform|similarity)/' },
      to: { path: '^src/similarity/' },
    },
    {
      name: 'authoring-tools-stay-outside-the-service',
      comment: 'validate, mutants and regrade are for the CLI; workers also validate uploaded packages. Never the API.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|tools|worker)/' },
      to: { path: '^src/tools/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
