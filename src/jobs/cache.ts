/**
 * The incremental cache of a regular job: one file per parsed SQL text in the job's `cache/`
 * folder, keyed by the text's SHA-256, the dialect and the sqlflow version. Parsing depends on
 * nothing else (options act on resolution and shaping, which always run), so a file whose content
 * did not change is not parsed again and the lineage equals a fresh run's, byte for byte.
 * Catalog state flows from file to file during resolution, which is why resolution is not cached.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ParseCache } from '../api.js';
import type { ParsedFile } from '../parse/parse.js';
import { sha256 } from './store.js';

export class DiskParseCache implements ParseCache {
  /** Keys read from the cache / parsed afresh during this run, in order. */
  readonly hits: string[] = [];
  readonly misses: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly version: string,
  ) {}

  key(text: string, vendor: string): string {
    return sha256(`${this.version}\0${vendor}\0${text}`);
  }

  get(text: string, vendor: string): ParsedFile | undefined {
    const key = this.key(text, vendor);
    try {
      const parsed = JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8')) as ParsedFile;
      if (!Array.isArray(parsed.statements) || !Array.isArray(parsed.problems)) return undefined;
      this.hits.push(key);
      return parsed;
    } catch {
      return undefined; // absent or damaged: parse again
    }
  }

  set(text: string, vendor: string, parsed: ParsedFile): void {
    const key = this.key(text, vendor);
    this.misses.push(key);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileAtomic.sync(join(this.dir, `${key}.json`), JSON.stringify(parsed));
    } catch {
      // A cache that cannot be written only costs a parse next time.
    }
  }

  /** Remove entries this run did not use (files replaced or removed since). */
  prune(): void {
    const used = new Set([...this.hits, ...this.misses].map((k) => `${k}.json`));
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const n of names) if (n.endsWith('.json') && !used.has(n)) rmSync(join(this.dir, n), { force: true });
  }
}
