/** `--import` this file in a worker thread to load TypeScript sources (see ts-hooks.mjs). */
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
