import { z } from 'astro/zod';
import { collectionSchemas, type CollectionName } from '../../../src/schemas/collections.ts';
import type { CheckCode } from './codes.ts';
import { error, type CheckIssue } from './issue.ts';
import type { LoadedEntry } from './loadEntries.ts';

/** References are plain ids here; whether they resolve is checked by validateReferences. */
const id = z.string().min(1);
const factories = collectionSchemas({ documents: id, points: id, tasks: id, departments: id, jiedu: id });
/** Astro checks that a 图解's image exists and reads its size; here it is a path relative to the entry. */
const context = { image: () => z.string().min(1) };

export const schemas = Object.fromEntries(Object.entries(factories).map(([name, schema]) => [name, schema(context)])) as unknown as Record<
  CollectionName,
  z.ZodType
>;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function describe(issue: z.core.$ZodIssue, data: unknown): { code: CheckCode; zh: string; en: string; fix: string } {
  const field = issue.path.join('.');
  if (issue.code !== 'unrecognized_keys' && issue.path.length > 0 && valueAt(data, issue.path) === undefined) {
    return {
      code: 'ZW-SCHEMA-001',
      zh: `缺少必填字段 ${field}`,
      en: `required field ${field} is missing`,
      fix: `添加 ${field}: … / add ${field}: …`,
    };
  }
  if (issue.code === 'invalid_type') {
    return {
      code: 'ZW-SCHEMA-002',
      zh: `字段 ${field} 的类型不对，应为 ${issue.expected}`,
      en: `field ${field} has the wrong type: expected ${issue.expected}`,
      fix: `把 ${field} 改成 ${issue.expected} / make ${field} a ${issue.expected}`,
    };
  }
  if (issue.code === 'unrecognized_keys') {
    return {
      code: 'ZW-SCHEMA-003',
      zh: `未知字段 ${issue.keys.join('、')}`,
      en: `unknown field(s) ${issue.keys.join(', ')}`,
      fix: '检查字段名拼写，或删除该字段 / check the spelling of the field name, or remove it',
    };
  }
  const [zh, en = issue.message] = issue.message.split(' / ');
  return {
    code: 'ZW-SCHEMA-004',
    zh: `字段 ${field}：${zh}`,
    en: `field ${field}: ${en}`,
    fix: '按上述说明修改该字段 / change the field as described',
  };
}

/** Runs each collection's zod schema, reporting every problem at its file and line. */
export function validateSchemas(entries: LoadedEntry[]): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const entry of entries) {
    const result = schemas[entry.collection].safeParse(entry.data);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      // An unknown key is reported at the key itself, not at its parent object.
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
      issues.push(
        error({ file: entry.file, line: entry.lineOf(path), field: path.join('.') || undefined, ...describe(issue, entry.data) }),
      );
    }
  }
  return issues;
}
