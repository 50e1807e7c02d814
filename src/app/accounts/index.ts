/** @module Accounts, sessions, permissions and the audit log of the editors' side. */
export * from './permissions.ts';
export * from './password.ts';
export * from './totp.ts';
export * from './users.ts';
export * from './sessions.ts';
export * from './throttle.ts';
export * from './sign-in.ts';
export * from './audit.ts';
export * from './setup-token.ts';
export { edb, type EditorialTables, type EditorialDb } from './tables.ts';
