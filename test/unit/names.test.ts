/** Interned names: one string per distinct name, equal to what was given. */
import { qualifiedName } from '../../src/graph/model.js';
import { detached, Names } from '../../src/graph/names.js';

test('Names.of gives one string per distinct name, equal to the name given', () => {
  const names = new Names();
  const text = `select ${'x'.repeat(100)} customer_preferred_flag, customer_preferred_flag from t`;
  const first = text.slice(108, 131);
  const again = text.slice(133, 156);
  expect(first).toBe('customer_preferred_flag');
  expect(names.of(first)).toBe('customer_preferred_flag');
  expect(names.of(again)).toBe(names.of(first));
  expect(names.of('id')).toBe('id');
});

test('detached keeps the text of short, long and concatenated strings', () => {
  for (const s of ['', 'a', 'twelve chars', 'thirteen char', 'x'.repeat(5000), `${'ab'.repeat(10)}${String(42)}`]) expect(detached(s)).toBe(s);
});

test('qualifiedName joins the known parts with dots, leaving out missing and empty ones', () => {
  expect(qualifiedName({ database: 'dw', schema: 'sales', name: 'orders' })).toBe('dw.sales.orders');
  expect(qualifiedName({ schema: 'sales', name: 'orders' })).toBe('sales.orders');
  expect(qualifiedName({ database: 'dw', name: 'orders' })).toBe('dw.orders');
  expect(qualifiedName({ database: '', schema: '', name: 'orders' })).toBe('orders');
  expect(qualifiedName({ database: 'dw', schema: 'sales', name: '' })).toBe('dw.sales');
  expect(qualifiedName({ name: 'orders' })).toBe('orders');
});
