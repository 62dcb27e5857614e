// Validates rendered Kubernetes manifests offline against the Kubernetes OpenAPI schemas (kubernetes-models).
//   node validate.mjs FILE.yaml [FILE.yaml ...]
// Every document must be a known apiVersion/kind and pass its schema: types, required fields, enums, formats.
// The schemas allow fields they do not list, so unknown fields are checked here too: a misspelt `readinessProbe`
// would otherwise pass and silently do nothing.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const modules = join(dirname(fileURLToPath(import.meta.url)), "node_modules");

const problems = [];
let checked = 0;

function modulePath(apiVersion, kind) {
  // Core group "v1" lives at kubernetes-models/v1; others at kubernetes-models/<group>/<version>.
  return `kubernetes-models/${apiVersion}/${kind}`;
}

async function validateDocument(file, doc) {
  const { apiVersion, kind } = doc ?? {};
  const name = `${file}: ${kind ?? "?"} ${doc?.metadata?.name ?? "?"}`;
  if (!apiVersion || !kind) {
    problems.push(`${name}: no apiVersion or kind`);
    return;
  }

  let Model;
  try {
    ({ [kind]: Model } = await import(modulePath(apiVersion, kind)));
  } catch {
    problems.push(`${name}: unknown apiVersion/kind ${apiVersion}/${kind}`);
    return;
  }

  try {
    new Model(doc).validate();
  } catch (error) {
    problems.push(`${name}: ${error.message}`);
  }

  for (const path of unknownFields(doc, join(modules, "kubernetes-models", apiVersion, `${kind}.d.ts`), "")) {
    problems.push(`${name}: unknown field ${path}`);
  }

  checked++;
}

// The fields of each type, read from the package's TypeScript declarations (one interface per file, one property per
// line at four spaces, nested types imported from other files).
const typeCache = new Map();

function typeOf(file) {
  if (typeCache.has(file)) {
    return typeCache.get(file);
  }

  const text = readFileSync(file, "utf8");
  const imports = new Map();
  for (const [, name, from] of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)) {
    const path = from.startsWith(".") ? resolve(dirname(file), from.replace(/\.js$/, ".d.ts")) : join(modules, `${from}.d.ts`);
    imports.set(name, path);
  }

  const body = text.slice(text.search(/^export interface \w+/m));
  const fields = new Map();
  let current = null;
  for (const line of body.split("\n").slice(1)) {
    if (line === "}") {
      break;
    }

    const property = line.match(/^ {4}"([^"]+)"\??: (.*)$/);
    if (property) {
      current = { name: property[1], type: property[2] };
      fields.set(current.name, current);
    } else if (current && /^ {8}|^ {4}\};/.test(line)) {
      current.type += line.trim();
    } else {
      current = null;
    }
  }

  const type = { fields, imports };
  typeCache.set(file, type);
  return type;
}

function* unknownFields(value, file, path) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return;
  }

  const { fields, imports } = typeOf(file);
  for (const [key, child] of Object.entries(value)) {
    const field = fields.get(key);
    if (!field && !(path === "" && (key === "apiVersion" || key === "kind"))) {
      yield `${path}/${key}`;
      continue;
    }

    const nested = field && [...imports.keys()].find((name) => new RegExp(`\\b${name}\\b`).test(field.type));
    if (!nested) {
      continue;
    }

    const nestedFile = imports.get(nested);
    if (field.type.startsWith("Array<") && Array.isArray(child)) {
      for (const [index, item] of child.entries()) {
        yield* unknownFields(item, nestedFile, `${path}/${key}/${index}`);
      }
    } else if (field.type.startsWith("{") && child && typeof child === "object") {
      for (const [entry, item] of Object.entries(child)) {
        yield* unknownFields(item, nestedFile, `${path}/${key}/${entry}`);
      }
    } else {
      yield* unknownFields(child, nestedFile, `${path}/${key}`);
    }
  }
}

for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      problems.push(`${file}: YAML error: ${doc.errors[0].message}`);
      continue;
    }

    const value = doc.toJS();
    if (value !== null) {
      await validateDocument(file, value);
    }
  }
}

for (const problem of problems) {
  console.error(`invalid: ${problem}`);
}

console.log(`${checked} object(s) checked, ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
