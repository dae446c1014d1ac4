/**
 * A distribution of values as it is summed up: each value's probability added in the order
 * given, values kept in the order first met — what adding into a `Map<number, number>` does,
 * without a boxed number per key and a lookup in a map of objects. The availability estimate
 * sums a million such terms per topology; the answers are the same to the last bit.
 */
export class DistSum {
  private values = new Float64Array(16);
  private probabilities = new Float64Array(16);
  /** Open addressing: slot → 1 + the value's place, 0 for empty. */
  private slots = new Int32Array(32);
  private mask = 31;
  size = 0;

  /** Forgets every value, keeping the room. */
  clear(): void {
    this.slots.fill(0);
    this.size = 0;
  }

  /** Adds `p` to `value`'s probability; nothing unless p > 0 (as `add` on a map). */
  add(value: number, p: number): void {
    if (!(p > 0)) return;
    // A map's keys are the same for 0 and -0, and for every NaN.
    const key = value === 0 ? 0 : value !== value ? Number.NaN : value;
    let slot = hash(key) & this.mask;
    for (;;) {
      const held = this.slots[slot]!;
      if (held === 0) break;
      const stored = this.values[held - 1]!;
      if (stored === key || (key !== key && stored !== stored)) {
        this.probabilities[held - 1]! += p;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    if (this.size === this.values.length) this.grow();
    if ((this.size + 1) * 2 > this.slots.length) {
      this.rehash(this.slots.length * 2);
      slot = hash(key) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    }
    this.values[this.size] = key;
    this.probabilities[this.size] = p;
    this.size++;
    this.slots[slot] = this.size;
  }

  value(place: number): number {
    return this.values[place]!;
  }

  probability(place: number): number {
    return this.probabilities[place]!;
  }

  /** The sum as a map, in the order the values were first met. */
  toMap(): Map<number, number> {
    const map = new Map<number, number>();
    for (let place = 0; place < this.size; place++)
      map.set(this.values[place]!, this.probabilities[place]!);
    return map;
  }

  /** Replaces the contents with a map's, in its order. */
  fromMap(map: ReadonlyMap<number, number>): void {
    this.clear();
    for (const [value, p] of map) this.add(value, p);
  }

  private grow(): void {
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    const probabilities = new Float64Array(this.probabilities.length * 2);
    probabilities.set(this.probabilities);
    this.values = values;
    this.probabilities = probabilities;
  }

  private rehash(length: number): void {
    this.slots = new Int32Array(length);
    this.mask = length - 1;
    for (let place = 0; place < this.size; place++) {
      let slot = hash(this.values[place]!) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = place + 1;
    }
  }
}

const bits = new Float64Array(1);
const halves = new Int32Array(bits.buffer);

function hash(value: number): number {
  bits[0] = value;
  return Math.imul(halves[0]! ^ Math.imul(halves[1]!, 0x27d4eb2d), 0x9e3779b1) >>> 7;
}
