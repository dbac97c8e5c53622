import { describe, expect, it } from 'vitest';
import { isTestPath } from './test-paths.ts';

describe('isTestPath', () => {
  it('knows test folders and test file names of each language', () => {
    const tests = ['tests/test_client.py', 'pkg/api/client_test.go', 'src/__tests__/a.ts', 'src/FastMCP.test.ts', 'web/app.spec.tsx', 'spec/models/user_spec.rb',
      'src/test/java/org/x/ChatTest.java', 'Api.Tests/ClientTests.cs', 'x/testdata/model.json', 'conftest.py', 'python/tests/unit/test_mcp.py', 'e2e/fixtures/app.py',
      'internal/testing/fake_llm.go', 'src/lib/testing/harness.py', 'src/components/ChatPanel.stories.tsx', 'ui/Button.stories.mdx',
      'web/src/features/chart-view/lib/fixtures.ts', 'src/api/chart.mock.ts', 'app/services/mocks.py', 'src/mocks/handlers.ts', 'ui/mock-data/models.json',
      'tests/Microsoft.Mcp.HttpServer.Distributed.Tests/Program.cs', 'src/Core.UnitTests/Tools/EchoTool.cs'];
    expect(tests.filter((p) => !isTestPath(p))).toEqual([]);
  });

  it('leaves application code alone, names that merely contain "test" included', () => {
    const code = ['src/app.py', 'contest/main.go', 'src/latest.ts', 'testing_utils.py', 'pkg/attestation/sign.go', 'src/main/java/org/x/TestimonialService.java', 'README.md', 'src/protest.spec', 'src/stories/feed.ts', 'src/stories.ts', 'src/mockingbird.ts', 'lib/fixtures-loader/index.ts', 'src/mock_server.py', 'src/Acme.Testing.Abstractions/Clock.cs', 'src/LatestTests.Api/Program.cs'];
    expect(code.filter(isTestPath)).toEqual([]);
  });
});
