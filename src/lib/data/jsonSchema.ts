/**
 * JSON Schema (draft 2020-12) of each data file, generated from the zod shapes in
 * src/schemas/exports.ts, and the flat field list the /data/ page prints from it.
 */
import { z } from 'astro/zod';
import { exportSchemas } from '../../schemas/exports.ts';
import { absoluteUrl, dataUrls, type SchemaName } from './paths.ts';

const TITLES: Record<SchemaName, string> = {
  points: '政务公开工作要点（points.json）',
  tasks: '政务公开工作要点任务分解表（tasks.json）',
};

export type JsonSchema = Record<string, unknown>;

export function exportJsonSchema(name: SchemaName, siteUrl: string): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(exportSchemas[name], { target: 'draft-2020-12' }) as JsonSchema;
  return { $schema, $id: absoluteUrl(dataUrls.schema(name), siteUrl), title: TITLES[name], ...rest };
}

export interface FieldRow {
  /** `points[].section.numeral` */
  path: string;
  type: string;
  description: string;
}

function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeOf).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(schema.type)) return (schema.type as string[]).map((type) => typeOf({ ...schema, type })).join(' | ');
  const type = String(schema.type ?? 'any');
  if (type === 'array') return `${typeOf((schema.items ?? {}) as JsonSchema)}[]`;
  return schema.format ? `${type} (${schema.format})` : type;
}

/** Every field of a generated schema, depth first, with its type and description. */
export function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
  const rows: FieldRow[] = [];
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [key, property] of Object.entries(properties)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const nonNull = Array.isArray(property.anyOf)
      ? ((property.anyOf as JsonSchema[]).find((s) => s.type !== 'null') ?? property)
      : property;
    rows.push({ path, type: typeOf(property), description: String(property.description ?? nonNull.description ?? '') });
    if (nonNull.type === 'object') rows.push(...fieldRows(nonNull, path));
    if (nonNull.type === 'array' && (nonNull.items as JsonSchema | undefined)?.type === 'object')
      rows.push(...fieldRows(nonNull.items as JsonSchema, `${path}[]`));
  }
  return rows;
}
