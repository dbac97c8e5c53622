/**
 * Entry of a reading thread (`parallel.ts`): rebuilds the reading half of the scan's detector set
 * from plain specs and the detectors' pre-checks (no parser is loaded), then reads each chunk of
 * files it is sent and posts back, per file, a finished outcome or the text for the main thread to
 * detect in. A chunk that throws is posted back as an error: the readers left take it, or the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FolderMemo, prefilterFile } from './detect-file.ts';
import { excludedBy } from './exclude.ts';
import type { ChunkReply, ChunkTask, ListingTask } from './parallel.ts';
import { lightFor, readerFor, type WorkerJob } from './reader.ts';

const job = workerData as WorkerJob;
const set = readerFor(job);
const light = lightFor(job);
const port = parentPort;

// The folders' files the light detectors read (a C# file's .csproj), held to the scan's listing.
let memo: FolderMemo | undefined;

port?.on('message', (task: ChunkTask | ListingTask) => {
  if ('listed' in task) {
    memo = new FolderMemo(undefined, new Set(task.listed));
    return;
  }
  if ('exclude' in task) {
    // The listing is under way: a file beside a listed one is listed unless the user excluded it.
    const excluded = excludedBy(task.exclude);
    memo = new FolderMemo(undefined, (path) => !excluded(path));
    return;
  }
  let reply: ChunkReply;
  try {
    reply = { id: task.id, items: task.files.map((file) => prefilterFile(set, file, job.maxFileSize, light, memo)) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
