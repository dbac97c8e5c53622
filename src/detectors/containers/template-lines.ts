/**
 * Line mode for text that is not valid YAML: Helm templates (`{{ }}` everywhere) and YAML files too
 * large to parse. Only `image:` lines are read. A value with templating keeps its literal repository
 * when only the tag is templated (`ollama/ollama:{{ .Chart.AppVersion }}`); a templated repository
 * (`{{ .Values.image.repository }}`) is skipped, so template syntax never becomes an image or a model.
 */
import type { Word, Workload } from './types.ts';

const IMAGE_LINE = /^\s*(?:-\s+)?["']?image["']?[ \t]*:[ \t]*(\S.*)$/;
const MAX_LINE = 4096;

/** The literal image of an `image:` value, or undefined when templating hides the repository. */
export function literalImage(raw: string): string | undefined {
  const value = raw.replace(/\s+#.*$/, '').replace(/^["']|["']$/g, '').trim();
  const open = value.indexOf('{{');
  if (open === -1) return value === '' ? undefined : value;
  const prefix = value.slice(0, open);
  // `repo:{{ tag }}` keeps the repository; `{{ registry }}/repo` or `repo-{{ x }}` hide it.
  return prefix.endsWith(':') && prefix.length > 1 ? prefix.slice(0, -1) : undefined;
}

/**
 * Literal `image:` lines, each a workload named after the file (so one software in one file is one
 * asset). `lineOffset`: lines before `content` in the file.
 */
export function readImageLines(content: string, path: string, source: Workload['source'], lineOffset = 0): Workload[] {
  const images: Word[] = [];
  let line = lineOffset;
  let start = 0;
  while (start <= content.length) {
    const end = content.indexOf('\n', start);
    const stop = end === -1 ? content.length : end;
    line++;
    if (stop - start <= MAX_LINE) {
      const m = IMAGE_LINE.exec(content.slice(start, stop));
      const image = m?.[1] === undefined ? undefined : literalImage(m[1].trimEnd());
      if (image !== undefined) images.push({ text: image, line });
    }
    if (end === -1) break;
    start = end + 1;
  }
  return images.map((image) => ({ source, name: path, line: image.line, image, commands: [], env: [] }));
}
