/**
 * Two scans of the same tree give byte-identical JSON apart from scan id and times, whatever the
 * read concurrency (so completion order of reads cannot leak into the output).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/output/json.ts';
import { runScan } from '../../src/pipeline/run-scan.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function withoutIdAndTimes(json: string): string {
  const inv = JSON.parse(json) as { scan: Record<string, unknown>; findings: Array<Record<string, unknown>> };
  delete inv.scan['id'];
  delete inv.scan['startedAt'];
  delete inv.scan['finishedAt'];
  // A finding's first sighting is a time too: the scan's, for a scan with no history.
  for (const finding of inv.findings) delete finding['firstSeen'];
  return JSON.stringify(inv);
}

describe('determinism', () => {
  it('produces identical JSON for two scans of the fixture tree, at different concurrency', async () => {
    const first = renderJson(await runScan({ paths: [FIXTURES], concurrency: 1 }));
    const second = renderJson(await runScan({ paths: [FIXTURES], concurrency: 64 }));
    expect(JSON.parse(first).assets.length).toBeGreaterThan(20);
    expect(withoutIdAndTimes(second)).toBe(withoutIdAndTimes(first));
    expect(second).not.toBe(first); // ids and times do differ, so the comparison above is not vacuous
  });

  it('gives the same JSON with detectors in worker threads as on the main thread', async () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const main = renderJson(await runScan({ paths: [FIXTURES], gitHistory: false }, { now: () => at, scanId: 'fixed' }));
    const threaded = renderJson(await runScan({ paths: [FIXTURES], gitHistory: false, workers: 2 }, { now: () => at, scanId: 'fixed' }));
    expect(threaded).toBe(main);
  });

  it('is fully byte-identical when the clock and scan id are injected', async () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const run = () => runScan({ paths: [FIXTURES] }, { now: () => at, scanId: 'fixed' });
    expect(renderJson(await run())).toBe(renderJson(await run()));
  });
});
