/**
 * A minimal observable value. Pure. A change made by a subscriber (an effect that dispatches) is told to every
 * subscriber after the current round, in order: each subscriber hears every round with the value it heard last
 * as `prev`, never a value older than one it has already seen.
 */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  subscribe(fn: (value: T, prev: T) => void): () => void;
}

export function createStore<T>(initial: T, equal: (a: T, b: T) => boolean = Object.is): Store<T> {
  let value = initial;
  let told = initial; // the value the last round told
  let telling = false;
  const subs = new Set<(value: T, prev: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (equal(value, next)) return;
      value = next;
      if (telling) return; // the round under way tells it next
      telling = true;
      try {
        while (!equal(told, value)) {
          const prev = told;
          const now = value;
          told = now;
          for (const fn of [...subs]) fn(now, prev);
        }
      } finally {
        telling = false;
      }
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}
