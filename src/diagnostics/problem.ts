/**
 * A problem found while analyzing, kept as ONE object that is both the CLI's diagnostic and the
 * JSON `errors` entry (a `Diagnostic`): without a schema a large warehouse raises millions of warnings, so each
 * costs one small object, and equal messages share one string (`Interner`).
 */
import type { Diagnostic, Severity } from './diagnostic.js';

export class Problem implements Diagnostic {
  /** Set by `place` once the file's line starts are known. */
  file: string | undefined = undefined;
  line: number | undefined = undefined;
  col: number | undefined = undefined;

  constructor(
    readonly severity: Severity,
    /** Index of the input (LineageGraph.files). */
    readonly fileIndex: number,
    /** Character offset in that input. */
    readonly offset: number,
    readonly message: string,
    readonly code: string,
  ) {}

  place(path: string | undefined, line: number, col: number): void {
    this.file = path;
    this.line = line;
    this.col = col;
  }
}

/** One copy of each distinct string. */
export class Interner {
  private readonly strings = new Map<string, string>();

  intern(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }
}
