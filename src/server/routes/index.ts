/**
 * Every route module of `sqlflow serve`, in one list. A module exports
 * `register(app, ctx)`; to add routes, write a module and add one line here.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import * as dataarts from './dataarts.js';
import * as sqlflowJobs from './sqlflow-jobs.js';
import * as viewer from './viewer.js';
import * as widget from './widget.js';

export interface RouteModule {
  register(app: FastifyInstance, ctx: ServerContext): void;
}

export const ROUTES: RouteModule[] = [sqlflowJobs, widget, dataarts, viewer];
