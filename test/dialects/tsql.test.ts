/**
 * SQL Server (T-SQL, dbvmssql): routines, blocks and control flow, variables, table variables,
 * cursors, dynamic SQL, OUTPUT INTO, triggers, and statements without semicolons.
 */
import { analyzeSql, flows, statements } from '../procedural/support.js';
import type { BlockStmt, OtherStmt } from '../../src/ast/nodes.js';

const tsql = (sql: string) => analyzeSql(sql, 'dbvmssql');

describe('routines', () => {
  test.each([
    ['CREATE PROCEDURE', 'CREATE PROCEDURE dw.usp_load @d DATE AS'],
    ['CREATE PROC', 'CREATE PROC dw.usp_load @d DATE = NULL, @n INT OUTPUT AS'],
    ['CREATE OR ALTER', 'CREATE OR ALTER PROCEDURE [dw].[usp_load] (@d DATE) WITH RECOMPILE, EXECUTE AS OWNER AS'],
    ['ALTER PROCEDURE', 'ALTER PROCEDURE dw.usp_load AS'],
  ])('%s: the statements inside carry the procedure name', (_name, header) => {
    const a = tsql(`${header}\nBEGIN\n  INSERT INTO dw.t (a) SELECT a FROM stg.s\n  UPDATE dw.u SET b = 1\nEND\nGO\nSELECT x FROM dw.t\n`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['dw.usp_load: stg.s -> dw.t', 'dw.usp_load:  -> dw.u', 'batchQueries: dw.t -> ']);
  });

  test('a body without BEGIN runs to the end of the batch', () => {
    const a = tsql('CREATE PROCEDURE p AS\nSET NOCOUNT ON\nINSERT INTO t1 SELECT a FROM s1\nDELETE FROM t2 WHERE a = 1\nGO\nINSERT INTO t3 SELECT a FROM s1');
    expect(flows(a)).toEqual(['p: s1 -> t1', 'p:  -> t2', 'batchQueries: s1 -> t3']);
  });

  test('parameters and variables are never tables or columns', () => {
    const a = tsql(`CREATE PROCEDURE p @from DATE, @n INT AS
      DECLARE @max INT = (SELECT MAX(id) FROM src)
      SELECT @n = COUNT(*) FROM src WHERE d >= @from
      INSERT INTO tgt (id, d) SELECT id, @from FROM src WHERE id > @max`);
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect(a.pairs).toEqual(['src.id -> RS-1.MAX(id)', 'src.id -> tgt.id']);
    const tables = a.graph.objects.filter((o) => o.type === 'table').map((o) => o.name);
    expect(tables.sort()).toEqual(['src', 'tgt']);
  });

  test('inline table-valued function: its query reads the tables and gives the function\'s rows', () => {
    const a = tsql('CREATE FUNCTION dbo.f (@c INT) RETURNS TABLE AS RETURN (SELECT o.id, o.amount FROM dbo.orders o WHERE o.cust = @c)');
    expect(flows(a)).toEqual(['dbo.f: dbo.orders -> dbo.f']);
    expect(a.pairs).toEqual(['dbo.orders.amount -> dbo.f.amount', 'dbo.orders.id -> dbo.f.id']);
  });

  test('scalar and multi-statement table-valued functions', () => {
    const a = tsql(`CREATE FUNCTION dbo.total (@c INT) RETURNS DECIMAL(18, 2) WITH SCHEMABINDING AS
BEGIN
  DECLARE @t DECIMAL(18, 2)
  SELECT @t = SUM(amount) FROM dbo.orders WHERE cust = @c
  RETURN @t
END
GO
CREATE FUNCTION dbo.per_customer (@d DATE) RETURNS @res TABLE (id INT, total MONEY) AS
BEGIN
  INSERT INTO @res (id, total) SELECT cust, SUM(amount) FROM dbo.orders WHERE d >= @d GROUP BY cust
  RETURN
END`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['dbo.total: dbo.orders -> ', 'dbo.per_customer:  -> @res', 'dbo.per_customer: dbo.orders -> @res', 'dbo.per_customer: @res -> dbo.per_customer']);
    expect(a.pairs).toContain('dbo.orders.amount -> @res.total');
  });

  test('trigger: inserted and deleted read the trigger table', () => {
    const a = tsql(`CREATE TRIGGER dbo.trg ON dbo.orders AFTER INSERT, UPDATE AS
BEGIN
  INSERT INTO dbo.audit (id, amount) SELECT i.id, i.amount FROM inserted i
  UPDATE a SET a.old_amount = d.amount FROM dbo.audit a JOIN deleted d ON d.id = a.id
END`);
    expect(flows(a)).toEqual(['dbo.trg: dbo.orders -> dbo.audit', 'dbo.trg: dbo.orders -> dbo.audit']);
    expect(a.pairs).toEqual(['dbo.orders.amount -> dbo.audit.amount', 'dbo.orders.amount -> dbo.audit.old_amount', 'dbo.orders.id -> dbo.audit.id']);
  });
});

describe('blocks and control flow', () => {
  const BODY = `CREATE PROCEDURE p AS
BEGIN
  SET NOCOUNT ON;
  BEGIN TRY
    BEGIN TRAN
    IF EXISTS (SELECT 1 FROM flags WHERE f = 1)
      INSERT INTO t1 SELECT a FROM s1
    ELSE IF @x < 0
      SET @y = (SELECT MAX(b) FROM s2)
    ELSE
    BEGIN
      UPDATE t2 SET a = 1
    END
    WHILE @@ROWCOUNT > 0
      DELETE TOP (100) FROM t3 WHERE d < GETDATE()
    COMMIT TRANSACTION
  END TRY
  BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRAN
    INSERT INTO errlog (msg) VALUES (ERROR_MESSAGE());
    THROW;
  END CATCH
  RETURN 0
END`;

  test('every statement inside IF/ELSE, WHILE, TRY/CATCH is analyzed, conditions read their tables', () => {
    const a = tsql(BODY);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['p: flags -> ', 'p: s1 -> t1', 'p: s2 -> ', 'p:  -> t2', 'p:  -> t3', 'p:  -> errlog']);
  });

  test('the tree keeps the structure', () => {
    const [proc] = statements(BODY, 'dbvmssql') as BlockStmt[];
    expect(proc!.kind).toBe('procedure');
    const block = proc!.body[0] as BlockStmt;
    expect(block.body.map((s) => s.k)).toEqual(['other', 'block', 'block']);
  });

  test('statements without semicolons and GO batches (with a count)', () => {
    const a = tsql('insert into tab1 select * from foo\ninsert into tab2 select * from bar\nGO 2\nupdate tab3 set a = 1\nGO');
    expect(flows(a)).toEqual(['batchQueries: foo -> tab1', 'batchQueries: bar -> tab2', 'batchQueries:  -> tab3']);
  });

  test('RAISERROR ... WITH NOWAIT does not swallow the next statement', () => {
    const a = tsql("BEGIN\n  RAISERROR(N'x', 10, 1) WITH NOWAIT\n  INSERT INTO t SELECT a FROM s\nEND");
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['batchQueries: s -> t']);
  });

  test('one bad statement in a procedure is one error; the rest keeps the procedure name', () => {
    const a = tsql('CREATE PROCEDURE p AS\nBEGIN\n  INSERT INTO t1 SELECT a FROM s1\n  UPDATE t2 SET = 1\n  INSERT INTO t3 SELECT a FROM s3\nEND');
    expect(a.errors).toEqual(["4:17 syntax error near '='"]);
    expect(flows(a)).toEqual(['p: s1 -> t1', 'p: s3 -> t3']);
    expect(a.graph.statements).toEqual({ total: 2, failed: 1 });
  });

  test('a word that starts no statement is an error inside a body too', () => {
    const a = tsql('CREATE PROCEDURE p AS\nBEGIN\n  this is not sql\n  INSERT INTO t3 SELECT a FROM s3\nEND');
    expect(a.errors).toEqual(["3:3 unknown statement 'this is not sql'"]);
    expect(flows(a)).toEqual(['p: s3 -> t3']);
  });
});

describe('variables, table variables, cursors', () => {
  test('a table variable is used as a table', () => {
    const a = tsql(`DECLARE @buf TABLE (id INT PRIMARY KEY, amount MONEY, INDEX ix (amount))
INSERT INTO @buf SELECT id, amount FROM dbo.orders
INSERT INTO dbo.big (id, amount) SELECT id, amount FROM @buf WHERE amount > 100`);
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual(['@buf.amount -> dbo.big.amount', '@buf.id -> dbo.big.id', 'dbo.orders.amount -> @buf.amount', 'dbo.orders.id -> @buf.id']);
  });

  test('variables carry the lineage of the query that filled them (SELECT @v =, SET, FETCH INTO)', () => {
    const a = tsql(`CREATE PROCEDURE p AS
DECLARE @max MONEY, @n INT, @id INT, @batch INT
SELECT @max = MAX(amount), @n = COUNT(*) FROM dbo.orders
SET @batch = (SELECT MAX(batch_id) FROM ops.batches)
DECLARE c CURSOR FOR SELECT id FROM dbo.todo
OPEN c
FETCH NEXT FROM c INTO @id
WHILE @@FETCH_STATUS = 0
BEGIN
  UPDATE dbo.fact SET top_amount = @max, batch = @batch WHERE id = @id
  FETCH NEXT FROM c INTO @id
END`);
    expect(a.errors).toEqual([]);
    expect(a.pairs.filter((p) => p.includes('fact'))).toEqual(['dbo.orders.amount -> dbo.fact.top_amount', 'ops.batches.batch_id -> dbo.fact.batch']);
    const update = a.procs.find((p) => p.writes.includes('dbo.fact'))!;
    expect(update.reads.sort()).toEqual(['dbo.orders', 'dbo.todo', 'ops.batches']);
  });

  test('a cursor query is a read, and so are the statements using what it fetched', () => {
    const a = tsql(`CREATE PROCEDURE p AS
DECLARE c CURSOR LOCAL FAST_FORWARD FOR SELECT id FROM dbo.src WHERE flag = 1
OPEN c
FETCH NEXT FROM c INTO @id
WHILE @@FETCH_STATUS = 0
BEGIN
  UPDATE dbo.tgt SET done = 1 WHERE id = @id
  FETCH NEXT FROM c INTO @id
END
CLOSE c
DEALLOCATE c`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['p: dbo.src -> ', 'p: dbo.src -> dbo.tgt']);
  });
});

describe('EXEC and dynamic SQL', () => {
  test('EXEC proc is recorded as a call', () => {
    const [block] = statements('CREATE PROCEDURE p AS EXEC @rc = dbo.other @a = 1, @b OUTPUT', 'dbvmssql') as BlockStmt[];
    const call = block!.body[0] as OtherStmt;
    expect(call.k).toBe('other');
    expect(call.call?.parts.map((x) => x.text)).toEqual(['dbo', 'other']);
  });

  test("EXEC('...') and sp_executesql N'...' are analyzed where they are written", () => {
    const sql = "CREATE PROCEDURE p AS\nEXEC ('INSERT INTO dbo.dyn (a) SELECT b FROM dbo.src WHERE c = ''x''')\nEXEC sp_executesql N'UPDATE dbo.t2 SET v = 1', N'@p INT', @p = 1";
    const a = tsql(sql);
    expect(a.errors).toEqual([]);
    expect(a.procs.map((p) => [p.procedure, p.writes.join(), p.line, p.col])).toEqual([
      ['p', 'dbo.dyn', 2, 8],
      ['p', 'dbo.t2', 3, 22],
    ]);
    expect(a.pairs).toEqual(['dbo.src.b -> dbo.dyn.a']);
  });

  test('EXEC (@v) / sp_executesql @v run the literal last assigned to @v in the routine', () => {
    const a = tsql(`CREATE PROCEDURE p AS
DECLARE @sql NVARCHAR(MAX) = N'INSERT INTO dbo.a (x) SELECT y FROM dbo.b'
EXEC (@sql)
SET @sql = N'UPDATE dbo.c SET x = 1'
EXEC sp_executesql @sql
SET @sql = N'DELETE FROM ' + @t
EXEC (@sql)
GO
CREATE PROCEDURE p2 AS
EXEC (@sql)`);
    expect(a.procs.map((p) => [p.procedure, p.writes.join(), p.line])).toEqual([
      ['p', 'dbo.a', 2],
      ['p', 'dbo.c', 4],
    ]);
    expect(a.notes).toEqual(['7:1 dynamic SQL built at run time is not analyzed', '10:1 dynamic SQL built at run time is not analyzed']);
  });

  test('dynamic SQL built at run time is noted, not analyzed', () => {
    const a = tsql("EXEC ('SELECT * FROM ' + @t)");
    expect(a.errors).toEqual([]);
    expect(a.notes).toEqual(['1:1 dynamic SQL built at run time is not analyzed']);
  });

  test('INSERT ... EXEC writes its target', () => {
    const a = tsql('INSERT INTO dbo.log (msg) EXEC dbo.get_msgs @n = 1');
    expect(flows(a)).toEqual(['batchQueries:  -> dbo.log']);
  });
});

describe('DML forms', () => {
  test('OUTPUT ... INTO writes the output table from the rows the statement touched', () => {
    const a = tsql(`DELETE FROM dbo.stage OUTPUT deleted.id, deleted.amount INTO dbo.archive (id, amount) WHERE amount < 0
MERGE dbo.dim AS tgt USING stg.src AS src ON tgt.id = src.id
WHEN MATCHED THEN UPDATE SET tgt.v = src.v
WHEN NOT MATCHED THEN INSERT (id, v) VALUES (src.id, src.v)
OUTPUT $action, inserted.id, src.v INTO @log (act, id, v);`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual([
      'batchQueries:  -> dbo.stage',
      'batchQueries: dbo.stage -> dbo.archive',
      'batchQueries: stg.src -> dbo.dim',
      'batchQueries: dbo.dim,stg.src -> @log',
    ]);
    expect(a.pairs).toEqual(expect.arrayContaining(['dbo.stage.amount -> dbo.archive.amount', 'dbo.dim.id -> @log.id', 'stg.src.v -> @log.v']));
  });

  test('table hints on the written table: MERGE INTO t WITH (HOLDLOCK) AS tgt, INSERT INTO t WITH (TABLOCK) (cols), and before an alias in FROM', () => {
    const a = tsql(`MERGE INTO dw.dim_customer WITH (HOLDLOCK) AS tgt
USING (SELECT c.customer_id, c.email FROM stg.customer c WITH (NOLOCK)) AS src ON tgt.customer_id = src.customer_id
WHEN MATCHED AND tgt.email <> src.email THEN UPDATE SET tgt.email = src.email
WHEN NOT MATCHED BY TARGET THEN INSERT (customer_id, email) VALUES (src.customer_id, src.email);
INSERT INTO dw.fact_sales WITH (TABLOCK) (sale_id, customer_key)
SELECT s.sale_id, d.customer_key FROM stg.sales s WITH (NOLOCK) JOIN dw.dim_customer WITH (NOLOCK) d ON d.customer_id = s.customer_id;
INSERT dw.sales_log WITH (TABLOCKX) SELECT sale_id FROM stg.sales;`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['batchQueries: stg.customer -> dw.dim_customer', 'batchQueries: stg.sales,dw.dim_customer -> dw.fact_sales', 'batchQueries: stg.sales -> dw.sales_log']);
    expect(a.pairs).toEqual([
      'dw.dim_customer.customer_key -> dw.fact_sales.customer_key',
      'stg.customer.customer_id -> dw.dim_customer.customer_id',
      'stg.customer.email -> dw.dim_customer.email',
      'stg.sales.sale_id -> dw.fact_sales.sale_id',
      'stg.sales.sale_id -> dw.sales_log.sale_id',
    ]);
  });

  test('query hints after a SELECT (OPTION (...)) are not an error', () => {
    const a = tsql('SELECT a INTO #t FROM dbo.s ORDER BY a OPTION (RECOMPILE, MAXDOP 1)\nINSERT INTO dbo.t SELECT a FROM #t');
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['batchQueries: dbo.s -> #t', 'batchQueries: #t -> dbo.t']);
  });

  test('table hints without WITH and date parts are not tables or columns', () => {
    const a = tsql('select a, DATEADD(DAY, 1, d) AS d2, DATEDIFF(SECOND, d, GETDATE()) AS age from dbname.dto.tablename(NOLOCK)');
    expect(a.warnings).toEqual([]);
    expect(flows(a)).toEqual(['batchQueries: dbname.dto.tablename -> ']);
  });
});
