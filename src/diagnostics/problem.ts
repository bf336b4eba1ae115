/**
 * Problems found while analyzing. Without a schema a large warehouse raises millions of warnings
 * (TPC-DS ×500 gives 1.4 million), so they are held column-wise in typed arrays (`ProblemLog`,
 * 14 bytes each, messages and kinds numbered) while the analysis runs; at the end each kept
 * problem becomes one small `Problem` view (two fields) that is both the CLI's diagnostic and the
 * JSON `errors` entry, its position computed when asked for.
 */
import type { LineIndex } from '../graph/lines.js';
import { detached } from '../graph/names.js';
import type { Diagnostic, Severity } from './diagnostic.js';

/** A message with two values in it (a pure function: the same values give the same text). */
export type MessageTemplate = (a: string, b: string | number) => string;

interface Kind {
  severity: Severity;
  code: string;
}

/** Growable typed columns: kind, file index, offset, message of each problem, in the order found. */
export class ProblemLog {
  private n = 0;
  private kinds = new Uint16Array(256);
  private files = new Int32Array(256);
  private offsets = new Int32Array(256);
  private messageIds = new Int32Array(256);
  private readonly kindIds = new Map<string, Map<Severity, number>>();
  private readonly kindList: Kind[] = [];
  private readonly messageIndex = new Map<string, number>();
  private readonly messages: string[] = [];
  private readonly templated = new Map<MessageTemplate, Map<string, Map<string | number, number>>>();

  get length(): number {
    return this.n;
  }

  push(severity: Severity, fileIndex: number, offset: number, message: string, code: string): void {
    this.pushId(severity, fileIndex, offset, this.messageId(message), code);
  }

  /**
   * A problem whose message is `template` filled with `a` and `b`: the message is made and
   * interned on the first use of these values only (the resolver's column warnings repeat by the
   * ten thousand; building each one's text and hashing it was most of their cost).
   */
  pushTemplate(severity: Severity, fileIndex: number, offset: number, template: MessageTemplate, a: string, b: string | number, code: string): void {
    let byA = this.templated.get(template);
    if (!byA) this.templated.set(template, (byA = new Map()));
    let byB = byA.get(a);
    // Keys kept for the run are own copies: a name cut from the input would keep all of it alive.
    if (!byB) byA.set(detached(a), (byB = new Map()));
    let msg = byB.get(b);
    if (msg === undefined) byB.set(typeof b === 'string' ? detached(b) : b, (msg = this.messageId(template(a, b))));
    this.pushId(severity, fileIndex, offset, msg, code);
  }

  private messageId(message: string): number {
    let msg = this.messageIndex.get(message);
    if (msg === undefined) {
      // A message built around a name cut from the input would keep the whole input alive.
      const own = detached(message);
      msg = this.messages.push(own) - 1;
      this.messageIndex.set(own, msg);
    }
    return msg;
  }

  private pushId(severity: Severity, fileIndex: number, offset: number, msg: number, code: string): void {
    if (this.n === this.kinds.length) this.grow();
    const i = this.n++;
    // Kinds by code, then severity: no key string is built per problem.
    let bySeverity = this.kindIds.get(code);
    if (!bySeverity) this.kindIds.set(code, (bySeverity = new Map()));
    let kind = bySeverity.get(severity);
    if (kind === undefined) {
      kind = this.kindList.push({ severity, code }) - 1;
      bySeverity.set(severity, kind);
    }
    this.kinds[i] = kind;
    this.files[i] = fileIndex;
    this.offsets[i] = offset;
    this.messageIds[i] = msg;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const widen = <T extends Uint16Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.kinds = widen(this.kinds, (n) => new Uint16Array(n));
    this.files = widen(this.files, (n) => new Int32Array(n));
    this.offsets = widen(this.offsets, (n) => new Int32Array(n));
    this.messageIds = widen(this.messageIds, (n) => new Int32Array(n));
  }

  /** True when some problem has this message. */
  has(message: string): boolean {
    return this.messageIndex.has(message);
  }

  severity(i: number): Severity {
    return this.kindList[this.kinds[i]!]!.severity;
  }

  code(i: number): string {
    return this.kindList[this.kinds[i]!]!.code;
  }

  message(i: number): string {
    return this.messages[this.messageIds[i]!]!;
  }

  fileIndex(i: number): number {
    return this.files[i]!;
  }

  offset(i: number): number {
    return this.offsets[i]!;
  }

  /**
   * The problems in position order (stable); the same warning or note twice at one position is
   * kept once (each error stands for one failed statement, so errors are all kept). A generator
   * over a typed order: 1.4 million problems need no array of all of them besides the caller's.
   */
  *placed(paths: readonly (string | undefined)[], lines: readonly LineIndex[]): Generator<Problem> {
    const order = new Uint32Array(this.n);
    for (let i = 0; i < this.n; i++) order[i] = i;
    const { files, offsets, messageIds } = this;
    order.sort((a, b) => files[a]! - files[b]! || offsets[a]! - offsets[b]! || a - b);
    const at = new PlacedProblems(this, paths, lines);
    // Each problem holds only its index; the run's log and positions are shared through the
    // prototype of a class of this run's own (8 bytes less for each of 1.4 million problems).
    const RunProblem = class extends Problem {};
    Object.defineProperty(RunProblem.prototype, 'at', { value: at });
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      let repeated = false;
      if (this.severity(i) !== 'error') {
        for (let j = k - 1; j >= 0 && files[order[j]!] === files[i] && offsets[order[j]!] === offsets[i]; j--) {
          if (messageIds[order[j]!] === messageIds[i]) repeated = true;
        }
      }
      if (!repeated) yield new RunProblem(i);
    }
  }
}

/** The log with what turns an offset into a position: each file's path and line starts. */
class PlacedProblems {
  constructor(
    readonly log: ProblemLog,
    readonly paths: readonly (string | undefined)[],
    readonly lines: readonly LineIndex[],
  ) {}

  /** The problem asked for last and its position: a writer asks for a problem's line, then its column. */
  private last = -1;
  private lastPosition = { line: 1, col: 1 };

  position(i: number): { line: number; col: number } {
    if (i === this.last) return this.lastPosition;
    const lines = this.lines[this.log.fileIndex(i)];
    const p = lines ? lines.position(this.log.offset(i)) : { line: 1, col: this.log.offset(i) + 1 };
    this.last = i;
    this.lastPosition = p;
    return p;
  }
}

/** One problem of a run: a diagnostic and (unless a note) a JSON `errors` entry. */
export class Problem implements Diagnostic {
  /** Set on the prototype of each run's subclass (see `ProblemLog.placed`). */
  declare protected readonly at: PlacedProblems;

  constructor(private readonly i: number) {}

  get severity(): Severity {
    return this.at.log.severity(this.i);
  }

  get code(): string {
    return this.at.log.code(this.i);
  }

  get message(): string {
    return this.at.log.message(this.i);
  }

  /** Index of the input (LineageGraph.files). */
  get fileIndex(): number {
    return this.at.log.fileIndex(this.i);
  }

  /** Character offset in that input. */
  get offset(): number {
    return this.at.log.offset(this.i);
  }

  get file(): string | undefined {
    return this.at.paths[this.fileIndex];
  }

  get line(): number {
    return this.at.position(this.i).line;
  }

  get col(): number {
    return this.at.position(this.i).col;
  }

  /** The plain object a problem was before it became a view (jobs store graphs and records as JSON). */
  toJSON(): Record<string, unknown> {
    const { line, col } = this.at.position(this.i);
    return {
      severity: this.severity,
      fileIndex: this.fileIndex,
      offset: this.offset,
      message: this.message,
      code: this.code,
      file: this.file,
      line,
      col,
    };
  }
}
