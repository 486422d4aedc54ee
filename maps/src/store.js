// The one store of the viewer's state (see state.js for its fields and their URL form). Every change goes through
// `update`, which replaces the state with a new object and tells each subscriber once which keys changed, so the
// layers, the filters' tiles, the form controls and the URL follow one update together. An update made while the
// subscribers run (a clamp of the time step, say) is applied at once and announced after them.

export function createStore(initial) {
  let state = initial;
  const subscribers = [];
  let pending = null; // {keys:Set, meta} of updates made while notifying
  let notifying = false;

  function notify(changed, meta) {
    notifying = true;
    try {
      for (const fn of [...subscribers]) fn(state, changed, meta);
    } finally {
      notifying = false;
    }
    if (pending) {
      const next = pending;
      pending = null;
      notify(next.keys, next.meta);
    }
  }

  return {
    get: () => state,

    /**
     * Applies a change — an object of fields, or a function of the state that returns one — and announces the keys
     * whose values changed (compared by identity: give a new Set or array, never a mutated one). `meta` is passed to
     * the subscribers as is (e.g. {debounce: true} while a slider is dragged). Returns the changed keys.
     */
    update(change, meta = {}) {
      const patch = typeof change === 'function' ? change(state) : change;
      const changed = new Set(Object.keys(patch ?? {}).filter((k) => !Object.is(state[k], patch[k])));
      if (!changed.size) return changed;
      state = { ...state, ...patch };
      if (notifying) {
        pending ??= { keys: new Set(), meta };
        for (const k of changed) pending.keys.add(k);
      } else {
        notify(changed, meta);
      }
      return changed;
    },

    /** Calls fn(state, changedKeys, meta) after every change; returns a function that stops it. */
    subscribe(fn) {
      subscribers.push(fn);
      return () => subscribers.splice(subscribers.indexOf(fn), 1);
    },
  };
}

/** True when any of `keys` is among the changed ones. */
export function changedAny(changed, keys) {
  return keys.some((k) => changed.has(k));
}
