/**
 * Chevrotain's grammar validations (skipped at run time for start-up speed; SQLFLOW_GRAMMAR_CHECKS=1
 * turns them on): no rule may use one CONSUME / SUBRULE occurrence index twice for the same token or
 * rule, since the index keys its lookahead. Ambiguities between alternatives are resolved by order
 * and gates on purpose and are not checked here.
 */
import { DIALECTS } from '../../src/dialects/registry.js';

test('no grammar definition error other than ambiguities, in any dialect', async () => {
  process.env.SQLFLOW_GRAMMAR_CHECKS = '1';
  const { parseText } = await import('../../src/parse/parse.js');
  const errors: string[] = [];
  for (const d of DIALECTS) {
    try {
      parseText('SELECT 1;', d);
    } catch (err) {
      const parts = String(err instanceof Error ? err.message : err).split('-------------------------------');
      for (const p of parts) if (p.trim() !== '' && !p.includes('Ambiguous Alternatives')) errors.push(`${d.vendor}: ${p.trim().split('\n').slice(0, 3).join(' ')}`);
    }
  }
  expect(errors).toEqual([]);
});
