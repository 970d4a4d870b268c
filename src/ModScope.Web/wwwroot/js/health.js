// Data health: freshness per source and site, open data-check alerts in the page's language, quarantined and waiting
// (pending) rows by table and rule with samples (tables, rules and reasons named in the page's language; a sample's stored
// English message is its tooltip), load history.
(async () => {
  const { el, t, api } = MS;
  const content = document.getElementById('content');
  try {
    await MS.start('/health');
    const h = await api('/api/health');
    const num = v => (v ?? 0).toLocaleString(MS.state.lang);
    // Rows by table and rule with samples: quarantined ones, and those waiting for their decision or a reference code.
    const reasons = (list, id) => el('table', { id },
      el('thead', {}, el('tr', {}, ...['health.table', 'health.rule', 'health.rows', 'health.samples'].map(k => el('th', { class: k === 'health.rows' ? 'num' : '' }, t(k))))),
      el('tbody', {}, ...list.map(q => el('tr', {},
        el('td', { 'data-code': q.table }, q.tableName), el('td', { 'data-code': q.rule }, q.ruleName), el('td', { class: 'num' }, num(q.rows)),
        el('td', {}, ...q.samples.map(s => el('div', { class: 'muted', title: s.message }, `${s.file}:${s.line ?? '?'} ${s.field ?? ''} — ${s.reason}`)))))));
    content.replaceChildren(
      el('h2', {}, t('health.sources')),
      MS.sortableTable([
        { key: 'source', label: t('health.source'), value: s => s.sourceName, text: s => el('span', { 'data-code': s.source }, s.sourceName) },
        { key: 'newest', label: t('health.newest'), value: s => s.newestEvent, text: s => s.newestEventText ?? '–' },
        { key: 'complete', label: t('health.complete'), value: s => s.completeThrough, text: s => s.completeThroughText ?? '–' },
      ], h.sources, { id: 'sources-table' }),
      el('h2', {}, t('health.sites')),
      MS.sortableTable([
        { key: 'site', label: t('health.site'), value: s => MS.siteName(s.site), text: s => el('span', { 'data-code': s.site }, MS.siteName(s.site)) },
        { key: 'newest', label: t('health.newest'), value: s => s.newestDecision, text: s => s.newestDecisionText },
        { key: 'behind', label: t('health.behind'), num: true, value: s => s.hoursBehind },
        { key: 'count', label: t('health.decisionsThatDay'), num: true, value: s => s.decisionsOnNewestDay, text: s => num(s.decisionsOnNewestDay) },
      ], h.sites, { id: 'sites-table' }),
      el('h2', {}, t('health.checks')),
      h.checks.length === 0 ? el('p', { class: 'muted' }, t('health.noChecks')) :
        MS.sortableTable([
          { key: 'severity', label: t('alerts.severity'), value: c => c.severity, text: c => el('span', { class: `severity-${c.severity}` }, t(`severity.${c.severity}`)) },
          { key: 'day', label: t('health.day'), value: c => c.day, text: c => c.dayText },
          { key: 'message', label: t('alerts.message'), value: c => c.message },
        ], h.checks, { id: 'checks-table', rowClass: () => 'link', onRow: c => { window.location.href = MS.link('/alerts', { id: c.id }); } }),
      el('h2', {}, t('health.quarantine')),
      h.quarantine.length === 0 ? el('p', { class: 'muted' }, t('health.noQuarantine')) : reasons(h.quarantine, 'quarantine-table'),
      el('h2', {}, t('health.waiting')),
      h.pending.length === 0 ? el('p', { class: 'muted' }, t('health.noWaiting')) : reasons(h.pending, 'pending-table'),
      el('h2', {}, t('health.loads')),
      MS.sortableTable([
        { key: 'id', label: t('health.load'), num: true, value: l => l.load.loadId },
        { key: 'started', label: t('health.started'), value: l => l.load.startedAt, text: l => l.startedText },
        { key: 'seconds', label: t('health.seconds'), num: true, value: l => l.seconds },
        { key: 'files', label: t('health.files'), num: true, value: l => l.load.files },
        { key: 'loaded', label: t('health.loaded'), num: true, value: l => l.load.rowsLoaded, text: l => num(l.load.rowsLoaded) },
        { key: 'quarantined', label: t('health.quarantined'), num: true, value: l => l.load.rowsQuarantined, text: l => num(l.load.rowsQuarantined) },
        { key: 'pending', label: t('health.pending'), num: true, value: l => l.load.rowsPending, text: l => num(l.load.rowsPending) },
      ], h.loads, { id: 'loads-table' }));
  } catch (e) { MS.showError(content, e); }
})();
