/**
 * The document `sqlflow analyze <inputs> <args>` would print, computed in memory: the options
 * are parsed by the CLI's own parser, then `analyze` and `render` run on the files. Input and
 * --schema paths are relative to the repository root and appear in the output as given.
 */
import { readFileSync } from 'node:fs';
import { analyze, render } from '../../src/api.js';
import { parseAnalyzeArgs } from '../../src/cli/options.js';
import { repoPath } from './paths.js';

export function pipeline(inputs: string[], args: string[]): string {
  const config = parseAnalyzeArgs([...inputs, ...args]);
  const sources = config.inputs.map((path) => ({ path, text: readFileSync(repoPath(path), 'utf8') }));
  const options = { ...config.analyzeOptions, schemaFiles: config.analyzeOptions.schemaFiles.map((p) => repoPath(p)) };
  return render(analyze(sources, options).graph, config.writeOptions);
}
