/** The language server (SPEC §4). Only this layer knows LSP; it adapts the core's findings and model. */
export function startServer(): void {
  process.stderr.write('cloe-grid: the language server is not available in this build.\n');
  process.exitCode = 2;
}
