/**
 * Names held for the whole run (column, table and schema names) are interned: one string per
 * distinct name, however many result sets repeat it, and a copy of its own. V8 keeps a substring
 * of 13 or more characters as a view into the string it was cut from, so one long identifier
 * kept from a token would keep the whole input text alive (117 MB for a 117 MB script) after the
 * analysis no longer needs it.
 */
export class Names {
  private readonly known = new Map<string, string>();

  of(name: string): string {
    let own = this.known.get(name);
    if (own === undefined) {
      own = detached(name);
      this.known.set(own, own);
    }
    return own;
  }
}

/** `s` as a string that holds no other string alive (a flat copy; short strings are copies already). */
export function detached(s: string): string {
  // A concatenation flattened by `slice` is a new flat string; the slice of it shares that copy only.
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/**
 * V8 remembers the subject of the last successful regular-expression match (the legacy
 * `RegExp.lastMatch`, `RegExp.input`), which may be a piece of an input text and so keep all of
 * it alive: a match on an empty string replaces it.
 */
export function forgetLastMatch(): void {
  /(?:)/.exec('');
}
