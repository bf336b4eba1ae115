/** The text of a source range in the embedded file sources. */
import type { ViewLoc } from '../data.js';

const lineCache = new Map<number, string[]>();

export function sourceText(sources: (string | null)[], loc: ViewLoc): string | undefined {
  const [file, line, col, endLine, endCol] = loc;
  const text = sources[file];
  if (typeof text !== 'string') return undefined;
  let lines = lineCache.get(file);
  if (!lines) lineCache.set(file, (lines = text.split(/\r\n|\r|\n/)));
  if (line === endLine) return lines[line - 1]?.slice(col - 1, endCol - 1);
  const out = lines.slice(line - 1, endLine);
  if (out.length === 0) return undefined;
  out[0] = out[0]!.slice(col - 1);
  out[out.length - 1] = out[out.length - 1]!.slice(0, endCol - 1);
  return out.join('\n');
}

export function locText(files: string[], loc: ViewLoc): string {
  return `${files[loc[0]] ?? '?'}:${loc[1]}`;
}
