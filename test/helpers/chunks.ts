import type { Chunk } from '../../src/writers/chunks.js';

/** A document chunk as text (the CLI writes JSON as UTF-8 bytes; a chunk never ends inside a character). */
export const chunkText = (c: Chunk): string => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
