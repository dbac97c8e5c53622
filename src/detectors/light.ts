/**
 * The detectors that load no parser package (their module graphs import only Node built-ins and
 * the glob matcher; test/meta/prefilters.test.ts holds it): Python, notebooks, other languages,
 * keys, endpoints and SQL. A scan's reading threads run these themselves on the files they read, so only
 * files a parser-backed detector (Babel, YAML, TOML, HCL) may find something in travel back to the
 * main thread (`connectors/local/parallel.ts`).
 */
import { endpointsDetector } from './endpoints/index.ts';
import { languagesDetector } from './languages/index.ts';
import { notebookDetector } from './notebooks/index.ts';
import { pythonDetector } from './python/index.ts';
import { secretsDetector } from './secrets/index.ts';
import { sqlDetector } from './sql/index.ts';
import type { Detector } from './types.ts';

export const LIGHT_DETECTORS: readonly Detector[] = [pythonDetector, notebookDetector, languagesDetector, secretsDetector, endpointsDetector, sqlDetector];
