// Deliveries: the outbox of serve's subscriptions, newest first: what was sent or will be, how many attempts, the last error.
(async () => {
  const { el, t, api } = MS;
  const content = document.getElementById('content');
  try {
    await MS.start('/deliveries');
    const rows = await api('/api/deliveries');
    const time = v => v ? new Date(v + (v.endsWith('Z') ? '' : 'Z')).toLocaleString(MS.state.lang, { timeZone: 'UTC' }) + ' UTC' : '–';
    content.replaceChildren(rows.length === 0 ? el('p', { class: 'muted' }, t('deliveries.none')) :
      MS.sortableTable([
        { key: 'id', label: '#', num: true, value: d => d.id },
        { key: 'written', label: t('deliveries.written'), value: d => d.createdAt, text: d => time(d.createdAt) },
        { key: 'subscription', label: t('deliveries.subscription'), value: d => d.subscription },
        { key: 'channel', label: t('deliveries.channel'), value: d => d.channel },
        { key: 'subject', label: t('deliveries.subject'), value: d => d.subject },
        { key: 'status', label: t('deliveries.status'), value: d => d.status, text: d => el('span', { class: `delivery-${d.status}` }, t(`deliveries.${d.status}`)) },
        { key: 'attempts', label: t('deliveries.attempts'), num: true, value: d => d.attempts },
        { key: 'when', label: t('deliveries.when'), value: d => d.sentAt ?? d.nextAttemptAt, text: d => time(d.sentAt ?? d.nextAttemptAt) },
        { key: 'error', label: t('deliveries.error'), value: d => d.lastError ?? '' },
      ], rows, { id: 'deliveries-table' }));
  } catch (e) { MS.showError(content, e); }
})();
