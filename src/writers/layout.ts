/**
 * A small layered (Sugiyama-style) left-to-right layout for the GraphML writer.
 *
 * Nodes are indices 0..n-1 in a deterministic order; arcs are (from, to) pairs.
 * 1. Cycles are broken by an iterative depth-first search in index order: arcs that close a
 *    cycle (to a node still on the DFS stack, self-loops included) are ignored for layering.
 * 2. Layer = longest path from a source in the remaining DAG (Kahn's order).
 * 3. Within a layer nodes are ordered by the barycenter of their predecessors' centres (ties in
 *    index order) and stacked top-down; a node sits level with its predecessors when the space
 *    above it allows, else directly below the previous node.
 * No recursion, so 10,000-deep chains are fine; O(V + E log E).
 */

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  x: number;
  y: number;
  layer: number;
}

export interface LayoutGaps {
  /** Horizontal space between layers. */
  layer: number;
  /** Vertical space between nodes of a layer. */
  node: number;
}

export function layeredLayout(sizes: readonly Size[], arcs: Iterable<readonly [number, number]>, gaps: LayoutGaps): Placement[] {
  const n = sizes.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  // Numeric keys (exact below 2^53, n^2 for n up to 94 million nodes): a string per arc cost ~50 bytes.
  const seenArc = new Set<number>();
  for (const [a, b] of arcs) {
    const key = a * n + b;
    if (a < 0 || b < 0 || a >= n || b >= n || seenArc.has(key)) continue;
    seenArc.add(key);
    out[a].push(b);
  }
  const dagIn = acyclicPredecessors(out);
  const layer = longestPathLayers(dagIn, n);

  const byLayer: number[][] = [];
  for (let v = 0; v < n; v++) (byLayer[layer[v]] ??= []).push(v);

  const placed: Placement[] = Array.from({ length: n }, () => ({ x: 0, y: 0, layer: 0 }));
  let x = 0;
  for (let l = 0; l < byLayer.length; l++) {
    const members = byLayer[l] ?? [];
    const bary = new Map<number, number>();
    for (const v of members) {
      const preds = dagIn[v];
      const centre = preds.length === 0 ? 0 : preds.reduce((s, p) => s + placed[p].y + sizes[p].height / 2, 0) / preds.length;
      bary.set(v, centre);
    }
    if (l > 0) members.sort((a, b) => bary.get(a)! - bary.get(b)! || a - b);
    let cursor = 0;
    let width = 0;
    for (const v of members) {
      const size = sizes[v];
      const wanted = l === 0 ? cursor : Math.round(bary.get(v)! - size.height / 2);
      const y = Math.max(cursor, wanted);
      placed[v] = { x, y, layer: l };
      cursor = y + size.height + gaps.node;
      width = Math.max(width, size.width);
    }
    x += width + gaps.layer;
  }
  return placed;
}

/** Predecessor lists of the DAG left after dropping the arcs that close cycles. */
function acyclicPredecessors(out: number[][]): number[][] {
  const n = out.length;
  const state = new Uint8Array(n); // 0 unvisited, 1 on stack, 2 finished
  const dagIn: number[][] = Array.from({ length: n }, () => []);
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      const next = out[v];
      if (i >= next.length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      const w = next[i];
      if (state[w] === 1) continue; // back arc: closes a cycle
      dagIn[w].push(v);
      if (state[w] === 0) {
        state[w] = 1;
        stack.push([w, 0]);
      }
    }
  }
  return dagIn;
}

function longestPathLayers(dagIn: number[][], n: number): number[] {
  const succ: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Array<number>(n).fill(0);
  for (let v = 0; v < n; v++) {
    for (const p of dagIn[v]) succ[p].push(v);
    indegree[v] = dagIn[v].length;
  }
  const layer = new Array<number>(n).fill(0);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (indegree[v] === 0) queue.push(v);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of succ[v]) {
      layer[w] = Math.max(layer[w], layer[v] + 1);
      indegree[w] -= 1;
      if (indegree[w] === 0) queue.push(w);
    }
  }
  return layer;
}
