/**
 * The diagram: what is drawn for the model under the view state (filters, table-level mode,
 * expanded tables), placed by layout.ts, and highlighting.
 *
 * A collapsed table is its header alone: its column nodes are not drawn, and the column edges
 * touching it are drawn to its header, merged by (drawn source, drawn target, type). Table level is
 * every table collapsed. So a graph of thousands of columns starts with a few hundred headers, and
 * expanding a table adds only its rows. Each change reconciles the drawing with what should be
 * drawn (elements are keyed by id: unchanged ones stay).
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { boxHeight, boxWidth, HEADER_H, layered, restack, ROW_H, type Box, type Places } from './layout.js';
import { closure, type Col, type Edge, type Filters, type Model, type Obj } from './model.js';
import { cyStyle, headerFill } from './styles.js';

/** Past this many columns every table starts collapsed to its header. */
export const COLLAPSE_ALL_COLUMNS = 1500;
/** A table with more columns than this starts collapsed in any graph. */
export const COLLAPSE_TABLE_COLUMNS = 60;

export type Selection =
  | { kind: 'col'; col: Col }
  | { kind: 'cols'; cols: Col[] }
  | { kind: 'table'; obj: Obj }
  | { kind: 'process'; obj: Obj }
  | { kind: 'edge'; edge: Edge }
  | { kind: 'edges'; edges: Edge[] };

/** A drawn edge: column edges merged onto the drawn endpoints (columns, or headers when collapsed). */
interface Drawn {
  source: string;
  target: string;
  type: Edge['type'];
  edges: Edge[];
}

export class Diagram {
  readonly cy: Core;
  filters: Filters;
  tableLevel = false;
  readonly expanded = new Set<number>();
  selection: Selection | undefined;
  /** Columns lit by the current selection (selected ones included), and the counts up/down. */
  lit = new Set<Col>();
  litUp = 0;
  litDown = 0;
  private visible: Edge[] = [];
  private shown: Obj[] = [];
  private drawn = new Map<string, Drawn>();
  private places: Places = new Map();
  private readonly widths = new Map<string, number>();
  /** Whether elements carry highlight classes. */
  private lighted = false;
  onSelect: (s: Selection | undefined) => void = () => {};

  constructor(readonly model: Model, container: HTMLElement) {
    this.filters = model.defaultFilters();
    this.tableLevel = model.data.tableLevel === true;
    const big = model.cols.size > COLLAPSE_ALL_COLUMNS;
    for (const o of model.objects) {
      if (o.kind === 'process') this.widths.set(`p${o.id}`, boxWidth([o.name]));
      else this.widths.set(`h${o.id}`, boxWidth([o.name, ...o.cols.map((c) => c.name)]));
      if (o.kind !== 'process' && !big && o.cols.length <= COLLAPSE_TABLE_COLUMNS) this.expanded.add(o.id);
    }
    this.cy = cytoscape({
      container,
      style: cyStyle() as cytoscape.StylesheetJson,
      layout: { name: 'preset' },
      autoungrabify: true,
      boxSelectionEnabled: false,
      selectionType: 'single',
      minZoom: 0.02,
      maxZoom: 4,
      textureOnViewport: model.cols.size > COLLAPSE_ALL_COLUMNS,
      hideEdgesOnViewport: model.edges.length > 3000,
    });
    this.cy.on('tap', (evt) => {
      if (evt.target === this.cy) this.select(undefined);
    });
    this.cy.on('tap', 'node.col', (evt) => this.select({ kind: 'col', col: this.model.cols.get(idOf(evt.target as NodeSingular))! }));
    this.cy.on('tap', 'node.header', (evt) => {
      const obj = this.model.byId.get(idOf(evt.target as NodeSingular))!;
      if (!this.tableLevel && !this.expanded.has(obj.id)) this.toggle(obj);
      this.select({ kind: 'table', obj });
    });
    this.cy.on('dbltap', 'node.header', (evt) => {
      const obj = this.model.byId.get(idOf(evt.target as NodeSingular))!;
      if (!this.tableLevel && this.expanded.has(obj.id)) this.toggle(obj);
    });
    this.cy.on('tap', 'node.process', (evt) => this.select({ kind: 'process', obj: this.model.byId.get(idOf(evt.target as NodeSingular))! }));
    this.cy.on('tap', 'edge', (evt) => {
      const d = this.drawn.get(evt.target.id() as string);
      if (d) this.select(d.edges.length === 1 ? { kind: 'edge', edge: d.edges[0]! } : { kind: 'edges', edges: d.edges });
    });
    this.apply();
  }

  visibleObjects(): Obj[] {
    return this.shown;
  }

  visibleEdges(): Edge[] {
    return this.visible;
  }

  isCollapsed(o: Obj): boolean {
    return this.tableLevel || !this.expanded.has(o.id) || o.cols.length === 0;
  }

  private boxId(o: Obj): string {
    return o.kind === 'process' ? `p${o.id}` : `h${o.id}`;
  }

  private height(o: Obj): number {
    return this.isCollapsed(o) ? HEADER_H : boxHeight(o.cols.length);
  }

  /** The drawn node of a column: its row, or its table's header when collapsed. */
  private endOf(c: Col): string {
    return this.isCollapsed(c.obj) ? `h${c.obj.id}` : `c${c.id}`;
  }

  /** Filters or mode changed: lay everything out again and redraw. */
  apply(): void {
    this.visible = this.model.visibleEdges(this.filters);
    this.shown = this.model.objects.filter((o) => this.model.visibleObject(o, this.filters));
    const boxes: Box[] = this.shown.map((o) => ({ id: this.boxId(o), w: this.widths.get(this.boxId(o))!, h: this.height(o) }));
    const links: [string, string][] = [];
    const seen = new Set<string>();
    for (const e of this.visible) {
      const k = `${e.s.obj.id}>${e.t.obj.id}`;
      if (seen.has(k)) continue;
      seen.add(k);
      links.push([`h${e.s.obj.id}`, `h${e.t.obj.id}`]);
    }
    for (const o of this.shown) {
      if (o.kind !== 'process') continue;
      for (const r of o.reads) links.push([`h${r}`, `p${o.id}`]);
      for (const w of o.writes) links.push([`p${o.id}`, `h${w}`]);
    }
    performance.mark('sqlflow:layout-start');
    this.places = layered(boxes, links);
    performance.mark('sqlflow:layout-end');
    this.redraw();
    const s = this.selection;
    this.select(s && this.stillDrawn(s) ? s : undefined);
    this.fitPlaces();
  }

  /** Whether a selection is still on screen after a filter change. */
  private stillDrawn(s: Selection): boolean {
    const shown = (o: Obj) => this.model.visibleObject(o, this.filters);
    switch (s.kind) {
      case 'col':
        return shown(s.col.obj);
      case 'cols':
        return s.cols.some((c) => shown(c.obj));
      case 'table':
      case 'process':
        return shown(s.obj);
      case 'edge':
        return this.visible.includes(s.edge);
      case 'edges':
        return false;
    }
  }

  /** Reconcile the drawing with the view state at the current places. */
  private redraw(): void {
    const cy = this.cy;
    const nodes = new Map<string, ElementDefinition>();
    const shownIds = new Set(this.shown.map((o) => o.id));
    for (const o of this.shown) {
      const id = this.boxId(o);
      const at = this.places.get(id)!;
      const w = this.widths.get(id)!;
      const cx = at.x + w / 2;
      if (o.kind === 'process') {
        nodes.set(id, { group: 'nodes', data: { id, label: o.name, w, h: HEADER_H }, position: { x: cx, y: at.y + HEADER_H / 2 }, classes: 'process' });
        continue;
      }
      const collapsed = this.isCollapsed(o);
      const kind = o.kind === 'view' ? 'view' : o.kind === 'table' ? 'table' : 'result';
      const mark = o.mark === 'a' ? 'added' : o.mark === 'r' ? 'removed' : '';
      const classes = ['header', kind, o.intermediate ? 'intermediate' : '', collapsed && o.cols.length > 0 ? 'collapsed' : '', mark].filter(Boolean).join(' ');
      nodes.set(id, { group: 'nodes', data: { id, label: o.name, w, h: HEADER_H, fill: headerFill(o.kind) }, position: { x: cx, y: at.y + HEADER_H / 2 }, classes });
      if (collapsed) continue;
      o.cols.forEach((c, i) => {
        nodes.set(`c${c.id}`, {
          group: 'nodes',
          data: { id: `c${c.id}`, label: c.name, w, h: ROW_H, tmx: -(w - 8) },
          position: { x: cx, y: at.y + HEADER_H + i * ROW_H + ROW_H / 2 },
          classes: c.system ? 'col system' : 'col',
        });
      });
    }
    const drawn = new Map<string, Drawn>();
    for (const e of this.visible) {
      const source = this.endOf(e.s);
      const target = this.endOf(e.t);
      if (source === target) continue;
      const id = `${source}>${target}:${e.type}`;
      const d = drawn.get(id);
      if (d) d.edges.push(e);
      else drawn.set(id, { source, target, type: e.type, edges: [e] });
    }
    const pedges = new Map<string, ElementDefinition>();
    for (const o of this.shown) {
      if (o.kind !== 'process') continue;
      for (const r of o.reads) if (shownIds.has(r)) pedges.set(`pr${o.id}_${r}`, { group: 'edges', data: { id: `pr${o.id}_${r}`, source: `h${r}`, target: `p${o.id}`, width: 1.2 }, classes: 'pedge' });
      for (const w of o.writes) if (shownIds.has(w)) pedges.set(`pw${o.id}_${w}`, { group: 'edges', data: { id: `pw${o.id}_${w}`, source: `p${o.id}`, target: `h${w}`, width: 1.2 }, classes: 'pedge' });
    }
    this.drawn = drawn;
    cy.batch(() => {
      cy.remove(cy.elements().filter((x) => !nodes.has(x.id()) && !drawn.has(x.id()) && !pedges.has(x.id())));
      const add: ElementDefinition[] = [];
      for (const [id, def] of nodes) {
        const n = cy.getElementById(id);
        if (n.empty()) {
          add.push(def);
          continue;
        }
        const p = n.position();
        if (p.x !== def.position!.x || p.y !== def.position!.y) n.position(def.position!);
        if (n.classes().join(' ') !== def.classes) n.classes(def.classes as string);
      }
      for (const [id, d] of drawn) {
        if (cy.getElementById(id).empty()) {
          const width = d.edges.length > 1 ? Math.min(5, 1.4 + Math.log2(d.edges.length)) : 1.4;
          const mark = d.edges.every((e) => e.mark === 'r') ? ' removed' : d.edges.some((e) => e.mark === 'a') ? ' added' : '';
          add.push({ group: 'edges', data: { id, source: d.source, target: d.target, width }, classes: d.type + mark });
        }
      }
      for (const [id, def] of pedges) if (cy.getElementById(id).empty()) add.push(def);
      cy.add(add);
    });
  }

  /** Expand or collapse one table (column level); the boxes below it in its layer move. */
  toggle(o: Obj): void {
    if (this.tableLevel || o.kind === 'process' || o.cols.length === 0) return;
    const before = this.height(o);
    if (this.expanded.has(o.id)) this.expanded.delete(o.id);
    else this.expanded.add(o.id);
    restack(this.places, this.widths, `h${o.id}`, before, this.height(o));
    this.redraw();
    this.highlight();
  }

  setAllExpanded(expand: boolean): void {
    for (const o of this.model.objects) {
      if (o.kind === 'process') continue;
      if (expand) this.expanded.add(o.id);
      else this.expanded.delete(o.id);
    }
    this.apply();
  }

  select(s: Selection | undefined): void {
    this.selection = s;
    const cols = s?.kind === 'col' ? [s.col] : s?.kind === 'cols' ? s.cols : [];
    for (const c of cols) if (!this.tableLevel && !this.expanded.has(c.obj.id)) this.toggle(c.obj);
    this.highlight();
    this.onSelect(s);
  }

  /** Light the selection's lineage (upstream and downstream over the drawn edges), dim the rest. */
  private highlight(): void {
    const cy = this.cy;
    const s = this.selection;
    const lit = new Set<Col>();
    const litEdges = new Set<Edge>();
    const litNodes = new Set<string>();
    let sel: string[] = [];
    this.litUp = 0;
    this.litDown = 0;
    if (s?.kind === 'col' || s?.kind === 'cols' || s?.kind === 'table') {
      const start = s.kind === 'col' ? [s.col] : s.kind === 'cols' ? s.cols : s.obj.cols;
      const { up, down } = closure(start, this.visible);
      this.litUp = up.size;
      this.litDown = down.size;
      for (const c of [...start, ...up, ...down]) lit.add(c);
      const upOrStart = new Set([...up, ...start]);
      const downOrStart = new Set([...down, ...start]);
      for (const e of this.visible) {
        if ((upOrStart.has(e.t) && up.has(e.s)) || (downOrStart.has(e.s) && down.has(e.t))) litEdges.add(e);
      }
      sel = s.kind === 'col' ? [this.endOf(s.col)] : s.kind === 'cols' ? s.cols.map((c) => this.endOf(c)) : [`h${s.obj.id}`];
    } else if (s?.kind === 'edge' || s?.kind === 'edges') {
      for (const e of s.kind === 'edge' ? [s.edge] : s.edges) {
        lit.add(e.s).add(e.t);
        litEdges.add(e);
      }
    } else if (s?.kind === 'process') {
      sel = [`p${s.obj.id}`];
      for (const id of [...s.obj.reads, ...s.obj.writes]) litNodes.add(`h${id}`);
      for (const e of this.visible) if (e.processes.includes(s.obj.id)) litEdges.add(e);
      for (const id of s.obj.reads) litNodes.add(`pr${s.obj.id}_${id}`);
      for (const id of s.obj.writes) litNodes.add(`pw${s.obj.id}_${id}`);
    }
    this.lit = lit;
    // Nothing selected now or before: no class to change (a restyle of every element costs).
    if (!s && !this.lighted) return;
    this.lighted = s !== undefined;
    cy.batch(() => {
      cy.elements().removeClass('hl sel dim');
      if (!s) return;
      cy.elements().addClass('dim');
      const on = (id: string) => cy.getElementById(id).removeClass('dim').addClass('hl');
      for (const c of lit) {
        on(this.endOf(c));
        on(`h${c.obj.id}`);
      }
      for (const id of litNodes) on(id);
      for (const [id, d] of this.drawn) if (d.edges.some((e) => litEdges.has(e))) on(id);
      if (s.kind === 'edge' || s.kind === 'edges') {
        for (const [id, d] of this.drawn) if (d.edges.every((e) => litEdges.has(e))) sel.push(id);
      }
      for (const id of sel) cy.getElementById(id).removeClass('dim').addClass('sel');
    });
  }

  /**
   * Fit the whole drawing from the layout's own boxes: the same view as cytoscape's fit, without
   * making it measure every element first (seconds on thousands of elements).
   */
  private fitPlaces(): void {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const o of this.shown) {
      const id = this.boxId(o);
      const at = this.places.get(id);
      if (!at) continue;
      x1 = Math.min(x1, at.x);
      y1 = Math.min(y1, at.y);
      x2 = Math.max(x2, at.x + this.widths.get(id)!);
      y2 = Math.max(y2, at.y + this.height(o));
    }
    if (x1 > x2) return;
    const pad = 20;
    const w = this.cy.width();
    const h = this.cy.height();
    const zoom = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), Math.min((w - 2 * pad) / (x2 - x1), (h - 2 * pad) / (y2 - y1))));
    this.cy.viewport({ zoom, pan: { x: (w - zoom * (x1 + x2)) / 2, y: (h - zoom * (y1 + y2)) / 2 } });
  }

  /** Fit the view to the lit lineage when there is a selection, else to the whole drawing. */
  fit(): void {
    const lit = this.cy.elements('.hl, .sel');
    this.cy.fit(lit.nonempty() ? lit : undefined, 24);
  }

  /** Bring a node into view (zooming in when the diagram is too small to read). */
  reveal(id: string): void {
    const n = this.cy.getElementById(id);
    if (n.empty()) return;
    const ext = this.cy.extent();
    const bb = n.boundingBox();
    const outside = bb.x1 < ext.x1 || bb.x2 > ext.x2 || bb.y1 < ext.y1 || bb.y2 > ext.y2;
    if (this.cy.zoom() < 0.5) this.cy.zoom(0.9);
    if (outside || this.cy.zoom() === 0.9) this.cy.center(n);
  }

  /** The drawn node of a selection target. */
  nodeId(s: Selection): string | undefined {
    if (s.kind === 'col') return this.endOf(s.col);
    if (s.kind === 'table') return `h${s.obj.id}`;
    if (s.kind === 'process') return `p${s.obj.id}`;
    return undefined;
  }
}

function idOf(n: NodeSingular): number {
  return Number(n.id().slice(1));
}
