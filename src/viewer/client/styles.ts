/** Cytoscape styles: colours by object kind and relation type, highlight and dim. */
import type { RelationType } from '../../graph/model.js';

export const EDGE_COLORS: Record<RelationType, string> = { fdd: '#1f5fbf', fdr: '#d97000', join: '#2e8b3e', frd: '#8e3fa8' };
const EDGE_LINES: Record<RelationType, string> = { fdd: 'solid', fdr: 'dashed', join: 'dotted', frd: 'dashed' };

export const HEADER_FILL: Record<string, string> = { table: '#c9d8ee', view: '#cfe8d2', process: '#f6e3a8' };
export const RESULT_FILL = '#e2e2e2';

export function headerFill(kind: string): string {
  return HEADER_FILL[kind] ?? RESULT_FILL;
}

export function cyStyle(): unknown[] {
  const edgeTypes = (Object.keys(EDGE_COLORS) as RelationType[]).map((t) => ({
    selector: `edge.${t}`,
    style: { 'line-color': EDGE_COLORS[t], 'target-arrow-color': EDGE_COLORS[t], 'line-style': EDGE_LINES[t] },
  }));
  return [
    {
      selector: 'node',
      style: {
        shape: 'rectangle', width: 'data(w)', height: 'data(h)', label: 'data(label)', 'font-size': 12,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: '#1d2733',
        'text-valign': 'center', 'text-halign': 'center', 'border-width': 1, 'border-color': '#5a6b80',
        'background-color': '#ffffff', 'min-zoomed-font-size': 6,
      },
    },
    { selector: 'node.header', style: { 'font-weight': 'bold', 'background-color': 'data(fill)' } },
    { selector: 'node.header.view', style: { 'border-style': 'dashed' } },
    { selector: 'node.header.intermediate', style: { 'border-style': 'dotted', 'font-style': 'italic' } },
    { selector: 'node.header.collapsed', style: { 'border-width': 2 } },
    { selector: 'node.process', style: { shape: 'round-rectangle', 'background-color': '#f6e3a8', 'font-size': 11 } },
    // Column labels start at the row's left edge: anchored right of the node, pulled back by its width.
    { selector: 'node.col', style: { 'text-halign': 'right', 'text-margin-x': 'data(tmx)', 'border-color': '#9aa7b6' } },
    { selector: 'node.col.system', style: { color: '#757575', 'font-style': 'italic', 'background-color': '#f1f1f1' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)', 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8,
        'source-endpoint': '50% 0%', 'target-endpoint': '-50% 0%', opacity: 0.85,
      },
    },
    ...edgeTypes,
    { selector: 'edge.added', style: { 'line-color': '#2b9348', 'target-arrow-color': '#2b9348', width: 2.5 } },
    { selector: 'edge.removed', style: { 'line-color': '#d00000', 'target-arrow-color': '#d00000', width: 2.5, 'line-style': 'dashed' } },
    { selector: 'node.header.added', style: { 'border-color': '#2b9348', 'border-width': 3 } },
    { selector: 'node.header.removed', style: { 'border-color': '#d00000', 'border-width': 3, 'border-style': 'dashed' } },
    { selector: 'edge.pedge', style: { 'line-color': '#b08d2a', 'target-arrow-color': '#b08d2a', 'line-style': 'dashed', width: 1.2, 'source-endpoint': 'outside-to-node', 'target-endpoint': 'outside-to-node' } },
    { selector: '.dim', style: { opacity: 0.12 } },
    { selector: 'edge.hl', style: { width: 3, opacity: 1, 'z-index': 10 } },
    { selector: 'node.hl', style: { 'border-color': '#c2255c', 'border-width': 2, 'background-color': '#ffe3ec' } },
    { selector: 'node.header.hl', style: { 'background-color': 'data(fill)' } },
    { selector: 'node.sel', style: { 'border-color': '#c2255c', 'border-width': 3, 'background-color': '#ffc9d9' } },
    { selector: 'edge.sel', style: { width: 4, opacity: 1, 'z-index': 11 } },
    { selector: 'node.focus', style: { 'overlay-color': '#c2255c', 'overlay-opacity': 0.18, 'overlay-padding': 3 } },
  ];
}
