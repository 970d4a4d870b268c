// Alerts: the list (open first, ranked by impact) and, with ?id=N, one alert with its series, band, calendar events,
// explanation, status and label. Alert days are UTC days (marked so); first-seen / updated times are in the chosen zone.
(async () => {
  const { el, t, api } = MS;
  const content = document.getElementById('content');
  try {
    await MS.start('/alerts');
    const id = MS.pageState().get('id');
    if (id) await detail(id); else await list();
  } catch (e) { MS.showError(content, e); }

  // The list: filters (status, severity, metric, market, region, period; kept in the URL, so a tile or badge can link to them), 25
  // alerts a page, and each suppressed alert held under the alert that explains or holds it instead of a row of its own.
  async function list() {
    const s = MS.pageState();
    const filters = Object.fromEntries(['status', 'severity', 'metric', 'market', 'region', 'period'].map(k => [k, s.get(k) ?? '']));
    const pick = (name, label, options) => el('label', {}, `${label} `, el('select', { id: `filter-${name}`, name },
      el('option', { value: '' }, t('common.all')),
      ...options.map(([value, text]) => el('option', { value, selected: value === filters[name] }, text))));
    const form = el('form', { id: 'alert-filters', class: 'filters' },
      pick('status', t('alerts.status'), ['open', 'new', 'acknowledged', 'resolved', 'snoozed', 'suppressed'].map(v => [v, t(`status.${v}`)])),
      pick('severity', t('alerts.severity'), ['critical', 'warning'].map(v => [v, t(`severity.${v}`)])),
      pick('metric', t('alerts.metric'), MS.state.catalog.metrics.map(m => [m.id, m.name])),
      pick('market', t('common.market'), MS.state.catalog.markets.map(m => [m.id, m.name])),
      pick('region', t('common.region'), MS.state.catalog.regions.map(r => [r.id, r.name])),
      // The period the overview counted (its badges link here with it): alerts whose days overlap it.
      el('label', {}, `${t('common.period')} `, el('input', { id: 'filter-period', name: 'period', size: 16, value: filters.period })),
      el('button', { type: 'submit', id: 'apply-filters' }, t('common.apply')));
    const go = page => {
      const chosen = Object.fromEntries([...form.querySelectorAll('select, input')].map(x => [x.name, x.value]));
      window.location.href = MS.link('/alerts', { ...chosen, page: page > 1 ? page : '' });
    };
    form.addEventListener('submit', e => { e.preventDefault(); go(1); });
    const result = el('div', { id: 'alert-list' });
    content.replaceChildren(form, result);
    let alerts;
    // A refused filter is shown under the filters, where the user just acted, and no stale list stays.
    try { alerts = await api('/api/alerts', filters); } catch (e) { MS.showError(result, e); return; }
    const listed = new Set(alerts.map(a => a.id));
    const held = new Map();
    for (const a of alerts) {
      if (a.status === 'suppressed' && a.suppressedBy !== null && listed.has(a.suppressedBy)) {
        held.set(a.suppressedBy, [...(held.get(a.suppressedBy) ?? []), a]);
      }
    }
    const top = alerts.filter(a => !(a.status === 'suppressed' && a.suppressedBy !== null && listed.has(a.suppressedBy)));
    if (!top.length) { result.replaceChildren(el('p', { class: 'muted', id: 'no-alerts' }, t('alerts.noMatch'))); return; }
    const size = 25;
    const pages = Math.ceil(top.length / size);
    const page = Math.min(pages, Math.max(1, Number(s.get('page')) || 1));
    const children = a => {
      const kids = held.get(a.id) ?? [];
      if (!kids.length) return '';
      return el('details', { class: 'held', onclick: e => e.stopPropagation() },
        el('summary', {}, t('alerts.held').replace('{0}', kids.length)),
        el('ul', {}, ...kids.map(k => el('li', { 'data-alert': k.id },
          el('a', { href: MS.link('/alerts', { id: k.id }) }, `#${k.id}`), ` ${MS.said(k.segmentName, k.message)}`))));
    };
    result.replaceChildren(MS.sortableTable([
      { key: 'id', label: '#', num: true, value: a => a.id },
      { key: 'status', label: t('alerts.status'), value: a => a.status, text: a => el('span', { class: `status-${a.status}` }, t(`status.${a.status}`)) },
      { key: 'severity', label: t('alerts.severity'), value: a => a.severity, text: a => el('span', { class: `severity-${a.severity}` }, t(`severity.${a.severity}`)) },
      { key: 'subject', label: t('alerts.metric'), value: a => a.subjectName },
      { key: 'segment', label: t('alerts.segment'), value: a => a.segmentName },
      { key: 'first', label: t('alerts.firstDay'), value: a => a.firstDay, text: a => a.firstDayText },
      { key: 'last', label: t('alerts.lastDay'), value: a => a.lastDay, text: a => a.lastDayText },
      { key: 'seen', label: MS.aside(t('alerts.firstSeen'), MS.state.tz), value: a => a.firstSeenAt, text: a => a.firstSeenText ?? '–' },
      { key: 'value', label: t('alerts.value'), num: true, value: a => a.value, text: a => a.valueFormatted ?? '' },
      { key: 'expected', label: t('alerts.expected'), num: true, value: a => a.expected, text: a => a.expectedFormatted ?? '' },
      { key: 'held', label: '', value: a => (held.get(a.id) ?? []).length, text: children },
    ], top.slice((page - 1) * size, page * size), { id: 'alert-table', rowClass: () => 'link', onRow: a => { window.location.href = MS.link('/alerts', { id: a.id }); } }),
    el('p', { class: 'pager' },
      page > 1 ? el('button', { type: 'button', id: 'page-previous', onclick: () => go(page - 1) }, t('alerts.previous')) : '',
      el('span', { id: 'page-info' }, ` ${t('alerts.page').replace('{0}', page).replace('{1}', pages).replace('{2}', top.length)} `),
      page < pages ? el('button', { type: 'button', id: 'page-next', onclick: () => go(page + 1) }, t('alerts.next')) : ''));
  }

  async function detail(id) {
    const d = await api(`/api/alerts/${id}`);
    const a = d.alert;
    const status = el('span', { id: 'alert-status', class: `status-${a.status}` }, t(`status.${a.status}`));
    const message = el('div', { id: 'action-message', class: 'muted' });
    const until = el('input', { type: 'date', id: 'snooze-until' });
    const label = el('span', { id: 'alert-label' }, a.label ? t(`label.${a.label}`) : t('alerts.noLabel'));
    const labels = ['confirmed_incident', 'expected', 'false_alarm', 'new_normal'];
    // Starts empty (or on the alert's label), so saving without choosing stores nothing by accident.
    const choice = el('select', { id: 'label-choice', 'aria-label': t('alerts.label') },
      el('option', { value: '', selected: !a.label, disabled: true }, t('alerts.chooseLabel')),
      ...labels.map(l => el('option', { value: l, selected: l === a.label }, t(`label.${l}`))));
    // A read-only dashboard cannot change an alert: it shows no button that can only fail.
    const writable = MS.state.catalog.access !== 'read-only';
    const post = async (path, body, done) => {
      try {
        const response = await fetch(`/api/alerts/${id}/${path}`, {
          method: 'POST', headers: { 'Content-Type': 'application/json', ...MS.authHeaders() }, body: JSON.stringify(body),
        });
        const answer = await response.json();
        if (response.status === 401 || response.status === 403) { message.textContent = t('alerts.needsAnalyst'); return; }
        if (!response.ok) { message.textContent = (response.status < 500 && MS.problemText(answer)) || answer.detail || answer.title; return; }
        done(answer);
        message.textContent = '';
      } catch (e) { message.textContent = e.message; }
    };
    const act = body => post('status', body, answer => {
      status.className = `status-${answer.status}`;
      status.textContent = t(`status.${answer.status}`);
    });
    const mark = () => (choice.value ? post('label', { label: choice.value }, answer => { label.textContent = t(`label.${answer.label}`); }) : null);
    const days = t('alerts.utcDays').replace('{0}', a.firstDayText).replace('{1}', a.lastDayText);
    const chartBox = el('div', { class: 'chart', id: 'alert-chart' });
    content.replaceChildren(
      el('p', {}, el('a', { href: MS.link('/alerts') }, `← ${t('alerts.back')}`)),
      el('h2', {}, `#${a.id} ${a.subjectName}`, a.segment ? ` · ${a.segmentName}` : ''),
      el('p', {}, MS.said(t('alerts.status')), status, ` · ${MS.said(t('alerts.severity'), t(`severity.${a.severity}`))} · `, el('span', { id: 'alert-days' }, days)),
      el('p', { class: 'muted', id: 'alert-times' }, `${MS.said(t('alerts.firstSeen'), a.firstSeenText ?? '–')} · ${MS.aside(MS.said(t('alerts.updated'), a.updatedText), a.timeZone)}`),
      a.owner ? el('p', { id: 'alert-owner' }, MS.said(t('alerts.owner'), a.owner)) : '',
      el('p', {}, el('strong', {}, MS.said(t('alerts.message'))), a.message),
      a.targetFormatted ? el('p', { id: 'alert-target' }, MS.said(t('alerts.target'), a.targetFormatted)) : '',
      writable ? el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'ack', onclick: () => act({ status: 'acknowledged' }) }, t('alerts.acknowledge')),
        el('button', { type: 'button', id: 'resolve', onclick: () => act({ status: 'resolved' }) }, t('alerts.resolve')),
        el('label', {}, t('alerts.snooze'), ' ', until),
        el('button', { type: 'button', id: 'snooze', onclick: () => act({ status: 'snoozed', until: until.value }) }, t('alerts.snooze'))) : '',
      el('div', { class: 'actions' }, MS.said(t('alerts.label')), label,
        writable ? choice : '', writable ? el('button', { type: 'button', id: 'save-label', onclick: mark }, t('alerts.saveLabel')) : ''),
      message,
      d.series.length ? el('h2', {}, t('alerts.series')) : '', d.series.length ? chartBox : '',
      events(d.events),
      explanation(d),
      await comments(id, post, writable));
    if (d.series.length) band(chartBox, d.series, d.events);
  }

  // The alert's comment thread (people's, and the lifecycle's own notes by "modscope"); analysts add to it. Times in UTC.
  async function comments(id, post, writable) {
    const thread = await api(`/api/alerts/${id}/comments`);
    const item = c => el('li', { 'data-comment': c.id }, el('strong', {}, c.author), MS.said(MS.aside('', `${c.createdAt.slice(0, 16).replace('T', ' ')} UTC`)), c.body);
    const list = el('ul', { id: 'alert-comments' }, ...thread.map(item));
    const text = el('textarea', { id: 'comment-text', rows: 2, maxlength: 4000, 'aria-label': t('alerts.comment') });
    const add = () => post('comments', { text: text.value }, answer => { list.append(item(answer)); text.value = ''; });
    return el('section', { id: 'alert-thread' },
      el('h3', {}, t('alerts.comments')),
      thread.length ? '' : el('p', { class: 'muted' }, t('alerts.noComments')),
      list,
      // A read-only dashboard cannot store a comment either: no box and no button that can only fail.
      writable ? el('div', { class: 'actions' }, text, el('button', { type: 'button', id: 'add-comment', onclick: add }, t('alerts.addComment'))) : '');
  }

  function events(list) {
    if (!list.length) return '';
    return el('section', { id: 'alert-events' },
      el('h3', {}, t('alerts.events')),
      el('p', { class: 'muted' }, t('alerts.eventsNote')),
      el('ul', {}, ...list.map(e => el('li', { 'data-event': e.id },
        MS.said(e.name, t('alerts.utcDays').replace('{0}', e.fromLabel).replace('{1}', e.toLabel))))));
  }

  // The series with its expected band, past the alert to the data's newest day (recovery or not), the alert's days
  // shaded, calendar events marked by name. The legend names exactly what is drawn, each with its own mark.
  function band(box, series, eventList) {
    const chart = echarts.init(box);
    const labels = series.map(p => p.label);
    const alertDays = series.filter(p => p.inAlert).map(p => p.label);
    const shade = 'rgba(207,34,46,0.12)';
    chart.setOption({
      animation: false, tooltip: { trigger: 'axis' }, grid: { top: 40, left: 60, right: 20, bottom: 45 },
      legend: { top: 0, data: [
        { name: t('alerts.value') },
        { name: t('alerts.expected') },
        { name: t('alerts.band'), icon: 'rect', itemStyle: { color: '#d0d7de' } },
        { name: t('alerts.alertDays'), icon: 'rect', itemStyle: { color: shade } },
      ] },
      xAxis: { type: 'category', data: labels, name: t('alerts.dayUtc'), nameLocation: 'middle', nameGap: 28 }, yAxis: { type: 'value', scale: true },
      series: [
        { name: 'lower', type: 'line', data: series.map(p => p.lower), stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false } },
        { name: t('alerts.band'), type: 'line', data: series.map(p => (p.upper ?? null) === null || p.lower === null ? null : p.upper - p.lower),
          stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: '#d0d7de' }, tooltip: { show: false } },
        { name: t('alerts.expected'), type: 'line', data: series.map(p => p.expected), symbol: 'none', lineStyle: { type: 'dashed' },
          markArea: { silent: true, itemStyle: { color: 'rgba(9,105,218,0.08)' }, label: { position: 'insideTop', color: '#0969da' },
            data: eventList.map(e => [{ name: e.name, xAxis: e.fromLabel }, { xAxis: e.toLabel }]) } },
        { name: t('alerts.value'), type: 'line', data: series.map(p => p.value) },
        { name: t('alerts.alertDays'), type: 'line', data: [], color: shade,
          markArea: { silent: true, itemStyle: { color: shade }, data: alertDays.length ? [[{ xAxis: alertDays[0] }, { xAxis: alertDays[alertDays.length - 1] }]] : [] } },
      ],
    });
  }

  // The explanation in the page's language, worded by the server (FindingRenderer): segments by their display names.
  function explanation(d) {
    const x = d.explanationText;
    if (!x) return '';
    const table = (id, headers, rows) => el('table', { id }, el('thead', {}, el('tr', {}, ...headers.map((h, i) => el('th', { class: i ? 'num' : '' }, h)))),
      el('tbody', {}, ...rows.map(r => el('tr', {}, ...r.map((c, i) => el('td', { class: i ? 'num' : '' }, c))))));
    return el('section', { id: 'explanation' },
      el('h2', {}, t('alerts.explanation')),
      el('p', { id: 'explanation-summary' }, x.summary),
      x.causes.length ? el('h3', {}, t('alerts.causes')) : '',
      x.causes.length ? table('explanation-causes', x.causeHeaders, x.causes) : '',
      x.within.length ? el('h3', {}, t('alerts.within')) : '',
      x.within.length ? table('explanation-within', x.withinHeaders, x.within) : '',
      x.mixRate ? el('p', { id: 'explanation-mix' }, x.mixRate) : '');
  }
})();
