/**
 * `cloe-grid`: the CI tool (check, report) and, with --stdio or --node-ipc, the language server.
 * Exit codes: 0 clean, 1 findings that fail, 2 usage error or unreadable input.
 */
import { parseArgs } from 'node:util';
import { checkText } from '../core/check';
import { SEVERITIES, type Severity } from '../core/findings';
import { type Locale, localeFrom, msg, render } from '../core/messages';
import { existsSync, statSync } from 'node:fs';
import { CheckPool, type Job, poolWorker, WORKER_ARG, workerCount, workerMain } from './parallel';
import path from 'node:path';
import type { Finding } from '../core/findings';
import { REPOSITORY } from '../core/repository';
import { RULES } from '../core/rules/index';
import { CONFIG_FILE_NAMES } from '../core/config';
import { LineIndex } from '../core/text';
import { checkOptions, ConfigLoader, isGridFile, type ResolvedConfig } from '../node/config-loader';
import { displayPath, expandTargets, type Target, UsageError } from './files';
import { githubWriter } from './formats/github';
import { gitlabWriter } from './formats/gitlab';
import { reportHtml } from './formats/html';
import { jsonWriter } from './formats/json';
import { junitWriter } from './formats/junit';
import { reportCsv, reportJson, reportMarkdown, reportRows, reportTable } from './formats/report';
import { sarifWriter } from './formats/sarif';
import type { WriterFactory } from './formats/stream';
import { stylishWriter } from './formats/stylish';
import type { CheckedFile, FormatContext } from './formats/types';
import { fixerFor, type Fixer } from './fix';
import { AtomicFile, assertReadable, fileSpool, readStdin, readTarget, writeAtomically } from './io';

declare const CLOE_VERSION: string | undefined;
export const VERSION = typeof CLOE_VERSION === 'string' ? CLOE_VERSION : '0.0.0-dev';

const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;
const REPORT_FORMATS = ['table', 'csv', 'json', 'markdown', 'html', 'xlsx'] as const;

const HELP = `cloe-grid ${VERSION} — checks CLOE certification grid files (*.cloe.yaml)

Usage:
  cloe-grid check [options] <path…>    validate files, folders (recursively) and globs; - reads stdin
  cloe-grid report [options] <path…>   the computed outcome of every candidate
  cloe-grid diff [options] <OLD> <NEW> what a change does to outcomes: two files or two folders,
  cloe-grid diff --base <git-ref> [path…]
                                       or the working tree against a git ref
                                       ("cloe-grid diff --help" for its options)
  cloe-grid import [options] <sheet>   candidates from a spreadsheet (.xlsx, .csv) into a grid file
  cloe-grid --stdio | --node-ipc       run the language server (for editors)

Options of check:
  -f, --format <name>        stylish (default), json, sarif, github, junit, gitlab (Code Quality)
  -o, --output <file>        write the report to a file (whole or not at all)
      --max-warnings <n>     fail (exit 1) when there are more than n warnings
  -q, --quiet                report errors only
      --min-severity <s>     report findings from this severity up: error, warning (default),
                             information, hint
      --fix                  apply the safe fixes (as the editor's fix-all) to the files, then
                             report what remains; never rewrites a file with YAML syntax errors;
                             for -, prints the fixed text and reports on stderr
      --fix-dry-run          print the safe fixes as a unified diff and write nothing (the report,
                             of the files as they are, goes to stderr)
Options of report:
  -f, --format <name>        table (default), csv, json, markdown, html (one self-contained page:
                             counts, chart and candidates of each cohort, printable), xlsx (an
                             Excel workbook: needs --output)
  -o, --output <file>        write the report to a file
      --excel                with csv: semicolons, a byte order mark and CRLF, for French Excel
      --one-sheet            with xlsx: one table with a cohort column, not one sheet per cohort
Options of import (the columns are found by their French or English headers):
  -o, --output <file>        write a new grid file (never overwrites one)
      --into <file>          merge into an existing grid file: candidates matched by id are
                             updated, new ones appended to their cohort, nothing removed
      --cohort <id>          the cohort of the rows when the sheet has no cohort column
      --sheet <name>         the sheet to read (default: the first)
      --map "Header=field"   the field of a column (id, name, last-name, first-name, profession,
                             threshold, result, written, oral, cohort, session, ignore); repeatable
      --dry-run              print the change as a unified diff and write nothing
Configuration (cloe.config.yaml, the nearest one up the folder tree):
  -c, --config <file>        use this configuration for every file instead
      --print-config <file>  show the configuration that applies to a file, and exit
      --no-inline-config     ignore # cloe-disable comments
      --report-unused-disable-directives
                             report cloe-disable comments that suppress nothing as errors
Common options:
      --stdin-filename <n>   the name under which to report what - reads
      --locale <fr|en>       language of the messages (default: from LANG)
  -h, --help                 this help
  -v, --version              the version

Exit codes: 0 no errors (and warnings within --max-warnings); 1 findings that fail;
2 usage error, missing or unreadable path, folder with no grid file.
Rules and their documentation: ${REPOSITORY}/blob/main/docs/rules/README.md
`;

interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** The text of standard input (`-`); the executable reads file descriptor 0 (tests running in process give it). */
  stdin?: () => string;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Invalid value "${value}" for ${option}: use one of ${allowed.join(', ')}.`);
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'min-severity': { type: 'string' },
        'stdin-filename': { type: 'string' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        color: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        'print-config': { type: 'string' },
        'no-inline-config': { type: 'boolean' },
        'report-unused-disable-directives': { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'no-color': { type: 'boolean' },
        excel: { type: 'boolean' },
        'one-sheet': { type: 'boolean' },
        into: { type: 'string' },
        cohort: { type: 'string' },
        sheet: { type: 'string' },
        map: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
      },
    });
  } catch (e) {
    const err = e as Error & { code?: string };
    // Node's own text speaks of positionals and '--': say what the user wrote and where the options are.
    const unknown = err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-[^']*)'/.exec(err.message)?.[1] : undefined;
    if (unknown) throw new UsageError(`Unknown option "${unknown}": run "cloe-grid --help" for the options of each command.`);
    throw new UsageError(`${err.message.replace(/\.?$/, '.')} Run "cloe-grid --help" for usage.`);
  }
}

interface CheckRun {
  /** Only the findings are needed (check, not report): files may be checked on worker threads. */
  findingsOnly?: boolean;
  stdinName: string | undefined;
  minRank: number;
  /** --config: one configuration for every file instead of the nearest one. */
  configPath: string | undefined;
  inlineConfig: boolean;
  reportUnused: boolean;
  /** --fix, --fix-dry-run (fix.ts). */
  fixer?: Fixer | undefined;
}

/** The configuration of --config, or a usage error when it cannot be read. */
function explicitConfig(loader: ConfigLoader, configPath: string | undefined, cwd: string): ResolvedConfig | undefined {
  if (!configPath) return undefined;
  const abs = path.resolve(cwd, configPath);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new UsageError(`Cannot read the configuration "${configPath}": no such file.`);
  return loader.load(abs);
}

/**
 * Files are read, checked and handed over this many at a time (at most BATCH_CHARS characters
 * read): a check of 10,000 files keeps one batch in memory, not the files (issue 18).
 */
const BATCH_FILES = 400;
const BATCH_CHARS = 8_000_000;

interface PlannedCheck {
  /** The display name of every file that will be handed over, in order (grid files, then configurations). */
  displays: string[];
  /** Whether standard input is one of the files. */
  readsStdin: boolean;
  /** Checks the files batch by batch and hands each over, in order. */
  run(each: (file: CheckedFile) => void): Promise<void>;
}

/** Which files a check reads, with which configuration: everything known before a file is read. */
function planCheck(paths: string[], io: Io, opts: CheckRun): PlannedCheck {
  if (paths.length === 0) throw new UsageError('No path given: name files, folders or globs to check (or - for stdin). Run "cloe-grid --help" for usage.');
  const loader = new ConfigLoader();
  const fixed = explicitConfig(loader, opts.configPath, io.cwd);
  const configOf = (abs: string) => fixed ?? loader.forFile(abs);
  const named = expandTargets(paths, io.cwd, opts.stdinName, (abs) => isGridFile(abs, configOf(abs)));
  const sheet = named.find((t) => t.abs && /\.(csv|tsv|xlsx|xlsm|xls)$/i.test(t.abs));
  if (sheet) throw new UsageError(`"${sheet.display}" is a spreadsheet, not a grid file: to make a grid file of it, run "cloe-grid import ${sheet.display} --output new.cloe.yaml".`);
  // A configuration named on the command line is checked as a configuration (as `check .` does).
  const isConfig = (t: Target) => !!t.abs && CONFIG_FILE_NAMES.includes(path.basename(t.abs));
  const targets = named.filter((t) => !isConfig(t));
  const namedConfigs = new Set(named.filter(isConfig).map((t) => loader.load(t.abs!).path!));
  let stdinText: string | undefined;
  const stdin = () => (stdinText ??= (io.stdin ?? readStdin)());
  const keep = (f: Finding) => SEVERITIES.indexOf(f.severity) <= opts.minRank;
  const configs = new Map<string, ResolvedConfig>([...namedConfigs].map((p) => [p, loader.load(p)]));
  const configOfTarget = targets.map((t) => {
    assertReadable(t);
    const config = configOf(t.abs ?? path.join(io.cwd, opts.stdinName ?? 'stdin.cloe.yaml'));
    if (config.path && !configs.has(config.path)) configs.set(config.path, config);
    return config;
  });
  // Problems of a configuration are reported on the configuration file itself.
  const reported = [...configs.values()].filter((c) => c.text !== undefined && c.path && (c.findings.length > 0 || namedConfigs.has(c.path)));
  return {
    displays: [...targets.map((t) => t.display), ...reported.map((c) => displayPath(c.path!, io.cwd))],
    readsStdin: targets.some((t) => !t.abs),
    async run(each) {
      // Many files (and no need for the model, which `report` has): spread them over the cores.
      const threads = opts.findingsOnly && !opts.fixer ? workerCount(targets.length) : 1;
      const pool = threads > 1 ? new CheckPool(threads, __filename) : undefined;
      try {
        for (let next = 0; next < targets.length; ) {
          const jobs: (Job & { target: Target })[] = [];
          for (let chars = 0; next < targets.length && jobs.length < BATCH_FILES && chars < BATCH_CHARS; next++) {
            const t = targets[next]!;
            let text = readTarget(t, stdin);
            const options = checkOptions(configOfTarget[next]!, opts.inlineConfig);
            if (opts.reportUnused) options.severities = { ...options.severities, 'unused-suppression': 'error' };
            if (opts.fixer) text = opts.fixer.apply(t, text, (s) => checkText(s, options));
            jobs.push({ target: t, text, options });
            chars += text.length;
          }
          const parallel = pool ? await pool.check(jobs) : undefined;
          for (const [i, { target: t, text, options }] of jobs.entries()) {
            let file: CheckedFile;
            if (parallel) {
              file = { display: t.display, text, lines: new LineIndex(text), candidates: [], findings: parallel[i]!.filter(keep) };
            } else {
              const result = checkText(text, options);
              file = { display: t.display, text, lines: result.lines, candidates: opts.findingsOnly ? [] : result.candidates, findings: result.findings.filter(keep) };
              if (!opts.findingsOnly) file.model = result.model;
            }
            if (t.abs) file.abs = t.abs;
            each(file);
          }
        }
      } finally {
        await pool?.close();
      }
      for (const config of reported) {
        each({ display: displayPath(config.path!, io.cwd), abs: config.path!, text: config.text!, lines: new LineIndex(config.text!), candidates: [], findings: config.findings.filter(keep) });
      }
    },
  };
}

/** Every file checked, kept (report: its rows, its HTML page). */
async function checkFiles(paths: string[], io: Io, opts: CheckRun): Promise<CheckedFile[]> {
  const files: CheckedFile[] = [];
  await planCheck(paths, io, opts).run((f) => files.push(f));
  return files;
}

/** --print-config: the configuration that applies to a file, as JSON. */
function printConfig(file: string, io: Io, configPath: string | undefined): string {
  const loader = new ConfigLoader();
  const abs = path.resolve(io.cwd, file);
  const config = explicitConfig(loader, configPath, io.cwd) ?? loader.forFile(abs);
  const rules = Object.fromEntries(RULES.map((r) => [r.id, config.severities[r.id] ?? r.defaultSeverity]));
  const out = {
    file: displayPath(abs, io.cwd),
    config: config.path ? displayPath(config.path, io.cwd) : null,
    isGridFile: isGridFile(abs, config),
    rules,
    grid: config.gridFiles.map((g) => displayPath(g, io.cwd)),
    professions: config.extraProfessions.map((p) => p.name),
    files: config.files,
    problems: config.findings.length,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** Runs the CLI; returns the exit code. All output goes through io, so tests can call it in-process too. */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.stdout(HELP);
      io.stderr('cloe-grid: no command given: use "check" or "report" (see the usage above).\n');
      return 2;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (command === 'diff') {
      // Loaded when used: the other commands do not pay for it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return await (require('./diff') as typeof import('./diff')).runDiff(rest, io, __filename);
    }
    if (command !== 'check' && command !== 'report' && command !== 'import') {
      throw new UsageError(`Unknown command "${command}": use "check", "report", "diff" or "import". Run "cloe-grid --help" for usage.`);
    }
    const { values, positionals } = parse(rest);
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (values.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (values['print-config'] !== undefined) {
      io.stdout(printConfig(values['print-config'], io, values.config));
      return 0;
    }
    const runOptions = {
      stdinName: values['stdin-filename'],
      configPath: values.config,
      inlineConfig: !values['no-inline-config'],
      reportUnused: !!values['report-unused-disable-directives'],
    };
    const locale: Locale = oneOf(values.locale, ['en', 'fr'] as const, '--locale', localeFrom(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG));
    const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';

    if (command === 'import') {
      fixerFor(command, values.fix, values['fix-dry-run'], io); // a usage error: --fix is for check
      // The spreadsheet libraries load with this command only (see sheet-libs.ts).
      const { runImport } = require('./import') as typeof import('./import'); // eslint-disable-line @typescript-eslint/no-require-imports
      return await runImport(positionals, { sheet: values.sheet, map: values.map ?? [], output: values.output, into: values.into, cohort: values.cohort, dryRun: !!values['dry-run'], config: values.config, locale, color: color && !values['dry-run'] }, io);
    }
    for (const option of ['into', 'cohort', 'sheet', 'map', 'dry-run'] as const) {
      if (values[option] !== undefined) throw new UsageError(`--${option} applies to "import" only. Run "cloe-grid --help" for usage.`);
    }
    for (const option of ['excel', 'one-sheet'] as const) {
      if (command === 'check' && values[option] !== undefined) throw new UsageError(`--${option} applies to "report" only. Run "cloe-grid --help" for usage.`);
    }
    if (command === 'report') {
      fixerFor(command, values.fix, values['fix-dry-run'], io); // a usage error: --fix is for check
      const format = oneOf(values.format, REPORT_FORMATS, '--format', 'table');
      if (format === 'xlsx' && !values.output) throw new UsageError('--format xlsx writes a workbook: name it with --output outcomes.xlsx.');
      if (values.excel && format !== 'csv') throw new UsageError('--excel applies to --format csv only.');
      if (values['one-sheet'] && format !== 'xlsx') throw new UsageError('--one-sheet applies to --format xlsx only.');
      // The HTML report shows each candidate's warnings and information too (the outcomes view's findings).
      const files = await checkFiles(positionals, io, { ...runOptions, minRank: SEVERITIES.indexOf(format === 'html' ? 'information' : 'error') });
      const rows = reportRows(files);
      if (format === 'xlsx') {
        const { reportXlsx } = require('./formats/spreadsheet') as typeof import('./formats/spreadsheet'); // eslint-disable-line @typescript-eslint/no-require-imports
        writeAtomically(values.output!, await reportXlsx(rows, { locale, oneSheet: !!values['one-sheet'] }), io.cwd);
      } else if (format === 'html') {
        emit(reportHtml(files, { locale, version: VERSION, date: new Date().toISOString().slice(0, 10) }), values.output, io);
      } else {
        const excel = values.excel ? (require('./formats/spreadsheet') as typeof import('./formats/spreadsheet')).reportCsvExcel : undefined; // eslint-disable-line @typescript-eslint/no-require-imports
        const out = format === 'csv' ? (excel ? excel(rows) : reportCsv(rows)) : format === 'json' ? reportJson(rows) : format === 'markdown' ? reportMarkdown(rows, locale) : reportTable(rows, locale);
        emit(out, values.output, io);
      }
      const broken = files.filter((f) => f.findings.some((x) => x.severity === 'error'));
      if (broken.length > 0) {
        const names = broken.map((f) => f.display).join(', ');
        io.stderr(`cloe-grid: ${render(msg(broken.length === 1 ? 'report.broken' : 'report.broken.many', { files: names }), locale)}\n`);
      }
      return 0;
    }

    const format = oneOf(values.format, CHECK_FORMATS, '--format', 'stylish');
    let maxWarnings = Infinity;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings']);
      if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`Invalid value "${values['max-warnings']}" for --max-warnings: use a whole number, 0 or more.`);
    }
    const minSeverity: Severity = values.quiet ? 'error' : oneOf(values['min-severity'], SEVERITIES, '--min-severity', 'warning');
    const fixer = fixerFor(command, values.fix, values['fix-dry-run'], io);
    const planned = planCheck(positionals, io, { ...runOptions, minRank: SEVERITIES.indexOf(minSeverity), fixer, findingsOnly: true });
    const ctx: FormatContext = { locale, version: VERSION, color: color && !values.output, maxWarnings, cwd: io.cwd };
    // A diff or a fixed stdin takes stdout: the report goes to stderr (known before the report starts).
    if (fixer?.mode === 'fix' && planned.readsStdin) fixer.usesStdout = true;
    const sink = reportSink(values.output, fixer?.usesStdout ? { ...io, stdout: io.stderr } : io);
    const spools: ReturnType<typeof fileSpool>[] = [];
    let errors = 0;
    let warnings = 0;
    try {
      // The report is written as the files are checked (formats/stream.ts).
      const writer = CHECK_WRITERS[format](ctx, sink.write, { displays: planned.displays, spool: () => (spools.push(fileSpool()), spools[spools.length - 1]!) });
      await planned.run((file) => {
        // What is reported is what counts: under --quiet, warnings neither show nor fail (as ESLint).
        for (const f of file.findings) {
          if (f.severity === 'error') errors++;
          else if (f.severity === 'warning') warnings++;
        }
        writer.file(file);
      });
      writer.end();
      sink.done();
    } catch (e) {
      sink.abort();
      throw e;
    } finally {
      spools.forEach((s) => s.dispose());
    }
    return errors > 0 || warnings > maxWarnings ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`cloe-grid: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

const CHECK_WRITERS: Record<(typeof CHECK_FORMATS)[number], WriterFactory> = { stylish: stylishWriter, json: jsonWriter, sarif: sarifWriter, github: githubWriter, junit: junitWriter, gitlab: gitlabWriter };

/**
 * Where a check's report goes as it is written: --output (a temporary file renamed over it at the
 * end: whole or not at all, also when interrupted) or stdout, in pieces of about 64 kB.
 */
function reportSink(output: string | undefined, io: Io): { write: (s: string) => void; done(): void; abort(): void } {
  if (output) {
    let file: AtomicFile;
    try {
      file = new AtomicFile(path.resolve(io.cwd, output));
    } catch (e) {
      throw new UsageError(`Cannot write the report to "${output}": ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (e as Error).message}.`);
    }
    // Ctrl-C (or a CI's timeout) during a long check leaves no partial report behind.
    const interrupted = (signal: NodeJS.Signals) => {
      file.abort();
      process.kill(process.pid, signal);
    };
    const onSignal = { SIGINT: () => interrupted('SIGINT'), SIGTERM: () => interrupted('SIGTERM') };
    const listen = (on: boolean) => {
      for (const [signal, f] of Object.entries(onSignal)) (on ? process.once.bind(process) : process.removeListener.bind(process))(signal, f);
    };
    listen(true);
    const out = buffered((s) => file.write(s));
    return {
      write: out.write,
      done: () => {
        listen(false);
        out.flush();
        try {
          file.commit();
        } catch (e) {
          file.abort();
          throw new UsageError(`Cannot write the report to "${output}": ${(e as Error).message}.`);
        }
      },
      abort: () => {
        listen(false);
        file.abort();
      },
    };
  }
  const out = buffered(io.stdout);
  return { write: out.write, done: out.flush, abort: out.flush };
}

/** Writes what it is given in pieces of 64 KB or more (a report of 10,000 files is many small strings). */
function buffered(write: (s: string) => void): { write(s: string): void; flush(): void } {
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length) write(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write: (s) => {
      pending.push(s);
      if ((size += s.length) >= 1 << 16) flush();
    },
    flush,
  };
}

function emit(out: string, output: string | undefined, io: Io): void {
  if (output) writeAtomically(output, out, io.cwd);
  else io.stdout(out);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // `cloe-grid check … | head`: a reader that stops early is not a crash; the exit code stays the check's.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  if (argv.includes('--stdio') || argv.includes('--node-ipc') || argv.some((a) => a.startsWith('--socket=') || a.startsWith('--pipe='))) {
    // Bundled apart (dist/server.js, see scripts/build.mjs): loaded only for the language server.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('../lsp/main') as typeof import('../lsp/main')).startServer();
    return;
  }
  let code: number;
  try {
    code = await run(argv, {
      cwd: process.cwd(),
      env: process.env,
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      isTTY: !!process.stdout.isTTY,
    });
  } catch (e) {
    process.stderr.write(`cloe-grid: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report it with the file that caused it.\n`);
    code = 2;
  }
  process.exitCode = code;
}

const worker = process.argv.includes(WORKER_ARG) ? workerThread() : undefined;
if (worker) {
  // This bundle is also the worker script of parallel checking.
  const { parentPort, workerData } = worker;
  if ((workerData as { pool?: boolean }).pool) poolWorker(parentPort!);
  else workerMain(workerData as { jobs: Job[] }, (v) => parentPort?.postMessage(v));
} else if (require.main === module) {
  void main();
}

/** node:worker_threads when this is a worker of parallel checking (loaded only then: it costs ~4 ms at start). */
function workerThread(): typeof import('node:worker_threads') | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const threads = require('node:worker_threads') as typeof import('node:worker_threads');
  return !threads.isMainThread && (threads.workerData as { cloeWorker?: boolean } | null)?.cloeWorker ? threads : undefined;
}
