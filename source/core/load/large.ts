import {YAMLException, load} from 'js-yaml';
import {coreSchema} from './yaml-core-schema.js';
import type {Refusal} from './decode.js';

/**
 * Above this size a file that the fast parsers do not take is not read the precise way: `yaml`
 * with positions needs about a second and 100 MB per 1 MB of YAML (a 1M-VM file is 110-170 MB).
 */
export const maxPreciseBytes = 32 * 1024 * 1024;

/**
 * Why a file too large for the precise way was not loaded: a syntax error where the fast
 * parsers place it (JSON.parse and js-yaml say where), else that it is not a valid topology,
 * at its start, with the advice to check a smaller file.
 */
export function largeFileProblem(text: string): Refusal {
  const size = (text.length / 1048576).toFixed(0);
  const limit = maxPreciseBytes / 1048576;
  const syntax = syntaxError(text);
  if (syntax) return syntax;
  return {
    message: `not a valid topology, and at ${size} MB too large to say where (problems are placed in files up to ${limit} MB): check a smaller part of it`,
    line: 1,
    column: 1,
  };
}

function syntaxError(text: string): Refusal | undefined {
  try {
    load(text, {schema: coreSchema});
    return undefined;
  } catch (error) {
    if (!(error instanceof YAMLException)) return undefined;
    const mark = error.mark as {line?: number; column?: number} | undefined;
    return {
      message: `YAML syntax: ${error.reason}`,
      line: (mark?.line ?? 0) + 1,
      column: (mark?.column ?? 0) + 1,
    };
  }
}
