/** `sqlflow vendors`: the supported dialects as a plain table or JSON. */
import type { DialectSpec } from '../dialects/spec.js';

export interface VendorRow {
  vendor: string;
  title: string;
  aliases: string[];
  status: DialectSpec['status'];
  note?: string;
}

export function vendorRows(dialects: readonly DialectSpec[]): VendorRow[] {
  return dialects.map((d) => {
    const row: VendorRow = { vendor: d.vendor, title: d.title, aliases: [...d.aliases], status: d.status };
    if (d.note !== undefined) row.note = d.note;
    return row;
  });
}

export function renderVendorsJson(dialects: readonly DialectSpec[]): string {
  return `${JSON.stringify(vendorRows(dialects), null, 2)}\n`;
}

/** Aligned columns: VENDOR, NAME, ALIASES, STATUS, NOTE. */
export function renderVendorsTable(dialects: readonly DialectSpec[]): string {
  const header = ['VENDOR', 'NAME', 'ALIASES', 'STATUS', 'NOTE'];
  const rows = vendorRows(dialects).map((r) => [r.vendor, r.title, r.aliases.join(', '), r.status, r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [header, ...rows].map((r) => `${line(r)}\n`).join('');
}
