/**
 * Compact stores for what the diagram writers (sqlflow-graph, graphml, the html viewer's data)
 * keep per drawn link, which number about as many as the graph's edges (485,000 at 117 MB of SQL): objects and string keys
 * per link cost ~150 bytes each, these a few bytes in typed arrays.
 */
import type { RelationType } from './model.js';

/** A relation type as a small integer (a TripleSet member). */
export const RELATION_CODE: Record<RelationType, number> = { fdd: 0, fdr: 1, frd: 2, join: 3 };

/** Distinct (a, b, t) triples (a, b 32-bit integers, 0 <= t < 255): open addressing over typed arrays. */
export class TripleSet {
  private as = new Int32Array(1024);
  private bs = new Int32Array(1024);
  /** t + 1 per slot; 0 marks an empty slot. */
  private ts = new Uint8Array(1024);
  /** Each triple's ordinal (order of first addition). */
  private ords = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the triple; true when it was not there yet. */
  add(a: number, b: number, t: number): boolean {
    const before = this.count;
    return this.ordinal(a, b, t) === before;
  }

  /** The triple's ordinal: how many distinct triples were added before it (adding it if new). */
  ordinal(a: number, b: number, t: number): number {
    // Grow at half full (probe chains stay short).
    if ((this.count + 1) * 2 > this.ts.length) this.grow();
    return this.insert(a, b, t + 1, this.count);
  }

  /** The slot's ordinal; a new triple takes `next` (and counts). */
  private insert(a: number, b: number, tag: number, next: number): number {
    const mask = this.ts.length - 1;
    let i = mix(a, b, tag) & mask;
    for (;;) {
      const at = this.ts[i]!;
      if (at === 0) {
        this.as[i] = a;
        this.bs[i] = b;
        this.ts[i] = tag;
        this.ords[i] = next;
        if (next === this.count) this.count++;
        return next;
      }
      if (at === tag && this.as[i] === a && this.bs[i] === b) return this.ords[i]!;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { as, bs, ts, ords } = this;
    const size = ts.length * 2;
    this.as = new Int32Array(size);
    this.bs = new Int32Array(size);
    this.ts = new Uint8Array(size);
    this.ords = new Int32Array(size);
    for (let i = 0; i < ts.length; i++) if (ts[i] !== 0) this.insert(as[i]!, bs[i]!, ts[i]!, ords[i]!);
  }
}

/** A well-spread hash of the triple (murmur3's finalizer over the members). */
function mix(a: number, b: number, tag: number): number {
  let h = (Math.imul(a, 0x9e3779b1) + b) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ tag, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A growable list of 32-bit integers. */
export class IntList {
  private items = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.items.length) {
      const more = new Int32Array(this.items.length * 2);
      more.set(this.items);
      this.items = more;
    }
    this.items[this.length++] = v;
  }

  at(i: number): number {
    return this.items[i]!;
  }

  set(i: number, v: number): void {
    this.items[i] = v;
  }
}
