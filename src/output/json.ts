import type { Inventory } from '../model/index.ts';

/** The inventory as JSON: 2-space indented, trailing newline; key order is fixed by the model. */
export function renderJson(inventory: Inventory): string {
  return `${JSON.stringify(inventory, null, 2)}\n`;
}
