#!/usr/bin/env node
/**
 * The logic of the GitHub Action (action.yml at the repository root), run by its "Check" step
 * and by test/ci.test.ts with the variables a runner sets:
 *
 *   CLOE_GRID            the CLI to run (a JavaScript file, run with this node)
 *   INPUT_PATHS          files, folders or globs: one per line, or separated by spaces on one line
 *   INPUT_FAIL_ON        "" (the outcome diff informs), "outcome" or "certificate-gained"
 *                        (passed to `cloe-grid diff --fail-on` on a pull request)
 *   INPUT_MAX_WARNINGS   "" or a whole number (`cloe-grid check --max-warnings`)
 *   INPUT_SARIF_FILE     where the SARIF goes (relative to the workspace)
 *   INPUT_LOCALE         "", "en" or "fr"
 *   GITHUB_WORKSPACE, GITHUB_EVENT_NAME, GITHUB_BASE_REF, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT
 *
 * It runs `cloe-grid check` three times (each takes ~0.1 s): SARIF to the file (for
 * github/codeql-action/upload-sarif), workflow commands to the log (annotations), the readable
 * report to the job summary. On a pull request it fetches the base branch and appends
 * `cloe-grid diff --base origin/<base> --format markdown` (the outcome changes) to the summary.
 * Exit code: the check's (0 clean, 1 findings that fail, 2 usage error), or 1 when the diff fails
 * under `fail-on`.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';

const env = process.env;
const cwd = env.GITHUB_WORKSPACE || process.cwd();

function input(name, fallback = '') {
  const value = (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  return value === '' ? fallback : value;
}

/** `::error::` in the log (a workflow command), then exit 2. */
function usage(message) {
  process.stdout.write(`::error title=cloe-grid::${escape(message)}\n`);
  process.exit(2);
}

function escape(s) {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function cloeGrid(args, stdout = 'pipe') {
  const r = spawnSync(process.execPath, [env.CLOE_GRID, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', stdout, 'pipe'], maxBuffer: 1 << 30 });
  if (r.error) usage(`Cannot run cloe-grid (${env.CLOE_GRID}): ${r.error.message}`);
  return { code: r.status ?? 2, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function git(args) {
  return spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function summary(markdown) {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
}

function output(name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

// ------------------------------------------------------------------------------------ inputs

if (!env.CLOE_GRID) usage('CLOE_GRID is not set: the path of the cloe-grid CLI (dist/cli.js) to run.');
const lines = input('paths', '.').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const paths = lines.length === 1 ? lines[0].split(/\s+/) : lines;
const failOn = input('fail_on');
if (!['', 'outcome', 'certificate-gained'].includes(failOn)) usage(`Invalid fail-on "${failOn}": use outcome or certificate-gained, or leave it empty (the outcome diff then only informs).`);
const maxWarnings = input('max_warnings');
if (maxWarnings !== '' && !/^\d+$/.test(maxWarnings)) usage(`Invalid max-warnings "${maxWarnings}": use a whole number, 0 or more, or leave it empty (no limit).`);
const sarifFile = input('sarif_file', 'cloe-grid.sarif');
const locale = input('locale');
const common = [...(locale ? ['--locale', locale] : [])];
const checkOptions = [...common, ...(maxWarnings !== '' ? ['--max-warnings', maxWarnings] : [])];

// ------------------------------------------------------------------------------------ check

const sarif = cloeGrid(['check', '--format', 'sarif', '--output', sarifFile, ...checkOptions, ...paths]);
if (sarif.code === 2) usage(sarif.stderr.trim());
// The annotations: workflow commands on stdout, which the runner turns into annotations.
cloeGrid(['check', '--format', 'github', ...checkOptions, ...paths], 'inherit');
const readable = cloeGrid(['check', '--no-color', ...checkOptions, ...paths]);

const results = JSON.parse(readFileSync(path.resolve(cwd, sarifFile), 'utf8')).runs.flatMap((run) => run.results);
output('sarif', sarifFile);
output('errors', results.filter((r) => r.level === 'error').length);
output('warnings', results.filter((r) => r.level === 'warning').length);

summary(`### \`cloe-grid check ${paths.join(' ')}\`\n\n\`\`\`text\n${readable.stdout.trimEnd()}\n\`\`\`\n\n`);
let code = sarif.code;

// ------------------------------------------------------------------------------------ diff

const pullRequest = env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target';
if (pullRequest && env.GITHUB_BASE_REF) {
  const base = env.GITHUB_BASE_REF;
  // actions/checkout fetches the merge commit alone: the base branch's tip is fetched here (the
  // merge commit is that tip plus the pull request, so the diff against it is the pull request's).
  // (--depth=1 only in a shallow clone: in a full one it would make the repository shallow.)
  const shallow = git(['rev-parse', '--is-shallow-repository']).stdout.trim() === 'true';
  const fetched = git(['fetch', '--no-tags', ...(shallow ? ['--depth=1'] : []), 'origin', `+refs/heads/${base}:refs/remotes/origin/${base}`]);
  const ref = [`origin/${base}`, base].find((r) => git(['rev-parse', '--verify', '--quiet', `${r}^{commit}`]).status === 0);
  if (!ref) {
    process.stdout.write(`::warning title=cloe-grid::${escape(`No outcome diff: cannot fetch the base branch "${base}" (${fetched.stderr.trim()}).`)}\n`);
  } else {
    const diff = cloeGrid(['diff', '--base', ref, '--format', 'markdown', ...common, ...(failOn ? ['--fail-on', failOn] : []), ...paths]);
    if (diff.code === 2) {
      process.stdout.write(`::warning title=cloe-grid::${escape(`No outcome diff against ${ref}: ${diff.stderr.trim()}`)}\n`);
      summary(`### \`cloe-grid diff --base ${ref}\`\n\nNo outcome diff: ${diff.stderr.trim()}\n`);
    } else {
      summary(`### \`cloe-grid diff --base ${ref}\`\n\n${diff.stdout.trimEnd()}\n`);
      if (diff.code === 1) code = Math.max(code, 1);
    }
  }
}

process.exit(code);
