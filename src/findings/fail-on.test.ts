import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/load.ts';
import type { FindingStatus, Severity } from '../model/index.ts';
import { ASSETS, finding } from '../../test/helpers/sarif-schema/findings-fixture.ts';
import { failOnExit, parseFailOn } from './fail-on.ts';
import { parseSeverity } from './severity.ts';

const one = (severity: Severity, status: FindingStatus) => [finding(1, 'p', severity, ASSETS.model, { status })];

describe('failOnExit', () => {
  it('fails at or above the threshold, not below', () => {
    expect(failOnExit(one('high', 'new'), 'high')).toBe(1);
    expect(failOnExit(one('critical', 'open'), 'high')).toBe(1);
    expect(failOnExit(one('medium', 'open'), 'high')).toBe(0);
    expect(failOnExit(one('info', 'new'), 'info')).toBe(1);
  });

  it('ignores suppressed and resolved findings', () => {
    expect(failOnExit(one('critical', 'suppressed'), 'low')).toBe(0);
    expect(failOnExit(one('critical', 'resolved'), 'low')).toBe(0);
    expect(failOnExit([...one('critical', 'resolved'), finding(2, 'p', 'low', ASSETS.role)], 'low')).toBe(1);
  });

  it('never fails with none or without a threshold, nor on no findings', () => {
    expect(failOnExit(one('critical', 'new'), 'none')).toBe(0);
    expect(failOnExit(one('critical', 'new'), undefined)).toBe(0);
    expect(failOnExit([], 'info')).toBe(0);
  });
});

describe('threshold parsing', () => {
  it('accepts every severity in any case, and none only for --fail-on', () => {
    expect(['INFO', 'low', 'Medium', 'high', ' critical '].map(parseFailOn)).toEqual(['info', 'low', 'medium', 'high', 'critical']);
    expect(parseFailOn('none')).toBe('none');
    expect(() => parseSeverity('none', '--severity')).toThrow(/unknown --severity none; use one of: info, low, medium, high, critical$/);
  });

  it('rejects unknown values with a ConfigError listing the accepted ones', () => {
    expect(() => parseFailOn('severe')).toThrow(ConfigError);
    expect(() => parseFailOn('severe')).toThrow('unknown --fail-on severe; use one of: info, low, medium, high, critical, none');
  });
});
