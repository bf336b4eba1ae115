/** The details pane: what is selected, its lineage counts, and each edge's statements with their SQL. */
import { el } from './dom.js';
import type { Col, Edge, Model, Obj } from './model.js';
import { kindText } from './panel.js';
import { locText, sourceText } from './sql.js';
import type { Diagram, Selection } from './view.js';

const MAX_LISTED = 200;

export class Details {
  constructor(
    private readonly model: Model,
    private readonly root: HTMLElement,
    private readonly go: (s: Selection) => void,
  ) {}

  show(s: Selection | undefined, diagram: Diagram): void {
    const visible = diagram.visibleEdges();
    const parts: Node[] = [];
    if (!s && this.model.objects.length === 0) {
      parts.push(el('p', { class: 'hint' }, 'No lineage to show.'));
    } else if (!s) {
      parts.push(el('p', { class: 'hint' }, 'Click a column, table or edge (or pick one in the list or the search) to see its lineage.'));
      const st = this.model.data.stats;
      parts.push(el('p', {}, `${this.model.data.vendor}: ${this.model.data.files.length} file(s), ${st.statements} statement(s)${st.failed ? `, ${st.failed} failed` : ''}, ${st.errors} error(s), ${st.warnings} warning(s).`));
    } else if (s.kind === 'col' || s.kind === 'cols' || s.kind === 'table') {
      const cols = s.kind === 'col' ? [s.col] : s.kind === 'cols' ? s.cols : s.obj.cols;
      if (s.kind === 'col') parts.push(el('h2', {}, s.col.label), el('p', { class: 'kind' }, `column of ${kindText(s.col.obj)} ${s.col.obj.name}`));
      else if (s.kind === 'table') parts.push(el('h2', {}, s.obj.name), el('p', { class: 'kind' }, kindText(s.obj)));
      else parts.push(el('h2', {}, `${cols.length} columns`), el('p', { class: 'kind' }, cols.map((c) => c.label).join(', ')));
      const start = new Set(cols);
      parts.push(el('p', { class: 'counts' }, `${diagram.litUp} column(s) upstream, ${diagram.litDown} downstream.`));
      const into = visible.filter((e) => start.has(e.t) && !start.has(e.s));
      const from = visible.filter((e) => start.has(e.s) && !start.has(e.t));
      parts.push(this.edgeList('Comes from', into, (e) => e.s), this.edgeList('Flows to', from, (e) => e.t));
    } else if (s.kind === 'edge') {
      parts.push(...this.edge(s.edge));
    } else if (s.kind === 'edges') {
      parts.push(el('h2', {}, `${s.edges.length} column edges`));
      parts.push(this.edgeList('Columns', s.edges, (e) => e.t, true));
    } else {
      parts.push(el('h2', {}, s.obj.name), el('p', { class: 'kind' }, `process${s.obj.effect ? ` (${s.obj.effect})` : ''}${s.obj.procedure ? ` in ${s.obj.procedure}` : ''}`));
      parts.push(...this.statement(s.obj));
    }
    this.root.replaceChildren(...parts);
  }

  private edgeList(title: string, edges: Edge[], other: (e: Edge) => Col, both = false): Node {
    const ul = el('ul', { class: 'edges' });
    for (const e of edges.slice(0, MAX_LISTED)) {
      const name = both ? `${e.s.label} → ${e.t.label}` : other(e).label;
      const b = el('button', { type: 'button', class: `edge-link ${e.type}` }, el('span', { class: 'type' }, e.type), ` ${name}`);
      b.addEventListener('click', () => this.go({ kind: 'edge', edge: e }));
      ul.append(el('li', {}, b));
    }
    const section = el('section', {}, el('h3', {}, `${title} (${edges.length})`), ul);
    if (edges.length > MAX_LISTED) section.append(el('p', {}, `… and ${edges.length - MAX_LISTED} more`));
    return section;
  }

  private edge(e: Edge): Node[] {
    const link = (c: Col) => {
      const b = el('button', { type: 'button', class: 'col-link' }, c.label);
      b.addEventListener('click', () => this.go({ kind: 'col', col: c }));
      return b;
    };
    const out: Node[] = [
      el('h2', {}, el('span', { class: `type ${e.type}` }, e.type), ' edge'),
      el('p', {}, 'from ', link(e.s)),
      el('p', {}, 'to ', link(e.t)),
    ];
    if (e.via > 0) out.push(el('p', { class: 'kind' }, `folded through ${e.via} intermediate column(s)`));
    if (e.functions.length > 0) out.push(el('p', {}, `through ${e.functions.join(', ')}`));
    e.processes.forEach((pid, i) => {
      const p = this.model.byId.get(pid);
      out.push(el('h3', {}, p ? p.name : 'statement', e.effects[i] ? ` (${e.effects[i]})` : ''));
      if (p) out.push(...this.statement(p));
    });
    return out;
  }

  private statement(p: Obj): Node[] {
    const out: Node[] = [];
    if (!p.loc) return out;
    out.push(el('p', { class: 'loc' }, locText(this.model.data.files, p.loc), p.procedure && p.procedure !== 'batchQueries' ? ` in ${p.procedure}` : ''));
    const sql = sourceText(this.model.data.sources, p.loc);
    if (sql !== undefined) out.push(el('pre', { class: 'sql', tabindex: '0', 'aria-label': 'statement SQL' }, sql));
    return out;
  }
}
