/** Visit every AST node (an object with a `k` kind) under `node`, depth first, in source order. */
export function walkNodes(node: unknown, visit: (n: { k: string }) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) walkNodes(n, visit);
    return;
  }
  const obj = node as Record<string, unknown>;
  if (typeof obj.k === 'string') visit(obj as { k: string });
  for (const v of Object.values(obj)) if (v !== null && typeof v === 'object') walkNodes(v, visit);
}
