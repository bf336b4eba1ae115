import { DEFAULT_ANALYZE_OPTIONS } from '../../src/options.js';
import { parseAnalyzeArgs, parseDelimiter, parseRelationTypes, parseVendor, UsageError } from '../../src/cli/options.js';

describe('parseAnalyzeArgs: defaults', () => {
  test('no options: a SQLFlow simple job, JSON on stdout', () => {
    const c = parseAnalyzeArgs(['a.sql']);
    expect(c.inputs).toEqual(['a.sql']);
    expect(c.analyzeOptions).toEqual(DEFAULT_ANALYZE_OPTIONS);
    expect(c.writeOptions).toEqual({ format: 'json', tableToTable: false, delimiter: ',' });
    expect(c).toMatchObject({ strict: false, quiet: false, color: true, progress: true });
    expect(c.output).toBeUndefined();
    expect(c.jobs).toBeUndefined();
  });

  test('no inputs parses (stdin is decided at run time)', () => {
    expect(parseAnalyzeArgs([]).inputs).toEqual([]);
  });
});

describe('parseAnalyzeArgs: every option', () => {
  test('long forms', () => {
    const c = parseAnalyzeArgs([
      'a.sql', 'dir/', '--vendor', 'oracle', '--format', 'csv', '--output', 'out.csv', '--table-to-table',
      '--delimiter', ';', '--relation-types', 'fdd,fdr,join', '--show-intermediate', '--show-function',
      '--show-constant-table', '--show-transform', '--aggregate', 'indirect', '--schema', 's1.json',
      '--schema', 's2.sql', '--default-database', 'DW', '--default-schema', 'dbo', '--jobs', '4', '--strict',
      '--quiet', '--no-color', '--no-progress',
    ]);
    expect(c.inputs).toEqual(['a.sql', 'dir/']);
    expect(c.analyzeOptions).toEqual({
      vendor: 'dbvoracle',
      tableToTable: true,
      relationTypes: ['fdd', 'fdr', 'join'],
      showIntermediate: true,
      showFunction: true,
      showConstantTable: true,
      showTransform: true,
      aggregate: 'indirect',
      schemaFiles: ['s1.json', 's2.sql'],
      defaultDatabase: 'DW',
      defaultSchema: 'dbo',
    });
    expect(c.writeOptions).toEqual({ format: 'csv', tableToTable: true, delimiter: ';' });
    expect(c).toMatchObject({ output: 'out.csv', jobs: 4, strict: true, quiet: true, color: false, progress: false });
  });

  test('short forms -t -f -o', () => {
    const c = parseAnalyzeArgs(['-t', 'mssql', '-f', 'graphml', '-o', 'g.graphml', 'x.sql']);
    expect(c.analyzeOptions.vendor).toBe('dbvmssql');
    expect(c.writeOptions.format).toBe('graphml');
    expect(c.output).toBe('g.graphml');
  });

  test('-o - means stdout', () => {
    expect(parseAnalyzeArgs(['-o', '-', 'x.sql']).output).toBeUndefined();
  });

  test.each([
    ['sqlserver', 'dbvmssql'],
    ['tsql', 'dbvmssql'],
    ['postgres', 'dbvpostgresql'],
    ['PG', 'dbvpostgresql'],
    ['dbvoracle', 'dbvoracle'],
    ['snowflake', 'dbvsnowflake'],
    ['dbvsnowflake', 'dbvsnowflake'],
  ])('vendor alias %s → %s', (alias, vendor) => {
    expect(parseAnalyzeArgs(['-t', alias]).analyzeOptions.vendor).toBe(vendor);
  });

  test.each(['\t', '\\t', '\\\\t', 'tab'])('delimiter %j → tab', (d) => {
    expect(parseAnalyzeArgs(['--delimiter', d]).writeOptions.delimiter).toBe('\t');
  });

  test('dataarts format', () => {
    expect(parseAnalyzeArgs(['-f', 'dataarts']).writeOptions.format).toBe('dataarts');
  });

  test('relation types are trimmed, lower-cased, de-duplicated', () => {
    expect(parseRelationTypes(' FDR , fdd,fdr ')).toEqual(['fdr', 'fdd']);
  });
});

test('--ext: a comma-separated list of extensions, dots and case ignored', () => {
  expect(parseAnalyzeArgs(['--ext', 'sql, .BTEQ,sql']).extensions).toEqual(['sql', 'bteq']);
  expect(parseAnalyzeArgs([]).extensions).toBeUndefined();
});

describe('parseAnalyzeArgs: invalid values are usage errors', () => {
  test.each([
    [['-t', 'nosuchdb'], /unknown vendor 'nosuchdb'.*dbvoracle/],
    [['-f', 'xml'], /Allowed choices are json, csv, graphml, dataarts/],
    [['--delimiter', ';;'], /one character/],
    [['--delimiter', '"'], /double quote/],
    [['--relation-types', 'fdd,xyz'], /unknown relation type 'xyz'/],
    [['--relation-types', ','], /expected a list/],
    [['--aggregate', 'sum'], /Allowed choices are direct, indirect/],
    [['--jobs', '0'], /positive integer/],
    [['--jobs', '1.5'], /positive integer/],
    [['--jobs', 'many'], /positive integer/],
    [['--ext', ','], /not a list of extensions/],
    [['--ext', 'sql,a b'], /not a list of extensions/],
    [['--bogus'], /unknown option '--bogus'/],
    [['-t'], /argument missing/],
  ])('%j', (args, message) => {
    expect(() => parseAnalyzeArgs(args as string[])).toThrow(UsageError);
    expect(() => parseAnalyzeArgs(args as string[])).toThrow(message as RegExp);
  });
});

describe('value parsers', () => {
  test('parseVendor lists the valid vendors', () => {
    expect(() => parseVendor('x')).toThrow(/dbvansi, dbvmssql/);
  });
  test('parseDelimiter keeps one (multi-byte) character', () => {
    expect(parseDelimiter('|')).toBe('|');
    expect(parseDelimiter('§')).toBe('§');
  });
});
