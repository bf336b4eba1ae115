/** Dialect lookup for tests: fail loudly on a typo instead of silently using the default. */
import { resolveVendor } from '../../src/dialects/registry.js';
import type { DialectSpec } from '../../src/dialects/spec.js';

export function dialect(name: string): DialectSpec {
  const spec = resolveVendor(name);
  if (!spec) throw new Error(`test bug: unknown vendor '${name}'`);
  return spec;
}
