/** The hand-written scanner: every lexical capability of src/dialects/spec.ts, on and off. */
import { Scanner, stringValue, unquoteIdent } from '../../src/lexer/scanner.js';
import { dialect } from '../helpers/dialects.js';
import type { TextDiagnostic } from '../../src/diagnostics/diagnostic.js';

interface Scanned {
  /** `TokenName:image` per token. */
  tokens: string[];
  errors: TextDiagnostic[];
}

function scan(text: string, vendor = 'ansi'): Scanned {
  const s = new Scanner(text, dialect(vendor).caps);
  const tokens: string[] = [];
  for (let t = s.next(); t; t = s.next()) tokens.push(`${t.tokenType.name}:${t.image}`);
  return { tokens, errors: s.errors };
}

/** Images only. */
function images(text: string, vendor = 'ansi'): string[] {
  return scan(text, vendor).tokens.map((t) => t.slice(t.indexOf(':') + 1));
}

describe('basics', () => {
  test('keywords, names, punctuation and offsets', () => {
    const s = new Scanner('select a.b, 1 from t;', dialect('ansi').caps);
    const toks = [];
    for (let t = s.next(); t; t = s.next()) toks.push([t.tokenType.name, t.image, t.startOffset, t.endOffset]);
    expect(toks).toEqual([
      ['K_SELECT', 'select', 0, 5],
      ['Name', 'a', 7, 7],
      ['Dot', '.', 8, 8],
      ['Name', 'b', 9, 9],
      ['Comma', ',', 10, 10],
      ['NumberLit', '1', 12, 12],
      ['K_FROM', 'from', 14, 17],
      ['Name', 't', 19, 19],
      ['Semicolon', ';', 20, 20],
    ]);
    expect(s.errors).toEqual([]);
  });

  test('numbers', () => {
    expect(scan('1 3.14 .5 1e10 2.5E-3 0x1F').tokens).toEqual([
      'NumberLit:1', 'NumberLit:3.14', 'NumberLit:.5', 'NumberLit:1e10', 'NumberLit:2.5E-3', 'NumberLit:0x1F',
    ]);
  });

  test('operators', () => {
    expect(scan('a::int || b <> c >= d => e').tokens).toEqual([
      'Name:a', 'DoubleColon:::', 'Name:int', 'Operator:||', 'Name:b', 'Operator:<>', 'Name:c', 'Operator:>=', 'Name:d', 'Arrow:=>', 'Name:e',
    ]);
  });

  test('plain strings with doubled quotes', () => {
    expect(scan("'it''s'").tokens).toEqual(["StringLit:'it''s'"]);
    expect(stringValue("'it''s'")).toBe("it's");
  });

  test('unicode identifiers, quoted and unquoted', () => {
    const r = scan('select 名前, "ünï code", café from テーブル');
    expect(r.tokens).toEqual(['K_SELECT:select', 'Name:名前', 'Comma:,', 'QuotedName:"ünï code"', 'Comma:,', 'Name:café', 'K_FROM:from', 'Name:テーブル']);
    expect(r.errors).toEqual([]);
    expect(unquoteIdent('"ünï code"')).toBe('ünï code');
  });

  test('double-quoted identifiers with doubled quotes', () => {
    expect(scan('"a""b"').tokens).toEqual(['QuotedName:"a""b"']);
    expect(unquoteIdent('"a""b"')).toBe('a"b');
  });
});

describe('bracket identifiers (dbvmssql)', () => {
  test('[name] with ]] escape', () => {
    const r = scan('select [a]]b], [x y] from [dbo].[t]', 'mssql');
    expect(r.tokens).toEqual([
      'K_SELECT:select', 'QuotedName:[a]]b]', 'Comma:,', 'QuotedName:[x y]', 'K_FROM:from', 'QuotedName:[dbo]', 'Dot:.', 'QuotedName:[t]',
    ]);
    expect(unquoteIdent('[a]]b]')).toBe('a]b');
  });

  test('without the capability [ is a bracket (array subscript)', () => {
    expect(scan('a[1]').tokens).toEqual(['Name:a', 'LBracket:[', 'NumberLit:1', 'RBracket:]']);
  });
});

describe('backtick identifiers (dbvmysql)', () => {
  test('`name` with `` escape', () => {
    expect(scan('select `a``b` from `db`.`t`', 'mysql').tokens).toEqual([
      'K_SELECT:select', 'QuotedName:`a``b`', 'K_FROM:from', 'QuotedName:`db`', 'Dot:.', 'QuotedName:`t`',
    ]);
    expect(unquoteIdent('`a``b`')).toBe('a`b');
  });

  test('MySQL strings: double quotes and backslash escapes', () => {
    expect(scan(`'it\\'s' "str"`, 'mysql').tokens).toEqual([`StringLit:'it\\'s'`, 'StringLit:"str"']);
  });

  test('without the capability a backtick is an unexpected character', () => {
    expect(scan('`a`').errors).toEqual([
      { severity: 'error', code: 'SyntaxError', offset: 0, message: "unexpected character '`'" },
      { severity: 'error', code: 'SyntaxError', offset: 2, message: "unexpected character '`'" },
    ]);
  });
});

describe('prefixed strings', () => {
  test("N'...' national strings", () => {
    expect(scan("N'nat' n'x'").tokens).toEqual(["StringLit:N'nat'", "StringLit:n'x'"]);
    expect(stringValue("N'nat'")).toBe('nat');
  });

  test("E'...' escape strings: a backslash escapes the quote", () => {
    const r = scan("E'it\\'s' x", 'postgres');
    expect(r.tokens).toEqual(["StringLit:E'it\\'s'", 'Name:x']);
    expect(r.errors).toEqual([]);
  });

  test("X'..' and B'..'", () => {
    expect(images("X'0A' B'101'")).toEqual(["X'0A'", "B'101'"]);
  });
});

describe("Oracle q-quoted strings (dbvoracle)", () => {
  test.each([
    ["q'[a ] b]'", 'a ] b'],
    ["q'{x}'", 'x'],
    ["q'(y (z))'", 'y (z)'],
    ["q'<w>'", 'w'],
    ["q'!it's!'", "it's"],
    ["Q'#a'b#'", "a'b"],
    ["Nq'|nat|'", 'nat'],
  ])('%s', (literal, value) => {
    const r = scan(`select ${literal} from dual`, 'oracle');
    expect(r.tokens).toEqual(['K_SELECT:select', `StringLit:${literal}`, 'K_FROM:from', 'Name:dual']);
    expect(r.errors).toEqual([]);
    expect(stringValue(literal)).toBe(value);
  });

  test("the closing delimiter is the one followed by a quote: q'[a ]' ends at ]'", () => {
    expect(scan("q'[a ]' b", 'oracle').tokens).toEqual(["StringLit:q'[a ]'", 'Name:b']);
  });

  test('unterminated q-quote: error at its start', () => {
    expect(scan("select q'[abc from dual", 'oracle').errors).toEqual([{ severity: 'error', code: 'SyntaxError', offset: 7, message: 'unterminated q-quoted string' }]);
  });

  test("without the capability q'..' is a name and a string", () => {
    expect(scan("q'[a]'").tokens).toEqual(['Name:q', "StringLit:'[a]'"]);
  });
});

describe('dollar-quoted strings (dbvpostgresql)', () => {
  test('$$...$$ and $tag$...$tag$ (a shorter tag inside does not close it)', () => {
    const r = scan('select $$a;b$$, $body$ x $$ y; $body$, $1 from t', 'postgres');
    expect(r.tokens).toEqual([
      'K_SELECT:select', 'StringLit:$$a;b$$', 'Comma:,', 'StringLit:$body$ x $$ y; $body$', 'Comma:,', 'Variable:$1', 'K_FROM:from', 'Name:t',
    ]);
    expect(stringValue('$body$ x $$ y; $body$')).toBe(' x $$ y; ');
  });

  test('unterminated dollar quote: error at its start', () => {
    expect(scan('select $x$ abc', 'postgres').errors).toEqual([{ severity: 'error', code: 'SyntaxError', offset: 7, message: 'unterminated dollar-quoted string' }]);
  });

  test('without the capability $1 is still a parameter', () => {
    expect(scan('a = $1').tokens).toEqual(['Name:a', 'Eq:=', 'Variable:$1']);
  });
});

describe('variables and temp tables (dbvmssql)', () => {
  test('@var and @@global', () => {
    expect(scan('set @v = @@rowcount', 'mssql').tokens).toEqual(['K_SET:set', 'Variable:@v', 'Eq:=', 'Variable:@@rowcount']);
  });

  test('#temp and ##global are table names', () => {
    expect(scan('select * from #tmp join ##glob on 1=1', 'mssql').tokens).toEqual([
      'K_SELECT:select', 'Star:*', 'K_FROM:from', 'Name:#tmp', 'K_JOIN:join', 'Name:##glob', 'K_ON:on', 'NumberLit:1', 'Eq:=', 'NumberLit:1',
    ]);
  });

  test('MySQL: # starts a comment', () => {
    expect(images('select 1 # comment\nfrom t', 'mysql')).toEqual(['select', '1', 'from', 't']);
  });

  test('bind variables :name and ?', () => {
    expect(scan('a = :name and b = ?').tokens).toEqual(['Name:a', 'Eq:=', 'Variable::name', 'K_AND:and', 'Name:b', 'Eq:=', 'Variable:?']);
  });
});

describe('Oracle names and SQL*Plus variables (dbvoracle)', () => {
  test('$ inside identifiers', () => {
    expect(scan('select sid from v$session', 'oracle').tokens).toEqual(['K_SELECT:select', 'Name:sid', 'K_FROM:from', 'Name:v$session']);
  });

  test('without the capability $ ends the name', () => {
    expect(scan('v$session').tokens).toEqual(['Name:v', 'Variable:$session']);
  });

  test('&var and &&var substitution variables', () => {
    expect(scan('where a = &amp and b = &&x', 'oracle').tokens).toEqual([
      'K_WHERE:where', 'Name:a', 'Eq:=', 'Variable:&amp', 'K_AND:and', 'Name:b', 'Eq:=', 'Variable:&&x',
    ]);
  });

  test('the (+) outer-join marker is one token', () => {
    expect(scan('a = b(+)', 'oracle').tokens).toEqual(['Name:a', 'Eq:=', 'Name:b', 'OuterJoinMark:(+)']);
  });
});

describe('comments', () => {
  test('-- line comments and /* */ block comments are skipped', () => {
    const r = scan('select /* ; */ a -- ; b\n, c /* multi\nline */ from t');
    expect(r.tokens.map((t) => t.slice(t.indexOf(':') + 1))).toEqual(['select', 'a', ',', 'c', 'from', 't']);
    expect(r.errors).toEqual([]);
  });

  test('nested block comments where the dialect says so (PostgreSQL)', () => {
    expect(images('/* a /* b */ c */ x', 'postgres')).toEqual(['x']);
  });

  test('not nested elsewhere: the first */ closes the comment', () => {
    expect(images('/* a /* b */ c */ x')).toEqual(['c', '*', '/', 'x']);
  });

  test('unterminated block comment: error at its start', () => {
    expect(scan('select 1 /* open').errors).toEqual([{ severity: 'error', code: 'SyntaxError', offset: 9, message: 'unterminated block comment' }]);
  });
});

describe('batch separators', () => {
  test('GO alone on a line, with or without a count, any case, indented (dbvmssql)', () => {
    const r = scan('select 1\nGO\nselect 2\n  go 5\nselect 3\nGO -- done\n', 'mssql');
    expect(r.tokens.map((t) => t.trim())).toEqual([
      'K_SELECT:select', 'NumberLit:1', 'BatchSep:GO', 'K_SELECT:select', 'NumberLit:2', 'BatchSep:go 5', 'K_SELECT:select', 'NumberLit:3', 'BatchSep:GO',
    ]);
  });

  test('GO not alone on its line is a word', () => {
    expect(scan('select go from t\nx GO', 'mssql').tokens).not.toContain('BatchSep:GO');
  });

  test('a GO line separates statements without the capability too, and is remembered for a hint (issue 12)', () => {
    expect(scan('select 1\nGO\n').tokens).toEqual(['K_SELECT:select', 'NumberLit:1', 'BatchSep:GO']);
    const s = new Scanner('select 1\nGO\nselect go from t\n', dialect('ansi').caps);
    const tokens: string[] = [];
    for (let t = s.next(); t; t = s.next()) tokens.push(`${t.tokenType.name}:${t.image}`);
    expect(tokens).toContain('K_GO:go'); // not alone on its line: a word
    expect(s.foreignGo).toBe(9);
    const m = new Scanner('select 1\nGO\n', dialect('mssql').caps);
    while (m.next());
    expect(m.foreignGo).toBe(-1);
  });

  test('/ alone on a line ends a PL/SQL unit (dbvoracle); a division does not', () => {
    const r = scan('begin null; end;\n/\nselect 4/2 from dual\n  /  \n', 'oracle');
    expect(r.tokens).toEqual([
      'K_BEGIN:begin', 'K_NULL:null', 'Semicolon:;', 'K_END:end', 'Semicolon:;', 'BatchSep:/',
      'K_SELECT:select', 'NumberLit:4', 'Operator:/', 'NumberLit:2', 'K_FROM:from', 'Name:dual', 'BatchSep:/',
    ]);
  });

  test('/ alone on a line is a division without the capability', () => {
    expect(scan('select 4\n/\n2').tokens).toEqual(['K_SELECT:select', 'NumberLit:4', 'Operator:/', 'NumberLit:2']);
  });
});

describe('errors', () => {
  test('unterminated string: one error at the opening quote; the literal and its statement end with the line', () => {
    const r = scan("select a from t where b = 'oops;\r\nselect 2;");
    expect(r.errors).toEqual([{ severity: 'error', code: 'SyntaxError', offset: 26, message: 'unterminated string literal' }]);
    expect(r.tokens).toEqual([
      'K_SELECT:select', 'Name:a', 'K_FROM:from', 'Name:t', 'K_WHERE:where', 'Name:b', 'Eq:=', "StringLit:'oops;",
      'Semicolon:', 'K_SELECT:select', 'NumberLit:2', 'Semicolon:;',
    ]);
  });

  test('unterminated string on the last line: the token runs to the end', () => {
    const r = scan("select 'oops");
    expect(r.errors).toEqual([{ severity: 'error', code: 'SyntaxError', offset: 7, message: 'unterminated string literal' }]);
    expect(r.tokens).toEqual(['K_SELECT:select', "StringLit:'oops"]);
  });

  test('unterminated quoted identifier', () => {
    expect(scan('select "abc from t').errors).toEqual([{ severity: 'error', code: 'SyntaxError', offset: 7, message: 'unterminated quoted identifier' }]);
  });

  test('unterminated bracket identifier (dbvmssql)', () => {
    expect(scan('select [abc from t', 'mssql').errors).toEqual([{ severity: 'error', code: 'SyntaxError', offset: 7, message: 'unterminated quoted identifier' }]);
  });

  test('scanning never throws and always advances', () => {
    const text = '\u0000\u0001 ` { } \\ é\uFFFD ' + "'".repeat(3);
    for (const vendor of ['ansi', 'mssql', 'oracle', 'postgres', 'mysql', 'bigquery']) {
      const s = new Scanner(text, dialect(vendor).caps);
      let n = 0;
      for (let t = s.next(); t && n < 100; t = s.next()) n++;
      expect(n).toBeLessThan(100);
    }
  });
});
