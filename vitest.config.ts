import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './test/helpers/summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'connectors/**/*.test.ts', 'graph/**/*.test.ts', 'sbom/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', 'test/fixtures/**'],
    setupFiles: ['test/helpers/network-guard.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    reporters: ['default', new SummaryReporter()],
  },
});
