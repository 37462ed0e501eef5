/** Entry of dist/server.js: the language server alone (the extension starts it over IPC). */
import { startServer } from './server';

startServer();
