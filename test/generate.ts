/** Seeded generators of grid files for tests. */

/** A small, fast, seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROFESSIONS = ['Chef de projet', 'Ingénieur', 'Comptable', 'Project manager', 'Formateur', 'Vendeur', 'Chef de projt', 'Data analyst'];
export const LEVELS = ['A2', 'B1', 'B1+', 'B2-', 'B2', 'C1', 'C2', 'B3', 'b2'];

export function generate(n: number, seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out = ['cloe: 1', 'language: en', 'professions:', '  - name: Analyste de données', '    threshold: B2', '    aliases: [Data analyst]', 'cohorts:'];
  let id = 0;
  for (let c = 0; id < n; c++) {
    out.push(`  - id: cohort-${c}`, `    name: Cohort ${c}`, '    session: 2026-03-15', '    candidates:');
    for (let k = 0; k < 40 && id < n; k++, id++) {
      out.push(`      - id: C-${String(id).padStart(5, '0')}`, `        name: Candidate ${id}`, `        profession: ${pick(PROFESSIONS)}`);
      if (r() < 0.6) out.push(`        threshold: ${pick(LEVELS)}`);
      const kind = r();
      if (kind < 0.4) out.push(`        result: ${pick(LEVELS)}`);
      else if (kind < 0.7) out.push(`        result: { written: ${pick(LEVELS)}, oral: ${pick(LEVELS)} }`);
      else if (kind < 0.85) out.push('        result:', `          written: ${pick(LEVELS)}`, `          oral: ${pick(LEVELS)}`);
      if (r() < 0.1) out.push('        # a comment');
    }
  }
  return out.join('\n') + '\n';
}

