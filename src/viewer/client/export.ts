/**
 * Export of the current view (filters, mode, expanded tables, highlight) as SVG, written from the
 * diagram's elements and positions, or PNG, drawn by cytoscape.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { esc } from './dom.js';

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

function drawn(e: NodeSingular | EdgeSingular): boolean {
  return e.visible() && Number(e.style('opacity')) > 0;
}

function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function toSvg(cy: Core, title: string): string {
  const nodes = cy.nodes().filter((n) => drawn(n));
  const edges = cy.edges().filter((e) => drawn(e));
  const bb = cy.elements().filter((e) => drawn(e)).boundingBox();
  const pad = 20;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(bb.x1 - pad)} ${num(bb.y1 - pad)} ${num(bb.w + 2 * pad)} ${num(bb.h + 2 * pad)}" width="${num(bb.w + 2 * pad)}" height="${num(bb.h + 2 * pad)}" font-family="${FONT}" font-size="12">`,
    `<title>${esc(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="context-stroke"/></marker></defs>',
    `<rect x="${num(bb.x1 - pad)}" y="${num(bb.y1 - pad)}" width="${num(bb.w + 2 * pad)}" height="${num(bb.h + 2 * pad)}" fill="#ffffff"/>`,
    '<g class="edges" fill="none">',
  ];
  edges.forEach((e) => {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const dash = e.style('line-style') === 'dashed' ? ' stroke-dasharray="6 3"' : e.style('line-style') === 'dotted' ? ' stroke-dasharray="2 3"' : '';
    out.push(
      `<path class="${esc(e.classes().join(' '))}" d="M${num(s.x)},${num(s.y)}L${num(t.x)},${num(t.y)}" stroke="${e.style('line-color')}" stroke-width="${num(parseFloat(e.style('width')))}" opacity="${num(Number(e.style('opacity')))}"${dash} marker-end="url(#arrow)"/>`,
    );
  });
  out.push('</g>', '<g class="nodes">');
  nodes.forEach((n) => {
    const p = n.position();
    const w = n.width();
    const h = n.height();
    const x = p.x - w / 2;
    const y = p.y - h / 2;
    const dash = n.style('border-style') === 'dashed' ? ' stroke-dasharray="5 3"' : n.style('border-style') === 'dotted' ? ' stroke-dasharray="2 2"' : '';
    out.push(
      `<g class="${esc(n.classes().join(' '))}" opacity="${num(Number(n.style('opacity')))}"><rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${n.style('background-color')}" stroke="${n.style('border-color')}" stroke-width="${num(parseFloat(n.style('border-width')))}"${dash}/>`,
    );
    const label = String(n.data('label') ?? '');
    const isCol = n.hasClass('col');
    const bold = n.style('font-weight') === 'bold' ? ' font-weight="bold"' : '';
    const tx = isCol ? x + 8 : p.x;
    const anchor = isCol ? 'start' : 'middle';
    out.push(`<text x="${num(tx)}" y="${num(p.y + 4)}" text-anchor="${anchor}" fill="${n.style('color')}"${bold}>${esc(label)}</text></g>`);
  });
  out.push('</g>', '</svg>');
  return `${out.join('\n')}\n`;
}

/** PNG of the whole drawing, scaled down to stay within browsers' canvas limits. */
export function toPng(cy: Core): Blob {
  const bb = cy.elements().filter((e) => drawn(e)).boundingBox();
  const scale = Math.max(0.05, Math.min(2, 8000 / Math.max(1, bb.w), 8000 / Math.max(1, bb.h)));
  return cy.png({ output: 'blob', bg: '#ffffff', full: true, scale }) as unknown as Blob;
}
