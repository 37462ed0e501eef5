// The outcomes view's webview (CLOE: Show Outcomes). Renders what the extension posts (the
// language server's cohorts at a glance and the charts drawn by the core), with DOM calls only:
// a value is never parsed as HTML (the charts are escaped by the core). Keeps sort, filters and
// scroll in the webview state. No network, no inline handler (strict CSP with a nonce).
/* global acquireVsCodeApi, document, window, setTimeout, clearTimeout, IntersectionObserver, requestAnimationFrame */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const saved = vscode.getState() || {};
  const ui = {
    sort: saved.sort || { key: '', dir: 1 },
    outcome: saved.outcome || '',
    profession: saved.profession || '',
    text: saved.text || '',
    scroll: saved.scroll || 0,
  };
  let data;
  let labels = {};
  const app = document.getElementById('app');
  let toolbar;
  let list;

  const LEVELS = ['A1-', 'A1', 'A1+', 'A2-', 'A2', 'A2+', 'B1-', 'B1', 'B1+', 'B2-', 'B2', 'B2+', 'C1-', 'C1', 'C1+', 'C2-', 'C2'];
  const OUTCOMES = ['certificate', 'attestation', 'pending', 'unknown'];
  const COLUMNS = [
    { key: 'id', label: 'report.id' },
    { key: 'name', label: 'report.name' },
    { key: 'profession', label: 'report.profession' },
    { key: 'threshold', label: 'report.threshold', level: true },
    { key: 'written', label: 'view.written', level: true },
    { key: 'oral', label: 'view.oral', level: true },
    { key: 'result', label: 'view.overall', level: true },
    { key: 'label', label: 'report.outcome' },
    { key: 'findings', label: 'view.findings' },
  ];
  const MARK = { error: '✖', warning: '⚠', information: 'ℹ' };

  function persist() {
    vscode.setState(ui);
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'className') e.className = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  /** A label with its {placeholders} filled (as values: a "$&" in a name stays "$&"). */
  const fill = (id, args) => labels[id].replace(/\{(\w+)\}/g, (m, k) => (k in args ? String(args[k]) : m));

  const fold = (s) => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

  function outcomeName(kind) {
    return kind === 'attestation' ? labels['outcome.attestation'] : labels['outcome.' + kind];
  }

  function buildToolbar() {
    const text = el('input', { type: 'search', id: 'filter-text', value: ui.text, 'aria-label': labels['view.filter.text'], placeholder: labels['view.filter.text'] });
    text.value = ui.text;
    text.addEventListener('input', () => {
      ui.text = text.value;
      persist();
      renderCohorts();
    });
    const outcome = el('select', { id: 'filter-outcome', 'aria-label': labels['view.filter.outcome'] }, el('option', { value: '', text: labels['view.filter.all'] }), ...OUTCOMES.map((k) => el('option', { value: k, text: outcomeName(k) })));
    outcome.value = ui.outcome;
    outcome.addEventListener('change', () => {
      ui.outcome = outcome.value;
      persist();
      renderCohorts();
    });
    const profession = el('select', { id: 'filter-profession', 'aria-label': labels['view.filter.profession'] });
    profession.addEventListener('change', () => {
      ui.profession = profession.value;
      persist();
      renderCohorts();
    });
    const exports = data.exports.map((format) => {
      const b = el('button', { type: 'button', className: 'export', 'data-format': format, text: labels['view.export.' + format] });
      b.addEventListener('click', () => vscode.postMessage({ type: 'export', format }));
      return b;
    });
    toolbar = el(
      'div',
      { className: 'toolbar', role: 'search' },
      el('label', { for: 'filter-text', text: labels['view.filter.text'] }), text,
      el('label', { for: 'filter-outcome', text: labels['view.filter.outcome'] }), outcome,
      el('label', { for: 'filter-profession', text: labels['view.filter.profession'] }), profession,
      el('span', { className: 'spacer' }),
      ...exports,
    );
    toolbar.professionSelect = profession;
  }

  function fillProfessions() {
    const select = toolbar.professionSelect;
    const names = [...new Set(data.view.cohorts.flatMap((c) => c.rows.map((r) => r.profession || '')))].filter(Boolean).sort((a, b) => a.localeCompare(b));
    select.replaceChildren(el('option', { value: '', text: labels['view.filter.all.professions'] }), ...names.map((n) => el('option', { value: n, text: n })));
    select.value = names.includes(ui.profession) ? ui.profession : '';
  }

  /** The text filter, folded (accents and case) once, not once per row. */
  let query = '';
  function visible(r) {
    if (ui.outcome && r.outcome !== ui.outcome) return false;
    if (ui.profession && r.profession !== ui.profession) return false;
    if (query) {
      const q = query;
      if (![r.id, r.name, r.profession, r.label, r.threshold, r.result].some((v) => fold(v).includes(q))) return false;
    }
    return true;
  }

  function compare(a, b) {
    const col = COLUMNS.find((c) => c.key === ui.sort.key);
    if (!col) return 0;
    const va = col.key === 'findings' ? a.findings.length : a[col.key];
    const vb = col.key === 'findings' ? b.findings.length : b[col.key];
    if (va === vb) return 0;
    if (va === null || va === undefined) return 1;
    if (vb === null || vb === undefined) return -1;
    if (col.level) return (LEVELS.indexOf(va) - LEVELS.indexOf(vb)) * ui.sort.dir;
    if (typeof va === 'number') return (va - vb) * ui.sort.dir;
    return String(va).localeCompare(String(vb), undefined, { numeric: true }) * ui.sort.dir;
  }

  function thresholdCell(r) {
    const td = el('td');
    if (!r.threshold) {
      td.textContent = '—';
      return td;
    }
    td.append(r.thresholdInvalid ? fill('report.invalid', { threshold: r.threshold }) : r.threshold);
    if (!r.thresholdInvalid && r.thresholdSource) td.append(' ', el('span', { className: 'source', text: labels['view.source.' + r.thresholdSource] }));
    return td;
  }

  function findingsCell(r) {
    const td = el('td', { className: 'findings' });
    if (!r.findings.length) return td;
    const worst = r.findings[0].severity;
    const text = r.findings.map((f) => f.message).join('\n');
    td.append(el('span', { className: 'finding sev-' + worst, title: text, 'aria-label': text, role: 'img', text: MARK[worst] + (r.findings.length > 1 ? ' ' + r.findings.length : '') }));
    return td;
  }

  // The overall result; in a narrow panel, where the written and oral columns are hidden, its
  // tooltip gives them.
  function overallCell(r) {
    const td = el('td', { text: r.result === null || r.result === undefined ? '—' : r.result });
    const parts = [];
    if (r.written) parts.push(labels['view.written'] + ' ' + r.written);
    if (r.oral) parts.push(labels['view.oral'] + ' ' + r.oral);
    if (parts.length) td.title = parts.join(' · ');
    return td;
  }

  function rowOf(r) {
    const cell = (v, cls) => el('td', { className: cls, text: v === null || v === undefined ? '—' : v });
    const tr = el(
      'tr',
      { tabindex: '0', 'data-id': r.id || '', 'data-offset': r.offset, 'aria-label': fill('view.reveal', { id: r.id || r.name || '' }) },
      cell(r.id, 'id'),
      cell(r.name),
      cell(r.profession, r.professionKnown ? '' : 'as-written'),
      thresholdCell(r),
      cell(r.written, 'col-written'),
      cell(r.oral, 'col-oral'),
      overallCell(r),
      cell(r.label, 'outcome o-' + r.outcome),
      findingsCell(r),
    );
    return tr;
  }

  /** Rows drawn at once on each render (the rest as they come near the screen), and per chunk. */
  const EAGER = 150;
  const CHUNK = 50;
  let budget = EAGER;
  /** The height of a drawn row, measured (for the placeholders). */
  let rowPx = 40;
  /** Placeholders (a chunk of rows, a cohort) are drawn when they come near the screen; each knows how (its draw()). */
  const lazy = new IntersectionObserver(
    (entries) => {
      for (const e of entries) if (e.isIntersecting && e.target.isConnected) drawNow(e.target);
    },
    { rootMargin: '1200px 0px' },
  );

  function later(node, draw) {
    node.draw = draw;
    lazy.observe(node);
    return node;
  }

  /** Draws a placeholder now; the nodes that replace it. */
  function drawNow(node) {
    lazy.unobserve(node);
    const drawn = node.draw();
    node.replaceWith(...drawn);
    return drawn;
  }

  function placeholder(chunk) {
    const tr = el('tr', { className: 'lazy', 'aria-hidden': 'true' }, el('td', { colspan: COLUMNS.length }));
    tr.firstChild.style.height = chunk.length * rowPx + 'px';
    return later(tr, () => {
      const rows = chunk.map(rowOf);
      // (Rows of a cohort that edits moved since the chunk was set aside.)
      if (tr.shift) for (const row of rows) row.setAttribute('data-offset', Number(row.getAttribute('data-offset')) + tr.shift);
      // (Measured once drawn, for the next placeholders' height.)
      requestAnimationFrame(() => {
        if (rows[0].offsetHeight) rowPx = rows[0].offsetHeight;
      });
      return rows;
    });
  }

  function tableOf(cohort) {
    const rows = cohort.rows.filter(visible);
    if (ui.sort.key) rows.sort(compare);
    const head = el(
      'tr',
      {},
      ...COLUMNS.map((c) => {
        const th = el('th', { scope: 'col', className: 'col-' + c.key, 'aria-sort': ui.sort.key === c.key ? (ui.sort.dir > 0 ? 'ascending' : 'descending') : 'none' });
        const b = el('button', { type: 'button', className: 'sort', 'data-key': c.key, text: labels[c.label] + (ui.sort.key === c.key ? (ui.sort.dir > 0 ? ' ▲' : ' ▼') : '') });
        th.append(b);
        return th;
      }),
    );
    const body = el('tbody', {});
    // Rows are drawn in chunks: the first ones now, the others when they come near the screen
    // (a placeholder row of the same height stands for each chunk until then), so that a cohort of
    // thousands of candidates opens and follows edits at once.
    for (let k = 0; k < rows.length; k += CHUNK) {
      const chunk = rows.slice(k, k + CHUNK);
      if (budget > 0) {
        budget -= chunk.length;
        body.append(...chunk.map(rowOf));
      } else {
        body.append(placeholder(chunk));
      }
    }
    // Scrolls sideways in its own box when the panel is narrower than the table.
    const table = el('div', { className: 'table-wrap' }, el('table', { className: 'rows', 'aria-rowcount': rows.length + 1 }, el('thead', {}, head), body));
    if (!rows.length && cohort.rows.length) return el('div', {}, table, el('p', { className: 'empty', text: labels['view.no-candidate'] }));
    return table;
  }

  /** Draws every cohort, or only those of `only` (indexes) when the others did not change. */
  function renderCohorts(only) {
    if (!data) return;
    budget = EAGER;
    query = fold(ui.text);
    if (only) {
      for (const i of only) {
        const old = document.getElementById('cohort-' + i);
        if (old) old.replaceWith(old.classList.contains('lazy') ? sectionPlaceholder(data.view.cohorts[i], i) : sectionOf(data.view.cohorts[i], i));
      }
      reportRendered();
      return;
    }
    // The first cohorts now, the others (their heading, chart and table) when they come near the screen.
    const sections = data.view.cohorts.map((c, i) => (i < EAGER_SECTIONS ? sectionOf(c, i) : sectionPlaceholder(c, i)));
    list.replaceChildren(...(sections.length ? sections : [el('p', { className: 'empty', text: labels['view.no-cohort'] })]));
    reportRendered();
  }

  const EAGER_SECTIONS = 4;

  /** A cohort not drawn yet: its place (an estimated height), its id for the code lens's focus. */
  function sectionPlaceholder(c, i) {
    const s = el('section', { className: 'cohort lazy', id: 'cohort-' + c.index, 'data-cohort': c.id || '', 'aria-busy': 'true' });
    s.style.height = 320 + c.rows.length * rowPx + 'px';
    return later(s, () => [sectionOf(data.view.cohorts[i], i)]);
  }

  function sectionOf(c, i) {
    const title = [c.id, c.name].filter((x) => x !== null).join(' — ') || String(c.index + 1);
    const meta = [
      c.partner !== null ? fill('hover.partner', { partner: c.partner }) : null,
      c.session !== null ? fill('hover.session', { session: c.session }) : null,
      c.languageName || c.language ? fill('hover.language', { language: c.languageName || c.language }) : null,
    ].filter(Boolean);
    const chart = el('div', { className: 'chart' });
    // The chart is the core's SVG, every value in it escaped (core/chart.ts).
    chart.innerHTML = data.charts[i] || '';
    return el(
      'section',
      { className: 'cohort', id: 'cohort-' + c.index, 'data-cohort': c.id || '', tabindex: '-1', 'aria-labelledby': 'cohort-title-' + c.index },
      el('h2', { id: 'cohort-title-' + c.index, text: fill('hover.cohort', { title }) }),
      meta.length ? el('p', { className: 'meta', text: meta.join(' · ') }) : null,
      el('p', { className: 'counts', text: c.summary }),
      chart,
      c.rows.length ? tableOf(c) : null,
    );
  }

  /** What is on screen, for the extension's tests: the rows drawn ([id, outcome]), each cohort's counts, the compared candidates. */
  function reportRendered() {
    vscode.postMessage({
      type: 'rendered',
      version: data.version,
      rows: [...list.querySelectorAll('table.rows tbody tr[data-offset]')].map((tr) => [tr.getAttribute('data-id'), tr.querySelector('td.outcome').textContent]),
      counts: [...list.querySelectorAll('p.counts')].map((p) => p.textContent),
      offsets: [...list.querySelectorAll('table.rows tbody tr[data-offset]')].map((tr) => Number(tr.getAttribute('data-offset'))),
      compared: [...document.querySelectorAll('#compare tbody tr')].map((tr) => tr.getAttribute('data-id') + ' ' + tr.querySelector('td.outcome').textContent),
    });
  }

  /** What a change does to the outcomes of this file (CLOE: Compare Outcomes with…), above the cohorts, until closed. */
  let compared = null;
  function renderCompare() {
    const old = document.getElementById('compare');
    if (!compared || !data || compared.uri !== data.uri) {
      if (old) old.remove();
      return;
    }
    const close = el('button', { type: 'button', className: 'compare-close', text: '✕', title: labels['view.compare.close'], 'aria-label': labels['view.compare.close'] });
    close.addEventListener('click', () => {
      compared = null;
      renderCompare();
      reportRendered();
    });
    const head = ['diff.header.candidate', 'diff.header.cohort', 'diff.header.change', 'diff.header.what', 'diff.header.outcome'];
    const section = el(
      'section',
      { id: 'compare', className: 'compare', 'aria-labelledby': 'compare-title' },
      el('div', { className: 'compare-head' }, el('h2', { id: 'compare-title', text: compared.title }), close),
      el('p', { className: 'compare-summary', text: compared.summary }),
    );
    for (const g of compared.groups) {
      const rows = g.rows.map((r) => {
        const outcome = el('td', { className: 'outcome' });
        if (r.before !== undefined) outcome.append(r.before + ' → ', el('strong', { text: r.after }));
        else outcome.textContent = r.after;
        return el('tr', { 'data-id': r.id || '' }, el('td', { text: [r.id, r.name].filter(Boolean).join(' — ') || '—' }), el('td', { text: r.cohort || '—' }), el('td', { text: r.change }), el('td', { text: r.what }), outcome);
      });
      section.append(
        el('h3', { className: 'compare-group g-' + g.id, text: g.title }),
        el('div', { className: 'table-wrap' }, el('table', { className: 'compare-rows' }, el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col', text: labels[h] })))), el('tbody', {}, ...rows))),
      );
    }
    if (old) old.replaceWith(section);
    else list.before(section);
  }

  /** A cohort moved in the text by `shift` characters (its rows' offsets with it). */
  function shifted(c, shift) {
    return Object.assign({}, c, { offset: c.offset + shift, rows: c.rows.map((r) => Object.assign({}, r, { offset: r.offset + shift })) });
  }

  /** A cohort the edit only moved: its drawn rows and its chunks still to draw point `shift` characters further (a cohort still to draw reads the data). */
  function moveDrawn(index, shift) {
    const section = document.getElementById('cohort-' + index);
    if (!section || section.classList.contains('lazy')) return;
    for (const tr of section.querySelectorAll('tbody tr[data-offset]')) tr.setAttribute('data-offset', Number(tr.getAttribute('data-offset')) + shift);
    for (const tr of section.querySelectorAll('tbody tr.lazy')) tr.shift = (tr.shift || 0) + shift;
  }

  /** What changed since the state this webview has (the extension's delta): only those cohorts are drawn again. */
  function applyPatch(base, p) {
    if (!data || data.id !== base) {
      vscode.postMessage({ type: 'resync' });
      return;
    }
    const cohorts = data.view.cohorts.slice(0, p.size);
    const charts = data.charts.slice(0, p.size);
    const touched = [];
    for (const [i, shift] of p.moved) {
      cohorts[i] = shifted(cohorts[i], shift);
      moveDrawn(cohorts[i].index, shift);
    }
    for (const [c, chart] of p.changed) {
      cohorts[c.index] = c;
      charts[c.index] = chart;
      touched.push(c.index);
    }
    const sameShape = p.size === data.view.cohorts.length;
    data = Object.assign({}, data, { id: p.id, version: p.version, focus: p.focus, charts, view: Object.assign({}, p.head, { cohorts }) });
    fillProfessions();
    // Only the changed cohorts are drawn again (a moved one had its offsets shifted in place).
    renderCohorts(sameShape ? touched : undefined);
    if (p.focus) focusCohort(p.focus);
  }

  function focusCohort(id) {
    let section = [...document.querySelectorAll('section.cohort')].find((s) => s.getAttribute('data-cohort') === id);
    if (section && section.classList.contains('lazy')) section = drawNow(section)[0];
    if (section) {
      section.scrollIntoView({ block: 'start' });
      section.focus({ preventScroll: true });
    }
  }

  function render(state) {
    const first = !data;
    const relabel = !data || data.view.locale !== state.view.locale;
    data = state;
    labels = state.labels;
    if (relabel) {
      buildToolbar();
      list = el('div', { className: 'cohorts' });
      app.replaceChildren(toolbar, list);
    }
    fillProfessions();
    // (The comparison first: the report renderCohorts sends then includes it.)
    renderCompare();
    renderCohorts();
    if (state.focus) {
      focusCohort(state.focus);
    } else if (first && ui.scroll) {
      window.scrollTo(0, ui.scroll);
    }
  }

  app.addEventListener('click', (e) => {
    const sort = e.target.closest('button.sort');
    if (sort) {
      const key = sort.getAttribute('data-key');
      ui.sort = ui.sort.key === key ? { key, dir: -ui.sort.dir } : { key, dir: 1 };
      persist();
      renderCohorts();
      const again = document.querySelector('button.sort[data-key="' + key + '"]');
      if (again) again.focus();
      return;
    }
    const row = e.target.closest('tbody tr[data-offset]');
    if (row) vscode.postMessage({ type: 'reveal', offset: Number(row.getAttribute('data-offset')) });
  });

  app.addEventListener('keydown', (e) => {
    const row = e.target.closest && e.target.closest('tbody tr[data-offset]');
    if (!row) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      vscode.postMessage({ type: 'reveal', offset: Number(row.getAttribute('data-offset')) });
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const rows = [...document.querySelectorAll('tbody tr[data-offset]')];
      const next = rows[rows.indexOf(row) + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) next.focus();
    }
  });

  let scrollTimer;
  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      ui.scroll = window.scrollY;
      persist();
    }, 150);
  });

  window.addEventListener('message', (e) => {
    const m = e.data;
    if (m && m.type === 'state') render(m.state);
    else if (m && m.type === 'patch') applyPatch(m.base, m.patch);
    else if (m && m.type === 'compare') {
      compared = m.compare;
      renderCompare();
      const section = document.getElementById('compare');
      if (section) section.scrollIntoView({ block: 'start' });
      if (data) reportRendered();
    }
    else if (m && m.type === 'none' && !data) app.replaceChildren(el('p', { className: 'empty', text: m.labels['view.none'] }));
  });

  window.addEventListener('error', (e) => vscode.postMessage({ type: 'error', message: String(e.message) }));
  vscode.postMessage({ type: 'ready' });
})();
