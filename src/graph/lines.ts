/** Offset → 1-based line/column, by binary search over line starts. */
import type { Loc } from './model.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; col: number } {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - s[lo]! + 1 };
  }

  loc(file: number, start: number, end: number): Loc {
    const a = this.position(start);
    const b = this.position(end);
    return { file, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  }
}
