/**
 * Keyboard navigation of the diagram (it has focus): arrows move along rows and along edges,
 * Enter expands or collapses, Escape clears, and a few one-key commands.
 */
import type { Diagram, Selection } from './view.js';

export const KEY_HELP: [string, string][] = [
  ['↑ / ↓', 'previous / next column of the table (or table)'],
  ['→ / ←', 'follow an edge downstream / upstream'],
  ['Enter', 'expand or collapse the table'],
  ['Escape', 'clear the selection'],
  ['/', 'search'],
  ['t', 'column level / table level'],
  ['+ / − / 0', 'zoom in / out / fit the lineage (or everything)'],
];

export interface KeyActions {
  go(s: Selection | undefined): void;
  search(): void;
  toggleLevel(): void;
}

export function keyHandler(diagram: Diagram, actions: KeyActions): (evt: KeyboardEvent) => void {
  const tables = () => diagram.visibleObjects().filter((o) => o.kind !== 'process');
  return (evt) => {
    if (evt.ctrlKey || evt.metaKey || evt.altKey) return;
    const s = diagram.selection;
    const cy = diagram.cy;
    let handled = true;
    switch (evt.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        const step = evt.key === 'ArrowDown' ? 1 : -1;
        if (s?.kind === 'col' && !diagram.isCollapsed(s.col.obj)) {
          const cols = s.col.obj.cols;
          const next = cols[cols.indexOf(s.col) + step];
          actions.go(next ? { kind: 'col', col: next } : { kind: 'table', obj: s.col.obj });
        } else if (s?.kind === 'table' && step === 1 && !diagram.isCollapsed(s.obj) && s.obj.cols[0]) {
          actions.go({ kind: 'col', col: s.obj.cols[0] });
        } else {
          const list = tables();
          const current = s?.kind === 'table' ? s.obj : s?.kind === 'col' ? s.col.obj : undefined;
          const at = current ? list.indexOf(current) : -1;
          const next = list[Math.max(0, Math.min(list.length - 1, at + step))];
          if (next) actions.go({ kind: 'table', obj: next });
        }
        break;
      }
      case 'ArrowRight':
      case 'ArrowLeft': {
        const down = evt.key === 'ArrowRight';
        const edges = diagram.visibleEdges();
        if (s?.kind === 'col') {
          const e = edges.find((x) => (down ? x.s === s.col : x.t === s.col));
          if (e) actions.go({ kind: 'col', col: down ? e.t : e.s });
        } else if (s?.kind === 'table') {
          const e = edges.find((x) => (down ? x.s.obj === s.obj && x.t.obj !== s.obj : x.t.obj === s.obj && x.s.obj !== s.obj));
          if (e) actions.go({ kind: 'table', obj: down ? e.t.obj : e.s.obj });
        } else if (s?.kind === 'edge') {
          actions.go({ kind: 'col', col: down ? s.edge.t : s.edge.s });
        } else {
          handled = false;
        }
        break;
      }
      case 'Enter':
      case ' ': {
        const obj = s?.kind === 'table' ? s.obj : s?.kind === 'col' ? s.col.obj : undefined;
        if (obj) {
          diagram.toggle(obj);
          actions.go(diagram.isCollapsed(obj) ? { kind: 'table', obj } : s);
        } else if (!s) {
          const first = tables()[0];
          if (first) actions.go({ kind: 'table', obj: first });
        }
        break;
      }
      case 'Escape':
        actions.go(undefined);
        break;
      case '/':
        actions.search();
        break;
      case 't':
        actions.toggleLevel();
        break;
      case '+':
      case '=':
        cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        break;
      case '-':
        cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        break;
      case '0':
        diagram.fit();
        break;
      default:
        handled = false;
    }
    if (handled) evt.preventDefault();
  };
}
