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
