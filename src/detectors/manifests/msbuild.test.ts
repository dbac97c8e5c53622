import { describe, expect, it } from 'vitest';
import { manifestsDetector } from './index.ts';

const detect = (content: string, path = 'dotnet/Copilot/Copilot.csproj') => manifestsDetector.detect({ scope: 'repo', path, content });
const summary = (content: string, path?: string) =>
  Object.fromEntries(
    (detect(content, path)?.assets ?? []).map((a) => [a.name, [a.attributes['scopes'], a.attributes['versions'], a.evidence.map((e) => e.line)]]),
  );

describe('.csproj and friends', () => {
  it('reads PackageReference in attribute and element form, PrivateAssets and comments', () => {
    const content = `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net9.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Azure.AI.OpenAI" Version="2.1.0" />
    <PackageReference Include="Microsoft.SemanticKernel">
      <Version>1.54.0</Version>
    </PackageReference>
    <!-- <PackageReference Include="Anthropic.SDK" Version="5.2.0" /> -->
    <PackageReference Include="Microsoft.Extensions.AI.Evaluation" Version="9.5.0" PrivateAssets="all" />
    <PackageReference Include="Serilog.AspNetCore" Version="9.0.0" />
    <PackageReference Update="OpenAI" Version="2.1.0" />
  </ItemGroup>
</Project>
`;
    expect(summary(content)).toEqual({
      'Azure.AI.OpenAI': [['runtime'], ['2.1.0'], [6]],
      'Microsoft.SemanticKernel': [['runtime'], ['1.54.0'], [7]],
      'Microsoft.Extensions.AI.Evaluation': [['build'], ['9.5.0'], [11]],
    });
    expect(detect(content)?.assets[0]?.attributes['ecosystem']).toBe('nuget');
  });

  it('reads central package versions and packages.config', () => {
    const props = `<Project>
  <ItemGroup>
    <PackageVersion Include="ModelContextProtocol" Version="0.2.0-preview.3" />
    <GlobalPackageReference Include="Microsoft.ML.OnnxRuntime" Version="1.22.0" />
  </ItemGroup>
</Project>`;
    expect(summary(props, 'Directory.Packages.props')).toEqual({
      ModelContextProtocol: [['managed'], ['0.2.0-preview.3'], [3]],
      'Microsoft.ML.OnnxRuntime': [['build'], ['1.22.0'], [4]],
    });
    const config = '<?xml version="1.0"?>\n<packages>\n  <package id="OpenAI" version="2.1.0" targetFramework="net48" />\n</packages>';
    expect(summary(config, 'legacy/packages.config')).toEqual({ OpenAI: [['runtime'], ['2.1.0'], [3]] });
  });

  it('ignores look-alikes and reports malformed XML', () => {
    expect(detect('<Project><ItemGroup><PackageReference Include="Microsoft.OpenApi" Version="1.6.24" /></ItemGroup></Project>')).toBeNull();
    const broken = detect('<Project>\n<ItemGroup>\n<PackageReference Include="OpenAI" Version="2.1.0" />\n</Project>');
    expect(broken?.assets.map((a) => a.name)).toEqual(['OpenAI']);
    expect(broken?.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['parse-failed', 4]]);
  });
});
