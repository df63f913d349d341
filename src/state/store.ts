/** A minimal observable value: the app's one piece of state (the current moment). Pure. */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  subscribe(fn: (value: T, prev: T) => void): () => void;
}

export function createStore<T>(initial: T, equal: (a: T, b: T) => boolean = Object.is): Store<T> {
  let value = initial;
  const subs = new Set<(value: T, prev: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (equal(value, next)) return;
      const prev = value;
      value = next;
      for (const fn of subs) fn(value, prev);
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}
