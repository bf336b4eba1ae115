/**
 * The end of an exhaustive switch over AST kinds (or any union): the compiler rejects the call
 * when a kind is not handled above it, so a new statement, query, expression or table kind is a
 * compile error in every switch that must know it, not a silent default.
 */
export function assertNever(x: never, what: string): never {
  const k = (x as { k?: unknown } | null)?.k ?? x;
  throw new Error(`internal error: unhandled ${what} '${String(k)}'`);
}
