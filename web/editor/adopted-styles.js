// CodeMirror writes its styles with `style-mod`, which puts them in a <style> element on a
// document (it uses a constructed stylesheet only in shadow roots). The page's policy allows no
// inline styles (style-src 'self'), so that element would be refused. esbuild aliases
// `style-mod` to this file: the same StyleModule, whose mount on a document puts the rules in a
// constructed stylesheet (document.adoptedStyleSheets), which the policy does not govern.
// The module order is kept as style-mod keeps it: a module mounted again moves behind those
// mounted with it (its `mount` loop, applied to one list).
import { StyleModule } from '../../node_modules/style-mod/src/style-mod.js';

const mountOnElement = StyleModule.mount;
const mounted = [];
let sheet = null;

StyleModule.mount = function (root, modules, options) {
  if (root.nodeType !== 9 || !root.adoptedStyleSheets || !root.defaultView || !root.defaultView.CSSStyleSheet) {
    return mountOnElement.call(this, root, modules, options);
  }
  if (!sheet) sheet = new root.defaultView.CSSStyleSheet();
  let changed = false;
  let j = 0;
  for (const mod of Array.isArray(modules) ? modules : [modules]) {
    let index = mounted.indexOf(mod);
    if (index < j && index > -1) {
      mounted.splice(index, 1);
      changed = true;
      j--;
      index = -1;
    }
    if (index === -1) {
      mounted.splice(j++, 0, mod);
      changed = true;
    } else {
      j = index + 1;
    }
  }
  if (changed) sheet.replaceSync(mounted.map((m) => m.getRules()).join('\n'));
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
};

export { StyleModule };
