import {isMap, isScalar, isSeq, type Document} from 'yaml';
import {z} from 'zod';
import type {FilePath, Problem} from '../model.js';
import {nearest} from '../nearest.js';
import {topologySchema} from '../schema.js';
import type {KeyPath} from './located.js';

/** A problem whose path may end at a key that is itself the problem (an unknown field). */
export interface KeyProblem {
  path: KeyPath;
  message: string;
}

/**
 * The schema's issues as problems placed in the document, in words that name the field and
 * what was written there. A field reported missing because it was misspelt is left to the
 * unknown-field message, which suggests the right name.
 */
export function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  document: Document,
  text: string,
): Array<Problem | KeyProblem> {
  const problems: Array<Problem | KeyProblem> = [];
  const hinted = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = cleanPath(issue.path);
    const where = describePath(path);
    for (const key of issue.keys) {
      const hint = nearest(key, knownFields(path));
      if (hint !== undefined) hinted.add(JSON.stringify([...path, hint]));
      problems.push({
        path: [...path, {key}],
        message: `unknown field "${key}"${where ? ` in ${where}` : ''}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
      });
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = cleanPath(issue.path);
    const where = describePath(path);
    if (!document.hasIn(path)) {
      if (!hinted.has(JSON.stringify(path)))
        problems.push({path, message: `${where}: missing (required)`});
      continue;
    }
    problems.push({
      path,
      message: `${where}: ${zodMessage(issue.message)}${written(issue, document.getIn(path, true), text)}`,
    });
  }
  return problems;
}

/** What was written at the field, as far as it helps: the value, and how to fix its type. */
function written(issue: z.core.$ZodIssue, node: unknown, text: string): string {
  if (!isScalar(node)) {
    if (issue.code !== 'invalid_type') return '';
    return isSeq(node) ? ', got a list' : isMap(node) ? ', got a mapping' : '';
  }
  const value = node.value;
  if (value === null) return ', got an empty value';
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
    let message = issue.code === 'invalid_type' ? `, got the string ${shown}` : `, got ${shown}`;
    const wantsNumber =
      (issue.code === 'invalid_type' && issue.expected === 'number') ||
      (issue.code === 'invalid_value' && issue.values.some((v) => typeof v === 'number'));
    if (wantsNumber && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
      message += ` (write ${value.trim()} without quotes)`;
    return message;
  }
  const source = (node.range ? text.slice(node.range[0], node.range[1]).trim() : '').slice(0, 60);
  let message = `, got ${source || String(value)}`;
  if (issue.code === 'invalid_type' && issue.expected === 'string' && source)
    message += ` (write "${source}" in quotes)`;
  return message;
}

const fieldNames = new Map<string, readonly string[]>();

/** The fields the schema allows in the object at `path`, walked with zod's public classes. */
function knownFields(path: FilePath): readonly string[] {
  const key = path.filter((part) => typeof part === 'string').join('.');
  const cached = fieldNames.get(key);
  if (cached) return cached;
  let schema: z.ZodType | undefined = topologySchema;
  for (const part of path) {
    const inner = unwrap(schema);
    if (typeof part === 'number' && inner instanceof z.ZodArray)
      schema = inner.element as z.ZodType;
    else if (typeof part === 'string' && inner instanceof z.ZodObject)
      schema = (inner.shape as Record<string, z.ZodType>)[part];
    else schema = undefined;
    if (schema === undefined) break;
  }
  const object = schema === undefined ? undefined : unwrap(schema);
  const names = object instanceof z.ZodObject ? Object.keys(object.shape) : [];
  fieldNames.set(key, names);
  return names;
}

/** The schema under `.optional()`, `.default()` and `.nullable()`. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodDefault ||
    current instanceof z.ZodNullable
  )
    current = current.unwrap() as z.ZodType;
  return current;
}

function cleanPath(path: readonly PropertyKey[]): Array<string | number> {
  return path.filter((part): part is string | number => typeof part !== 'symbol');
}

const typeNames: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

/** zod's default wording made to read like the schema's own messages. */
function zodMessage(message: string): string {
  return message
    .replace(/^Invalid (input|option|string): /, '')
    .replace(/, received \w+$/, '')
    .replace(/^expected (\w+)$/, (whole, type: string) =>
      typeNames[type] ? `expected ${typeNames[type]}` : whole,
    )
    .replace(/^Too small: expected string to have >=1 characters$/, 'cannot be empty');
}

function describePath(path: FilePath): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('');
}
