// Audit log (admins): who viewed, exported or changed what, and the configuration each start loaded; filters by user,
// action and UTC days (kept in the URL), 50 rows a page, newest first. Times are UTC, as stored.
(async () => {
  const { el, t, api } = MS;
  const content = document.getElementById('content');
  const size = 50;
  try {
    await MS.start('/audit');
    const s = MS.pageState();
    const filters = Object.fromEntries(['user', 'action', 'since', 'until'].map(k => [k, s.get(k) ?? '']));
    const page = Math.max(1, Number(s.get('page')) || 1);
    const actions = ['view', 'export', 'change', 'sign-in', 'sign-out', 'configure'];
    const form = el('form', { id: 'audit-filters', class: 'controls' },
      el('label', {}, t('audit.user'), el('input', { id: 'audit-user', name: 'user', value: filters.user })),
      el('label', {}, t('audit.action'), el('select', { id: 'audit-action', name: 'action' },
        el('option', { value: '' }, t('common.all')),
        ...actions.map(a => el('option', { value: a, selected: a === filters.action }, t(`audit.action.${a}`))))),
      el('label', {}, t('audit.since'), el('input', { id: 'audit-since', name: 'since', type: 'date', value: filters.since })),
      el('label', {}, t('audit.until'), el('input', { id: 'audit-until', name: 'until', type: 'date', value: filters.until })),
      el('button', { type: 'submit', id: 'apply-filters' }, t('common.apply')));
    const go = n => {
      const chosen = Object.fromEntries([...form.querySelectorAll('input, select')].map(x => [x.name, x.value.trim()]));
      window.location.href = MS.link('/audit', { ...chosen, page: n > 1 ? n : '' });
    };
    form.addEventListener('submit', e => { e.preventDefault(); go(1); });
    const result = el('div', { id: 'audit-list' });
    content.replaceChildren(form, result);
    let rows;
    // A refused filter (a day that is not one) shows under the filters, with no stale list.
    try { rows = await api('/api/audit', { ...filters, limit: size + 1, offset: (page - 1) * size }); } catch (e) { MS.showError(result, e); return; }
    if (!rows.length) { result.replaceChildren(el('p', { class: 'muted', id: 'no-audit' }, t('audit.none'))); return; }
    const more = rows.length > size;
    result.replaceChildren(
      MS.sortableTable([
        { key: 'at', label: t('audit.at'), value: r => r.at, text: r => `${r.at.slice(0, 19).replace('T', ' ')} UTC` },
        { key: 'user', label: t('audit.user'), value: r => r.user },
        { key: 'role', label: t('audit.role'), value: r => r.role, text: r => t(`role.${r.role}`) },
        { key: 'action', label: t('audit.action'), value: r => r.action, text: r => t(`audit.action.${r.action}`) },
        { key: 'method', label: t('audit.method'), value: r => r.method },
        { key: 'request', label: t('audit.request'), value: r => r.request },
        { key: 'status', label: t('audit.status'), num: true, value: r => r.status },
      ], rows.slice(0, size), { id: 'audit-table' }),
      el('p', { class: 'pager' },
        page > 1 ? el('button', { type: 'button', id: 'page-previous', onclick: () => go(page - 1) }, t('alerts.previous')) : '',
        el('span', { id: 'page-info' }, ` ${t('audit.page').replace('{0}', page)} `),
        more ? el('button', { type: 'button', id: 'page-next', onclick: () => go(page + 1) }, t('alerts.next')) : ''));
  } catch (e) { MS.showError(content, e); }
})();
