/**
 * A file that fails to parse in its vendor but parses cleanly in another gets a hint: "looks like
 * Oracle (PL/SQL): try -t oracle or map it in the config". Only small files with failures are
 * re-parsed, with one dialect per grammar family (dialects/registry.ts HINT_VENDORS).
 */
import { HINT_VENDORS, resolveVendor } from '../dialects/registry.js';
import type { DialectSpec } from '../dialects/spec.js';
import { parseText } from './parse.js';

/** Files larger than this are not re-parsed for a hint. */
const MAX_HINT_CHARS = 1 << 20;

export function vendorHint(text: string, own: DialectSpec): string | undefined {
  if (text.length > MAX_HINT_CHARS) return undefined;
  for (const vendor of HINT_VENDORS) {
    if (vendor === own.vendor) continue;
    const d = resolveVendor(vendor);
    if (!d || d.caps === own.caps) continue;
    const r = parseText(text, d);
    if (r.attempted > 0 && r.failed === 0 && r.problems.every((p) => p.severity !== 'error')) {
      return `this file does not parse as ${own.title} but parses as ${d.title}: try -t ${d.aliases[0] ?? d.vendor} or map it in the config ("vendors" in sqlflow.config.json)`;
    }
  }
  return undefined;
}
