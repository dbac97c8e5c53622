import { describe, expect, it } from 'vitest';
import { parseInstall, stripMagics } from './magics.ts';

describe('stripMagics', () => {
  it('blanks line magics and shell escapes, keeping line numbers', () => {
    expect(stripMagics('%matplotlib inline\nimport openai\n!ls -la\nx = 1')).toEqual({ code: '\nimport openai\n\nx = 1', installs: [] });
  });

  it('collects %pip / !pip / python -m pip / uv pip / conda installs', () => {
    const { installs } = stripMagics('%pip install -q openai "langchain-openai>=0.2" transformers[torch]==4.44.2\n!python -m pip install -U anthropic && echo done\n!uv pip install chromadb\n%conda install -c conda-forge faiss-cpu');
    expect(installs).toEqual([
      { name: 'openai', line: 1 },
      { name: 'langchain-openai', line: 1, spec: '>=0.2' },
      { name: 'transformers', line: 1, spec: '==4.44.2' },
      { name: 'anthropic', line: 2 },
      { name: 'chromadb', line: 3 },
      { name: 'faiss-cpu', line: 4 },
    ]);
  });

  it('skips requirement files, URLs, paths and variables', () => {
    expect(parseInstall('-r requirements.txt git+https://github.com/x/y.git ./local ../pkg.whl {pkgs} $EXTRA --index-url https://x/simple torch', 1)).toEqual([{ name: 'torch', line: 1 }]);
  });

  it('blanks non-Python cell magics but reads installs in %%bash cells', () => {
    expect(stripMagics('%%bash\npip install openai\necho "import anthropic"')).toEqual({ code: '\n\n', installs: [{ name: 'openai', line: 2 }] });
  });

  it('keeps the body of Python cell magics (%%time, %%writefile x.py)', () => {
    expect(stripMagics('%%time\nimport openai').code).toBe('\nimport openai');
    expect(stripMagics('%%writefile server.py\nfrom mcp.server.fastmcp import FastMCP').code).toBe('\nfrom mcp.server.fastmcp import FastMCP');
    expect(stripMagics('%%writefile notes.md\nimport openai').code).toBe('\n');
  });

  it('does not read pip text in plain Python lines', () => {
    expect(stripMagics('cmd = "pip install openai"\nprint(cmd)').installs).toEqual([]);
  });
});
