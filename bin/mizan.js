#!/usr/bin/env node
// Entry point of the `mizan` binary. Production runs the compiled JavaScript in dist/ (written by
// `npm install` through scripts/build.mjs); a checkout whose src/ changed since that build, or that has no
// build, runs the TypeScript sources through tsx, so development never runs stale code.
// MIZAN_RUN_SOURCES=1 forces the sources.
import { fileURLToPath } from 'node:url';
import { compiledIsCurrent } from './source-stamp.js';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const info = fileURLToPath(new URL('../dist/build-info.json', import.meta.url));

// A reader that stops early (`mizan --help | head`, `mizan export | head`) closes the pipe: stop quietly,
// as command-line tools do on SIGPIPE, instead of crashing with an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

let main;
if (process.env.MIZAN_RUN_SOURCES !== '1' && compiledIsCurrent(src, info)) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  // tsx reads tsconfig.json from the working directory by default; run from elsewhere (a data folder),
  // the JSX settings would be missing and every page would fail with "React is not defined".
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
