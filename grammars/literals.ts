/** Decoding of identifier and string literal images (the grammar builds decoded names and values with these). */

/** Remove quotes from an identifier image: "a""b" → a"b, [a]]b] → a]b, `a``b` → a`b. */
export function unquoteIdent(image: string): string {
  const q = image[0];
  if (q === '"') return image.slice(1, -1).replace(/""/g, '"');
  if (q === '[') return image.slice(1, -1).replace(/]]/g, ']');
  if (q === '`') return image.slice(1, -1).replace(/``/g, '`');
  return image;
}

/** The content of a string literal image (prefixes, quotes and escapes removed). */
export function stringValue(image: string): string {
  let s = image;
  if (s.startsWith('$')) {
    const tagEnd = s.indexOf('$', 1);
    return s.slice(tagEnd + 1, s.length - (tagEnd + 1));
  }
  let i = 0;
  while (i < s.length && s[i] !== "'" && s[i] !== '"') i++;
  const prefix = s.slice(0, i).toLowerCase();
  s = s.slice(i);
  if (prefix.endsWith('q')) {
    return s.slice(2, -2);
  }
  const q = s[0]!;
  // BigQuery `""".."""` / `'''..'''`: no doubled quotes inside.
  if (s.length >= 6 && s.startsWith(q.repeat(3)) && s.endsWith(q.repeat(3))) return s.slice(3, -3);
  return s.slice(1, -1).split(q + q).join(q);
}
