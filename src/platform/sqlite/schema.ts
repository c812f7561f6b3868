// The tables, by group; the same tables as ../postgres/schema.ts in SQLite's types, kept in step by the contract suite.
export * from './schema/challengeTables.js';
export * from './schema/submissionTables.js';
export * from './schema/identityTables.js';
export * from './schema/assessmentTables.js';
export * from './schema/webhookTables.js';
export * from './schema/similarityTables.js';
