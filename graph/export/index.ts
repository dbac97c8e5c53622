/**
 * `exportGraph`: the graph of one stored scan as a file, for people without a Neo4j server or who
 * want to load it elsewhere: JSON, GraphML (yEd, Gephi, networkx, `apoc.import.graphml`) or a
 * Cypher script for cypher-shell. Pure and deterministic: the same inventory gives the same bytes.
 */
import type { Inventory } from '../../src/model/index.ts';
import { renderCypherScript } from './cypher-script.ts';
import { graphView } from './graph-view.ts';
import { renderGraphml } from './graphml.ts';
import { renderGraphJson } from './json.ts';

export const EXPORT_FORMATS = ['json', 'graphml', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Renders the inventory's graph in `format`. */
export function exportGraph(inventory: Inventory, format: ExportFormat): string {
  const view = graphView(inventory);
  if (format === 'json') return renderGraphJson(view);
  if (format === 'graphml') return renderGraphml(view);
  return renderCypherScript(view);
}

export { graphView, type GraphNode, type GraphRelationship, type GraphView } from './graph-view.ts';
