// A small JSON Schema checker for the subset the Jira OpenAPI file uses, so the tests can hold the stand-in (and
// the client's fixtures) to the official schemas without adding ajv. Unknown validation keywords throw rather
// than pass silently, so a schema this checker cannot read is never reported as satisfied.

export interface JsonSchema {
  type?: 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array';
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  format?: string;
  nullable?: boolean;
  $ref?: string;
}

export interface OpenApiDocument {
  components: { schemas: Record<string, JsonSchema> };
}

// Keywords that describe rather than constrain.
const ANNOTATIONS = new Set([
  'example',
  'examples',
  'xml',
  'description',
  'title',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
]);
const VALIDATIONS = new Set([
  'type',
  'properties',
  'additionalProperties',
  'items',
  'required',
  'enum',
  'format',
  'nullable',
  '$ref',
]);

// Jira writes `2013-11-27T09:43:28.839+0000` (no colon in the offset), which strict RFC 3339 rejects.
const LOOSE_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;
const INT32 = 2 ** 31;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function checkFormat(format: string, value: unknown, at: string): string[] {
  switch (format) {
    case 'date-time':
      return typeof value === 'string' && !LOOSE_DATE_TIME.test(value) ? [`${at}: "${value}" is not a date-time`] : [];
    case 'uri':
      return typeof value === 'string' && !URL.canParse(value) ? [`${at}: "${value}" is not a URI`] : [];
    case 'int32':
      return typeof value === 'number' && (value < -INT32 || value >= INT32)
        ? [`${at}: ${value} is outside int32`]
        : [];
    case 'int64':
      return typeof value === 'number' && !Number.isSafeInteger(value) ? [`${at}: ${value} is not a safe int64`] : [];
    default:
      // Formats are annotations in JSON Schema; unknown ones are not errors.
      return [];
  }
}

function resolve(document: OpenApiDocument, ref: string): JsonSchema {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref "${ref}"`);
  const schema = document.components.schemas[ref.slice(prefix.length)];
  if (schema === undefined) throw new Error(`Unknown schema "${ref}"`);
  return schema;
}

function check(document: OpenApiDocument, schema: JsonSchema, value: unknown, at: string): string[] {
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !VALIDATIONS.has(keyword))
      throw new Error(`Unsupported keyword "${keyword}" at ${at}`);
  }
  if (schema.$ref !== undefined) return check(document, resolve(document, schema.$ref), value, at);
  if (value === null && schema.nullable === true) return [];

  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const matches = schema.type === actual || (schema.type === 'number' && actual === 'integer');
    if (!matches) return [`${at}: expected ${schema.type}, got ${actual}`];
  }
  const problems: string[] = [];
  if (schema.enum !== undefined && !schema.enum.some((option) => option === value)) {
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (schema.format !== undefined) problems.push(...checkFormat(schema.format, value, at));

  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!(name in object)) problems.push(`${at}: missing required property "${name}"`);
    }
    for (const [name, propertyValue] of Object.entries(object)) {
      const declared = schema.properties?.[name];
      const where = `${at}.${name}`;
      if (declared !== undefined) problems.push(...check(document, declared, propertyValue, where));
      else if (schema.additionalProperties === false) problems.push(`${where}: property not allowed`);
      else if (typeof schema.additionalProperties === 'object') {
        problems.push(...check(document, schema.additionalProperties, propertyValue, where));
      }
    }
  }
  if (actual === 'array' && schema.items !== undefined) {
    const items = schema.items;
    (value as unknown[]).forEach((item, index) => problems.push(...check(document, items, item, `${at}[${index}]`)));
  }
  return problems;
}

/** The problems found validating `value` against `#/components/schemas/<schemaName>`; empty when it conforms. */
export function schemaProblems(document: OpenApiDocument, schemaName: string, value: unknown): string[] {
  return check(document, resolve(document, `#/components/schemas/${schemaName}`), value, schemaName);
}
