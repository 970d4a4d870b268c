// Plan: the volume forecast per market or queue with its prediction band, the work's hours against scheduled hours per
// site and day (days a deadline queue is at SLA risk marked) with the livestream queues' coverage apart (days it is short
// marked), and the sized opportunities with a drill to their evidence and explorer view.
// Presentation only: every number, name and text comes from /api/plan and /api/opportunities.
(async () => {
  const { el, t, api } = MS;
  const form = { by: document.getElementById('by'), horizon: document.getElementById('horizon'), filter: document.getElementById('filter') };
  const subject = document.getElementById('subject');
  const site = document.getElementById('site');
  let forecastChart, hoursChart, plan;

  const filters = () => form.filter.value.split(';').map(f => f.trim()).filter(f => f);
  const request = () => ({ by: form.by.value, horizon: form.horizon.value, filter: filters() });

  try {
    const state = await MS.start('/plan');
    const q = MS.pageState();
    const dimension = id => state.catalog.dimensions.find(d => d.id === id)?.name ?? id;
    form.by.append(...['market', 'queue'].map(b => el('option', { value: b, selected: b === (q.get('by') || 'market') }, dimension(b))));
    form.horizon.append(...[1, 2, 4, 8].map(w => el('option', { value: `${w}w`, selected: `${w}w` === (q.get('horizon') || '8w') }, t('plan.weeks').replace('{0}', w))));
    form.filter.value = q.getAll('filter').join('; ');
    forecastChart = echarts.init(document.getElementById('forecast-chart'));
    hoursChart = echarts.init(document.getElementById('hours-chart'));
    document.getElementById('plan-controls').addEventListener('submit', e => { e.preventDefault(); run(); });
    subject.addEventListener('change', drawForecast);
    site.addEventListener('change', drawHours);
    await run();
  } catch (e) { MS.showError(document.getElementById('forecast-status'), e); }

  async function run() {
    const r = request();
    MS.pushState(r);
    const status = document.getElementById('forecast-status');
    const opportunities = document.getElementById('opportunities');
    status.replaceChildren(el('p', { class: 'muted' }, t('common.loading')));
    opportunities.replaceChildren(el('p', { class: 'muted' }, t('common.loading')));
    document.getElementById('evidence').replaceChildren();
    forecastChart.clear();
    hoursChart.clear();
    const planned = api('/api/plan', r).then(answer => {
      plan = answer;
      status.replaceChildren(...(answer.skipped.length ? [el('p', { class: 'muted' }, t('plan.skipped').replace('{0}', answer.skipped.join('; ')))] : []));
      document.getElementById('forecast-note').textContent = `${answer.metricName} · ${t('plan.lastDay').replace('{0}', answer.lastDayText)}`;
      subject.replaceChildren(...answer.forecasts.map((f, i) => el('option', { value: i }, f.name)));
      const sites = [...new Set(answer.sites.map(s => s.site))];
      site.replaceChildren(...sites.map(s => el('option', { value: s }, MS.siteName(s))));
      document.getElementById('hours-summary').textContent = answer.summary;
      document.getElementById('live-summary').textContent = answer.liveSummary;
      drawForecast();
      drawHours();
      siteTable(sites);
    }).catch(e => MS.showError(status, e));
    const sized = api('/api/opportunities', { horizon: r.horizon, filter: r.filter })
      .then(answer => opportunityTable(answer))
      .catch(e => MS.showError(opportunities, e));
    await Promise.all([planned, sized]);
  }

  // History and forecast on one time axis; the band is the lower bound plus a filled stack up to the upper bound.
  function drawForecast() {
    const f = plan?.forecasts[+subject.value];
    forecastChart.clear();
    if (!f) return;
    const days = [...f.history.map(d => d.dayText), ...f.points.map(d => d.dayText)];
    const pad = n => Array(n).fill(null);
    const round = v => +v.toFixed(1);
    forecastChart.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0, data: [t('plan.history'), t('plan.point'), plan.bandName] },
      grid: { top: 40, left: 70, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', name: plan.metricName },
      series: [
        { name: t('plan.history'), type: 'line', symbol: 'none', color: '#5470c6', data: [...f.history.map(d => round(d.value)), ...pad(f.points.length)] },
        { name: 'lower', type: 'line', symbol: 'none', stack: 'band', lineStyle: { opacity: 0 }, tooltip: { show: false },
          data: [...pad(f.history.length), ...f.points.map(d => round(d.lower))] },
        { name: plan.bandName, type: 'line', symbol: 'none', stack: 'band', color: '#91cc75', lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.35 },
          data: [...pad(f.history.length), ...f.points.map(d => round(d.upper - d.lower))] },
        { name: t('plan.point'), type: 'line', symbol: 'none', color: '#3ba272', lineStyle: { type: 'dashed' }, data: [...pad(f.history.length), ...f.points.map(d => round(d.value))] },
      ],
    });
  }

  function drawHours() {
    hoursChart.clear();
    if (!plan) return;
    const days = plan.sites.filter(s => s.site === site.value);
    const round = v => +v.toFixed(1);
    hoursChart.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { top: 40, left: 70, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: days.map(d => d.dayText) },
      yAxis: { type: 'value', name: t('opportunity.unit.scheduled-hours') },
      series: [
        { name: t('plan.work'), type: 'bar', color: '#5470c6', data: days.map(d => round(d.work)) },
        { name: t('plan.scheduled'), type: 'bar', color: '#91cc75', data: days.map(d => round(d.scheduled)) },
        { name: t('plan.liveRequired'), type: 'line', color: '#fc8452', lineStyle: { type: 'dashed' }, symbol: 'none', data: days.map(d => round(d.liveRequired)) },
        { name: t('plan.atRisk'), type: 'scatter', color: '#cf222e', symbol: 'triangle', symbolSize: 12,
          data: days.map(d => (d.atRisk ? round(Math.max(d.work, d.scheduled)) : null)) },
        { name: t('plan.liveShort'), type: 'scatter', color: '#fc8452', symbol: 'diamond', symbolSize: 11,
          data: days.map(d => (d.liveAtRisk ? round(d.liveRequired) : null)) },
      ],
    });
  }

  function siteTable(sites) {
    const rows = sites.map(s => {
      const days = plan.sites.filter(d => d.site === s);
      const sum = key => days.reduce((a, d) => a + d[key], 0);
      return {
        site: s, work: sum('work'), scheduled: sum('scheduled'), risk: days.filter(d => d.atRisk).length, extra: sum('extra'),
        liveDays: days.filter(d => d.liveAtRisk).length, liveShort: sum('liveShort'),
      };
    });
    const n = v => Math.round(v).toLocaleString(MS.state.lang);
    document.getElementById('hours-table').replaceChildren(MS.sortableTable([
      { key: 'site', label: t('plan.site'), value: x => MS.siteName(x.site), text: x => el('span', { 'data-code': x.site }, MS.siteName(x.site)) },
      { key: 'work', label: t('plan.work'), num: true, value: x => x.work, text: x => n(x.work) },
      { key: 'scheduled', label: t('plan.scheduled'), num: true, value: x => x.scheduled, text: x => n(x.scheduled) },
      { key: 'risk', label: t('plan.daysAtRisk'), num: true, value: x => x.risk },
      { key: 'extra', label: t('plan.extra'), num: true, value: x => x.extra, text: x => n(x.extra) },
      { key: 'liveDays', label: t('plan.liveDays'), num: true, value: x => x.liveDays },
      { key: 'liveShort', label: t('plan.liveShortHours'), num: true, value: x => x.liveShort, text: x => n(x.liveShort) },
    ], rows, { id: 'site-table', rowClass: () => 'link', onRow: x => { site.value = x.site; drawHours(); } }));
  }

  function opportunityTable(answer) {
    const container = document.getElementById('opportunities');
    if (answer.rows.length === 0) {
      container.replaceChildren(el('p', {}, t('plan.noOpportunities')));
      return;
    }
    container.replaceChildren(MS.sortableTable([
      { key: 'kind', label: t('plan.kind'), value: x => x.kindName },
      { key: 'rank', label: t('plan.rank'), num: true, value: x => x.rank },
      { key: 'subject', label: t('plan.subjectColumn'), value: x => x.subjectName },
      { key: 'size', label: t('plan.size'), num: true, value: x => x.size, text: x => x.sizeText },
      { key: 'interval', label: t('plan.interval'), num: true, value: x => x.low, text: x => x.intervalText },
      { key: 'hours', label: t('plan.hoursWeek'), num: true, value: x => x.hoursPerWeek, text: x => x.hoursText },
      { key: 'money', label: t('plan.moneyWeek'), num: true, value: x => x.moneyPerWeek, text: x => x.moneyText },
    ], answer.rows, { id: 'opportunity-table', rowClass: () => 'link', onRow: evidence }));
  }

  function evidence(row) {
    const explore = row.explore
      ? el('a', { id: 'explore-link', href: MS.link('/explorer', { metric: row.explore.metric, by: row.explore.by, period: row.explore.period, filter: row.explore.filter, grain: row.explore.grain }) }, t('plan.explore'))
      : null;
    document.getElementById('evidence').replaceChildren(
      el('h3', {}, `${row.kindName} · ${row.subjectName}`),
      el('dl', {}, ...row.evidence.flatMap(e => [el('dt', {}, e.label), el('dd', {}, e.value)])),
      explore,
      el('p', { class: 'muted' }, t('plan.queries')),
      ...row.queries.map(c => el('code', {}, c)));
  }
})();
