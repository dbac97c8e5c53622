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
  /** Positions of the specs whose pre-check (`PREFILTERS`, by id) applies: registered detectors only. */
  readonly prechecked: readonly number[];
  /** Positions of the specs a reading thread runs itself (registered `LIGHT_DETECTORS` only). */
  readonly detectIn: readonly number[];
  readonly scope: string;
  readonly maxFileSize: number;
}

/** The reading half of a detector set, rebuilt from a job as a worker rebuilds it. */
export function readerFor(job: WorkerJob): PrefilterSet {
  const checks = job.specs.map((spec, i): Prefilter | undefined => (job.prechecked.includes(i) && Object.hasOwn(PREFILTERS, spec.id) ? PREFILTERS[spec.id] : undefined));
  return compilePrefilters(job.specs, checks);
}

/** The detectors a reading thread runs itself, and where each sits in the job's specs. */
export interface LightDetectors {
  readonly detectors: DetectorSet;
  /** Position in the job's specs → position in `detectors`. */
  readonly at: ReadonlyMap<number, number>;
  readonly scope: string;
}

/** The job's `detectIn` detectors (registered `LIGHT_DETECTORS`, found by id), in spec order. */
export function lightFor(job: WorkerJob): LightDetectors | undefined {
  const chosen = [...job.detectIn].sort((a, b) => a - b).flatMap((i) => {
    const detector = LIGHT_DETECTORS.find((d) => d.id === job.specs[i]?.id);
    return detector === undefined ? [] : [{ i, detector }];
  });
  if (chosen.length === 0) return undefined;
  return { detectors: compileDetectors(chosen.map((c) => c.detector)), at: new Map(chosen.map((c, k) => [c.i, k])), scope: job.scope };
}
