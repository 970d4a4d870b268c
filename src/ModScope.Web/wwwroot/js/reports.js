// Reports: choose period, audience, place, language and format; generate downloads the file the API builds and
// previews an HTML report inline. The report itself (facts, numbers, text) comes whole from /api/report.
(async () => {
  const { el, t } = MS;
  const status = document.getElementById('report-status');
  const preview = document.getElementById('report-preview');
  try {
    const state = await MS.start('/reports');
    const q = MS.pageState();
    const period = document.getElementById('period');
    const audience = document.getElementById('audience');
    const place = document.getElementById('place');
    const reportLang = document.getElementById('report-lang');
    const format = document.getElementById('format');
    period.value = MS.periodShown(q.get('period') || 'last-week');
    audience.append(...['exec', 'regional', 'quality'].map(a => el('option', { value: a, selected: a === q.get('audience') }, t(`audience.${a}`))));
    const chosenPlace = q.get('region') ? `region:${q.get('region')}` : q.get('market') ? `market:${q.get('market')}` : '';
    place.append(el('option', { value: '' }, t('common.all')),
      el('optgroup', { label: t('common.region') }, ...state.catalog.regions.map(r => el('option', { value: `region:${r.id}`, selected: `region:${r.id}` === chosenPlace }, r.name))),
      el('optgroup', { label: t('common.market') }, ...state.catalog.markets.map(m => el('option', { value: `market:${m.id}`, selected: `market:${m.id}` === chosenPlace }, `${m.id} · ${m.name}`))));
    reportLang.value = q.get('reportLang') || state.lang;
    format.value = q.get('format') || 'html';

    const generate = async () => {
      const [kind, code] = place.value ? place.value.split(':') : ['', ''];
      const choice = { period: MS.periodValue(period.value), audience: audience.value, region: kind === 'region' ? code : '', market: kind === 'market' ? code : '', format: format.value };
      MS.pushState({ ...choice, reportLang: reportLang.value });
      status.replaceChildren(el('p', { class: 'muted' }, t('reports.generating')));
      preview.hidden = true;
      try {
        const response = await fetch(`/api/report?${MS.params({ ...choice, lang: reportLang.value })}`);
        if (!response.ok) {
          const problem = (response.headers.get('content-type') || '').includes('json') ? await response.json() : { detail: await response.text() };
          throw MS.problemError(problem.detail || problem.title ? problem : { detail: response.statusText }, response.status);
        }
        const blob = await response.blob();
        const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(response.headers.get('content-disposition') || '')?.[1] || `report.${format.value}`;
        const link = el('a', { id: 'report-download', href: URL.createObjectURL(blob), download: decodeURIComponent(name) }, MS.said(t('reports.download'), decodeURIComponent(name)));
        status.replaceChildren(el('p', {}, link));
        link.click();
        if (format.value === 'html') {
          preview.srcdoc = await blob.text();
          preview.hidden = false;
        }
      } catch (e) { MS.showError(status, e); }
    };
    document.getElementById('report-controls').addEventListener('submit', e => { e.preventDefault(); generate(); });
    // Enabled only now: a click before the handler is bound would submit the form as a plain GET and reload the page.
    document.getElementById('generate').disabled = false;
  } catch (e) { MS.showError(status, e); }
})();
