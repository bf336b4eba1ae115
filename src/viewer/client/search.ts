/**
 * Search with autocomplete: an ARIA combobox over table and column names. Typing lists up to 12
 * matches (names starting with the text first); arrows move, Enter or a click picks.
 */
import { el } from './dom.js';
import type { Model } from './model.js';

interface Entry {
  label: string;
  lower: string;
  /** Lower-case last name part (column or table name without schema). */
  tail: string;
  kind: 'table' | 'col';
  id: number;
}

const MAX = 12;

export class Search {
  readonly input: HTMLInputElement;
  readonly box: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly entries: Entry[] = [];
  private shown: Entry[] = [];
  private active = -1;

  constructor(model: Model, private readonly onPick: (kind: 'table' | 'col', id: number) => void, private readonly allowed: (e: { kind: 'table' | 'col'; id: number }) => boolean) {
    for (const o of model.objects) {
      if (o.kind === 'process') continue;
      this.entries.push(entry(o.name, 'table', o.id));
      for (const c of o.cols) this.entries.push(entry(c.label, 'col', c.id, c.name));
    }
    this.input = el('input', {
      type: 'search', id: 'search', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': 'search-list', placeholder: 'Search tables and columns  ( / )', autocomplete: 'off', spellcheck: 'false',
      'aria-label': 'Search tables and columns',
    });
    this.list = el('ul', { id: 'search-list', role: 'listbox', 'aria-label': 'Matches', hidden: '' });
    this.box = el('div', { class: 'search' }, this.input, this.list);
    this.input.addEventListener('input', () => this.update());
    this.input.addEventListener('keydown', (evt) => this.key(evt));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.list.addEventListener('mousedown', (evt) => {
      const li = (evt.target as HTMLElement).closest('li');
      if (li) {
        evt.preventDefault();
        this.pick(Number(li.dataset.n));
      }
    });
  }

  private update(): void {
    const q = this.input.value.trim().toLowerCase();
    if (q === '') return this.close();
    const starts: Entry[] = [];
    const contains: Entry[] = [];
    for (const e of this.entries) {
      if (!this.allowed(e)) continue;
      if (e.tail.startsWith(q) || e.lower.startsWith(q)) starts.push(e);
      else if (e.lower.includes(q)) contains.push(e);
      if (starts.length >= MAX) break;
    }
    this.shown = [...starts, ...contains].slice(0, MAX);
    this.active = this.shown.length > 0 ? 0 : -1;
    this.render();
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.shown.map((e, n) =>
        el('li', { role: 'option', id: `search-opt-${n}`, 'data-n': String(n), 'aria-selected': String(n === this.active), class: e.kind }, e.label),
      ),
    );
    if (this.shown.length === 0) this.list.append(el('li', { class: 'none', 'aria-disabled': 'true' }, 'no match'));
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `search-opt-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private key(evt: KeyboardEvent): void {
    if (evt.key === 'ArrowDown' || evt.key === 'ArrowUp') {
      if (this.shown.length === 0) return;
      evt.preventDefault();
      const step = evt.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.shown.length) % this.shown.length;
      this.render();
    } else if (evt.key === 'Enter') {
      evt.preventDefault();
      if (this.active >= 0) this.pick(this.active);
    } else if (evt.key === 'Escape') {
      this.close();
    }
  }

  private pick(n: number): void {
    const e = this.shown[n];
    if (!e) return;
    this.input.value = e.label;
    this.close();
    this.onPick(e.kind, e.id);
  }
}

function entry(label: string, kind: 'table' | 'col', id: number, tail = label.split('.').pop() ?? label): Entry {
  return { label, lower: label.toLowerCase(), tail: tail.toLowerCase(), kind, id };
}
