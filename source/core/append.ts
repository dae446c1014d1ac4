/**
 * Appends every item, one at a time: `into.push(...items)` passes each item as an argument,
 * and an API page or a findings list of a few hundred thousand overflows the call stack.
 */
export function append<T>(into: T[], items: Iterable<T>): T[] {
  for (const item of items) into.push(item);
  return into;
}
