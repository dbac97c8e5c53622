/**
 * Variable values from the `.tfvars` files of a Terraform module's folder, read through
 * `SourceFile.siblings` (so only files of the scan's listing; they are not detector candidates).
 * Terraform loads `terraform.tfvars`, then `terraform.tfvars.json`, then `*.auto.tfvars` /
 * `*.auto.tfvars.json` in lexical order, later files winning, and all of them over variable
 * defaults. Other `*.tfvars` files are read only with `-var-file`, so which one applies is not
 * known: their value is used only for a variable nothing else gives one, and only when every such
 * file that sets it agrees. Only literal values count; `x = null` and anything else keep the default.
 */
import { LineIndex } from '../shared/line-index.ts';
import type { SiblingFiles } from '../types.ts';
import type { ConstantOrigin, ConstantSetView } from './document.ts';
import { isLiteral } from './document.ts';
import { toValue } from './hcl-convert.ts';
import { parseHcl } from './hcl-parser.ts';
import { parseJsonWithLines } from './json-lines.ts';
import { isMap, sameValue, type IacValue } from './value.ts';

const AUTO = /\.auto\.tfvars(?:\.json)?$/;
const VAR_FILE = /\.tfvars(?:\.json)?$/;

/** The values the folder's variable files give, in force (`auto`) and as a fallback (`varFiles`). */
export interface ModuleTfvars {
  readonly auto: ConstantSetView;
  readonly varFiles: ConstantSetView;
}

/** The folder's tfvars values, read and parsed once per folder. */
export function moduleTfvars(folder: string, siblings: SiblingFiles): ModuleTfvars {
  return siblings.memo('iac:terraform-tfvars', () => readTfvars(folder, siblings));
}

function readTfvars(folder: string, siblings: SiblingFiles): ModuleTfvars {
  const names = siblings.names().filter((n) => VAR_FILE.test(n));
  const loaded = [...['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n)), ...names.filter((n) => AUTO.test(n)).sort()];
  const auto = { constants: new Map<string, IacValue>(), origins: new Map<string, ConstantOrigin>() };
  for (const name of loaded) {
    for (const a of assignments(folder + name, siblings.read(name))) {
      auto.constants.set(a.origin.ref, a.value);
      auto.origins.set(a.origin.ref, a.origin);
    }
  }
  const varFiles = { constants: new Map<string, IacValue>(), origins: new Map<string, ConstantOrigin>() };
  const disagree = new Set<string>();
  for (const name of names.filter((n) => !loaded.includes(n)).sort()) {
    for (const a of assignments(folder + name, siblings.read(name))) {
      const prev = varFiles.constants.get(a.origin.ref);
      if (prev === undefined) {
        varFiles.constants.set(a.origin.ref, a.value);
        varFiles.origins.set(a.origin.ref, { ...a.origin, kind: 'var file' });
      } else if (!sameValue(prev, a.value)) {
        disagree.add(a.origin.ref);
      }
    }
  }
  for (const ref of disagree) {
    varFiles.constants.delete(ref);
    varFiles.origins.delete(ref);
  }
  return { auto, varFiles };
}

interface Assignment {
  readonly value: IacValue;
  readonly origin: ConstantOrigin;
}

/** The literal `name = value` assignments of one tfvars file (HCL or JSON); none when it cannot be read. */
function assignments(path: string, content: string | undefined): Assignment[] {
  if (content === undefined) return [];
  const lines = new LineIndex(content);
  const out: Assignment[] = [];
  const add = (name: string, value: IacValue, line: number): void => {
    if (!isLiteral(value)) return;
    out.push({ value, origin: { ref: `var.${name}`, kind: 'tfvars', path, line, snippet: lines.lineText(line).slice(0, 1000) } });
  };
  // A file that cannot be read (invalid JSON, too deep) gives what was read before the failure, or nothing:
  // it is a neighbour of the file being scanned, whose own results must not suffer from it.
  try {
    if (path.endsWith('.json')) {
      const root = parseJsonWithLines(content);
      if (isMap(root)) for (const e of root.entries.values()) add(e.key, e.value, e.line);
      return out;
    }
    // Assignments before a syntax error still count, as in any other Terraform file.
    for (const item of parseHcl(content).body) if (item.type === 'attribute') add(item.name, toValue(content, item.expr), item.line);
  } catch {
    return out;
  }
  return out;
}
