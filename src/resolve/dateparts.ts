/**
 * Date parts are keywords, not columns: `DATEDIFF(day, a, b)`, `DATE_TRUNC(a, MONTH)`,
 * `DATE_DIFF(a, b, WEEK(MONDAY))`. Which argument of which function holds one is dialect data
 * (`Semantics.datePartFunctions`); the word itself must be a date part.
 */
import type { Expr } from '../ast/nodes.js';
import type { Semantics } from '../dialects/spec.js';

const DATE_PART_WORDS = new Set(
  (
    'year years yy yyyy y yr yrs quarter quarters qq q qtr qtrs month months mm m mon mons dayofyear dy doy ' +
    'day days dd d dayofmonth dayofweek dayofweekiso dow isodow weekday dw week weeks wk ww w weekiso weekofyear ' +
    'iso_week isowk isoww isoweek isoyear yearofweek yearofweekiso hour hours hh h hr hrs minute minutes mi n min mins ' +
    'second seconds ss s sec secs millisecond milliseconds ms msec microsecond microseconds mcs us usec ' +
    'nanosecond nanoseconds ns nsec tzoffset tz epoch epoch_second epoch_millisecond decade century millennium date datetime time'
  ).split(' '),
);

/** Whether argument `index` of a call to `fn` (upper case) is a date part keyword in this dialect. */
export function isDatePart(sem: Semantics, fn: string, index: number, arg: Expr): boolean {
  const positions = sem.datePartFunctions[fn];
  if (!positions || !positions.includes(index)) return false;
  // `WEEK(MONDAY)` (BigQuery) is a date part too.
  if (arg.k !== 'col' && arg.k !== 'func') return false;
  const parts = arg.name.parts;
  return parts.length === 1 && !parts[0]!.quoted && DATE_PART_WORDS.has(parts[0]!.text.toLowerCase());
}
