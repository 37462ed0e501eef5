/**
 * `node:fs` in the Web Worker's bundle (scripts/build.mjs aliases it here): there is no file
 * system; the web host reads through the client and gives the configuration loader its own
 * operations (web-host.ts). Reaching one of these is a bug, said plainly.
 */
const none = (name: string) => (): never => {
  throw new Error(`${name}: no file system in a Web Worker (read through the client: web-host.ts)`);
};

export const readFileSync = none('readFileSync');
export const readFile = none('readFile');
export const existsSync = none('existsSync');
export const statSync = none('statSync');
export const realpathSync = none('realpathSync');
export default { readFileSync, readFile, existsSync, statSync, realpathSync };
