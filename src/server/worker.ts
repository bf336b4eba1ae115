/**
 * The job worker thread: runs one job at a time (`runJob`, the same analyzer as the CLI) so the
 * server's event loop keeps answering status and list requests while a large job runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runJob } from '../jobs/run.js';
import { JobStore } from '../jobs/store.js';

export interface WorkerData {
  storeDir: string;
  version: string;
}

export type WorkerReply = { jobId: string; status?: string; error?: string };

const data = workerData as WorkerData;
const port = parentPort!;
const store = await JobStore.open(data.storeDir);

port.on('message', (msg: { jobId: string }) => {
  runJob(store, msg.jobId, data.version).then(
    (r) => port.postMessage({ jobId: msg.jobId, status: r?.status } satisfies WorkerReply),
    (err: unknown) => port.postMessage({ jobId: msg.jobId, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply),
  );
});
port.postMessage({ jobId: '', status: 'ready' } satisfies WorkerReply);
