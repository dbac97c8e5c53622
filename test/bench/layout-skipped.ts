/**
 * The repository root and the folders aimap must skip by default: `.git`, `node_modules`, `dist`,
 * `.venv`, `__pycache__`. Some skipped files hold AI code on purpose (a vendored `openai`
 * package, a built bundle), so a scanner that descends into them over-reports.
 */
import { jsPlant, pyPlant } from './gen-ai.ts';
import { renderJsFile } from './gen-js.ts';
import { renderOther, renderPng } from './gen-other.ts';
import { renderPyFile } from './gen-py.ts';
import type { PlannedFile } from './layout.ts';
import type { Rng } from './prng.ts';

/** Root files: workspace manifest, docs, CI config, and a `.git` folder with an origin remote. */
export function planRoot(rng: Rng, put: (f: PlannedFile) => void): void {
  put({ path: 'package.json', content: '{\n  "name": "acme-monorepo",\n  "private": true,\n  "workspaces": ["packages/*", "apps/*"],\n  "devDependencies": { "turbo": "^2.3.3", "typescript": "~5.7.3" }\n}\n', category: 'other' });
  put({ path: 'README.md', content: renderOther(rng, 'md', 6000), category: 'other' });
  put({ path: '.gitignore', content: 'node_modules/\ndist/\n.venv/\n__pycache__/\ntarget/\n', category: 'other' });
  put({ path: '.github/workflows/ci.yml', content: renderOther(rng, 'yaml', 1500), category: 'other' });
  for (let i = 0; i < 40; i++) put({ path: `docs/adr/${String(i).padStart(4, '0')}-decision.md`, content: renderOther(rng, 'md', rng.logNormal(3000, 0.5)), category: 'other' });
  put({ path: '.git/HEAD', content: 'ref: refs/heads/main\n', category: 'skipped' });
  put({ path: '.git/config', content: '[core]\n\trepositoryformatversion = 0\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:acme/monorepo.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n', category: 'skipped' });
  for (let i = 0; i < 300; i++) {
    const hex = (n: number): string => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
    put({ path: `.git/objects/${hex(2)}/${hex(38)}`, content: renderPng(rng, rng.int(100, 8000)), category: 'skipped' });
  }
}

/** Dependency, build and cache folders inside a unit. */
export function planSkipped(rng: Rng, dir: string, lang: 'js' | 'py', put: (f: PlannedFile) => void): void {
  const n = rng.int(4, 24);
  for (let i = 0; i < n; i++) {
    if (lang === 'js') {
      const which = rng.weighted<'openai' | 'lodash' | 'dist'>([['openai', 1], ['lodash', 3], ['dist', 3]]);
      if (which === 'openai') {
        put({ path: `${dir}/node_modules/openai/resources/chat-${i}.js`, content: renderJsFile(rng, 'js', 4000, jsPlant(rng, 'openai', 'js', 'vendored').snippet), category: 'skipped' });
      } else if (which === 'lodash') {
        put({ path: `${dir}/node_modules/lodash/fp/m${i}.js`, content: renderJsFile(rng, 'cjs', rng.int(1000, 40_000)), category: 'skipped' });
      } else {
        put({ path: `${dir}/dist/chunk-${i}.js`, content: renderJsFile(rng, 'js', rng.int(2000, 60_000), rng.chance(0.2) ? jsPlant(rng, 'vercel-ai', 'js', 'bundle').snippet : undefined), category: 'skipped' });
      }
    } else if (rng.chance(0.3)) {
      put({ path: `${dir}/.venv/lib/python3.12/site-packages/openai/m${i}.py`, content: renderPyFile(rng, 4000, pyPlant(rng, 'openai', 'vendored').snippet), category: 'skipped' });
    } else {
      put({ path: `${dir}/src/__pycache__/m${i}.cpython-312.pyc`, content: renderPng(rng, rng.int(500, 8000)), category: 'skipped' });
    }
  }
}
