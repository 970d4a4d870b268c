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
  // The catalogue's list naming each dimension's values (shown()), and those names by code once asked.
  const named = { market: 'markets', region: 'regions', queue: 'queues', policy: 'policies', parent_policy: 'policies', site: 'sites' };
  const names = new Map();

  const selected = s => [...s.selectedOptions].map(o => o.value);
  // Filters are separated by ';' (a filter may hold a comma list: market=US,GB).
  const filters = () => form.filter.value.split(';').map(f => f.trim()).filter(f => f);
  const request = () => ({
    metric: selected(form.metric), by: selected(form.by), grain: form.grain.value, period: MS.periodValue(form.period.value),
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
    form.period.value = MS.periodShown(q.get('period') || 'last full week');
    form.filter.value = q.getAll('filter').join('; ');
    view.chart = q.get('chart') || ((q.get('grain') || 'none') === 'none' ? 'bar' : 'line');
    document.getElementById('explorer-controls').addEventListener('submit', e => { e.preventDefault(); run(); });
    document.getElementById('chart-line').addEventListener('click', () => { view.chart = 'line'; run(); });
    document.getElementById('chart-bar').addEventListener('click', () => { view.chart = 'bar'; run(); });
    document.getElementById('show-sql').addEventListener('click', toggleSql);
    chart = echarts.init(document.getElementById('chart'));
    await run();
  } catch (e) { MS.showError(document.getElementById('explorer-error'), e); }

  function drillPath() { return state.catalog.drillPath; }

  async function run() {
    const r = request();
    MS.pushState({ ...r, chart: view.chart });
    document.getElementById('export-csv').href = MS.link('/api/export.csv', r);
    document.getElementById('export-xlsx').href = MS.link('/api/export.xlsx', r);
    breadcrumb(r);
    table.replaceChildren(el('p', { class: 'muted' }, t('common.loading')));
    // A new run clears the last answer first, so an error never sits under a stale chart or row count.
    const problem = document.getElementById('explorer-error');
    const chartBox = document.getElementById('chart');
    problem.replaceChildren();
    document.getElementById('summary').textContent = '';
    chart.clear();
    try {
      lastAnswer = await api('/api/query', r);
      document.getElementById('summary').textContent = `${lastAnswer.period.text} · ${lastAnswer.rows.length} ${t('explorer.rows')}`;
      if (chartBox.hidden) { chartBox.hidden = false; chart.resize(); }
      render(r, lastAnswer);
      if (!document.getElementById('sql').hidden) await showSql();
    } catch (e) {
      // The refusal right under the controls the user just used, with nothing of the refused request around it: no
      // breadcrumb of its filters, no empty chart box, no table.
      MS.showError(problem, e);
      document.getElementById('breadcrumb').replaceChildren();
      table.replaceChildren();
      chart.clear();
      chartBox.hidden = true;
    }
  }

  // A dimension's value as shown: a market, region, queue, policy or site by its name in the page's language with its code,
  // "印度尼西亚 (ID)" (the catalogue's reference names); any other value, or one without a name, as it is.
  function shown(dimension, value) {
    if (value === null || value === undefined || !named[dimension]) return value;
    if (!names.has(dimension)) names.set(dimension, new Map((state.catalog[named[dimension]] ?? []).map(c => [c.id, c.name])));
    const name = names.get(dimension).get(value);
    return name && name !== value ? `${name} (${value})` : value;
  }

  function segment(row, by) { return by.map(d => row.dimensions[d] == null ? '∅' : shown(d, row.dimensions[d])).join(' · ') || t('alerts.total'); }

  function render(r, answer) {
    const compared = r.compare && r.compare !== 'none';
    const dims = state.catalog.dimensions.filter(d => r.by.includes(d.id));
    const next = r.by.length === 1 ? drillPath()[drillPath().indexOf(r.by[0]) + 1] : undefined;
    const columns = [
      { key: 'metric', label: t('explorer.metric'), value: x => x.metricName },
      ...(r.grain !== 'none' ? [{ key: 'bucket', label: t('explorer.bucket'), value: x => x.bucket, text: x => x.bucketLabel }] : []),
      ...dims.map(d => ({ key: d.id, label: d.name, value: x => shown(d.id, x.dimensions[d.id]),
        text: x => el('span', { 'data-code': x.dimensions[d.id] ?? '' }, shown(d.id, x.dimensions[d.id]) ?? '') })),
      { key: 'value', label: t('explorer.value'), num: true, value: x => x.value, text: x => x.formatted },
      ...(compared ? [
        { key: 'comparison', label: t('explorer.comparison'), num: true, value: x => x.comparisonValue, text: x => x.comparisonFormatted },
        { key: 'change', label: t('explorer.change'), num: true, value: x => x.relativeChange ?? x.absoluteChange,
          text: x => el('span', { class: x.tone ? `tone-${x.tone}` : '', title: x.coverageFormatted ?? '' }, x.changeFormatted ?? '–',
            x.coverageFormatted ? el('div', { class: 'muted coverage' }, x.coverageFormatted) : '') },
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
      ...crumbs.flatMap(([d, f], i) => [' › ', el('a', { 'data-depth': i + 1, 'data-filter': f, onclick: () => goTo(i + 1) }, crumb(d, f))]));
  }

  // A breadcrumb's text: the dimension's name and each value as shown ("Market: 印度尼西亚 (ID)"); its filter keeps the codes.
  function crumb(dimension, filter) {
    const name = state.catalog.dimensions.find(d => d.id === dimension)?.name ?? dimension;
    return MS.said(name, filter.slice(dimension.length + 1).split(',').map(v => shown(dimension, v.trim())).join(t('common.listJoin')));
  }

  // One value axis per unit (left, then right, then further out), titled with the unit; shares in %. Each series keeps
  // its colour for its comparison period (dashed) and its segment's target (dotted; short marks on a bar chart).
  function draw(r, answer) {
    chart.clear();
    const type = view.chart;
    const palette = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];
    const axes = [...new Set(answer.metrics.map(m => m.unit))];
    const info = new Map(answer.metrics.map(m => [m.id, m]));
    const scale = (id, v) => (v === null || v === undefined ? null : info.get(id)?.percent ? +(v * 100).toFixed(6) : v);
    const compared = r.compare && r.compare !== 'none';
    const timed = r.grain !== 'none';
    const xs = timed ? [...new Set(answer.rows.map(x => x.bucketLabel))] : [...new Set(answer.rows.map(x => segment(x, r.by)))];
    const groups = new Map();
    for (const x of answer.rows) {
      const name = timed ? `${x.metricName}${r.by.length ? ' · ' + segment(x, r.by) : ''}` : x.metricName;
      if (!groups.has(name)) groups.set(name, { metric: x.metric, rows: new Map() });
      groups.get(name).rows.set(timed ? x.bucketLabel : segment(x, r.by), x);
    }
    const series = [];
    [...groups].slice(0, 20).forEach(([name, g], i) => {
      const color = palette[i % palette.length];
      const yAxisIndex = axes.indexOf(info.get(g.metric)?.unit);
      const values = key => xs.map(k => scale(g.metric, g.rows.get(k)?.[key]));
      series.push({ name, type, color, yAxisIndex, data: values('value') });
      if (compared) {
        series.push({ name: `${name} · ${t(`compare.${r.compare}`)}`, type, color, yAxisIndex, data: values('comparisonValue'), symbol: 'none',
          lineStyle: { type: 'dashed', width: 1.5 }, itemStyle: { opacity: type === 'bar' ? 0.45 : 1 } });
      }
      if (xs.some(k => g.rows.get(k)?.target !== null && g.rows.get(k)?.target !== undefined)) {
        const target = { name: `${t('explorer.target')} · ${name}`, color, yAxisIndex, data: values('target'), z: 5 };
        series.push(type === 'bar' || !timed
          ? { ...target, type: 'scatter', symbol: 'rect', symbolSize: [28, 3] }
          : { ...target, type: 'line', symbol: 'none', lineStyle: { type: 'dotted', width: 2 } });
      }
    });
    const side = i => (i % 2 === 0 ? 'left' : 'right');
    const count = where => axes.filter((_, i) => side(i) === where).length;
    chart.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 },
      grid: { top: 60, left: 20 + 60 * Math.max(1, count('left')), right: 20 + 60 * count('right'), bottom: timed ? 30 : 60 },
      xAxis: { type: 'category', data: xs, axisLabel: { rotate: !timed && xs.length > 8 ? 40 : 0 } },
      yAxis: axes.map((unit, i) => ({
        type: 'value', name: unit, position: side(i), offset: 60 * Math.floor(i / 2), scale: type === 'line',
        nameTextStyle: { fontWeight: 'bold' }, axisLine: { show: axes.length > 1 }, splitLine: { show: i === 0 },
        axisLabel: { formatter: unit === '%' ? '{value}%' : '{value}' },
      })),
      series,
    });
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
