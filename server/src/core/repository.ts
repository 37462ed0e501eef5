/**
 * Where the project lives: package.json's `repository.url`, the one setting the docs links follow
 * (rule pages in diagnostics, SARIF, --help). Written by `npm run docs`; a test fails when it
 * differs from package.json.
 */
export const REPOSITORY = 'https://github.com/cloe-grid/cloe-grid';
