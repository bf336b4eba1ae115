/**
 * The side panel: every table, view and result set with its columns, as text (buttons), so the
 * lineage is searchable and readable by screen readers; it follows the filters and the selection.
 */
import { esc } from './dom.js';
import type { Col, Model, Obj } from './model.js';

export class Panel {
  private readonly items = new Map<string, HTMLLIElement>();

  constructor(
    private readonly model: Model,
    private readonly list: HTMLElement,
    private readonly filterBox: HTMLInputElement,
    onPick: (kind: 'table' | 'col', id: number) => void,
  ) {
    const html: string[] = [];
    for (const o of model.objects) {
      if (o.kind === 'process') continue;
      html.push(`<li data-key="t${o.id}" class="obj"><button type="button" class="t" data-t="${o.id}">${esc(o.name)}</button> <span class="kind">${esc(kindText(o))}</span>`);
      if (o.cols.length > 0) {
        html.push(`<ul aria-label="columns of ${esc(o.name)}">`);
        for (const c of o.cols) html.push(`<li data-key="c${c.id}"><button type="button" class="c" data-c="${c.id}">${esc(c.name)}</button></li>`);
        html.push('</ul>');
      }
      html.push('</li>');
    }
    list.innerHTML = html.join('');
    for (const li of list.querySelectorAll<HTMLLIElement>('li[data-key]')) this.items.set(li.dataset.key!, li);
    list.addEventListener('click', (evt) => {
      const b = (evt.target as HTMLElement).closest('button');
      if (!b) return;
      if (b.dataset.t) onPick('table', Number(b.dataset.t));
      else if (b.dataset.c) onPick('col', Number(b.dataset.c));
    });
    filterBox.addEventListener('input', () => this.filter());
  }

  /** Show the objects drawn under the filters (and matching the panel's own filter text). */
  sync(visible: (o: Obj) => boolean): void {
    this.visible = visible;
    this.filter();
  }

  private visible: (o: Obj) => boolean = () => true;

  private filter(): void {
    const q = this.filterBox.value.trim().toLowerCase();
    for (const o of this.model.objects) {
      if (o.kind === 'process') continue;
      const li = this.items.get(`t${o.id}`)!;
      if (!this.visible(o)) {
        li.hidden = true;
        continue;
      }
      const tableHit = q === '' || o.name.toLowerCase().includes(q);
      let any = false;
      for (const c of o.cols) {
        const hit = tableHit || c.name.toLowerCase().includes(q);
        this.items.get(`c${c.id}`)!.hidden = !hit;
        any ||= hit;
      }
      li.hidden = !(tableHit || any);
    }
  }

  /** Mark the selected and lit entries; scroll the selected one into view. */
  mark(selected: string | undefined, lit: Set<Col>): void {
    for (const li of this.list.querySelectorAll('.lit, .selected')) li.classList.remove('lit', 'selected');
    for (const c of lit) this.items.get(`c${c.id}`)?.classList.add('lit');
    if (selected) {
      const li = this.items.get(selected);
      if (li) {
        li.classList.add('selected');
        li.scrollIntoView({ block: 'nearest' });
      }
    }
  }
}

export function kindText(o: Obj): string {
  const kind = o.kind === 'select_list' ? 'result set' : o.kind.replace(/_/g, ' ');
  return o.intermediate ? `${kind}, intermediate` : kind;
}
