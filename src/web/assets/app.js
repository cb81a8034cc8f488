// Lede's page script: progressive enhancement only; every feature works without it.
// Service worker, install prompt, copy/share/save-for-offline, and "Ask about this article"
// answered in place (the same answer as the no-JS GET form, highlighted in the text).
(() => {
  const $ = (sel, root = document) => root.querySelector(sel);

  // after the load event, so that installing the worker (and its first fetches) does not
  // compete with the page's own
  if ('serviceWorker' in navigator) {
    const register = () => navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  }

  // Pages are cached and the same for everyone: show "Account" or "Sign in" from a marker cookie.
  const signedIn = /(?:^|;\s*)lede_in=1/.test(document.cookie);
  for (const a of document.querySelectorAll(signedIn ? '[data-signed-out]' : '[data-signed-in]'))
    a.hidden = true;

  // Install prompt: where the seed printed app-store badges, the browser's own install.
  let deferred = null;
  const install = $('#install');
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event;
    if (install) install.hidden = false;
  });
  install?.addEventListener('click', async () => {
    if (!deferred) return;
    deferred.prompt();
    await deferred.userChoice.catch(() => null);
    deferred = null;
    install.hidden = true;
  });

  const share = $('.share');
  if (share) {
    const status = $('.status', share);
    const say = (text) => {
      if (status) status.textContent = text;
    };
    const url = share.dataset.url;
    const title = share.dataset.title;
    const copy = $('[data-copy]', share);
    const shareButton = $('[data-share]', share);
    if (copy) {
      copy.hidden = false;
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(url);
        } catch {
          const input = $('#share-link');
          input?.select();
          document.execCommand?.('copy');
        }
        say(status?.dataset.copied ?? '');
      });
    }
    if (shareButton && navigator.share) {
      shareButton.hidden = false;
      shareButton.addEventListener('click', () => navigator.share({ title, url }).catch(() => {}));
    }
  }

  // Save for offline reading: a [data-save] button saves on click (its .share status says so);
  // [data-save] links (bookmarks) are kept as soon as the page has loaded. Same-origin paths only.
  const canSave = 'serviceWorker' in navigator && 'caches' in window;
  const saveOffline = async (path) => {
    if (!canSave || typeof path !== 'string' || !/^\/(?!\/)/.test(path)) return false;
    try {
      const response = await fetch(path, { credentials: 'same-origin' });
      if (!response.ok) return false;
      await (await caches.open('lede-saved')).put(path, response);
      return true;
    } catch {
      return false;
    }
  };
  const links = [];
  for (const el of document.querySelectorAll('[data-save]')) {
    if (el.tagName === 'A') {
      links.push(el.dataset.save);
    } else if (canSave) {
      el.hidden = false;
      el.addEventListener('click', async () => {
        const status = $('.status', el.closest('.share') ?? document.body);
        if ((await saveOffline(el.dataset.save)) && status) status.textContent = status.dataset.saved ?? '';
      });
    }
  }
  if (canSave && links.length) {
    window.addEventListener('load', async () => {
      const kept = await caches.open('lede-saved');
      // one at a time, skipping what is already kept
      for (const path of [...new Set(links)].slice(0, 200)) {
        if (!(await kept.match(path))) await saveOffline(path);
      }
    });
  }

  const form = $('form[data-ask]');
  const answer = $('#answer');
  if (form && answer) {
    form.addEventListener('submit', async (event) => {
      const q = new FormData(form).get('ask');
      if (typeof q !== 'string' || !q.trim()) return;
      event.preventDefault();
      let data;
      try {
        const res = await fetch(`${form.dataset.ask}?q=${encodeURIComponent(q)}`);
        if (!res.ok) throw new Error(String(res.status));
        data = await res.json();
      } catch {
        form.submit();
        return;
      }
      for (const el of document.querySelectorAll('.s.hl')) el.classList.remove('hl');
      answer.replaceChildren();
      if (data.sentences.length === 0) {
        const p = document.createElement('p');
        p.className = 'empty';
        p.textContent = answer.dataset.none ?? '';
        answer.append(p);
        return;
      }
      const list = document.createElement('ol');
      for (const s of data.sentences) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `#${s.id}`;
        a.className = 'cite';
        a.textContent = s.text;
        li.append(a);
        list.append(li);
        document.getElementById(s.id)?.classList.add('hl');
      }
      answer.append(list);
      document.getElementById(data.sentences[0].id)?.scrollIntoView({ block: 'center' });
      history.replaceState(null, '', `?ask=${encodeURIComponent(q)}#ask`);
    });
  }
})();
