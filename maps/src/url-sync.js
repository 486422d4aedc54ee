// The URL hash follows the store: every change is written with replaceState (no history entry per pan), and a
// hash changed by hand or by a link is read back into the store as one update.

import { parseHash, formatHash } from './state.js';
import { viewer } from './viewer.js';

function writeHash(s) {
  const url = `${window.location.pathname}${window.location.search}${formatHash(s)}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(null, '', url);
  }
}

/** Keeps the URL and the store in step, from now on. */
export function syncUrl() {
  viewer.store.subscribe((s) => writeHash(s));
  window.addEventListener('hashchange', () => viewer.store.update(parseHash(window.location.hash), { fromUrl: true }));
}
