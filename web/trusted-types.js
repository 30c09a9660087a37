// Trusted Types: the page's policy (index.html) lets no string reach an HTML or script sink
// unless this default policy passes it. The app itself writes HTML in one place only, Leptos's
// static view templates (compile-time markup); scripts and workers come from the page's own
// origin (or, in the single-file build, blob: URLs of its inlined files). So: HTML without
// scripts, handlers or plugins, and script URLs of this origin only.
// Anything else throws, and the write does not happen.
(() => {
  if (!window.trustedTypes || !window.trustedTypes.createPolicy) return;
  const ACTIVE = /<\s*(script|iframe|object|embed|base|meta|link|style)\b|\son[a-z]+\s*=|javascript:/i;
  window.trustedTypes.createPolicy('default', {
    createHTML(html) {
      if (ACTIVE.test(html)) throw new TypeError('Awaitlab refused to write active HTML');
      return html;
    },
    createScriptURL(url) {
      const parsed = new URL(url, document.baseURI);
      // The single-file build loads its inlined modules from blob: URLs it made (a blob: URL of
      // a page opened from file:// has the origin "null", the page "file://").
      const bundled = parsed.protocol === 'blob:' && window.AwaitlabBundle;
      if (!bundled && parsed.origin !== location.origin) throw new TypeError('Awaitlab loads scripts from its own origin only');
      return parsed.href;
    },
    createScript() {
      throw new TypeError('Awaitlab never evaluates script text');
    },
  });
})();
