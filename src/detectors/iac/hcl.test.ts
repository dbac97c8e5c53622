import { describe, expect, it } from 'vitest';
import { bodyToMap, toValue } from './hcl-convert.ts';
import { tokenize } from './hcl-lexer.ts';
import { parseHcl } from './hcl-parser.ts';
import { toAttribute, type IacExpr } from './value.ts';

/** The first top-level attribute's value, converted. */
function valueOf(src: string): unknown {
  const file = parseHcl(src);
  expect(file.error).toBeUndefined();
  const attr = file.body[0];
  if (attr?.type !== 'attribute') throw new Error('no attribute');
  return toValue(src, attr.expr);
}

describe('HCL tokenizer', () => {
  it('drops the three comment styles and keeps newlines and lines', () => {
    const src = '# one\na = 1 // two\n/* three\nfour */ b = "x"\n';
    expect(tokenize(src).map((t) => [t.type, t.value, t.line])).toEqual([
      ['newline', '\n', 1], ['ident', 'a', 2], ['punct', '=', 2], ['number', '1', 2], ['newline', '\n', 2],
      ['ident', 'b', 4], ['punct', '=', 4], ['string', '', 4], ['newline', '\n', 4], ['eof', '', 5],
    ]);
  });

  it('reads identifiers with dashes, multi-character operators and provider function names', () => {
    expect(tokenize('my-name == a::b ... => >= &&').map((t) => t.value).filter((v) => v !== '')).toEqual(['my-name', '==', 'a', '::', 'b', '...', '=>', '>=', '&&']);
  });

  it('keeps a quoted template with nested strings in one token', () => {
    const src = 'x = "a ${lookup(m, "k}")} b"\n';
    const strings = tokenize(src).filter((t) => t.type === 'string');
    expect(strings.map((t) => src.slice(t.start, t.end))).toEqual(['a ${lookup(m, "k}")} b']);
  });
});

describe('HCL parser', () => {
  it('parses blocks with labels, one-line blocks, nested blocks and attributes with their lines', () => {
    const src = 'resource "aws_x" "y" {\n  a = 1\n  inner { b = true }\n  inner {\n    c = null\n  }\n}\nlocals {}\n';
    const file = parseHcl(src);
    expect(file.error).toBeUndefined();
    const block = file.body[0];
    expect(block).toMatchObject({ type: 'block', blockType: 'resource', labels: ['aws_x', 'y'], line: 1 });
    if (block?.type !== 'block') throw new Error('no block');
    expect(toAttribute(bodyToMap(src, block.body, 1))).toEqual({ a: 1, inner: [{ b: true }, { c: null }] });
    expect(file.body[1]).toMatchObject({ type: 'block', blockType: 'locals', line: 8 });
  });

  it('reads dynamic blocks as blocks of their label', () => {
    const src = 'data "aws_iam_policy_document" "d" {\n  dynamic "statement" {\n    for_each = var.s\n    content {\n      actions = ["s3:GetObject"]\n    }\n  }\n}\n';
    const block = parseHcl(src).body[0];
    if (block?.type !== 'block') throw new Error('no block');
    expect(toAttribute(bodyToMap(src, block.body, 1))).toEqual({ statement: [{ actions: ['s3:GetObject'] }] });
  });

  it('evaluates literals, tuples, objects (either separator, newlines or commas) and jsonencode', () => {
    expect(valueOf('x = [1, "two", true, null,]\n')).toMatchObject({ kind: 'list', items: [1, 'two', true, null] });
    expect(toAttribute(valueOf('x = jsonencode({\n  Version = "2012-10-17"\n  "Statement": [{ Effect = "Allow", Action = "s3:*" }]\n})\n') as never)).toEqual({
      Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*' }],
    });
  });

  it('resolves escapes and keeps interpolated templates as text with their references', () => {
    expect(valueOf('x = "tab\\there \\"q\\" $${literal} \\u00e9"\n')).toBe('tab\there "q" ${literal} é');
    const expr = valueOf('x = "${aws_s3_bucket.docs.arn}/*"\n') as IacExpr;
    expect([expr.kind, expr.text, expr.refs]).toEqual(['expr', '${aws_s3_bucket.docs.arn}/*', ['aws_s3_bucket.docs']]);
  });

  it('unwraps a lone interpolation and finds references through calls, operators, indexes and splats', () => {
    expect((valueOf('x = "${aws_iam_role.r.arn}"\n') as IacExpr).text).toBe('aws_iam_role.r.arn');
    const expr = valueOf('x = var.on ? aws_iam_role.a[0].arn : concat(data.aws_iam_role.b.arn, module.m.out, local.l, aws_x.y[*].id, each.value)\n') as IacExpr;
    // `each.value` is an instance's binding (`instances.ts`), not a resource; `self`, `path` stay out.
    expect([...expr.refs].sort()).toEqual(['aws_iam_role.a', 'aws_x.y', 'data.aws_iam_role.b', 'each.value', 'local.l', 'module.m', 'var.on']);
  });

  it('parses for-expressions, provider functions, splats and conditionals without evaluating them', () => {
    for (const src of [
      'x = [for s in var.list : upper(s) if s != ""]\n',
      'x = { for k, v in var.map : k => v... }\n',
      'x = provider::aws::arn_parse(var.arn).region\n',
      'x = aws_instance.web.*.id\n',
      'x = (1 + 2) * -3 % 4 >= 5 && !false || a.b\n',
    ]) expect(valueOf(src)).toMatchObject({ kind: 'expr' });
  });

  it('reads heredocs, strips <<- indentation and keeps interpolations', () => {
    expect(valueOf('x = <<EOT\n  a\nb\nEOT\n')).toBe('  a\nb\n');
    expect(valueOf('x = <<-EOT\n    {\n      "a": 1\n    }\n  EOT\n')).toBe('{\n  "a": 1\n}\n');
    const expr = valueOf('x = <<-EOT\n  {"Resource": "${aws_s3_bucket.b.arn}"}\n  EOT\n') as IacExpr;
    expect([expr.text, expr.refs]).toEqual(['{"Resource": "${aws_s3_bucket.b.arn}"}\n', ['aws_s3_bucket.b']]);
  });

  it('keeps blocks before a syntax error and reports the error line', () => {
    const file = parseHcl('resource "a" "ok" {}\n\nresource "b" "bad" {\n  x = \n}\n');
    expect(file.body.map((b) => (b.type === 'block' ? b.labels.join('.') : b.name))).toEqual(['a.ok']);
    expect([file.error?.message, file.error?.line]).toEqual(['expected an expression but found end of line', 4]);
  });

  it('reports an unterminated string and keeps the blocks on earlier lines', () => {
    const file = parseHcl('resource "a" "ok" {}\nresource "b" "bad" {\n  x = "open\n}\n');
    expect(file.body).toHaveLength(1);
    expect([file.error?.message, file.error?.line]).toEqual(['unterminated string', 3]);
  });

  it('rejects two items on one line and an interpolated block label', () => {
    expect(parseHcl('a = 1 b = 2\n').error?.message).toBe('expected a newline after the item but found "b"');
    expect(parseHcl('resource "${x}" "y" {}\n').error?.message).toBe('block labels cannot hold interpolations');
  });
});
