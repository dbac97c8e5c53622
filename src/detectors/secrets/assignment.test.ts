import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { assignedName, envStyleName } from './assignment.ts';

describe('assignedName', () => {
  it('reads the name of the usual assignment forms', () => {
    const cases: Array<[string, string | undefined]> = [
      ['OPENAI_API_KEY=', 'OPENAI_API_KEY'],
      ['export OPENAI_API_KEY="', 'OPENAI_API_KEY'],
      ['  api_key: ', 'api_key'],
      ['  "apiKey": "', 'apiKey'],
      ['api_key = \'', 'api_key'],
      ['key := "', 'key'],
      ['os.environ["OPENAI_API_KEY"] = "', 'OPENAI_API_KEY'],
      ['client = OpenAI(api_key="', 'api_key'],
      ['      - REPLICATE_API_TOKEN=', 'REPLICATE_API_TOKEN'],
      ['$env:OPENAI_API_KEY = "', 'OPENAI_API_KEY'],
      ['spring.ai.openai.api-key=', 'spring.ai.openai.api-key'],
      ['headers = {"Authorization": "Bearer ', 'Authorization'],
      ['cfg = { token => "', 'token'],
      ['co = cohere.Client("', undefined],
      ['print("', undefined],
      ['', undefined],
    ];
    for (const [before, name] of cases) expect(assignedName(before), before).toBe(name);
  });

  it('records only environment-style names', () => {
    expect(['OPENAI_API_KEY', 'api_key', 'spring.ai.openai.api-key', 'cfg.GROQ_API_KEY', 'TOKEN', 'K', 'apiKey', undefined].map(envStyleName)).toEqual([
      'OPENAI_API_KEY', undefined, undefined, 'GROQ_API_KEY', 'TOKEN', undefined, undefined, undefined,
    ]);
  });

  it('hostile: stays linear on long runs of NAME= and spaces', () => {
    const { ms } = cpuTimed(() => {
      for (let i = 0; i < 2000; i++) {
        assignedName('OPENAI_BASE_URL='.repeat(20));
        assignedName(`${' '.repeat(200)}=`);
        assignedName('a.'.repeat(100));
      }
    });
    expect(ms).toBeLessThan(1000);
  });
});
