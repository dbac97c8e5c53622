import { agentFilesDetector } from './agent-files/index.ts';
import { containersDetector } from './containers/index.ts';
import { endpointsDetector } from './endpoints/index.ts';
import { iacDetector } from './iac/index.ts';
import { javascriptDetector } from './javascript/index.ts';
import { languagesDetector } from './languages/index.ts';
import { manifestsDetector } from './manifests/index.ts';
import { mcpConfigDetector } from './mcp-config/index.ts';
import { modelFilesDetector } from './model-files/index.ts';
import { notebookDetector } from './notebooks/index.ts';
import { pythonDetector } from './python/index.ts';
import { secretsDetector } from './secrets/index.ts';
import { sqlDetector } from './sql/index.ts';
import type { Detector } from './types.ts';

/**
 * The explicit detector registry, in the order results are merged. Every detector folder under
 * src/detectors/ (except shared/) must be listed here; test/meta checks it.
 */
export const DETECTORS: readonly Detector[] = [
  manifestsDetector,
  javascriptDetector,
  pythonDetector,
  notebookDetector,
  languagesDetector,
  mcpConfigDetector,
  containersDetector,
  iacDetector,
  modelFilesDetector,
  secretsDetector,
  endpointsDetector,
  agentFilesDetector,
  sqlDetector,
];
