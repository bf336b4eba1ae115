/** Routine calls (T-SQL EXEC, PL/SQL `pkg.proc(...)`) are recorded as processes: caller and callee. */
import { analyze } from '../../src/api.js';
import { render } from '../../src/writers/index.js';

function calls(sql: string, vendor: string): { procedureName?: string; callee?: string }[] {
  const { graph } = analyze([{ path: 'calls.sql', text: sql }], { vendor });
  return graph.objects.filter((o) => o.type === 'process' && o.callee).map((o) => ({ procedureName: o.procedureName, callee: o.callee }));
}

describe('routine calls', () => {
  test('T-SQL EXEC inside a procedure and at top level', () => {
    const sql = `CREATE PROCEDURE dbo.usp_main AS
BEGIN
  EXEC dbo.usp_load_dim @run = 1
  INSERT INTO t (a) SELECT a FROM s
END
GO
EXEC dbo.usp_main
`;
    expect(calls(sql, 'mssql')).toEqual([
      { procedureName: 'dbo.usp_main', callee: 'dbo.usp_load_dim' },
      { procedureName: 'batchQueries', callee: 'dbo.usp_main' },
    ]);
  });

  test('PL/SQL procedure call in an anonymous block', () => {
    expect(calls(`BEGIN\n  dw_load.load_dim(1);\nEND;\n/\n`, 'oracle')).toEqual([{ procedureName: 'batchQueries', callee: 'dw_load.load_dim' }]);
  });

  test('the JSON process carries the callee', () => {
    const { graph } = analyze([{ path: 'calls.sql', text: 'EXEC dbo.usp_main\n' }], { vendor: 'mssql' });
    const json = JSON.parse(render(graph, { format: 'json', tableToTable: false, delimiter: ',' }));
    const procs = json.data.sqlflow.dbobjs.filter((o: { type: string }) => o.type === 'process');
    expect(procs).toEqual([expect.objectContaining({ procedureName: 'batchQueries', callee: 'dbo.usp_main' })]);
  });
});
