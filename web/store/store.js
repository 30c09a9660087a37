// The workspace's storage: the learner's programs in IndexedDB (through idb-keyval, a small
// well-kept wrapper), course-page embeds' edits in a store of their own, and the workspace as
// a .zip (fflate). Bundled by esbuild (cargo xtask) into one classic script that defines
// `AwaitlabStore`; src/browser/store.rs calls only what is exported here.
import { createStore, get, set, del, values } from 'idb-keyval';
import { zipSync, unzipSync, strToU8, strFromU8 } from 'fflate';

let programs = null;
let embeds = null;

/// Opens the stores; rejects where the browser keeps no IndexedDB (some private windows).
export async function open() {
  if (!('indexedDB' in globalThis)) throw new Error('IndexedDB is not available here');
  programs = createStore('awaitlab-workspace', 'programs');
  embeds = createStore('awaitlab-embeds', 'edits');
  await values(programs);
}

export function allPrograms() {
  return values(programs);
}

export function getProgram(id) {
  return get(id, programs);
}

/// Rejects with a DOMException named QuotaExceededError when the browser's storage is full.
export function putProgram(program) {
  return set(program.id, program, programs);
}

export function deleteProgram(id) {
  return del(id, programs);
}

export function getEmbed(key) {
  return get(key, embeds);
}

export function putEmbed(key, value) {
  return set(key, value, embeds);
}

export function deleteEmbed(key) {
  return del(key, embeds);
}

/// What the browser says this site uses and may use, in bytes: [usage, quota], or null.
export async function usage() {
  const estimate = navigator.storage && navigator.storage.estimate ? await navigator.storage.estimate() : null;
  return estimate ? [estimate.usage || 0, estimate.quota || 0] : null;
}

const MANIFEST = 'awaitlab-workspace.json';

/// The workspace as a .zip: each program as `programs/<name>`, and a manifest with everything
/// else (settings, versions, where each came from) for a faithful import.
export function exportZip(list) {
  const files = {};
  const manifest = [];
  for (const p of list) {
    let path = 'programs/' + p.name;
    for (let n = 2; files[path]; n++) path = 'programs/' + p.name.replace(/(\.py)?$/, `-${n}$1`);
    files[path] = strToU8(p.text);
    manifest.push({ ...p, text: undefined, path });
  }
  files[MANIFEST] = strToU8(JSON.stringify({ format: 1, programs: manifest }, null, 1));
  return zipSync(files, { level: 6 });
}

/// Programs from a .zip made by `exportZip` (with their settings and versions), or from any
/// .zip of .py files (as plain programs). Ids are the caller's to give.
export function importZip(bytes) {
  const files = unzipSync(bytes);
  const text = (path) => (files[path] ? strFromU8(files[path]) : null);
  const manifest = text(MANIFEST);
  if (manifest) {
    const parsed = JSON.parse(manifest);
    return (parsed.programs || []).filter((p) => files[p.path]).map((p) => ({ ...p, text: text(p.path) }));
  }
  return Object.keys(files)
    .filter((path) => /\.(py|txt)$/i.test(path) && !path.startsWith('__MACOSX/'))
    .map((path) => ({ name: path.split('/').pop(), text: text(path) }));
}
