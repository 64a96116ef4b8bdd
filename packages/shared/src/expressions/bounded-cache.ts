/** A map of at most `capacity` entries that forgets the least recently used one first. */
export interface BoundedCache<K, V> {
  get(key: K): V | undefined;
  /** Removes and returns the entry: while taken, no other caller can use it. */
  take(key: K): V | undefined;
  set(key: K, value: V): void;
}

export function boundedCache<K, V>(capacity: number): BoundedCache<K, V> {
  const entries = new Map<K, V>();
  const set = (key: K, value: V) => {
    entries.delete(key);
    entries.set(key, value);
    if (entries.size > capacity) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
  };
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) set(key, value);
      return value;
    },
    take(key) {
      const value = entries.get(key);
      entries.delete(key);
      return value;
    },
    set,
  };
}
