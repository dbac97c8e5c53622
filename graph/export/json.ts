/**
 * The graph as JSON: `{nodes: [{id, labels, properties}], relationships: [{id, type, from, to,
 * properties}]}`, the shape graph tools (and `JSON.parse`) take without a driver.
 */
import type { GraphView } from './graph-view.ts';

/** Renders the view as indented JSON with a trailing newline; lists and keys keep the view's order. */
export function renderGraphJson(view: GraphView): string {
  const doc = {
    nodes: view.nodes.map((n) => ({ id: n.id, labels: n.labels, properties: n.properties })),
    relationships: view.relationships.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to, properties: r.properties })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
