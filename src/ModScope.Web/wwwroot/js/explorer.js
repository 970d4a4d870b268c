// Explorer: metrics × dimensions × grain × filters × period with a comparison. The URL holds the whole state;
// clicking a row drills down the catalog's drill path (market → queue → policy → site), the breadcrumb goes back.
(async () => {
  const { el, t, api } = MS;
  const table = document.getElementById('table');
  let state, chart, lastAnswer;
  const form = {
    metric: document.getElementById('metric'), by: document.getElementById('by'), grain: document.getElementById('grain'),
    period: document.getElementById('period'), compare: document.getElementById('compare'), filter: document.getElementById('filter'),
  };
  const view = { chart: 'line' };

  const selected = s => [...s.selectedOptions].map(o => o.value);
  // Filters are separated by ';' (a filter may hold a comma list: market=US,GB).
  const filters = () => form.filter.value.split(';').map(f => f.trim()).filter(f => f);
  const request = () => ({
    metric: selected(form.metric), by: selected(form.by), grain: form.grain.value, period: form.period.value,
    compare: form.compare.value, filter: filters(),
  });

  try {
    state = await MS.start('/explorer');
    const q = MS.pageState();
    const metrics = q.getAll('metric').length ? q.getAll('metric') : ['decision_volume'];
    const by = q.getAll('by').length ? q.getAll('by') : ['market'];
    form.metric.append(...state.catalog.metrics.map(m => el('option', { value: m.id, selected: metrics.includes(m.id) }, m.name)));
    form.by.append(...state.catalog.dimensions.map(d => el('option', { value: d.id, selected: by.includes(d.id) }, d.name)));
    form.grain.append(...['none', 'day', 'week', 'month', 'quarter', 'hour'].map(g => el('option', { value: g, selected: g === (q.get('grain') || 'none') }, t(`grain.${g}`))));
    form.compare.append(...['previous', 'none', 'last-week', 'last-year'].map(c => el('option', { value: c, selected: c === (q.get('compare') || 'previous') }, t(`compare.${c}`))));
    form.period.value = q.get('period') || 'last full week';
    form.filter.value = q.getAll('filter').join('; ');
    view.chart = q.get('chart') || ((q.get('grain') || 'none') === 'none' ? 'bar' : 'line');
    document.getElementById('explorer-controls').addEventListener('submit', e => { e.preventDefault(); run(); });
    document.getElementById('chart-line').addEventListener('click', () => { view.chart = 'line'; run(); });
    document.getElementById('chart-bar').addEventListener('click', () => { view.chart = 'bar'; run(); });
    document.getElementById('show-sql').addEventListener('click', toggleSql);
    chart = echarts.init(document.getElementById('chart'));
    await run();
  } catch (e) { MS.showError(table, e); }

  function drillPath() { return state.catalog.drillPath; }

  async function run() {
    const r = request();
    MS.pushState({ ...r, chart: view.chart });
    document.getElementById('export-csv').href = MS.link('/api/export.csv', r);
    document.getElementById('export-xlsx').href = MS.link('/api/export.xlsx', r);
    breadcrumb(r);
    table.replaceChildren(el('p', { class: 'muted' }, t('common.loading')));
    // A new run clears the last answer first, so an error never sits under a stale chart or row count.
    document.getElementById('summary').textContent = '';
    chart.clear();
    try {
      lastAnswer = await api('/api/query', r);
      document.getElementById('summary').textContent = `${lastAnswer.period.text} · ${lastAnswer.rows.length} ${t('explorer.rows')}`;
      render(r, lastAnswer);
      if (!document.getElementById('sql').hidden) await showSql();
    } catch (e) { MS.showError(table, e); chart.clear(); }
  }

  function segment(row, by) { return by.map(d => row.dimensions[d] ?? '∅').join(' · ') || t('alerts.total'); }

  function render(r, answer) {
    const compared = r.compare && r.compare !== 'none';
    const dims = state.catalog.dimensions.filter(d => r.by.includes(d.id));
    const next = r.by.length === 1 ? drillPath()[drillPath().indexOf(r.by[0]) + 1] : undefined;
    const columns = [
      { key: 'metric', label: t('explorer.metric'), value: x => x.metricName },
      ...(r.grain !== 'none' ? [{ key: 'bucket', label: t('explorer.bucket'), value: x => x.bucket, text: x => x.bucketLabel }] : []),
      ...dims.map(d => ({ key: d.id, label: d.name, value: x => x.dimensions[d.id] })),
      { key: 'value', label: t('explorer.value'), num: true, value: x => x.value, text: x => x.formatted },
      ...(compared ? [
        { key: 'comparison', label: t('explorer.comparison'), num: true, value: x => x.comparisonValue, text: x => x.comparisonFormatted },
        { key: 'change', label: t('explorer.change'), num: true, value: x => x.relativeChange ?? x.absoluteChange,
          text: x => el('span', { class: x.tone ? `tone-${x.tone}` : '' }, x.changeFormatted ?? '–') },
      ] : []),
      { key: 'interval', label: t('explorer.interval'), num: true, value: x => x.lower, text: x => x.intervalFormatted ?? '' },
    ];
    const drillable = next !== undefined && r.grain === 'none';
    table.replaceChildren(
      drillable ? el('p', { class: 'muted' }, t('explorer.drillHint')) : '',
      MS.sortableTable(columns, answer.rows, {
        id: 'result-table',
        rowClass: () => (drillable ? 'drill' : null),
        onRow: drillable ? x => drill(r, x, next) : null,
      }));
    draw(r, answer);
  }

  function drill(r, row, next) {
    const dim = r.by[0];
    const value = row.dimensions[dim];
    if (value === null || value === undefined) return;
    form.filter.value = [...filters().filter(f => !f.startsWith(`${dim}=`)), `${dim}=${value}`].join('; ');
    [...form.by.options].forEach(o => { o.selected = o.value === next; });
    run();
  }

  function breadcrumb(r) {
    const crumbs = drillPath().map(d => [d, r.filter.find(f => f.startsWith(`${d}=`))]).filter(([, f]) => f);
    const nav = document.getElementById('breadcrumb');
    const goTo = depth => {
      const keep = crumbs.slice(0, depth).map(([, f]) => f);
      form.filter.value = [...filters().filter(f => !crumbs.some(([, c]) => c === f)), ...keep].join('; ');
      const by = drillPath()[depth];
      [...form.by.options].forEach(o => { o.selected = o.value === by; });
      run();
    };
    nav.replaceChildren(
      el('a', { 'data-depth': 0, onclick: () => goTo(0) }, t('explorer.breadcrumbAll')),
      ...crumbs.flatMap(([, f], i) => [' › ', el('a', { 'data-depth': i + 1, onclick: () => goTo(i + 1) }, f)]));
  }

  function draw(r, answer) {
    chart.clear();
    const type = view.chart;
    if (r.grain !== 'none') {
      const buckets = [...new Set(answer.rows.map(x => x.bucketLabel))];
      const groups = new Map();
      for (const x of answer.rows) {
        const name = `${x.metricName}${r.by.length ? ' · ' + segment(x, r.by) : ''}`;
        if (!groups.has(name)) groups.set(name, new Map());
        groups.get(name).set(x.bucketLabel, x.value);
      }
      chart.setOption({
        animation: false, tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 }, grid: { top: 40, left: 60, right: 20, bottom: 30 },
        xAxis: { type: 'category', data: buckets }, yAxis: { type: 'value', scale: true },
        series: [...groups].slice(0, 20).map(([name, values]) => ({ name, type, data: buckets.map(b => values.get(b) ?? null) })),
      });
    } else {
      const segments = [...new Set(answer.rows.map(x => segment(x, r.by)))];
      const metrics = [...new Set(answer.rows.map(x => x.metricName))];
      chart.setOption({
        animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { top: 40, left: 60, right: 20, bottom: 60 },
        xAxis: { type: 'category', data: segments, axisLabel: { rotate: segments.length > 8 ? 40 : 0 } }, yAxis: { type: 'value', scale: type === 'line' },
        series: metrics.map(m => ({ name: m, type, data: segments.map(s => answer.rows.find(x => x.metricName === m && segment(x, r.by) === s)?.value ?? null) })),
      });
    }
  }

  async function showSql() {
    const pre = document.getElementById('sql');
    pre.textContent = await api('/api/sql', request());
  }

  async function toggleSql() {
    const pre = document.getElementById('sql');
    const button = document.getElementById('show-sql');
    pre.hidden = !pre.hidden;
    button.textContent = t(pre.hidden ? 'explorer.showSql' : 'explorer.hideSql');
    if (!pre.hidden) {
      try { await showSql(); } catch (e) { pre.textContent = e.message; }
    }
  }
})();
