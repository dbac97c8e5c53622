import { describe, expect, it } from 'vitest';
import { stripDirectives } from './dotnet.ts';

describe('.NET notebook directives', () => {
  it('reads #r nuget references with or without a version, in linear time on long lines', () => {
    const long = `#r "nuget: X,${' '.repeat(100_000)}`;
    const start = performance.now();
    const r = stripDirectives(`${long}\n#r "nuget: Azure.AI.OpenAI, 1.0.0-beta.5"\n#r "nuget:Foo  "\n`);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(r.installs).toEqual([{ name: 'Azure.AI.OpenAI', line: 2, spec: '1.0.0-beta.5' }, { name: 'Foo', line: 3 }]);
  });
});
