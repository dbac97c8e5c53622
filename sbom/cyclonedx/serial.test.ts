import { describe, expect, it } from 'vitest';
import { serialNumberOf, uuidV5 } from './serial.ts';

describe('serial numbers', () => {
  it('computes RFC 4122 version-5 UUIDs (the DNS-namespace example)', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com')
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives a stable urn:uuid from the content, different for different content', () => {
    const a = serialNumberOf('{"a":1}');
    expect(a).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(serialNumberOf('{"a":1}')).toBe(a);
    expect(serialNumberOf('{"a":2}')).not.toBe(a);
  });
});
