import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { stripDirectives } from './dotnet.ts';

describe('.NET notebook directives', () => {
  it('reads #r nuget references with or without a version, in linear time on long lines', () => {
    const long = `#r "nuget: X,${' '.repeat(100_000)}`;
    const { value: r, ms } = cpuTimed(() => stripDirectives(`${long}\n#r "nuget: Azure.AI.OpenAI, 1.0.0-beta.5"\n#r "nuget:Foo  "\n`));
    expect(ms).toBeLessThan(1000);
    expect(r.installs).toEqual([{ name: 'Azure.AI.OpenAI', line: 2, spec: '1.0.0-beta.5' }, { name: 'Foo', line: 3 }]);
  });
});
