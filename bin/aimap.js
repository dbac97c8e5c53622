#!/usr/bin/env node
// Launcher: checks the runtime, then runs the compiled CLI (built by `npm install` / `npm ci`).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  process.stderr.write(
    `aimap needs Node.js 22.13 or newer (found ${process.version}).\n` +
      'Inside the repo, run it through npm (npx aimap / npm exec aimap) to use the pinned Node 24.\n',
  );
  process.exit(2);
}
// Cache compiled code between runs (Node 22.1+): cuts start-up on every scheduled scan.
(await import('node:module')).enableCompileCache?.();
try {
  // The bundled CLI (scripts/bundle.ts): one module graph of a few chunks loads faster than ~350 modules.
  const { run } = await import('../dist/bundle/cli.js');
  await run();
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/bundle/cli.js')) {
    process.stderr.write('aimap is not built yet: run `npm install` (or `npm run build`) in the aimap folder.\n');
    process.exit(2);
  }
  throw error;
}
