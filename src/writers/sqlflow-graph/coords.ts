/**
 * Exactly one `[start, end]` coordinate pair for every object, column and relationship end: the
 * widget highlights a clicked item's SQL only when there is exactly one pair.
 *
 * - An object: its first occurrence.
 * - A column: its first occurrence, else its object's first occurrence (a target column of an
 *   INSERT without a column list is written nowhere; its table is).
 * - Nothing at all (a table known only from --schema): SQLFlow's "no position" pair, x = y = -1.
 */
import type { LineageColumn, LineageObject, Loc } from '../../graph/model.js';
import type { Coordinate, Coordinates } from '../common.js';
import { firstLoc } from '../../graph/column.js';

export class OnePair {
  constructor(private readonly coords: Coordinates) {}

  of(...candidates: (Loc | undefined)[]): Coordinate[] {
    const loc = candidates.find((l) => l !== undefined);
    if (loc) return this.coords.of([loc]);
    const none = { x: -1, y: -1, hashCode: this.coords.hashOf(0) };
    return [none, { ...none }];
  }

  object(o: LineageObject): Coordinate[] {
    return this.of(o.locs[0]);
  }

  column(o: LineageObject, c: LineageColumn): Coordinate[] {
    return this.of(firstLoc(c), o.locs[0]);
  }
}
