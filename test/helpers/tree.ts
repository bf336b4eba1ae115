/**
 * A compact, readable summary of a syntax tree, for tests that assert what the parser built:
 * `(kind attr=value field:(child ...) list[(child) (child)])`. Names print as `a.b.c`
 * (quoted parts in double quotes), offsets are left out.
 */
export function treeSummary(node: unknown): string {
  if (Array.isArray(node)) return node.map(treeSummary).filter((s) => s !== '').join(' ');
  if (node === null || typeof node !== 'object') return '';
  const o = node as Record<string, unknown>;
  if (Array.isArray(o.parts) && o.k === undefined) return (o.parts as unknown[]).map(treeSummary).join('.');
  if (typeof o.text === 'string' && typeof o.quoted === 'boolean' && o.k === undefined) return o.quoted ? `"${o.text}"` : o.text;
  const parts: string[] = [];
  for (const [key, v] of Object.entries(o)) {
    if (key === 'k' || key === 'start' || key === 'end' || v === undefined || v === false) continue;
    if (typeof v === 'string') parts.push(`${key}=${JSON.stringify(v)}`);
    else if (typeof v === 'number' || typeof v === 'boolean') parts.push(`${key}=${v}`);
    else if (Array.isArray(v)) {
      if (v.length > 0) parts.push(`${key}[${v.map((x) => (typeof x === 'object' ? treeSummary(x) : JSON.stringify(x))).join(' ')}]`);
    } else {
      const s = treeSummary(v);
      if (s !== '') parts.push(`${key}:${s}`);
    }
  }
  const body = parts.join(' ');
  return typeof o.k === 'string' ? `(${o.k}${body ? ` ${body}` : ''})` : `{${body}}`;
}
