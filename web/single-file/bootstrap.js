// The loader of the single-file build (`cargo xtask dist --single-file`, dist/awaitlab.html).
// Every file the site would fetch is in this page, in the data block #awaitlab-files (text as
// it is, wasm as base64), so the page works from file:// with no server and no network.
//
// Modules load from blob: URLs, their relative imports rewritten to their files' own blob:
// URLs (`link`); a wasm-bindgen module loads through a wrapper whose initialisation compiles
// its wasm from the inlined bytes (WebAssembly.compile). A page opened from file:// may start a
// classic worker from a blob: URL, but not a module worker, and a worker may import only blob:
// URLs it made itself: so the engine's worker is a classic script that links its own modules
// with the same `link`, and answers its library fetches (library.json, lib/) from the inlined
// files. The app asks `AwaitlabBundle.workerUrl(path)` and `.moduleUrl(path)` where the site
// would load a path beside the page (src/browser/bundle.rs).
(() => {
  const block = document.getElementById('awaitlab-files');
  const files = JSON.parse(block.textContent);
  block.remove();

  // Runs in the page and, as text, in the engine's worker: blob: URLs for a set of files.
  function link(files) {
    const blobUrl = (text) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    const folder = (path) => path.slice(0, path.lastIndexOf('/') + 1);
    const joined = (from, relative) => new URL(relative, 'https://bundle.invalid/' + folder(from)).pathname.slice(1);
    const IMPORT = /(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.{1,2}\/[^"']+)\2/g;
    const urls = new Map();
    function moduleUrl(path) {
      if (urls.has(path)) return urls.get(path);
      const linked = files[path].replace(IMPORT, (all, keyword, quote, relative) => {
        const target = joined(path, relative);
        return target in files ? keyword + JSON.stringify(moduleUrl(target)) : all;
      });
      let url = blobUrl(linked);
      const wasm = path.replace(/\.js$/, '_bg.wasm');
      if (wasm !== path && wasm in files) {
        // A wasm-bindgen module: its default export (the initialisation) takes the inlined bytes.
        const glue = JSON.stringify(url);
        url = blobUrl(
          `import init from ${glue};\nexport * from ${glue};\nconst base64 = ${JSON.stringify(files[wasm])};\n` +
            'export default () => WebAssembly.compile(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)))' +
            '.then((module) => init({ module_or_path: module }));\n',
        );
      }
      urls.set(path, url);
      return url;
    }
    return { moduleUrl };
  }

  const page = link(files);

  // The engine's worker: its folder's files, the library, and a fetch() that serves the library.
  function workerText(entry) {
    const own = {};
    const library = {};
    const base = entry.slice(0, entry.lastIndexOf('/') + 1);
    for (const [path, text] of Object.entries(files)) {
      if (path.startsWith(base)) own[path] = text;
      if (path === 'library.json' || path.startsWith('lib/')) library[path] = text;
    }
    const site = document.baseURI.replace(/[^/]*$/, '');
    return (
      `const LIBRARY = ${JSON.stringify(library)};\nconst SITE = ${JSON.stringify(site)};\n` +
      'const networkFetch = self.fetch.bind(self);\n' +
      'self.fetch = (input, init) => {\n' +
      "  const url = typeof input === 'string' ? input : input.url;\n" +
      '  const path = url.startsWith(SITE) ? url.slice(SITE.length) : url;\n' +
      '  if (Object.hasOwn(LIBRARY, path)) {\n' +
      "    return Promise.resolve(new Response(LIBRARY[path], { headers: { 'content-type': 'text/x-python; charset=utf-8' } }));\n" +
      '  }\n' +
      '  return networkFetch(input, init);\n' +
      '};\n' +
      // The engine's synchronous reads (an import inside a library function, when it runs).
      'self.awaitlabLibraryFile = (path) => LIBRARY[path];\n' +
      `import((${link.toString()})(${JSON.stringify(own)}).moduleUrl(${JSON.stringify(entry)}))` +
      ".catch((error) => postMessage({ type: 'crashed', reason: 'the engine could not load: ' + error, memory: 0 }));\n"
    );
  }

  const workers = new Map();
  window.AwaitlabBundle = {
    /// A classic worker's script for the module worker `path`, if this page carries it.
    workerUrl(path) {
      if (!(path in files)) return undefined;
      if (!workers.has(path)) workers.set(path, URL.createObjectURL(new Blob([workerText(path)], { type: 'text/javascript' })));
      return workers.get(path);
    },
    /// The module `path`, if this page carries it.
    moduleUrl(path) {
      return path in files ? page.moduleUrl(path) : undefined;
    },
  };

  // The guide opens from its inlined copy.
  document.addEventListener('click', (event) => {
    const a = event.target instanceof Element && event.target.closest('a[href="guide.html"]');
    if (a && 'guide.html' in files) a.href = URL.createObjectURL(new Blob([files['guide.html']], { type: 'text/html' }));
  }, true);

  import(page.moduleUrl(files['$app'])).then(
    (app) => app.default(),
    (error) => {
      document.body.textContent = 'Awaitlab could not start in this browser: ' + error;
    },
  );
})();
