/**
 * Entry of a scan worker thread (`parallel.ts`): compiles the same detectors as the main thread
 * (by id, from the registry), then reads and detects each chunk of files it is sent and posts the
 * outcomes back. A chunk that throws is posted back as an error and scanned on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileDetectors } from '../../src/detectors/run.ts';
import { selectDetectors } from '../../src/detectors/select.ts';
import { FolderMemo, scanFileSync } from './detect-file.ts';
import type { ChunkReply, ChunkTask, WorkerJob } from './parallel.ts';

const job = workerData as WorkerJob;
const detectors = compileDetectors(selectDetectors(job.detectorIds));
const port = parentPort;
// One folder memo for every chunk this worker scans: a module's files may fall in different chunks.
const memo = new FolderMemo(undefined, new Set(job.listed));

port?.on('message', (task: ChunkTask) => {
  let reply: ChunkReply;
  try {
    reply = { id: task.id, outcomes: task.files.map((file) => scanFileSync(detectors, job.scope, file, job.maxFileSize, memo)) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
