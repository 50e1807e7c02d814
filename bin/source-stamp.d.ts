/** Types of bin/source-stamp.js, which runs before any TypeScript tooling (bin/mizan.js imports it). */
/** `{ files, newest }` of the tree under `dir` (newest: the largest mtime in ms). */
export function sourceStamp(dir: string): { files: number; newest: number };
/** Whether the dist/ described by `infoPath` (build-info.json) was compiled from the sources under `srcDir` as they are now. */
export function compiledIsCurrent(srcDir: string, infoPath: string): boolean;
