/**
 * Syntax trees across threads (parse worker → resolving thread, see worker.ts and pool.ts) in a
 * compact form that is quick to rebuild: a stream of 32-bit integers (its buffer is transferred,
 * not copied), a table of the strings, of the numbers that are not 32-bit integers, and of the
 * objects' shapes (their keys in order).
 *
 * Why not JSON: rebuilding the 5 MB bench's trees with JSON.parse (36.8 MB of JSON) costs the
 * resolving thread about as much as parsing them there (≈ 0.6–1 s each, cold), so the worker saved
 * nothing. Here each shape is rebuilt by a function made for it, one object literal with the keys
 * in their order: the objects come out as the parser made them (same keys, same order, properties
 * holding `undefined` kept), with one hidden class per shape, at a fraction of JSON.parse's cost.
 *
 * The trees are plain data: objects of Object.prototype, arrays, strings, numbers, booleans, null
 * and undefined. Anything else (a Map, a class instance) throws `NotTransferable`; a tree too deep
 * for the stack throws a RangeError: the caller hands the file over (pool.ts).
 */

/**
 * Tags of the stream; an object of shape `s` is tagged `OBJECT + s`. They are also the kinds of
 * an object's properties in its shape: a property of kind INT, FLOAT or STRING is stored after
 * the object's tag as one integer (the value, or its index in its table); TRUE, FALSE, UNDEFINED
 * and NULL are in the shape alone; VALUE (an array, an object) is a tagged value.
 */
const enum Tag {
  UNDEFINED = 0,
  NULL = 1,
  FALSE = 2,
  TRUE = 3,
  INT = 4,
  FLOAT = 5,
  STRING = 6,
  ARRAY = 7,
  VALUE = 8,
  OBJECT = 9,
}

/** One batch of trees as posted: `ints` is transferable; `shapes` holds the shapes new since the previous batch of the same encoder. */
export interface EncodedBatch {
  ints: Int32Array<ArrayBufferLike>;
  strings: string[];
  floats: number[];
  shapes: Shape[];
}

export class NotTransferable extends Error {}

function kindOf(v: unknown): Tag {
  switch (typeof v) {
    case 'number':
      return (v | 0) === v && !Object.is(v, -0) ? Tag.INT : Tag.FLOAT;
    case 'string':
      return Tag.STRING;
    case 'boolean':
      return v ? Tag.TRUE : Tag.FALSE;
    case 'undefined':
      return Tag.UNDEFINED;
    default:
      return v === null ? Tag.NULL : Tag.VALUE;
  }
}

/** A shape as posted: its keys, and the kind of each key's value. */
export interface Shape {
  keys: string[];
  kinds: Tag[];
}

/** The shapes seen so far: a trie on (key, kind), each node the shape's id once the keys end there. */
interface ShapeNode {
  id: number;
  next: Map<string, (ShapeNode | undefined)[]> | undefined;
}

/** Encodes batches of trees; the shapes are numbered across the batches of one file (one decoder reads them in order). */
export class TreeEncoder {
  private ints = new Int32Array(1 << 16);
  private n = 0;
  private strings: string[] = [];
  private floats: number[] = [];
  private newShapes: Shape[] = [];
  private shapeCount = 0;
  private readonly root: ShapeNode = { id: -1, next: undefined };
  /** Strings of this batch, by value (a name recurs: one entry). */
  private stringIds = new Map<string, number>();
  /** The values of the objects being encoded (see `object`). */
  private readonly stack: unknown[] = [];
  /** The stack's top: the values of the object being encoded are below it. */
  private sp = 0;

  private push(v: number): void {
    if (this.n === this.ints.length) {
      const grown = new Int32Array(this.ints.length * 2);
      grown.set(this.ints);
      this.ints = grown;
    }
    this.ints[this.n++] = v;
  }

  private string(v: string): void {
    let id = this.stringIds.get(v);
    if (id === undefined) {
      id = this.strings.push(v) - 1;
      this.stringIds.set(v, id);
    }
    this.push(id);
  }

  /** A tagged value. */
  value(v: unknown): void {
    switch (typeof v) {
      case 'undefined':
        return this.push(Tag.UNDEFINED);
      case 'boolean':
        return this.push(v ? Tag.TRUE : Tag.FALSE);
      case 'number':
        if ((v | 0) === v && !Object.is(v, -0)) {
          this.push(Tag.INT);
          return this.push(v);
        }
        this.push(Tag.FLOAT);
        return this.push(this.floats.push(v) - 1);
      case 'string':
        this.push(Tag.STRING);
        return this.string(v);
      case 'object':
        if (v === null) return this.push(Tag.NULL);
        if (Array.isArray(v)) {
          this.push(Tag.ARRAY);
          this.push(v.length);
          for (let i = 0; i < v.length; i++) this.value(v[i]);
          return;
        }
        if (Object.getPrototypeOf(v) !== Object.prototype) throw new NotTransferable('not plain data');
        return this.object(v as Record<string, unknown>);
      default:
        throw new NotTransferable(`a ${typeof v} is not plain data`);
    }
  }

  private object(o: Record<string, unknown>): void {
    // One pass over the keys finds the shape and keeps the values on a stack (nested objects use
    // the stack above them), then the values are written after the shape's tag.
    const stack = this.stack;
    const base = this.sp;
    let top = base;
    let node = this.root;
    for (const key in o) {
      const v = o[key];
      stack[top++] = v;
      const kind = kindOf(v);
      let byKind = node.next?.get(key);
      if (!byKind) (node.next ??= new Map()).set(key, (byKind = []));
      node = byKind[kind] ??= { id: -1, next: undefined };
    }
    if (node.id < 0) node.id = this.newShape(o);
    this.push(Tag.OBJECT + node.id);
    this.sp = top;
    for (let i = base; i < top; i++) {
      const v = stack[i];
      stack[i] = undefined;
      switch (typeof v) {
        case 'number':
          if ((v | 0) === v && !Object.is(v, -0)) this.push(v);
          else this.push(this.floats.push(v) - 1);
          break;
        case 'string':
          this.string(v);
          break;
        case 'boolean':
        case 'undefined':
          // In the shape.
          break;
        default:
          // An object or an array; anything else throws.
          if (v !== null) this.value(v);
      }
    }
    this.sp = base;
  }

  private newShape(o: Record<string, unknown>): number {
    const shape: Shape = { keys: [], kinds: [] };
    for (const key in o) {
      // An object literal would set the prototype instead.
      if (key === '__proto__') throw new NotTransferable('a key __proto__');
      shape.keys.push(key);
      shape.kinds.push(kindOf(o[key]));
    }
    this.newShapes.push(shape);
    return this.shapeCount++;
  }

  /** The batch encoded since the last call; the encoder starts the next one (its shapes are kept). */
  take(): EncodedBatch {
    const batch: EncodedBatch = { ints: this.ints.slice(0, this.n), strings: this.strings, floats: this.floats, shapes: this.newShapes };
    this.n = 0;
    this.strings = [];
    this.floats = [];
    this.newShapes = [];
    this.stringIds = new Map();
    return batch;
  }
}

/** Builds one object of a shape from the decoder's position. */
type Maker = (d: TreeDecoder) => unknown;

/**
 * The maker of `shape`: one object literal with the keys in order (a single hidden class per shape),
 * reading the integers and strings in place and calling the decoder only for nested values.
 */
function maker(shape: Shape): Maker {
  const props = shape.keys.map((key, i) => {
    const k = JSON.stringify(key);
    switch (shape.kinds[i]!) {
      case Tag.INT:
        return `${k}: I[at++]`;
      case Tag.STRING:
        return `${k}: S[I[at++]]`;
      case Tag.FLOAT:
        return `${k}: F[I[at++]]`;
      case Tag.TRUE:
        return `${k}: true`;
      case Tag.FALSE:
        return `${k}: false`;
      case Tag.UNDEFINED:
        return `${k}: undefined`;
      case Tag.NULL:
        return `${k}: null`;
      default:
        // VALUE: a tagged value, read by the decoder.
        return `${k}: (d.at = at, v = d.next(), at = d.at, v)`;
    }
  });
  return new Function('d', `const I = d.ints, S = d.strings, F = d.floats; let at = d.at, v; const o = { ${props.join(', ')} }; d.at = at; return o;`) as Maker;
}

/** Rebuilds the trees of one encoder's batches, in the order they were encoded. */
export class TreeDecoder {
  /** Per shape: builds its object. */
  private readonly makers: Maker[] = [];
  ints: Int32Array<ArrayBufferLike> = new Int32Array(0);
  at = 0;
  strings: string[] = [];
  floats: number[] = [];

  /** The values of `batch`, `count` of them (the encoder's top-level values). */
  decode(batch: EncodedBatch, count: number): unknown[] {
    for (const shape of batch.shapes) this.makers.push(maker(shape));
    this.ints = batch.ints;
    this.strings = batch.strings;
    this.floats = batch.floats;
    this.at = 0;
    const out: unknown[] = [];
    for (let i = 0; i < count; i++) out.push(this.next());
    this.ints = new Int32Array(0);
    this.strings = [];
    this.floats = [];
    return out;
  }

  /** The tagged value at the position. */
  next(): unknown {
    const tag = this.ints[this.at++]!;
    switch (tag) {
      case Tag.UNDEFINED:
        return undefined;
      case Tag.NULL:
        return null;
      case Tag.FALSE:
        return false;
      case Tag.TRUE:
        return true;
      case Tag.INT:
        return this.ints[this.at++]!;
      case Tag.FLOAT:
        return this.floats[this.ints[this.at++]!];
      case Tag.STRING:
        return this.strings[this.ints[this.at++]!];
      case Tag.ARRAY: {
        const n = this.ints[this.at++]!;
        const a: unknown[] = [];
        for (let i = 0; i < n; i++) a.push(this.next());
        return a;
      }
      default:
        return this.makers[tag - Tag.OBJECT]!(this);
    }
  }
}
