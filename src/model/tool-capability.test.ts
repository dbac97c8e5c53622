import { describe, expect, it } from 'vitest';
import { toolCapability } from './tool-capability.ts';

const cap = (name: string, description?: string) => toolCapability({ name, attributes: description === undefined ? {} : { description } });

describe('toolCapability: running code on the host', () => {
  it('takes tools that execute code or commands for exec or shell', () => {
    expect([cap('exec'), cap('exec_command'), cap('execute_code'), cap('executeCode'), cap('run_python'), cap('runScript'), cap('sandbox_run'), cap('python', 'Runs the code in a Python interpreter')])
      .toEqual(['exec', 'shell', 'exec', 'exec', 'exec', 'exec', 'exec', 'exec']);
  });

  it('does not take executing a task, a query or a trade for running code', () => {
    const tools = [
      cap('long_running_task', 'Execute a task with progress updates.'),
      cap('execute_trade', 'Place an order'),
      cap('ExecuteRangeQuery', 'Run a PromQL range query'),
      cap('execute_query', 'Execute a read-only SQL query'),
      cap('get_execution_plan', 'Explain a request'),
      cap('transact', 'Execute the statements in one transaction'),
    ];
    expect(tools.filter((c) => c === 'exec' || c === 'shell')).toEqual([]);
  });
});
