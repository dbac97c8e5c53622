/**
 * The reading half of a scan's detector set as plain data (`WorkerJob`), and its rebuilding: the
 * detectors' globs and gate literals, and which of them have a pre-check. Imported by reading
 * threads, so it and what it imports stay free of the detectors' parsers.
 */
import { PREFILTERS, type Prefilter } from '../../src/detectors/prefilters.ts';
import { LIGHT_DETECTORS } from '../../src/detectors/light.ts';
import { compileDetectors, compilePrefilters, type DetectorSet, type DetectorSpec, type PrefilterSet } from '../../src/detectors/run.ts';

/** What a worker needs to rebuild the reading half of the scan's detector set. */
export interface WorkerJob {
  readonly specs: readonly DetectorSpec[];
  /** Ids of the specs whose pre-check (`PREFILTERS`) applies: registered detectors only. */
  readonly prechecked: readonly string[];
  /** Ids of the specs a reading thread runs itself (registered `LIGHT_DETECTORS` only). */
  readonly detectIn: readonly string[];
  readonly scope: string;
  readonly maxFileSize: number;
}

/** The reading half of a detector set, rebuilt from a job as a worker rebuilds it. */
export function readerFor(job: WorkerJob): PrefilterSet {
  const prechecks = Object.fromEntries(job.prechecked.flatMap((id) => (Object.hasOwn(PREFILTERS, id) ? [[id, PREFILTERS[id] as Prefilter]] : [])));
  return compilePrefilters(job.specs, prechecks);
}

/** The detectors a reading thread runs itself: the job's `detectIn`, in registry order. */
export function lightFor(job: WorkerJob): DetectorSet | undefined {
  const chosen = LIGHT_DETECTORS.filter((d) => job.detectIn.includes(d.id));
  return chosen.length > 0 ? compileDetectors(chosen) : undefined;
}

