/**
 * ONNX (onnx/onnx onnx.proto): reads ModelProto's small top-level fields (ir_version, producer,
 * model_version, domain, opset_import, metadata_props keys) and walks the graph's fields for its
 * name, node count, node domains and initializer shapes (parameter count), skipping tensor bytes by
 * length. Custom-op domains (any domain outside the standard ones) are listed: they load native
 * code from an extension library, the one way an ONNX file reaches beyond the runtime.
 */
import type { Attributes } from '../../model/index.ts';
import type { ByteSource } from '../types.ts';
import { LIMITS, ONNX_STANDARD_DOMAINS } from './catalog.ts';
import { Cursor, LimitReached, Malformed } from './cursor.ts';
import { cleanText, issueOf, type Issue, type ModelInfo } from './info.ts';
import { LEN, ProtoReader, VARINT, type Field } from './protobuf.ts';

interface OnnxState {
  irVersion?: number;
  producer: string[];
  modelVersion?: number;
  domain?: string;
  opsets: string[];
  metadataKeys: string[];
  graphName?: string;
  nodes: number;
  nodeDomains: Set<string>;
  parameters: number;
  initializers: number;
  externalData: boolean;
}

function subMessage(r: ProtoReader, f: Field, onField: (g: Field) => void): void {
  const end = f.start + f.value;
  for (let g = r.next(end); g !== null; g = r.next(end)) {
    onField(g);
    r.skip(g);
  }
  r.c.pos = end;
}

function readOpset(r: ProtoReader, f: Field, s: OnnxState): void {
  let domain = '';
  let version = 0;
  subMessage(r, f, (g) => {
    if (g.num === 1 && g.wire === LEN) domain = cleanText(r.text(g, LIMITS.text));
    else if (g.num === 2 && g.wire === VARINT) version = g.value;
  });
  s.opsets.push(`${domain === '' ? 'ai.onnx' : domain}:${version}`);
  s.nodeDomains.add(domain);
}

function readTensorShape(r: ProtoReader, f: Field, s: OnnxState): void {
  let count = 1;
  let dims = 0;
  subMessage(r, f, (g) => {
    if (g.num === 1 && g.wire === VARINT) {
      count *= g.value;
      dims++;
    } else if (g.num === 1 && g.wire === LEN) {
      const end = g.start + g.value;
      while (r.c.pos < end) {
        count *= r.varint();
        dims++;
      }
    } else if (g.num === 14 && g.wire === VARINT && g.value === 1) s.externalData = true;
  });
  s.initializers++;
  if (dims > 0) s.parameters += count;
}

function readGraph(r: ProtoReader, f: Field, s: OnnxState): void {
  subMessage(r, f, (g) => {
    if (g.num === 2 && g.wire === LEN) s.graphName = cleanText(r.text(g, LIMITS.text));
    else if (g.num === 5 && g.wire === LEN) readTensorShape(r, g, s);
    else if (g.num === 1 && g.wire === LEN) {
      if (++s.nodes > LIMITS.onnxNodes) throw new LimitReached(`more than ${LIMITS.onnxNodes} graph nodes`);
      subMessage(r, g, (n) => {
        if (n.num === 7 && n.wire === LEN) s.nodeDomains.add(cleanText(r.text(n, LIMITS.text)));
      });
    }
  });
}

function readModel(r: ProtoReader, s: OnnxState): void {
  const end = r.c.end;
  for (let f = r.next(end); f !== null; f = r.next(end)) {
    if (f.num === 1 && f.wire === VARINT) s.irVersion = f.value;
    else if ((f.num === 2 || f.num === 3) && f.wire === LEN) s.producer.push(cleanText(r.text(f, LIMITS.text)));
    else if (f.num === 4 && f.wire === LEN) s.domain = cleanText(r.text(f, LIMITS.text));
    else if (f.num === 5 && f.wire === VARINT) s.modelVersion = f.value;
    else if (f.num === 7 && f.wire === LEN) readGraph(r, f, s);
    else if (f.num === 8 && f.wire === LEN) readOpset(r, f, s);
    else if (f.num === 14 && f.wire === LEN) subMessage(r, f, (g) => { if (g.num === 1 && g.wire === LEN) s.metadataKeys.push(cleanText(r.text(g, LIMITS.text))); });
    else if (f.num > 30) throw new Malformed(`field ${f.num} is not a ModelProto field`);
    r.skip(f);
  }
}

function attributesOf(s: OnnxState): Attributes {
  const custom = [...s.nodeDomains].filter((d) => !ONNX_STANDARD_DOMAINS.includes(d)).sort();
  return {
    ...(s.irVersion === undefined ? {} : { irVersion: s.irVersion }),
    ...(s.producer.length > 0 ? { producer: s.producer.join(' ') } : {}),
    ...(s.modelVersion === undefined ? {} : { modelVersion: s.modelVersion }),
    ...(s.domain ? { domain: s.domain } : {}),
    ...(s.graphName ? { graphName: s.graphName } : {}),
    opsets: [...new Set(s.opsets)].sort(),
    customOpDomains: custom,
    nodeCount: s.nodes,
    ...(s.initializers > 0 ? { parameters: s.parameters } : {}),
    ...(s.externalData ? { externalData: true } : {}),
    ...(s.metadataKeys.length > 0 ? { metadataKeys: [...new Set(s.metadataKeys)].sort() } : {}),
  };
}

/** Reads an ONNX model's header fields and graph outline; null when the bytes are not ONNX at all. */
export function readOnnx(src: ByteSource): ModelInfo | null {
  const s: OnnxState = { producer: [], opsets: [], metadataKeys: [], nodes: 0, nodeDomains: new Set(), parameters: 0, initializers: 0, externalData: false };
  const issues: Issue[] = [];
  try {
    readModel(new ProtoReader(new Cursor(src)), s);
  } catch (error) {
    issues.push(issueOf('ONNX model', error));
  }
  if (s.irVersion === undefined && s.nodes === 0 && s.opsets.length === 0) {
    return issues.length > 0 ? { format: 'onnx', attributes: {}, summary: '', issues, notAModel: true } : null;
  }
  const attributes = attributesOf(s);
  const summary = `ONNX ir_version ${String(s.irVersion ?? '?')}${attributes.producer ? `, ${String(attributes.producer)}` : ''}, ${s.nodes} nodes`;
  return { format: 'onnx', attributes, summary, issues };
}
