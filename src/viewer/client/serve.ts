/**
 * In `sqlflow serve`: the form that sends SQL to analyze (files and/or pasted text, a vendor and
 * the options), posted to the server as a job; the answer is the viewer page of that job.
 */
import type { ServeForm } from '../data.js';
import { el } from './dom.js';

export function serveForm(f: ServeForm, open: boolean): HTMLElement {
  const vendor = el('select', { name: 'dbvendor', id: 'serve-vendor' });
  for (const [id, title] of f.vendors) {
    const o = el('option', { value: id }, `${title} (${id})`);
    if (id === f.vendor) o.selected = true;
    vendor.append(o);
  }
  const files = el('input', { type: 'file', name: 'sqlfiles', id: 'serve-files', multiple: '', accept: '.sql,.zip,.txt' });
  const text = el('textarea', { name: 'sqltext', id: 'serve-sql', rows: '8', placeholder: 'Paste SQL here, or choose files', spellcheck: 'false' });
  const intermediate = el('input', { type: 'checkbox', id: 'serve-intermediate' });
  const hidden = el('input', { type: 'hidden', name: 'ignoreRecordSet', value: 'true' });
  intermediate.addEventListener('change', () => (hidden.value = String(!intermediate.checked)));
  const types = el('input', { type: 'text', name: 'showRelationType', id: 'serve-types', value: 'fdd', size: '16' });
  const form = el(
    'form',
    { method: 'post', action: f.action, enctype: 'multipart/form-data', class: 'serve-form' },
    field('SQL dialect', vendor),
    field('Files (.sql, .zip)', files),
    field('SQL text', text),
    el('label', {}, intermediate, ' show intermediate result sets'),
    hidden,
    field('Relation types', types),
    field('User', el('input', { type: 'text', name: 'userId', id: 'serve-user', value: f.userId, required: '' })),
    ...(f.auth ? [field('Token', el('input', { type: 'password', name: 'token', id: 'serve-token', required: '' }))] : []),
    el('button', { type: 'submit', id: 'serve-submit' }, 'Analyze'),
  );
  form.addEventListener('submit', (evt) => {
    if ((files.files?.length ?? 0) === 0 && text.value.trim() === '') {
      evt.preventDefault();
      text.setCustomValidity('Choose files or paste SQL');
      text.reportValidity();
      return;
    }
    // An empty file input would still send an unnamed part.
    if ((files.files?.length ?? 0) === 0) files.disabled = true;
  });
  text.addEventListener('input', () => text.setCustomValidity(''));
  const box = el('details', { class: 'serve', id: 'serve' }, el('summary', {}, 'Analyze SQL'));
  if (f.message) box.append(el('p', { class: 'message', role: 'status' }, f.message));
  box.append(form);
  box.open = open;
  return box;
}

function field(label: string, input: HTMLElement): HTMLElement {
  return el('label', { class: 'field' }, el('span', {}, label), input);
}
