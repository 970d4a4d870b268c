// Overview: the core index as tiles for a period and market/region (state in the URL).
(async () => {
  const { el, t, api } = MS;
  const tiles = document.getElementById('tiles');
  let view = { period: '', market: '', region: '', filter: [] };
  try {
    const state = await MS.start('/');
    const q = MS.pageState();
    const period = document.getElementById('period');
    const market = document.getElementById('market');
    const region = document.getElementById('region');
    period.value = MS.periodShown(q.get('period') || 'last full week');
    market.append(el('option', { value: '' }, t('common.all')), ...state.catalog.markets.map(m => el('option', { value: m.id, selected: m.id === q.get('market') }, `${m.id} · ${m.name}`)));
    region.append(el('option', { value: '' }, t('common.all')), ...state.catalog.regions.map(r => el('option', { value: r.id, selected: r.id === q.get('region') }, r.name)));

    const changed = document.getElementById('what-changed');
    const load = async () => {
      const filter = [];
      if (market.value) filter.push(`market=${market.value}`);
      if (region.value) filter.push(`region=${region.value}`);
      // What the page shows, carried into the explorer and the alert list its tiles, badges and movements link to.
      view = { period: MS.periodValue(period.value), market: market.value, region: region.value, filter };
      MS.pushState({ period: view.period, market: market.value, region: region.value });
      tiles.replaceChildren(el('p', { class: 'muted' }, t('common.loading')));
      document.getElementById('period-text').replaceChildren();
      changed.replaceChildren();
      try {
        const answer = await api('/api/overview', { period: view.period, filter });
        document.getElementById('period-text').replaceChildren(
          `${answer.period.text} · ${t('overview.comparedWith')} ${answer.comparisonPeriod.text} · `,
          el('a', { id: 'open-alerts', href: alertsLink() }, MS.said(t('overview.openAlerts'), answer.openAlerts)));
        // The newest day, and the last complete one when the newest days may still receive decisions (as data health says).
        document.getElementById('data-through').textContent = !answer.dataThroughText ? ''
          : answer.dataCompleteThroughText && answer.dataCompleteThrough !== answer.dataThrough
            ? t('overview.dataThroughComplete').replace('{0}', answer.dataThroughText).replace('{1}', answer.dataCompleteThroughText)
            : t('overview.dataThrough').replace('{0}', answer.dataThroughText);
        changed.replaceChildren(el('strong', {}, t('overview.whatChanged')), ' ',
          ...(answer.changes.length ? answer.changes.map(c => el('a', { class: 'change-line', 'data-metric': c.metric, href: explorerLink(c.metric, c) }, c.text, ' '))
            : [el('span', { class: 'muted' }, t('overview.nothingChanged'))]));
        tiles.replaceChildren(...answer.tiles.map(tile));
        answer.tiles.forEach(spark);
      } catch (e) { MS.showError(tiles, e); }
    };

    document.getElementById('overview-controls').addEventListener('submit', e => { e.preventDefault(); load(); });
    await load();
  } catch (e) { MS.showError(tiles, e); }

  function tile(x) {
    const c = x.current;
    const tone = c.tone ? `tone-${c.tone}` : '';
    return el('section', { class: 'tile', 'data-metric': x.metric, title: x.description },
      el('div', { class: 'name' }, el('a', { class: 'tile-link', href: explorerLink(x.metric), title: t('overview.explore') }, x.name),
        x.openAlerts > 0 ? el('a', { class: 'badge', href: alertsLink(x.metric), title: t('overview.openAlerts') }, ' ', x.openAlerts) : null),
      el('div', { class: 'value', 'data-value': c.value ?? '' }, c.formatted),
      x.targetStatus ? el('div', { class: `target-status status-${x.targetStatus}` }, t(`overview.status.${x.targetStatus}`)) : null,
      el('div', { class: `change ${tone}`, title: c.tone === 'flat' ? t('overview.notSignificant') : c.tone === 'untested' ? t('overview.untested') : '' },
        c.changeFormatted ?? '–', ' ', el('span', { class: 'muted' }, MS.aside(t('overview.vsPrevious'), c.comparisonFormatted ?? '–'))),
      c.coverageFormatted ? el('div', { class: 'muted coverage' }, c.coverageFormatted) : null,
      x.targetFormatted ? el('div', { class: 'muted' }, MS.said(t('overview.target'), x.targetFormatted)) : null,
      x.intervalFormatted ? el('div', { class: 'muted interval' }, MS.said(t('overview.interval'), x.intervalFormatted)) : null,
      el('div', { class: 'spark', id: `spark-${x.metric}`, title: t('overview.weeks') }));
  }

  // The explorer with the tile's metric, the page's period and filter (and a movement's segment), against the previous period.
  function explorerLink(metric, segment) {
    const filter = [...view.filter];
    if (segment && segment.dimension) filter.push(`${segment.dimension}=${segment.value}`);
    return MS.link('/explorer', { metric, period: view.period, filter, compare: 'previous', by: segment && segment.dimension ? segment.dimension : 'market' });
  }

  // The alert list with the alerts a badge or the page's count counts: open ones of the page's period and market or region.
  function alertsLink(metric) {
    return MS.link('/alerts', { status: 'open', period: view.period, market: view.market, region: view.region, metric: metric ?? '' });
  }

  function spark(x) {
    const chart = echarts.init(document.getElementById(`spark-${x.metric}`), null, { renderer: 'svg' });
    chart.setOption({
      animation: false, grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, data: x.sparkline.map(p => p.label) },
      yAxis: { type: 'value', show: false, scale: true },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'line', data: x.sparkline.map(p => p.value), symbol: 'none', lineStyle: { width: 1.5 } }],
    });
  }
})();
