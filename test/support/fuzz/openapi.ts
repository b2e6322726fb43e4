// The API as its OpenAPI document describes it: operations, their parameters and bodies, with $refs resolved.
// The fuzz suite reads the document from the running app, so a new route is fuzzed the day it is added.

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface RawParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface RawOperation {
  summary?: string;
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, unknown>;
  security?: unknown[];
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** 'POST /api/plans/{id}/submit' */
  key: string;
  method: string;
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  headers: Parameter[];
  /** the media type of the body, when the route takes one */
  bodyType?: 'json' | 'multipart';
  bodySchema?: JsonSchema;
  secured: boolean;
  documented: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** A schema with every $ref replaced by what it points to (the document's schemas are not recursive). */
export function deref(doc: OpenApiDocument, schema: JsonSchema | undefined, depth = 0): JsonSchema {
  if (!schema) return {};
  if (depth > 20) throw new Error('the OpenAPI document nests schemas too deeply');
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    return deref(doc, target, depth + 1);
  }
  const out: JsonSchema = { ...schema };
  if (schema.items) out.items = deref(doc, schema.items, depth + 1);
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, deref(doc, v, depth + 1)]),
    );
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    out.additionalProperties = deref(doc, schema.additionalProperties, depth + 1);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (schema[key]) out[key] = schema[key].map((s) => deref(doc, s, depth + 1));
  }
  return out;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = (op.parameters ?? []).map((p) => ({
        in: p.in,
        name: p.name,
        required: p.required ?? p.in === 'path',
        schema: deref(doc, p.schema),
      }));
      const content = op.requestBody?.content ?? {};
      const bodyType = content['application/json'] ? 'json' : content['multipart/form-data'] ? 'multipart' : undefined;
      const bodySchema = bodyType
        ? deref(doc, (content['application/json'] ?? content['multipart/form-data']).schema)
        : undefined;
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        query: params.filter((p) => p.in === 'query'),
        headers: params.filter((p) => p.in === 'header'),
        bodyType,
        bodySchema,
        secured: (op.security ?? []).length > 0,
        documented: Object.keys(op.responses),
      });
    }
  }
  return ops;
}

/** Every property of a request, parameter and header name the document knows: words a message may quote as a field. */
export function namesOf(doc: OpenApiDocument): Set<string> {
  const names = new Set<string>();
  const walk = (s: JsonSchema | undefined, depth = 0): void => {
    if (!s || depth > 20) return;
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      names.add(k);
      walk(v, depth + 1);
    }
    walk(s.items, depth + 1);
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, depth + 1);
    for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(sub, depth + 1);
  };
  // What the requests carry, not what the answers do: the answers' property names (message, errors, type …) would
  // excuse English words in a message.
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) {
      for (const media of Object.values(op.requestBody?.content ?? {})) walk(deref(doc, media.schema));
      for (const p of op.parameters ?? []) {
        names.add(p.name);
        walk(p.schema);
      }
    }
  }
  return names;
}
