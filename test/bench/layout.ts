/**
 * Plans the synthetic monorepo unit by unit (a JS package, a Python service, a Go or Java module)
 * and hands each file to `emit` as soon as it is rendered, so the tree never sits in memory.
 */
import { jsPlant, JS_DEPS, JS_FLAVOURS, pyPlant, PY_DEPS, PY_FLAVOURS, type JsFlavour, type Plant, type PyFlavour } from './gen-ai.ts';
import { renderJsFile, type JsExt } from './gen-js.ts';
import { renderGoMod, renderPackageJson, renderPackageLock, renderPom, renderPyproject, renderRequirements, type Dep } from './gen-manifests.ts';
import { renderOther, renderPng, type OtherExt } from './gen-other.ts';
import { renderPyFile } from './gen-py.ts';
import { planRoot, planSkipped } from './layout-skipped.ts';
import type { Rng } from './prng.ts';
import { AREAS, NOUNS, ROLES, snake } from './words.ts';

/** What a file is, for the stats: code by language, other, or inside a folder aimap must skip. */
export type Category = 'js' | 'py' | 'other' | 'skipped';

/** One file, rendered; `ai` lists the asset keys it should yield when it is an AI plant. */
export interface PlannedFile {
  readonly path: string;
  readonly content: string | Uint8Array;
  readonly category: Category;
  readonly ai?: { readonly kind: 'code' | 'manifest'; readonly expects: readonly string[] };
}

/** Chance that a JS/Python unit uses AI, and that a code file in such a unit is an AI plant. */
const AI_UNIT = 0.25;
const AI_FILE = 0.05;

type UnitKind = 'js' | 'py' | 'go' | 'java';

/** Plans units until `target` non-skipped files were emitted. */
export function planTree(rng: Rng, target: number, emit: (file: PlannedFile) => void): void {
  const used = new Set<string>();
  let count = 0;
  const put = (file: PlannedFile): void => {
    let path = file.path;
    for (let n = 2; used.has(path); n++) path = file.path.replace(/(\.[\w.]+)?$/, (ext) => `-${n}${ext}`);
    used.add(path);
    if (file.category !== 'skipped') count++;
    emit({ ...file, path });
  };
  planRoot(rng, put);
  for (let unit = 0; count < target; unit++) {
    const kind = rng.weighted<UnitKind>([['js', 53], ['py', 33], ['go', 7], ['java', 7]]);
    const name = `${rng.pick(NOUNS)}-${rng.pick(ROLES)}-${unit}`;
    const budget = Math.min(rng.int(40, 260), target - count);
    if (kind === 'js') planJsUnit(rng, name, budget, put);
    else if (kind === 'py') planPyUnit(rng, name, budget, put);
    else planPlainUnit(rng, kind, name, budget, put);
  }
}

function codeSize(rng: Rng): number {
  if (rng.chance(0.02)) return rng.int(20_000, 120_000);
  return Math.min(20_000, Math.max(300, rng.logNormal(3000, 0.8)));
}

function otherFile(rng: Rng, dir: string): PlannedFile {
  const ext = rng.weighted<OtherExt>([['md', 5], ['json', 4], ['yaml', 3], ['css', 3], ['html', 2], ['txt', 2], ['png', 3]]);
  const name = `${rng.pick(NOUNS)}-${rng.pick(ROLES)}`;
  if (ext === 'png') return { path: `${dir}/assets/${name}.png`, content: renderPng(rng, rng.int(200, 30_000)), category: 'other' };
  const folder = ext === 'md' ? 'docs' : ext === 'yaml' ? 'deploy' : ext === 'json' ? 'config' : ext === 'txt' ? 'data' : 'public';
  return { path: `${dir}/${folder}/${name}.${ext}`, content: renderOther(rng, ext, Math.max(200, rng.logNormal(1800, 0.8))), category: 'other' };
}

/** A unit's source folders: about one per ten files, 1-3 levels deep, so folders hold several files. */
function sourceDirs(rng: Rng, base: string, budget: number): string[] {
  const out = new Set<string>();
  for (let i = Math.max(3, Math.round(budget / 10)); i > 0; i--) {
    const parts = [base];
    for (let d = rng.weighted([[1, 45], [2, 40], [3, 15]]); d > 0; d--) parts.push(rng.pick(AREAS));
    out.add(parts.join('/'));
  }
  return [...out];
}

function chooseFlavours<T>(rng: Rng, all: readonly T[]): T[] {
  if (!rng.chance(AI_UNIT)) return [];
  return [...new Set([rng.pick(all), ...(rng.chance(0.4) ? [rng.pick(all)] : [])])];
}

function planJsUnit(rng: Rng, name: string, budget: number, put: (f: PlannedFile) => void): void {
  const dir = `${rng.pick(['packages', 'packages', 'apps'])}/${name}`;
  const flavours = chooseFlavours<JsFlavour>(rng, JS_FLAVOURS);
  const aiDeps: Dep[] = flavours.flatMap((f) => JS_DEPS[f]);
  const manifest = renderPackageJson(rng, name, aiDeps);
  const manifestAi = aiDeps.length > 0 ? { kind: 'manifest' as const, expects: aiDeps.map(([n]) => `sdk:npm:${n}`) } : undefined;
  put({ path: `${dir}/package.json`, content: manifest.text, category: 'other', ...(manifestAi ? { ai: manifestAi } : {}) });
  // Lock files list the AI packages too, but they are not counted as plants: they restate package.json.
  if (rng.chance(0.6)) put({ path: `${dir}/package-lock.json`, content: renderPackageLock(rng, name, manifest.deps), category: 'other' });
  put({ path: `${dir}/README.md`, content: renderOther(rng, 'md', rng.logNormal(2500, 0.6)), category: 'other' });
  const dirs = sourceDirs(rng, `${dir}/src`, budget);
  let forced = flavours.length > 0;
  for (let i = 3; i < budget; i++) {
    if (!rng.chance(0.76)) {
      put(otherFile(rng, dir));
      continue;
    }
    const ext = rng.weighted<JsExt>([['ts', 50], ['tsx', 15], ['js', 25], ['mjs', 5], ['cjs', 5]]);
    const stem = `${rng.pick(NOUNS)}-${rng.pick(ROLES)}`;
    const test = rng.chance(0.15);
    const path = test ? `${dir}/test/${stem}.test.${ext}` : `${rng.pick(dirs)}/${stem}.${ext}`;
    let plant: Plant | undefined;
    if (flavours.length > 0 && !test && (forced || rng.chance(AI_FILE))) {
      plant = jsPlant(rng, rng.pick(flavours), ext, `${name}-${stem}`);
      forced = false;
    }
    put({ path, content: renderJsFile(rng, ext, codeSize(rng), plant?.snippet), category: 'js', ...(plant ? { ai: { kind: 'code', expects: plant.expects } } : {}) });
  }
  planSkipped(rng, dir, 'js', put);
}

function planPyUnit(rng: Rng, name: string, budget: number, put: (f: PlannedFile) => void): void {
  const dir = `services/${name}`;
  const pkg = snake(...name.split('-').slice(0, 2));
  const flavours = chooseFlavours<PyFlavour>(rng, PY_FLAVOURS);
  const aiDeps: Dep[] = flavours.flatMap((f) => PY_DEPS[f]);
  const ai = aiDeps.length > 0 ? { ai: { kind: 'manifest' as const, expects: aiDeps.map(([n]) => `sdk:pypi:${n}`) } } : {};
  if (rng.chance(0.6)) put({ path: `${dir}/pyproject.toml`, content: renderPyproject(rng, name, aiDeps), category: 'other', ...ai });
  else put({ path: `${dir}/requirements.txt`, content: renderRequirements(rng, aiDeps), category: 'other', ...ai });
  put({ path: `${dir}/README.md`, content: renderOther(rng, 'md', rng.logNormal(2500, 0.6)), category: 'other' });
  const dirs = sourceDirs(rng, `${dir}/src/${pkg}`, budget);
  let forced = flavours.length > 0;
  for (let i = 2; i < budget; i++) {
    if (!rng.chance(0.76)) {
      put(otherFile(rng, dir));
      continue;
    }
    const stem = snake(rng.pick(NOUNS), rng.pick(ROLES));
    const test = rng.chance(0.15);
    const path = test ? `${dir}/tests/test_${stem}.py` : `${rng.pick(dirs)}/${stem}.py`;
    let plant: Plant | undefined;
    if (flavours.length > 0 && !test && (forced || rng.chance(AI_FILE))) {
      plant = pyPlant(rng, rng.pick(flavours), `${name}-${stem}`);
      forced = false;
    }
    put({ path, content: renderPyFile(rng, codeSize(rng), plant?.snippet), category: 'py', ...(plant ? { ai: { kind: 'code', expects: plant.expects } } : {}) });
  }
  planSkipped(rng, dir, 'py', put);
}

function planPlainUnit(rng: Rng, kind: 'go' | 'java', name: string, budget: number, put: (f: PlannedFile) => void): void {
  const dir = `${kind}/${name}`;
  put(kind === 'go' ? { path: `${dir}/go.mod`, content: renderGoMod(rng, name), category: 'other' } : { path: `${dir}/pom.xml`, content: renderPom(rng, name), category: 'other' });
  const dirs = sourceDirs(rng, kind === 'go' ? `${dir}/internal` : `${dir}/src/main/java/com/acme`, budget);
  for (let i = 1; i < budget; i++) {
    if (!rng.chance(0.8)) {
      put(otherFile(rng, dir));
      continue;
    }
    const stem = `${rng.pick(NOUNS)}_${rng.pick(ROLES)}`;
    const path = `${rng.pick(dirs)}/${stem}.${kind}`;
    put({ path, content: renderOther(rng, kind, codeSize(rng)), category: 'other' });
  }
  if (kind === 'java') for (let i = rng.int(3, 12); i > 0; i--) put({ path: `${dir}/target/classes/C${i}.class`, content: renderPng(rng, rng.int(500, 5000)), category: 'skipped' });
}
