/**
 * Entry of dist/server.js: the language server alone (the extension starts it over IPC). The CLI
 * (dist/cli.js --stdio) loads this bundle too, and starts the server itself: the language
 * server's libraries are not in the CLI's bundle, so `cloe-grid check` starts fast.
 */
import { startServer } from './node-host';

export { startServer };

if (require.main === module) startServer();
