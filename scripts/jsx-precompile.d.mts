/** Types of scripts/jsx-precompile.mjs, which runs in the build before any TypeScript tooling. */
/** A function precompiling one module's JavaScript (esbuild's output for `#jsx/jsx-runtime`), given the runtime's source path. */
export function precompiler(runtimePath: string): Promise<(code: string, fileName?: string) => string>;
