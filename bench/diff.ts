/**
 * `cloe-grid diff --base` on a generated git repository (issue 16): the 1,000 files of 100
 * candidates of the CLI benchmark committed, then a second commit that edits one result in every
 * file, so that every old version must be read (one `git cat-file --batch`) and both sides of all
 * 100,000 candidates checked: the worst case of a pull request.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, env: GIT_ENV, stdio: 'ignore' });
}

/** Edits the first result of a grid file (a level one step up or down), so that its old version differs. */
function editOneResult(text: string): string {
  return text.replace(/(\bresult: )(A2|B1|B2|C1)/, (_, key: string, level: string) => `${key}${{ A2: 'B1', B1: 'B2', B2: 'B1', C1: 'B2' }[level]!}`);
}

/**
 * Makes (once) a repository of the files of `manyDir` in two commits, the second editing every
 * file. Returns its folder; `cloe-grid diff --base HEAD~1` there is the measure.
 */
export function diffRepository(tmp: string, manyDir: string, log: (s: string) => void): string {
  const dir = path.join(tmp, 'diff-repo');
  const files = readdirSync(manyDir).filter((f) => f.endsWith('.cloe.yaml'));
  const stamp = path.join(dir, '.git', 'cloe-bench-ready');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === String(files.length)) return dir;
  rmSync(dir, { recursive: true, force: true });
  cpSync(manyDir, path.join(dir, 'cohorts'), { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'cohorts');
  for (const f of files) {
    const p = path.join(dir, 'cohorts', f);
    writeFileSync(p, editOneResult(readFileSync(p, 'utf8')));
  }
  git(dir, 'commit', '-q', '-a', '-m', 'one result edited in every file');
  writeFileSync(stamp, String(files.length));
  log(`made a git repository of ${files.length} files in two commits in ${dir}`);
  return dir;
}
