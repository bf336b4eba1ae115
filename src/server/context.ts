/** What every route module gets: the store, the job queue, authentication and limits. */
import type { JobStore } from '../jobs/store.js';
import type { AuthConfig } from './auth.js';
import type { JobQueue } from './queue.js';

export interface ServerContext {
  store: JobStore;
  queue: JobQueue;
  auth: AuthConfig;
  /** Largest request body, in bytes (413 past it). */
  maxUpload: number;
  version: string;
  /** Origins whose pages may call the server from the browser (CORS); none by default. */
  allowOrigins?: string[];
}

/** A 4xx answer: the route's error handler turns it into the route family's envelope. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}
