/** Hints about a file as a whole, before it is split into statements. */

const JINJA = /\{\{[\s\S]*?\}\}|\{%-?[\s\S]*?-?%\}/;

/**
 * Offset of the first Jinja expression or tag (`{{ ref('x') }}`, `{% if %}`) of a dbt model or
 * another template, or -1. Such a file is not SQL until it is compiled.
 */
export function jinjaOffset(text: string): number {
  const m = JINJA.exec(text);
  return m ? m.index : -1;
}

export const JINJA_HINT = 'this looks like a dbt model or Jinja template: compile it first (`dbt compile`) and analyze the SQL in target/compiled/';
