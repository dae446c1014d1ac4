/**
 * `map`'s value for `key`, made by `make` when it has none; the map keeps the `limit` values
 * made last (the oldest goes first). For answers kept per state for the rows the cursor passes.
 */
export function keptIn<K, V>(map: Map<K, V>, key: K, limit: number, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    if (map.size >= limit) map.delete(map.keys().next().value!);
    map.set(key, value);
  }
  return value;
}

/**
 * Values worked out for a few objects (a state's snapshot), the last `limit` asked for first.
 * Not a WeakMap: a snapshot lives on wherever it is referenced (an undo entry, a frame React
 * still holds), and with it would live all that was worked out for it. Here only the few last
 * asked for stay, and `keepOnly` lets go of all but the ones still wanted.
 */
export class Recent<K extends object, V> {
  private readonly slots: {key: K; value: V}[] = [];

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const at = this.slots.findIndex((slot) => slot.key === key);
    if (at < 0) return undefined;
    const [slot] = this.slots.splice(at, 1);
    this.slots.unshift(slot!);
    return slot!.value;
  }

  /** `key`'s value, made by `make` when it has none. */
  of(key: K, make: () => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = make();
    this.slots.unshift({key, value});
    this.slots.length = Math.min(this.slots.length, this.limit);
    return value;
  }

  /** Forgets every value but those of the keys `wanted` holds to. */
  keepOnly(wanted: (key: K) => boolean): void {
    keepWhere(this.slots, (slot) => wanted(slot.key));
  }
}

/** Keeps in `list`, in their order, only the items `wanted` holds to: the list itself shrinks. */
export function keepWhere<T>(list: T[], wanted: (item: T) => boolean): void {
  const kept = list.filter(wanted);
  list.length = 0;
  list.push(...kept);
}
