/**
 * Checks a CycloneDX JSON BOM for what the schema cannot express: every bom-ref unique, every
 * dependency, composition and annotation ref resolving to a component or service, every element
 * in the dependency graph, and model cards only on `machine-learning-model` components.
 * No dependencies, so the CLI can run it on every BOM it writes.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function walk(value: unknown, visit: (node: Json, path: string) => void, path = '$'): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, visit, `${path}[${i}]`));
  else if (isObject(value)) {
    visit(value, path);
    for (const [k, v] of Object.entries(value)) walk(v, visit, `${path}.${k}`);
  }
}

/** Components and services (nested ones too) with the path where each sits. */
function elements(bom: Json): { node: Json; kind: 'component' | 'service'; path: string }[] {
  const out: { node: Json; kind: 'component' | 'service'; path: string }[] = [];
  const add = (items: unknown, kind: 'component' | 'service', path: string): void => {
    list(items).forEach((item, i) => {
      if (!isObject(item)) return;
      out.push({ node: item, kind, path: `${path}[${i}]` });
      add(item['components'], 'component', `${path}[${i}].components`);
      add(item['services'], 'service', `${path}[${i}].services`);
    });
  };
  const metadata = isObject(bom['metadata']) ? bom['metadata'] : {};
  if (isObject(metadata['component'])) add([metadata['component']], 'component', '$.metadata.component');
  add(bom['components'], 'component', '$.components');
  add(bom['services'], 'service', '$.services');
  return out;
}

/** Integrity errors of a parsed CycloneDX JSON BOM (empty when sound). */
export function bomIntegrityErrors(bom: unknown): string[] {
  if (!isObject(bom)) return ['BOM is not a JSON object'];
  const errors: string[] = [];
  const seen = new Set<string>();
  walk(bom, (node, path) => {
    const ref = node['bom-ref'];
    if (typeof ref !== 'string') return;
    if (seen.has(ref)) errors.push(`duplicate bom-ref "${ref}" at ${path}`);
    seen.add(ref);
  });
  const items = elements(bom);
  const refs = new Set(items.map((e) => e.node['bom-ref']).filter((r): r is string => typeof r === 'string'));
  for (const { node, path } of items) {
    if (node['modelCard'] !== undefined && node['type'] !== 'machine-learning-model') errors.push(`modelCard on a non-model element at ${path}`);
  }
  const inGraph = new Set<string>();
  for (const [i, dep] of list(bom['dependencies']).entries()) {
    if (!isObject(dep)) continue;
    const ref = String(dep['ref']);
    inGraph.add(ref);
    if (!refs.has(ref)) errors.push(`dependencies[${i}].ref "${ref}" is no component or service`);
    for (const target of list(dep['dependsOn'])) if (!refs.has(String(target))) errors.push(`dependencies[${i}] depends on unknown "${String(target)}"`);
  }
  for (const ref of refs) if (!inGraph.has(ref)) errors.push(`"${ref}" has no entry in dependencies`);
  for (const [i, c] of list(bom['compositions']).entries()) {
    for (const ref of isObject(c) ? list(c['dependencies']) : []) if (!refs.has(String(ref))) errors.push(`compositions[${i}] names unknown "${String(ref)}"`);
  }
  for (const [i, a] of list(bom['annotations']).entries()) {
    for (const ref of isObject(a) ? list(a['subjects']) : []) if (!refs.has(String(ref))) errors.push(`annotations[${i}] annotates unknown "${String(ref)}"`);
  }
  return errors;
}
