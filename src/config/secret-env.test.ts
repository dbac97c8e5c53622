import { describe, expect, it } from 'vitest';
import { ConfigError } from './load.ts';
import { readSecretFromEnv } from './secret-env.ts';

describe('readSecretFromEnv', () => {
  it('returns the value of the named variable', () => {
    expect(readSecretFromEnv('NEO4J_PASSWORD', { NEO4J_PASSWORD: 's3cret' })).toBe('s3cret');
  });

  it('says which variable to set when it is unset or empty', () => {
    expect(() => readSecretFromEnv('NEO4J_PASSWORD', {})).toThrow(ConfigError);
    expect(() => readSecretFromEnv('NEO4J_PASSWORD', {})).toThrow(/environment variable NEO4J_PASSWORD is not set; set it/);
    expect(() => readSecretFromEnv('PW', { PW: '' })).toThrow(/PW is empty/);
  });

  it('refuses something that is not a variable name, without echoing what looks like a password', () => {
    const attempt = (): string => readSecretFromEnv('hunter2!', {});
    expect(attempt).toThrow(/takes the name of an environment variable/);
    expect(attempt).not.toThrow(/hunter2/);
  });
});
