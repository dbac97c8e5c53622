/**
 * Paths of tests, test data and fixtures, by the conventions of the languages aimap reads. What a
 * test names (a stub model `show-cache-hydrate`, a mocked server) is rarely deployed: the table
 * report folds assets seen only there into one line per kind, mcp-excessive-agency does not judge
 * servers defined only there, and `aimap scan --skip-tests` does not read them at all. Globs are picomatch syntax against root-relative POSIX paths.
 */
import picomatch from 'picomatch';
import type { Asset } from './asset.ts';

export const TEST_PATH_GLOBS: readonly string[] = [
  // Folders (`testing/`: test helpers and harnesses, pytest's own suite, Go's `internal/testing`).
  '**/{test,tests,__tests__,__test__,testing,spec,specs,testdata,test-data,test_data,fixtures,__fixtures__,__mocks__,mocks,mock-data,mock_data,mockdata}/**',
  // Fixture and mock modules beside the code they feed (`lib/fixtures.ts`, `chart.mock.ts`, `mocks.py`).
  '**/{fixtures,mocks,mock-data,mockData,mock_data}.{js,jsx,ts,tsx,mjs,cjs,mts,cts,py}',
  '**/*.{fixture,fixtures,mock,mocks}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
  // Go, Python, JS/TS, Ruby file names.
  '**/*_test.go',
  '**/{test_*.py,*_test.py,conftest.py}',
  '**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
  // Storybook stories: UI components rendered with sample props (a sampling result, a chat transcript).
  '**/*.stories.{js,jsx,ts,tsx,mjs,cjs,mts,cts,mdx}',
  '**/*_{spec,test}.rb',
  // JUnit / Kotlin / xUnit class names, and .NET test projects (`Api.Tests/`, `Core.UnitTests/`).
  '**/*{Test,Tests,IT}.{java,kt,cs}',
  '**/*.{Test,Tests,UnitTests,IntegrationTests,FunctionalTests}/**',
];

/** True for a root-relative path of a test, test data or fixture file. */
export const isTestPath: (path: string) => boolean = picomatch([...TEST_PATH_GLOBS], { dot: true });

/** True when every line of evidence for an asset is in a test, test data or fixture file. */
export function seenOnlyInTests(asset: Pick<Asset, 'evidence'>): boolean {
  return asset.evidence.length > 0 && asset.evidence.every((e) => e.path !== undefined && isTestPath(e.path));
}
