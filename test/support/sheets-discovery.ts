/**
 * Google's Sheets API v4 discovery document as the law for the Sheets fake: every request
 * the suites send to the fake and every answer the fake gives is checked against the
 * method, parameters, request and response schemas and scopes the document lists
 * (`test/fixtures/google/sheets-v4-discovery.json`, a trimmed verbatim copy, revision
 * 20220315, kept in the repository so a clean clone tests on its own; its README says
 * where it comes from and what was cut). A small validator over the document's
 * JSON-schema-like `schemas`: `$ref`, `type` (string, integer, number, boolean, array,
 * object, any), `enum`, `format` (int32, int64, double, float), `properties`,
 * `additionalProperties`, `items`. Unknown properties are refused, as the real API answers
 * 400 "Invalid JSON payload received. Unknown name …" to them; a member the trimmed copy
 * left out is refused too, so the fake cannot start using one unnoticed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DISCOVERY_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/google/sheets-v4-discovery.json',
);

/** A schema of the discovery document (the members this validator reads). */
export interface DiscoverySchema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly string[];
  readonly properties?: Readonly<Record<string, DiscoverySchema>>;
  readonly additionalProperties?: DiscoverySchema;
  readonly items?: DiscoverySchema;
}

interface DiscoveryParameter extends DiscoverySchema {
  readonly location: 'path' | 'query';
  readonly required?: boolean;
  readonly repeated?: boolean;
}

export interface DiscoveryMethod {
  readonly id: string;
  readonly httpMethod: string;
  readonly flatPath: string;
  readonly parameters?: Readonly<Record<string, DiscoveryParameter>>;
  readonly request?: DiscoverySchema;
  readonly response?: DiscoverySchema;
  readonly scopes: readonly string[];
}

interface DiscoveryResource {
  readonly methods?: Readonly<Record<string, DiscoveryMethod>>;
  readonly resources?: Readonly<Record<string, DiscoveryResource>>;
}

export interface DiscoveryDocument {
  readonly revision: string;
  readonly parameters: Readonly<Record<string, DiscoveryParameter>>;
  readonly resources: Readonly<Record<string, DiscoveryResource>>;
  readonly schemas: Readonly<Record<string, DiscoverySchema>>;
}

let loaded: DiscoveryDocument | undefined;

/** The document; throws, naming the path, when it is missing. */
export function discovery(): DiscoveryDocument {
  if (loaded) return loaded;
  if (!existsSync(DISCOVERY_PATH)) {
    throw new Error(`Sheets discovery document not found at ${DISCOVERY_PATH}`);
  }
  loaded = JSON.parse(readFileSync(DISCOVERY_PATH, 'utf8')) as DiscoveryDocument;
  return loaded;
}

/** Every method of the document, by id (`sheets.spreadsheets.values.append`). */
export function discoveryMethods(doc: DiscoveryDocument = discovery()): DiscoveryMethod[] {
  const found: DiscoveryMethod[] = [];
  const walk = (resource: DiscoveryResource): void => {
    found.push(...Object.values(resource.methods ?? {}));
    for (const child of Object.values(resource.resources ?? {})) walk(child);
  };
  for (const resource of Object.values(doc.resources)) walk(resource);
  return found;
}

/** The request as the check needs it (the fake's `FakeRequest` fits). */
export interface CheckedRequest {
  readonly method: string;
  /** Decoded path, `/v4/spreadsheets/…`. */
  readonly path: string;
  readonly query: Readonly<Record<string, readonly string[]>>;
  readonly body: unknown;
}

export interface RequestCheck {
  /** The documented method the request calls, or null when none matches. */
  readonly method: DiscoveryMethod | null;
  /** Path parameters by name, decoded. */
  readonly pathParams: Readonly<Record<string, string>>;
  /** What the document refuses, one line each; empty when the request conforms. */
  readonly problems: readonly string[];
}

// `{name}` in a flat path; a path parameter never holds `/`, and `{range}` may hold `:`.
function pathPattern(flatPath: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = flatPath
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(name);
      return name === 'spreadsheetId' ? '([^/:]+)' : '([^/]+)';
    })
    .join('');
  return { regex: new RegExp(`^/${source}$`), names };
}

/** Finds the method a request calls and lists every way it departs from the document. */
export function checkRequest(request: CheckedRequest, doc: DiscoveryDocument = discovery()): RequestCheck {
  const candidates = discoveryMethods(doc).filter((m) => m.httpMethod === request.method);
  // The most specific template first: `values/{range}:append` before `values/{range}`.
  candidates.sort(
    (a, b) => b.flatPath.replace(/\{[^}]+\}/g, '').length - a.flatPath.replace(/\{[^}]+\}/g, '').length,
  );
  for (const method of candidates) {
    const { regex, names } = pathPattern(method.flatPath);
    const match = regex.exec(request.path);
    if (!match) continue;
    const pathParams: Record<string, string> = {};
    names.forEach((name, i) => (pathParams[name] = match[i + 1] ?? ''));
    return { method, pathParams, problems: requestProblems(method, request, pathParams, doc) };
  }
  return {
    method: null,
    pathParams: {},
    problems: [`${request.method} ${request.path} is no method of the Sheets API v4 discovery document`],
  };
}

function requestProblems(
  method: DiscoveryMethod,
  request: CheckedRequest,
  pathParams: Readonly<Record<string, string>>,
  doc: DiscoveryDocument,
): string[] {
  const problems: string[] = [];
  const params = method.parameters ?? {};
  for (const [name, spec] of Object.entries(params)) {
    if (spec.location === 'path' && spec.required && !pathParams[name]) {
      problems.push(`${method.id}: path parameter ${name} is missing`);
    }
    if (spec.location === 'query' && spec.required && request.query[name] === undefined) {
      problems.push(`${method.id}: query parameter ${name} is required`);
    }
  }
  for (const [name, values] of Object.entries(request.query)) {
    const spec = params[name] ?? doc.parameters[name];
    if (!spec || spec.location !== 'query') {
      problems.push(`${method.id}: unknown query parameter ${name}`);
      continue;
    }
    if (values.length > 1 && !spec.repeated)
      problems.push(`${method.id}: ${name} given ${values.length} times`);
    for (const value of values) {
      if (spec.enum && !spec.enum.includes(value)) problems.push(enumRefusal(name, value));
      else problems.push(...scalarProblems(queryValue(value, spec), spec, `${method.id} ?${name}`));
    }
  }
  const hasBody = request.body !== undefined && request.body !== '';
  if (method.request) {
    if (!hasBody)
      problems.push(`${method.id}: the request body (${method.request.$ref ?? 'object'}) is missing`);
    else problems.push(...schemaProblems(request.body, method.request, `${method.id} body`, doc));
  } else if (hasBody) {
    problems.push(`${method.id}: takes no request body`);
  }
  return problems;
}

// Google's words for a query value outside its enum (seen in API answers): the field in
// snake case and the proto enum's type, which is the parameter's name in Pascal case
// (`majorDimension` takes a `Dimension`).
function enumRefusal(name: string, value: string): string {
  const field = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const type = name === 'majorDimension' ? 'Dimension' : name.charAt(0).toUpperCase() + name.slice(1);
  return `Invalid value at '${field}' (type.googleapis.com/google.apps.sheets.v4.${type}), "${value}"`;
}

// Query values are text; the document types them (boolean `true`/`false`, integers).
function queryValue(value: string, spec: DiscoverySchema): unknown {
  if (spec.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (spec.type === 'integer' && /^-?\d+$/.test(value) && spec.format !== 'int64') return Number(value);
  return value;
}

/** Every way `value` departs from `schema`, each as `<where>: <what>`; empty when it conforms. */
export function schemaProblems(
  value: unknown,
  schema: DiscoverySchema,
  at: string,
  doc: DiscoveryDocument = discovery(),
): string[] {
  if (schema.$ref !== undefined) {
    const target = doc.schemas[schema.$ref];
    return target
      ? schemaProblems(value, target, at, doc)
      : [`${at}: schema ${schema.$ref} is not in the document`];
  }
  switch (schema.type) {
    case 'any':
    case undefined:
      return [];
    case 'array': {
      if (!Array.isArray(value)) return [`${at}: expected an array, got ${kind(value)}`];
      const items = schema.items;
      return items ? value.flatMap((item, i) => schemaProblems(item, items, `${at}[${i}]`, doc)) : [];
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return [`${at}: expected an object, got ${kind(value)}`];
      }
      const problems: string[] = [];
      for (const [key, member] of Object.entries(value)) {
        const spec = schema.properties?.[key] ?? schema.additionalProperties;
        if (!spec) problems.push(`${at}.${key}: unknown name (not in the discovery document)`);
        else problems.push(...schemaProblems(member, spec, `${at}.${key}`, doc));
      }
      return problems;
    }
    default:
      return scalarProblems(value, schema, at);
  }
}

function scalarProblems(value: unknown, schema: DiscoverySchema, at: string): string[] {
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') return [`${at}: expected a string, got ${kind(value)}`];
      if (schema.enum && !schema.enum.includes(value)) {
        return [`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`];
      }
      // int64 travels as a decimal string in JSON.
      if (schema.format === 'int64' && !/^-?\d+$/.test(value)) return [`${at}: expected an int64 string`];
      return [];
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: expected a boolean, got ${kind(value)}`];
    case 'integer':
      if (schema.format === 'int64') {
        return typeof value === 'string' && /^-?\d+$/.test(value) ? [] : [`${at}: expected an int64 string`];
      }
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 31
        ? []
        : [`${at}: expected an int32, got ${kind(value)}`];
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? []
        : [`${at}: expected a number, got ${kind(value)}`];
    default:
      return [`${at}: the document's type ${String(schema.type)} is not understood by this validator`];
  }
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40) ?? ''}`.trim();
}

/** Every way a method's 2xx answer departs from its documented response schema. */
export function responseProblems(
  method: DiscoveryMethod,
  body: unknown,
  doc: DiscoveryDocument = discovery(),
): string[] {
  if (!method.response) return body === undefined ? [] : [`${method.id}: documents no response body`];
  return schemaProblems(body, method.response, `${method.id} response`, doc);
}

/** True when one of `granted` is among the scopes the document lists for `method`. */
export function scopesAllow(method: DiscoveryMethod, granted: readonly string[]): boolean {
  return method.scopes.some((scope) => granted.includes(scope));
}
