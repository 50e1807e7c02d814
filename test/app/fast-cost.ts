/** @module A cheap scrypt cost so tests that create accounts stay fast; the OWASP default has its own test. */
export const FAST = { N: 1024, r: 8, p: 1 };
