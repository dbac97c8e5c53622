import { describe, expect, it } from 'vitest';
import { isOwnerToken, lastMatch, lastMatchForFolder, parseCodeowners, patternRegex } from './codeowners.ts';

/** Pattern → path → matches? (GitHub "About code owners" examples and gitignore rules). */
const TABLE: [string, Record<string, boolean>][] = [
  ['*', { 'a.js': true, 'src/a/b.py': true, '.github/x.yml': true }],
  ['*.js', { 'a.js': true, 'src/deep/a.js': true, 'a.jsx': false, 'js/a.ts': false }],
  ['/build/logs/', { 'build/logs/a.log': true, 'build/logs/deep/b.log': true, 'build/logs': false, 'x/build/logs/a.log': false }],
  ['docs/*', { 'docs/getting-started.md': true, 'docs/build-app/troubleshooting.md': false, 'x/docs/a.md': false }],
  ['apps/', { 'apps/a.js': true, 'x/apps/deep/b.js': true, apps: false, 'apps.js': false }],
  ['/docs/', { 'docs/a.md': true, 'docs/x/y.md': true, 'src/docs/a.md': false }],
  ['**/logs', { logs: true, 'logs/a.log': true, 'build/logs/a.log': true, 'deeply/nested/logs/x': true, 'catalogs/a': false }],
  ['**/ml/', { 'ml/a.py': true, 'services/search/ml/rank.py': true, 'ml': false, 'xml/a': false }],
  ['/apps/github', { 'apps/github': true, 'apps/github/a.rb': true, 'apps/githubx': false, 'x/apps/github/a': false }],
  ['foo/bar', { 'foo/bar': true, 'foo/bar/baz': true, 'foo/bart': false, 'x/foo/bar': false }],
  ['/*', { 'a.md': true, 'src/a.md': false }],
  ['/*/', { 'a.md': false, 'src/a.md': true, 'src/x/y.md': true }],
  ['foo/**/bar', { 'foo/bar': true, 'foo/x/y/bar/z': true, 'x/foo/bar': false }],
  ['foo/bar/**', { 'foo/bar': false, 'foo/bar/baz': true, 'foo/bar/a/b': true }],
  ['f?o', { foo: true, fo: false, fooo: false }],
  ['f\\*o', { 'f*o': true, foo: false }],
  ['Docs/', { 'Docs/a.md': true, 'docs/a.md': false }],
  ['a.b', { 'a.b': true, axb: false }],
  ['/', { 'a.md': false }],
];

describe('CODEOWNERS patterns', () => {
  for (const [pattern, paths] of TABLE) {
    it(`${pattern}`, () => {
      const re = patternRegex(pattern);
      for (const [path, expected] of Object.entries(paths)) expect([path, re.test(path)]).toEqual([path, expected]);
    });
  }
});

describe('parseCodeowners', () => {
  it('reads patterns, owners and lines; skips comments, blanks and inline comments', () => {
    const { rules, problems } = parseCodeowners('# top\n\n*  @org/all   # everyone\n*.py  @alice  bob@example.com\r\n/docs/\n');
    expect(rules.map((r) => [r.pattern, r.owners, r.line])).toEqual([
      ['*', ['@org/all'], 3],
      ['*.py', ['@alice', 'bob@example.com'], 4],
      ['/docs/', [], 5],
    ]);
    expect(problems).toEqual([]);
  });

  it('skips lines GitHub rejects, with a problem each: negation, ranges, bad owners, GitLab sections', () => {
    const { rules, problems } = parseCodeowners('!/a @x\n*.[ch] @x\n/b team-without-at\n[Backend] @x\n/c @ok\n');
    expect(rules.map((r) => r.pattern)).toEqual(['/c']);
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 4]);
    expect(problems[0]?.message).toContain('negation');
    expect(problems[2]?.message).toContain('team-without-at');
  });

  it('keeps escaped spaces inside a pattern', () => {
    const { rules } = parseCodeowners('/my\\ docs/ @x\n');
    expect(rules[0]?.owners).toEqual(['@x']);
    expect(rules[0]?.regex.test('my docs/a.md')).toBe(true);
  });

  it('accepts @user, @org/team and emails as owners, nothing else', () => {
    expect(['@alice', '@acme/ml-team', 'a.b+c@example.co.uk'].every(isOwnerToken)).toBe(true);
    expect(['alice', '@', '@acme/', 'not an email', 'a@b'].some(isOwnerToken)).toBe(false);
  });
});

describe('last match wins', () => {
  const { rules } = parseCodeowners(['*       @global', '*.js    @js', '/apps/  @apps', '/apps/github', '/apps/vendor/*.js @vendor'].join('\n'));

  it('the last matching line decides, whatever came before', () => {
    expect(lastMatch(rules, 'README.md')?.owners).toEqual(['@global']);
    expect(lastMatch(rules, 'src/a.js')?.owners).toEqual(['@js']);
    expect(lastMatch(rules, 'apps/a.js')?.owners).toEqual(['@apps']);
    expect(lastMatch(rules, 'apps/vendor/x.js')?.owners).toEqual(['@vendor']);
  });

  it('a matching line with no owners un-owns (the catch-all above it does not apply)', () => {
    const rule = lastMatch(rules, 'apps/github/main.go');
    expect(rule?.pattern).toBe('/apps/github');
    expect(rule?.owners).toEqual([]);
  });

  it('no matching line: undefined', () => {
    expect(lastMatch(parseCodeowners('/only/ @x').rules, 'elsewhere/a')).toBeUndefined();
  });

  it('folders are matched as "a file directly inside": catch-alls and folder patterns apply, extensions do not', () => {
    expect(lastMatchForFolder(rules, 'apps')?.owners).toEqual(['@apps']);
    expect(lastMatchForFolder(rules, 'apps/github')?.owners).toEqual([]);
    expect(lastMatchForFolder(rules, 'lib')?.owners).toEqual(['@global']);
    expect(lastMatchForFolder(rules, '.')?.owners).toEqual(['@global']);
    expect(lastMatchForFolder(rules, '.github/')?.owners).toEqual(['@global']);
    const docs = parseCodeowners('docs/* @docs\n*.md @md').rules;
    expect(lastMatchForFolder(docs, 'docs')?.owners).toEqual(['@docs']);
    expect(lastMatchForFolder(docs, 'docs/deep')).toBeUndefined();
  });
});
