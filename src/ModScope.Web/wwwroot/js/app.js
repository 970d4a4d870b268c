// Shared page chrome: language and time-zone switch, labels from /api/labels, API calls, small DOM helpers.
// Presentation only: every number and its formatting comes from the API.
const MS = (() => {
  const url = new URL(window.location.href);
  const state = {
    lang: url.searchParams.get('lang') || localStorage.getItem('modscope.lang') || 'en',
    tz: url.searchParams.get('tz') || localStorage.getItem('modscope.tz') || 'UTC',
    labels: {},
    catalog: null,
    session: null,
  };

  function t(key) { return state.labels[key] ?? key; }

  // "Label: value" and "text (aside)" with the page language's punctuation (full-width in zh-Hans: 目标：80.00%, 较上一周期（80.75%）).
  function said(label, value) { return `${label}${t('common.colon')}${value ?? ''}`; }
  function aside(text, inner) { return `${text}${t('common.parenOpen')}${inner}${t('common.parenClose')}`; }

  // The named periods a period box takes, shown in the page's language (上一个完整周) while the API is sent the value it
  // reads ('last full week'); anything else (2026-W46, 2026-11-01..2026-11-15) is shown and sent as typed.
  const periodNames = ['last full week', 'last full month', 'last-week', 'last-month', 'month to date'];
  function periodShown(value) { return periodNames.includes(value) ? t(`period.${value}`) : value; }
  function periodValue(text) {
    const typed = (text ?? '').trim();
    return periodNames.find(v => t(`period.${v}`) === typed) ?? typed;
  }

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  function params(extra = {}) {
    const p = new URLSearchParams();
    p.set('lang', state.lang);
    p.set('tz', state.tz);
    for (const [k, v] of Object.entries(extra)) {
      if (Array.isArray(v)) v.filter(x => x !== '').forEach(x => p.append(k, x));
      else if (v !== null && v !== undefined && v !== '') p.set(k, v);
    }
    return p;
  }

  async function api(path, extra = {}, init = {}) {
    const response = await fetch(`${path}?${params(extra)}`, init);
    if (response.status === 401 && state.session && state.session.signInRequired) {
      window.location.href = `/signin?return=${encodeURIComponent(window.location.pathname + window.location.search)}`;
    }
    const body = (response.headers.get('content-type') || '').includes('json') ? await response.json() : await response.text();
    if (!response.ok) throw problemError(body, response.status);
    return body;
  }

  // An error answer as an Error carrying the problem's facts (parameter, kind, value, subject, accepted), so that
  // showError can word it in the page's language; its message stays the API's English detail.
  function problemError(body, status) {
    const error = new Error((body && (body.detail || body.title)) || String(body));
    if (body && typeof body === 'object' && status < 500) error.problem = body;
    return error;
  }

  // The kinds of refusal the labels word (problem.<kind>); any other is shown by the API's detail.
  const problemKinds = ['unknown-value', 'bad-format', 'out-of-range', 'not-allowed', 'missing', 'too-large'];
  const shownAccepted = 20;

  function fill(template, values) { return template.replace(/\{(\w+)\}/g, (m, k) => values[k] ?? m); }

  // A site by its name in the page's language (the catalogue's: sites.csv's name_zh on zh pages), its id when unnamed.
  function siteName(id) { return (state.catalog?.sites ?? []).find(s => s.id === id)?.name ?? id; }
  function has(key) { return Object.prototype.hasOwnProperty.call(state.labels, key); }

  // What a refused value should have named, in the page's language: the labels' word (市场, 时间粒度), else the
  // catalogue's dimension name, else the API's own word.
  function subjectName(subject) {
    if (has(`problem.subject.${subject}`)) return t(`problem.subject.${subject}`);
    const dimension = state.catalog && state.catalog.dimensions.find(d => d.id === subject);
    return dimension ? dimension.name.toLocaleLowerCase() : subject;
  }

  // A refusal in the page's language from its facts: "Bad parameter 'filter': unknown market 'XX'; use one of …." /
  // "参数“filter”有误：未知的市场“XX”；可用：…。", then the closest names ("Did you mean week?" / "您是否要找：week？");
  // null for a kind the labels do not word.
  function problemText(p) {
    if (!p || !problemKinds.includes(p.kind)) return null;
    const subject = p.subject ?? p.parameter ?? '';
    const noValue = p.value === undefined || p.value === null || p.value === '';
    const key = [`problem.${p.kind}.${subject}`, `problem.${p.kind}${noValue ? '.noValue' : ''}`].find(has);
    if (!key) return null;
    let reason = fill(t(key), { subject: subjectName(subject), value: p.value ?? '', valueName: subjectName(p.value ?? '') });
    const accepted = Array.isArray(p.accepted) ? p.accepted : [];
    // The accepted values' own words for this subject (the data's last day after an empty report) or the kind's.
    const acceptedKey = [`problem.${p.kind}.accepted.${subject}`, `problem.${p.kind}.accepted`].find(has);
    if (accepted.length > 0 && acceptedKey) {
      const listed = accepted.slice(0, shownAccepted).join(t('common.listJoin')) + (accepted.length > shownAccepted ? t('problem.more') : '');
      reason += fill(t(acceptedKey), { accepted: listed });
    }
    const sentence = p.parameter ? fill(t('problem.parameter'), { parameter: p.parameter, reason }) : reason.charAt(0).toLocaleUpperCase() + reason.slice(1);
    const near = Array.isArray(p.suggested) && p.suggested.length > 0 ? fill(t('problem.suggested'), { suggested: p.suggested.join(t('common.listJoin')) }) : '';
    return sentence + t('problem.end') + near;
  }

  // A refused request is worded from its facts in the page's language; a network error, a 500 or a refusal of a kind
  // the labels do not know keeps the generic "Something went wrong: <detail>".
  function showError(container, error) {
    const worded = problemText(error && error.problem);
    container.replaceChildren(el('div', { class: 'error', role: 'alert' }, worded ?? said(t('common.error'), error.message)));
  }

  // Keeps lang and tz on links between pages.
  function link(path, extra = {}) { return `${path}?${params(extra)}`; }

  function pageState() { return new URL(window.location.href).searchParams; }

  function pushState(extra) {
    window.history.replaceState(null, '', link(window.location.pathname, extra));
  }

  function applyLabels(root = document) {
    root.querySelectorAll('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
    root.querySelectorAll('[data-i18n-placeholder]').forEach(n => { n.placeholder = t(n.dataset.i18nPlaceholder); });
    document.documentElement.lang = state.lang;
  }

  function header(active) {
    const reload = (key, value) => {
      localStorage.setItem(`modscope.${key}`, value);
      const next = new URL(window.location.href);
      next.searchParams.set(key, value);
      window.location.href = next.toString();
    };
    const lang = el('select', { id: 'lang-switch', 'aria-label': 'language', onchange: e => reload('lang', e.target.value) },
      el('option', { value: 'en', selected: state.lang === 'en' }, 'English'),
      el('option', { value: 'zh-Hans', selected: state.lang === 'zh-Hans' }, '简体中文'));
    const zone = el('select', { id: 'tz-switch', onchange: e => reload('tz', e.target.value) },
      ...state.catalog.timeZones.map(z => el('option', { value: z, selected: z === state.tz }, z)));
    const token = el('input', { id: 'analyst-token', type: 'password', size: 10, 'data-i18n-placeholder': 'common.analystToken', value: sessionStorage.getItem('modscope.token') || '' });
    const signIn = el('button', { id: 'sign-in', type: 'button', onclick: () => { sessionStorage.setItem('modscope.token', token.value); signIn.textContent = t('common.signedIn'); } }, t('common.signIn'));
    const pages = [['/', 'nav.overview'], ['/explorer', 'nav.explorer'], ['/alerts', 'nav.alerts'], ['/health', 'nav.health'], ['/reports', 'nav.reports'], ['/plan', 'nav.plan']];
    // The delivery log answers analysts and admins (403 to a viewer); the audit log admins only.
    if (!state.session || state.session.role !== 'viewer') pages.push(['/deliveries', 'nav.deliveries']);
    if (state.session && state.session.role === 'admin') pages.push(['/audit', 'nav.audit']);
    const bar = el('header', {},
      el('span', { class: 'brand' }, t('app.title')),
      el('nav', {}, ...pages.map(([path, key]) => el('a', { href: link(path), class: path === active ? 'active' : null, 'data-i18n': key }, t(key)))),
      el('div', { class: 'settings' },
        el('label', {}, el('span', { 'data-i18n': 'common.language' }), ' ', lang),
        el('label', {}, el('span', { 'data-i18n': 'common.timeZone' }), ' ', zone),
        ...account(token, signIn)));
    document.body.prepend(bar);
  }

  // Signed in (users configured): the user, their role and a sign-out button; else the analyst token field.
  function account(token, signIn) {
    const s = state.session;
    if (s && s.signInRequired) {
      const signOut = el('button', { id: 'sign-out', type: 'button', onclick: async () => {
        await fetch('/api/session/signout', { method: 'POST', headers: authHeaders() });
        window.location.href = '/signin';
      } }, t('signin.signOut'));
      return [el('span', { id: 'signed-in-user' }, aside(s.name, t(`role.${s.role}`))), signOut];
    }
    return state.catalog.access === 'read-only' ? [] : [token, signIn];
  }

  // Headers of a change: the analyst token when one was entered, the session's anti-forgery token.
  function authHeaders() {
    const token = sessionStorage.getItem('modscope.token');
    const headers = token ? { Authorization: `Bearer ${token}` } : {};
    if (state.session && state.session.csrf) headers['X-CSRF-Token'] = state.session.csrf;
    return headers;
  }

  // A table whose columns sort on click. columns: [{ key, label, num, value(row), text(row) }]
  function sortableTable(columns, rows, { onRow, rowClass, id } = {}) {
    let sortKey = null, ascending = true;
    const table = el('table', { id });
    const render = () => {
      const sorted = [...rows];
      if (sortKey !== null) {
        const c = columns[sortKey];
        sorted.sort((a, b) => {
          const x = c.value(a), y = c.value(b);
          const cmp = x === null || x === undefined ? 1 : y === null || y === undefined ? -1 : typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
          return ascending ? cmp : -cmp;
        });
      }
      const head = el('tr', {}, ...columns.map((c, i) => el('th', {
        class: `sortable ${c.num ? 'num' : ''}`, 'data-key': c.key,
        onclick: () => { ascending = sortKey === i ? !ascending : true; sortKey = i; render(); },
      }, c.label + (sortKey === i ? (ascending ? ' ▲' : ' ▼') : ''))));
      const body = sorted.map(r => el('tr', { class: rowClass ? rowClass(r) : null, onclick: onRow ? () => onRow(r) : null },
        ...columns.map(c => el('td', { class: c.num ? 'num' : null }, c.text ? c.text(r) : (c.value(r) ?? '')))));
      table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...body));
    };
    render();
    return table;
  }

  async function start(active) {
    state.session = await api('/api/session');
    [state.labels, state.catalog] = await Promise.all([api('/api/labels'), api('/api/catalog')]);
    localStorage.setItem('modscope.lang', state.lang);
    localStorage.setItem('modscope.tz', state.tz);
    header(active);
    applyLabels();
    document.title = `${t('app.title')} · ${t(`nav.${active === '/' ? 'overview' : active.slice(1)}`)}`;
    return state;
  }

  return { state, t, said, aside, periodShown, periodValue, el, api, params, link, showError, problemError, problemText, siteName, pageState, pushState, applyLabels, start, sortableTable, authHeaders };
})();
