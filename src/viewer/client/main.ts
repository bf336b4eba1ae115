/**
 * The lineage viewer page: reads the embedded data (`#sqlflow-data`), draws the diagram, and wires
 * the toolbar (search, level, filters, export), the side panel, the details pane and the keyboard.
 * `window.sqlflowViewer` exposes the state for tests and scripts.
 */
import { Details } from './details.js';
import { download, el } from './dom.js';
import { toPng, toSvg } from './export.js';
import { KEY_HELP, keyHandler } from './keys.js';
import { Model } from './model.js';
import { Panel } from './panel.js';
import { Search } from './search.js';
import { serveForm } from './serve.js';
import { EDGE_COLORS } from './styles.js';
import { Diagram, type Selection } from './view.js';
import type { ViewData } from '../data.js';

function main(): void {
  const data = JSON.parse(document.getElementById('sqlflow-data')!.textContent!) as ViewData;
  const model = new Model(data);

  const graphBox = el('div', { id: 'graph', tabindex: '0', role: 'application', 'aria-label': 'Lineage diagram', 'aria-describedby': 'keys-help' });
  const listBox = el('ul', { id: 'tree', class: 'tree' });
  const listFilter = el('input', { type: 'search', id: 'list-filter', placeholder: 'Filter the list', 'aria-label': 'Filter the list of tables and columns' });
  const detailsBox = el('div', { id: 'details' });
  const status = el('div', { id: 'status', class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const levelButton = el('button', { type: 'button', id: 'level', 'aria-pressed': String(data.tableLevel === true) }, 'Table level');
  const filters = el('div', { class: 'filters', role: 'group', 'aria-label': 'Filters' });

  const diagramHost = el('div', { class: 'graph-wrap' }, graphBox, el('p', { id: 'keys-help', class: 'sr-only' }, KEY_HELP.map(([k, v]) => `${k}: ${v}`).join('. ')));
  const panel = el('nav', { id: 'panel', 'aria-label': 'Tables and columns' }, el('h2', {}, 'Tables and columns'), listFilter, listBox);
  const aside = el('aside', { id: 'side', 'aria-label': 'Details' }, detailsBox);
  if (data.serve) aside.prepend(serveForm(data.serve, model.objects.length === 0 || data.serve.message !== undefined));

  let diagram!: Diagram;
  const go = (s: Selection | undefined) => {
    diagram.select(s);
    const id = s ? diagram.nodeId(s) : undefined;
    if (id) diagram.reveal(id);
  };
  const pick = (kind: 'table' | 'col', id: number) => {
    if (kind === 'table') go({ kind: 'table', obj: model.byId.get(id)! });
    else go({ kind: 'col', col: model.cols.get(id)! });
    graphBox.focus({ preventScroll: true });
  };
  const search = new Search(model, pick, (e) => {
    const o = e.kind === 'table' ? model.byId.get(e.id) : model.cols.get(e.id)?.obj;
    return o !== undefined && model.visibleObject(o, diagram.filters);
  });

  const toolbar = el(
    'header',
    { class: 'bar' },
    el('h1', {}, document.title),
    ...(data.caption !== undefined ? [el('span', { class: 'caption' }, data.caption)] : []),
    search.box,
    levelButton,
    button('Expand all', () => diagram.setAllExpanded(true), 'expand-all'),
    button('Collapse all', () => diagram.setAllExpanded(false), 'collapse-all'),
    button('Fit', () => diagram.fit(), 'fit'),
    button('SVG', () => download('lineage.svg', new Blob([toSvg(diagram.cy, document.title)], { type: 'image/svg+xml' })), 'export-svg'),
    button('PNG', () => download('lineage.png', toPng(diagram.cy)), 'export-png'),
  );
  document.body.append(toolbar, filters, el('main', {}, panel, diagramHost, aside), status);

  diagram = new Diagram(model, graphBox);
  const listPanel = new Panel(model, listBox, listFilter, pick);
  const details = new Details(model, detailsBox, go);
  const nameOf = (s: Selection): string => {
    switch (s.kind) {
      case 'col':
        return `column ${s.col.label}`;
      case 'cols':
        return `${s.cols.length} columns`;
      case 'table':
      case 'process':
        return `${s.obj.kind} ${s.obj.name}`;
      case 'edge':
        return `${s.edge.type} edge ${s.edge.s.label} to ${s.edge.t.label}`;
      case 'edges':
        return `${s.edges.length} edges`;
    }
  };
  diagram.onSelect = (s) => {
    details.show(s, diagram);
    const id = s?.kind === 'col' ? `c${s.col.id}` : s?.kind === 'table' ? `t${s.obj.id}` : undefined;
    listPanel.mark(id, diagram.lit);
    status.textContent = s ? `${nameOf(s)}; ${diagram.lit.size} column(s) lit` : 'selection cleared';
  };
  const refresh = () => {
    diagram.apply();
    listPanel.sync((o) => model.visibleObject(o, diagram.filters));
    details.show(diagram.selection, diagram);
  };
  const toggleLevel = () => {
    diagram.tableLevel = !diagram.tableLevel;
    levelButton.setAttribute('aria-pressed', String(diagram.tableLevel));
    refresh();
  };
  levelButton.addEventListener('click', toggleLevel);
  buildFilters(filters, model, diagram, refresh);
  graphBox.addEventListener('keydown', keyHandler(diagram, { go, search: () => search.input.focus(), toggleLevel }));
  // Outside the diagram and the inputs: `/` searches, Escape clears the selection.
  document.addEventListener('keydown', (evt) => {
    const typing = document.activeElement?.closest('input, textarea, select, [contenteditable="true"]');
    if (evt.defaultPrevented || typing) return;
    if (evt.key === '/') {
      evt.preventDefault();
      search.input.focus();
    } else if (evt.key === 'Escape') {
      go(undefined);
    }
  });
  listPanel.sync((o) => model.visibleObject(o, diagram.filters));
  const focus = (data.focus ?? []).map((id) => model.cols.get(id)).filter((c): c is NonNullable<typeof c> => c !== undefined);
  if (focus.length > 0) {
    go(focus.length === 1 ? { kind: 'col', col: focus[0]! } : { kind: 'cols', cols: focus });
    diagram.fit();
  } else {
    details.show(undefined, diagram);
  }

  const api = {
    model,
    diagram,
    counts: () => {
      const cy = diagram.cy;
      return { tables: cy.nodes('.header').length, columns: cy.nodes('.col').length, edges: cy.edges().length, processes: cy.nodes('.process').length };
    },
    /** Labels (`table.column`) of the drawn column rows. */
    drawn: () => diagram.cy.nodes('.col').map((n) => model.cols.get(Number(n.id().slice(1)))!.label).sort(),
    /** Labels (`table.column`) of the lit columns. */
    lit: () => [...diagram.lit].map((c) => c.label).sort(),
    /** Page coordinates of a column (`table.column`) or table node, to click it. */
    pointOf: (label: string) => {
      const col = [...model.cols.values()].find((c) => c.label === label);
      const obj = col ? undefined : model.objects.find((o) => o.name === label);
      const id = col ? `c${col.id}` : obj ? `h${obj.id}` : undefined;
      if (!id || diagram.cy.getElementById(id).empty()) return undefined;
      diagram.reveal(id);
      const p = diagram.cy.getElementById(id).renderedPosition();
      const r = graphBox.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
  };
  (window as unknown as { sqlflowViewer: typeof api }).sqlflowViewer = api;
  diagram.cy.one('render', () => {
    performance.mark('sqlflow:ready');
    document.documentElement.dataset.ready = 'true';
  });
  diagram.cy.forceRender();
}

function button(label: string, onClick: () => void, id: string): HTMLButtonElement {
  const b = el('button', { type: 'button', id }, label);
  b.addEventListener('click', onClick);
  return b;
}

function checkbox(label: Node | string, checked: boolean, onChange: (on: boolean) => void, attrs: Record<string, string> = {}): HTMLLabelElement {
  const box = el('input', { type: 'checkbox', ...attrs });
  box.checked = checked;
  box.addEventListener('change', () => onChange(box.checked));
  return el('label', {}, box, ' ', label);
}

function buildFilters(root: HTMLElement, model: Model, diagram: Diagram, refresh: () => void): void {
  const f = diagram.filters;
  root.append(el('span', { class: 'group-label' }, 'Edges:'));
  for (const t of model.types) {
    const swatch = el('span', { class: `swatch ${t}`, style: `border-color:${EDGE_COLORS[t]}` });
    root.append(checkbox(el('span', {}, swatch, t), f.types.has(t), (on) => {
      if (on) f.types.add(t);
      else f.types.delete(t);
      refresh();
    }, { 'data-type': t }));
  }
  if (model.types.length === 0) root.append(el('span', {}, 'none'));
  if (model.hasIntermediates) {
    root.append(checkbox('intermediates', true, (on) => {
      f.intermediates = on;
      refresh();
    }, { id: 'show-intermediates' }));
  }
  if (model.objects.some((o) => o.kind === 'process')) {
    root.append(checkbox('processes', false, (on) => {
      f.processes = on;
      refresh();
    }, { id: 'show-processes' }));
  }
  if (model.schemas.length > 1) {
    const list = el('div', { class: 'schema-list' });
    for (const s of model.schemas) {
      list.append(checkbox(s === '' ? '(no schema)' : s, true, (on) => {
        if (on) f.hiddenSchemas.delete(s);
        else f.hiddenSchemas.add(s);
        refresh();
      }, { 'data-schema': s }));
    }
    root.append(el('details', { class: 'schemas' }, el('summary', {}, `Schemas (${model.schemas.length})`), list));
  }
  if (model.marked) root.append(el('span', { class: 'legend' }, el('span', { class: 'lg added' }, 'added'), el('span', { class: 'lg removed' }, 'removed')));
  root.append(el('span', { class: 'legend' }, el('span', { class: 'lg table' }, 'table'), el('span', { class: 'lg view' }, 'view'), el('span', { class: 'lg result' }, 'result set'), el('span', { class: 'lg process' }, 'process')));
}

try {
  main();
} catch (err) {
  document.body.textContent = `The lineage viewer failed to start: ${err instanceof Error ? err.message : String(err)}`;
  throw err;
}
