// Every table of every module, for Drizzle's relational queries and drizzle-kit.
export * from '../server/audit/schema.js';
export { serverSecrets } from '../server/secret.js';
export * from '../server/cache/schema.js';
export * from '../modules/auth/schema.js';
export * from '../modules/communes/schema.js';
export * from '../modules/alliance/schema.js';
export * from '../modules/surveys/schema.js';
export * from '../modules/crime/schema.js';
export * from '../modules/evaluation/schema.js';
export * from '../modules/councils/schema.js';
