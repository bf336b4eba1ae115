/**
 * Dialect differences are data: outside the registry (src/dialects), the scanner (src/lexer) and
 * the splitter (src/split), no code names a vendor id or reads a lexical capability. The parser
 * and the resolver read the dialect's named semantics (DialectSpec.semantics) only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { DIALECTS } from '../../src/dialects/registry.js';
import { BASE_CAPS } from '../../src/dialects/spec.js';

const ROOT = join(import.meta.dirname ?? '.', '..', '..');
const ALLOWED = [join('src', 'dialects') + sep, join('src', 'lexer') + sep, join('src', 'split') + sep];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

const files = [...sources('src'), ...sources('grammars')].filter((f) => !ALLOWED.some((a) => f.startsWith(a)));
const LEXICAL = Object.keys(BASE_CAPS);
const flag = new RegExp(`\\b(?:${LEXICAL.join('|')})\\b`, 'g');
const vendorIds = DIALECTS.flatMap((d) => [d.vendor, ...d.aliases]).filter((id) => id.startsWith('dbv'));
const vendorLiteral = new RegExp(`['"\`](?:${vendorIds.join('|')})['"\`]`, 'gi');

/** Code only: comments may name what a rule is for. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('dialect data', () => {
  it('finds the sources and the lexical flags', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(LEXICAL).toEqual(expect.arrayContaining(['goBatches', 'slashTerminator', 'sqlPlusCommands', 'atVariables', 'bracketIdentifiers']));
  });

  it('the checks catch what they forbid', () => {
    expect(code("if (ctx.dialect.caps.goBatches || d.vendor === 'dbvmysql') x();").match(flag)).toEqual(['goBatches']);
    expect(code("if (d.vendor === 'dbvmysql') x();").match(vendorLiteral)).toEqual(["'dbvmysql'"]);
    expect(code('// goBatches is a lexical flag\nx();').match(flag)).toBeNull();
  });

  it.each(files)('%s reads no lexical flag and names no vendor', (file) => {
    const text = code(readFileSync(join(ROOT, file), 'utf8'));
    expect({ file, flags: text.match(flag) ?? [], vendors: text.match(vendorLiteral) ?? [], vendorTests: text.match(/\.vendor\s*[!=]==?/g) ?? [] }).toEqual({
      file,
      flags: [],
      vendors: [],
      vendorTests: [],
    });
  });

  it('every dialect has a consistent procedural layer and semantics', () => {
    for (const d of DIALECTS) {
      // The T-SQL layer cuts batches at GO; PL/SQL units end at a `/` line.
      expect({ vendor: d.vendor, tsql: d.semantics.procedural === 'tsql' }).toEqual({ vendor: d.vendor, tsql: d.caps.goBatches });
      expect({ vendor: d.vendor, plsql: d.semantics.procedural === 'plsql' }).toEqual({ vendor: d.vendor, plsql: d.caps.slashTerminator });
    }
  });
});
