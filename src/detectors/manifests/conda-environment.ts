/**
 * Conda environment files (`environment.yml` / `.yaml`): `dependencies:` lists conda packages
 * (`pytorch::pytorch=2.3`, `transformers>=4.40`) and a nested `pip:` list of PEP 508 requirements.
 * Both land in the `pypi` ecosystem, so an `import torch` elsewhere counts as declared here: conda
 * names that differ from the PyPI distribution are mapped (`pytorch` → `torch`). Conda entries get
 * scope `conda`, pip entries `runtime`. Invalid YAML is one problem with its line.
 */
// Aliases are never expanded: only node lookups are used, so alias bombs cost nothing.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { parseRequirement } from './pep508.ts';
import type { ManifestEntry, ParseOutcome, ParseProblem } from './types.ts';

/** Conda package names whose PyPI distribution is named differently. Source: conda-forge feedstocks. */
const CONDA_TO_PYPI: Readonly<Record<string, string>> = {
  pytorch: 'torch',
  'pytorch-gpu': 'torch',
  'pytorch-cpu': 'torch',
  'tensorflow-gpu': 'tensorflow',
  'faiss-cpu': 'faiss-cpu',
  faiss: 'faiss-cpu',
  'huggingface_hub': 'huggingface-hub',
};

const CONDA_SPEC = /^(?:([\w.-]+)::)?([A-Za-z0-9][\w.-]*)\s*(.*)$/;

function lineOf(node: Node, counter: LineCounter): number | undefined {
  return node.range ? counter.linePos(node.range[0]).line : undefined;
}

function condaEntry(text: string, line: number | undefined): ManifestEntry | undefined {
  const m = CONDA_SPEC.exec(text.trim());
  if (!m?.[2]) return undefined;
  const name = CONDA_TO_PYPI[m[2].toLowerCase()] ?? m[2];
  const version = (m[3] ?? '').trim();
  return { ecosystem: 'pypi', name, scope: 'conda', ...(version ? { version } : {}), ...(line ? { line } : {}) };
}

function pipEntries(node: unknown, counter: LineCounter, out: ManifestEntry[]): void {
  if (!isSeq(node)) return;
  for (const item of node.items) {
    if (!isScalar(item) || typeof item.value !== 'string') continue;
    const req = parseRequirement(item.value);
    const line = lineOf(item, counter);
    if (req) out.push({ ecosystem: 'pypi', name: req.name, scope: 'runtime', ...(req.spec ? { version: req.spec } : {}), ...(line ? { line } : {}) });
  }
}

/** Parses a conda environment file. */
export function parseCondaEnvironment(content: string): ParseOutcome {
  const counter = new LineCounter();
  const doc = parseDocument(content, { lineCounter: counter, uniqueKeys: false });
  const problems: ParseProblem[] = doc.errors.slice(0, 1).map((e) => ({
    message: `invalid YAML: ${e.message.split('\n')[0] ?? e.code}`,
    ...(e.linePos?.[0] ? { line: e.linePos[0].line } : {}),
  }));
  if (problems.length > 0 || !isMap(doc.contents)) return { entries: [], problems };
  const deps = doc.contents.get('dependencies', true);
  const entries: ManifestEntry[] = [];
  if (!isSeq(deps)) return { entries, problems };
  for (const item of deps.items) {
    if (isScalar(item) && typeof item.value === 'string') {
      const entry = condaEntry(item.value, lineOf(item, counter));
      if (entry) entries.push(entry);
    } else if (isMap(item)) {
      pipEntries(item.get('pip', true), counter, entries);
    }
  }
  return { entries, problems };
}
