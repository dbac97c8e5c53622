/**
 * Shapes shared by the container detector's format readers: each reader (Dockerfile, compose,
 * Kubernetes, Helm) turns one file into `Workload`s, and `emit.ts` alone decides what they are.
 */
import type { Attributes } from '../../model/index.ts';

/** Which kind of file a workload was read from (attribute `source`). */
export type WorkloadSource = 'dockerfile' | 'compose' | 'kubernetes' | 'helm';

/** A shell word or argument with the 1-based line it was written on. */
export interface Word {
  readonly text: string;
  readonly line: number;
  /** True when the text came through a variable default (`${X:-d}`, an ARG default). */
  readonly inferred?: boolean;
}

/** An environment variable. The value is read only to spot model ids under model-ish names. */
export interface EnvVar {
  readonly name: string;
  readonly line: number;
  /** Transient: never stored on an asset; dropped unless the name is a model env name. */
  readonly value?: string;
  readonly inferred?: boolean;
}

/** A model id a reader found outside commands and env (KServe `storageUri`, NIM image paths). */
export interface ModelHint {
  readonly id: string;
  readonly line: number;
  /** How it was referenced (attribute `sources` of the model). */
  readonly via: string;
  readonly inferred?: boolean;
}

/** One deployed container, service or serving resource, as the file wrote it. */
export interface Workload {
  readonly source: WorkloadSource;
  /** Compose service, `Kind/name` for Kubernetes, the Dockerfile path, the Helm chart dir (+ values path). */
  readonly name: string;
  /** Line of the declaration (service key, `kind:`, `FROM`). */
  readonly line: number;
  readonly image?: Word;
  /** Simple commands (already split on `&&`, `;`, `|`), each a list of words. */
  readonly commands: readonly (readonly Word[])[];
  readonly env: readonly EnvVar[];
  readonly ports?: readonly string[];
  /** Reachable beyond the host/cluster; undefined when the file cannot tell. */
  exposed?: boolean;
  readonly gpu?: boolean;
  readonly volumes?: readonly string[];
  /** Serving software fixed by the resource kind (KServe, Ray), not by the image. */
  readonly software?: { readonly id: string; readonly line: number };
  readonly models?: readonly ModelHint[];
  /** Format-specific attributes (`namespace`, `container`, `modelFormat`, ...). */
  readonly extra?: Attributes;
  /** Owner labels (`owner-labels.ts`), copied onto the workload's server assets as tags. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A problem found while reading; becomes a `parse-failed` diagnostic. */
export interface Problem {
  readonly message: string;
  readonly line?: number;
}

/** What a format reader returns. */
export interface ReadOutcome {
  readonly workloads: Workload[];
  readonly problems: Problem[];
}
