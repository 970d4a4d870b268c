// The sign-in page: posts the name and password as JSON with the anti-forgery token of /api/session, then returns to
// the page that sent the user here (only a path of this site). No inline script: the CSP forbids it.
(async () => {
  const url = new URL(window.location.href);
  // A page that sent the user here keeps its language: ?lang= of the return address when this page has none.
  const returnLang = (() => { try { return new URL(url.searchParams.get('return') || '/', window.location.origin).searchParams.get('lang'); } catch { return null; } })();
  const lang = url.searchParams.get('lang') || returnLang || localStorage.getItem('modscope.lang') || 'en';
  const labels = await (await fetch(`/api/labels?lang=${encodeURIComponent(lang)}`)).json();
  const t = key => labels[key] ?? key;
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
  document.title = `${t('app.title')} · ${t('signin.title')}`;
  const back = url.searchParams.get('return') || '/';
  const target = back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/';
  const error = document.getElementById('signin-error');
  let session = await (await fetch('/api/session')).json();
  if (!session.signInRequired) {
    error.textContent = t('signin.notNeeded');
    error.hidden = false;
  }
  if (session.signInRequired && session.name) {
    // Signed in already (the identity provider's return: the session cookie is SameSite=Strict, so the redirect that
    // ends that cross-site trip came without it; this page's own request carries it).
    window.location.replace(target);
    return;
  }
  if (session.oidc) {
    document.getElementById('signin-oidc-link').href = `/signin/oidc?return=${encodeURIComponent(target)}`;
    document.getElementById('signin-oidc').hidden = false;
  }
  if (url.searchParams.get('error') === 'oidc') {
    error.textContent = t('signin.oidcFailed');
    error.hidden = false;
  }
  document.getElementById('signin-form').addEventListener('submit', async e => {
    e.preventDefault();
    const response = await fetch('/api/session/signin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf },
      body: JSON.stringify({ name: document.getElementById('signin-name').value, password: document.getElementById('signin-password').value }),
    });
    if (response.ok) {
      window.location.href = target;
      return;
    }
    session = await (await fetch('/api/session')).json();
    error.textContent = t('signin.failed');
    error.hidden = false;
  });
})();
