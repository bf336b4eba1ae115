/**
 * A column as the analysis builds it. A table column collects every place it is used, which in
 * a large script is millions of occurrences: they are packed into one array of small integers
 * (4 per single-line occurrence, 5 otherwise; about 40 bytes less each than a Loc object) and
 * `locs` unpacks them when a writer asks. `firstLoc`/`lastLoc` read one occurrence without
 * unpacking the rest.
 */
import type { LineageColumn, Loc } from './model.js';

export class PackedColumn implements LineageColumn {
  declare system?: boolean;
  /** Per occurrence: ``~file` (negative), line, col, endCol` on one line, else `file, line, col, endLine, endCol`. */
  #packed: number[] = [];
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
    const p = this.#packed;
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
    const out: Loc[] = [];
    for (let i = 0; i < this.#packed.length; ) {
      out.push(unpack(this.#packed, i));
      i += this.#packed[i]! < 0 ? 4 : 5;
    }
    return out;
  }

  set locs(locs: Loc[]) {
    this.#packed = [];
    this.#last = -1;
    for (const l of locs) this.addLoc(l);
  }

  first(): Loc | undefined {
    return this.#packed.length === 0 ? undefined : unpack(this.#packed, 0);
  }

  last(): Loc | undefined {
    return this.#last < 0 ? undefined : unpack(this.#packed, this.#last);
  }

  /** The plain column it stands for (jobs store graphs as JSON; threads exchange plain data). */
  toJSON(): LineageColumn {
    const plain: LineageColumn = { id: this.id, name: this.name, locs: this.locs };
    if (this.system !== undefined) plain.system = this.system;
    return plain;
  }
}

/** The occurrence packed at `i` (no private method: it would add a brand field to every column). */
function unpack(p: readonly number[], i: number): Loc {
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
