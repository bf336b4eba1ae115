/**
 * A column as the analysis builds it. A table column collects every place it is used, which in
 * a large script is millions of occurrences: they are packed into one array of small integers
 * (4 per single-line occurrence, 5 otherwise; about 40 bytes less each than a Loc object) and
 * `locs` unpacks them when a writer asks. `firstLoc`/`lastLoc` read one occurrence without
 * unpacking the rest. Past a few occurrences the integers move to a typed array (4 bytes each
 * instead of 8, growing by doubling): the columns of a warehouse's main tables hold most of the
 * occurrences (226 columns held 350,000 of 440,000 at 23.5 MB of TPC-DS/TPC-H).
 */
import type { LineageColumn, Loc } from './model.js';

export class PackedColumn implements LineageColumn {
  declare system?: boolean;
  /**
   * The builder's record of the links already made into this column in the current statement
   * (see GraphBuilder.edge), cleared when the statement is drained: a field rather than a map
   * from column id, whose insertions cost more than the rest of making an edge.
   */
  links: number[] | undefined = undefined;
  /** Per occurrence: ``~file` (negative), line, col, endCol` on one line, else `file, line, col, endLine, endCol`. */
  #packed: number[] | Grown = [];
  /** Where the last occurrence starts in #packed. */
  #last = -1;

  constructor(
    public id: number,
    public name: string,
    loc?: Loc,
  ) {
    if (loc) this.addLoc(loc);
  }

  addLoc(loc: Loc): void {
    recentColumn = this;
    recentLoc = loc;
    let p = this.#packed;
    if (p instanceof Grown || p.length >= SMALL) {
      if (!(p instanceof Grown)) this.#packed = p = Grown.from(p);
      this.#last = p.size;
      if (loc.endLine === loc.line) p.push4(~loc.file, loc.line, loc.col, loc.endCol);
      else p.push5(loc.file, loc.line, loc.col, loc.endLine, loc.endCol);
      return;
    }
    this.#last = p.length;
    // A first occurrence gets an array of exactly its size (most columns are used once; pushing
    // onto an empty array would reserve 17 slots). `~file`, not `-file - 1`: -0 would turn the
    // array into doubles.
    if (loc.endLine === loc.line) {
      if (p.length === 0) this.#packed = [~loc.file, loc.line, loc.col, loc.endCol];
      else p.push(~loc.file, loc.line, loc.col, loc.endCol);
    } else if (p.length === 0) this.#packed = [loc.file, loc.line, loc.col, loc.endLine, loc.endCol];
    else p.push(loc.file, loc.line, loc.col, loc.endLine, loc.endCol);
  }

  get locs(): Loc[] {
    const p = this.#packed;
    const [values, size] = p instanceof Grown ? [p.data, p.size] : [p, p.length];
    const out: Loc[] = [];
    for (let i = 0; i < size; ) {
      out.push(unpack(values, i));
      i += values[i]! < 0 ? 4 : 5;
    }
    return out;
  }

  set locs(locs: Loc[]) {
    if (recentColumn === this) recentColumn = undefined;
    this.#packed = [];
    this.#last = -1;
    for (const l of locs) this.addLoc(l);
  }

  /** The packed integers (see #packed) and how many are used: for `LocReader`. */
  packedValues(): ArrayLike<number> {
    return values(this.#packed);
  }

  packedSize(): number {
    const p = this.#packed;
    return p instanceof Grown ? p.size : p.length;
  }

  first(): Loc | undefined {
    return this.#last < 0 ? undefined : unpack(values(this.#packed), 0);
  }

  last(): Loc | undefined {
    if (recentColumn === this) return recentLoc;
    return this.#last < 0 ? undefined : unpack(values(this.#packed), this.#last);
  }

  /** The plain column it stands for (jobs store graphs as JSON; threads exchange plain data). */
  toJSON(): LineageColumn {
    const plain: LineageColumn = { id: this.id, name: this.name, locs: this.locs };
    if (this.system !== undefined) plain.system = this.system;
    return plain;
  }
}

/**
 * The occurrence added last, to any column, as it was given: the resolver asks for the latest
 * place of the column it has just recorded (each column reference), which then needs no Loc
 * unpacked. Locs are never changed once made, so the one given stands for the packed one.
 */
let recentColumn: PackedColumn | undefined;
let recentLoc: Loc | undefined;

/** Integers per column kept in a plain array (a single occurrence, the common case, is 4 or 5). */
const SMALL = 40;

/** A column's occurrences once past SMALL integers. */
class Grown {
  data: Int32Array;
  size: number;

  constructor(data: Int32Array, size: number) {
    this.data = data;
    this.size = size;
  }

  static from(values: readonly number[]): Grown {
    const data = new Int32Array(values.length * 2);
    data.set(values);
    return new Grown(data, values.length);
  }

  private room(n: number): Int32Array {
    if (this.size + n > this.data.length) {
      const more = new Int32Array(this.data.length * 2);
      more.set(this.data);
      this.data = more;
    }
    return this.data;
  }

  push4(a: number, b: number, c: number, d: number): void {
    const v = this.room(4);
    v[this.size] = a;
    v[this.size + 1] = b;
    v[this.size + 2] = c;
    v[this.size + 3] = d;
    this.size += 4;
  }

  push5(a: number, b: number, c: number, d: number, e: number): void {
    const v = this.room(5);
    v[this.size] = a;
    v[this.size + 1] = b;
    v[this.size + 2] = c;
    v[this.size + 3] = d;
    v[this.size + 4] = e;
    this.size += 5;
  }
}

function values(p: number[] | Grown): ArrayLike<number> {
  return p instanceof Grown ? p.data : p;
}

/**
 * Reads occurrences one at a time into its own fields, without a Loc object each: the writers
 * read every occurrence of every column (136,000 coordinate pairs of the bench's 5 MB). One
 * reader is reused for column after column.
 */
export class LocReader {
  file = 0;
  line = 0;
  col = 0;
  endLine = 0;
  endCol = 0;
  private values: ArrayLike<number> = NONE;
  private size = 0;
  private i = 0;
  private plain: readonly Loc[] | undefined;

  /** Starts on the occurrences of `c`. */
  of(c: LineageColumn): this {
    if (c instanceof PackedColumn) {
      this.values = c.packedValues();
      this.size = c.packedSize();
      this.plain = undefined;
    } else {
      this.values = NONE;
      this.plain = c.locs;
      this.size = c.locs.length;
    }
    this.i = 0;
    return this;
  }

  /** Reads the next occurrence; false when there is none. */
  next(): boolean {
    const i = this.i;
    if (i >= this.size) return false;
    if (this.plain) {
      this.set(this.plain[i]!);
      this.i = i + 1;
      return true;
    }
    const p = this.values;
    const head = p[i]!;
    this.line = p[i + 1]!;
    this.col = p[i + 2]!;
    if (head < 0) {
      this.file = ~head;
      this.endLine = this.line;
      this.endCol = p[i + 3]!;
      this.i = i + 4;
    } else {
      this.file = head;
      this.endLine = p[i + 3]!;
      this.endCol = p[i + 4]!;
      this.i = i + 5;
    }
    return true;
  }

  /** Reads `loc` (an occurrence given apart from a column). */
  set(loc: Loc): void {
    this.file = loc.file;
    this.line = loc.line;
    this.col = loc.col;
    this.endLine = loc.endLine;
    this.endCol = loc.endCol;
  }
}

const NONE: readonly number[] = [];

/** The occurrence packed at `i` (no private method: it would add a brand field to every column). */
function unpack(p: ArrayLike<number>, i: number): Loc {
  const head = p[i]!;
  if (head < 0) return { file: ~head, line: p[i + 1]!, col: p[i + 2]!, endLine: p[i + 1]!, endCol: p[i + 3]! };
  return { file: head, line: p[i + 1]!, col: p[i + 2]!, endLine: p[i + 3]!, endCol: p[i + 4]! };
}

/** A column's first occurrence (where an endpoint without its own position points). */
export function firstLoc(c: LineageColumn): Loc | undefined {
  return c instanceof PackedColumn ? c.first() : c.locs[0];
}

/** A column's latest occurrence. */
export function lastLoc(c: LineageColumn): Loc | undefined {
  return c instanceof PackedColumn ? c.last() : c.locs[c.locs.length - 1];
}

/** Records one more occurrence of `c`. */
export function addLoc(c: LineageColumn, loc: Loc): void {
  if (c instanceof PackedColumn) c.addLoc(loc);
  else c.locs.push(loc);
}
