import {isCollection, isPair, visit, type Document, type LineCounter} from 'yaml';
import {maxDepth} from './decode.js';
import {rangeStart, sortLocated, type Located} from './located.js';

export {maxDepth};

const languageOf = (file: string) => (/\.json$/i.test(file) ? 'JSON' : 'YAML');

/** The parser's errors as located messages, the first at each place, at most ten, in file order. */
export function syntaxErrors(
  document: Document,
  text: string,
  file: string,
  lines: LineCounter,
): Located[] {
  const language = languageOf(file);
  const position = (offset: number) => lines.linePos(Math.max(0, offset));
  // The parser gives up on deep nesting where its stack ran out; say where the nesting went too deep.
  if (document.errors.some((error) => /call stack/i.test(error.message))) {
    const {line, col} = position(tooDeep(text) ?? document.errors[0]!.pos[0]);
    return [{file, line, column: col, message: deepMessage(language)}];
  }
  const seen = new Set<number>();
  const firstAtEachPlace = document.errors.filter(
    (error) => !seen.has(error.pos[0]) && seen.add(error.pos[0]),
  );
  const errors = firstAtEachPlace.slice(0, 10).map((error) => {
    const {line, col} = position(error.pos[0]);
    const written = text.slice(error.pos[0], error.pos[0] + 200);
    return {
      file,
      line,
      column: col,
      message: yamlMessage(error.code, error.message, written, language),
    };
  });
  return sortLocated(errors);
}

/**
 * Nesting the parser survived is refused the same way as nesting it did not (which of the two
 * happens depends on the engine's stack).
 */
export function nestingError(
  document: Document,
  text: string,
  file: string,
  lines: LineCounter,
): Located | undefined {
  const deepNode = deepestNode(document);
  if (deepNode === undefined) return undefined;
  const {line, col} = lines.linePos(Math.max(0, tooDeep(text) ?? deepNode));
  return {file, line, column: col, message: deepMessage(languageOf(file))};
}

/** The document as plain data, or the located reason it cannot become data (aliases). */
export function documentData(
  document: Document,
  file: string,
  lines: LineCounter,
): {data: unknown} | {error: Located} {
  try {
    return {data: document.toJS({maxAliasCount: 100}) as unknown};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unresolved = /Unresolved alias[^:]*: (.*)$/.exec(message);
    const alias = aliasOffset(document, unresolved?.[1]);
    const {line, col} = lines.linePos(Math.max(0, alias ?? 0));
    return {
      error: {
        file,
        line,
        column: col,
        message: unresolved
          ? `unknown YAML anchor: *${unresolved[1]} refers to no &${unresolved[1]} set before it`
          : /alias/i.test(message)
            ? 'too many YAML aliases (an alias expansion bomb?): refused'
            : `cannot read the YAML: ${message}`,
      },
    };
  }
}

const deepMessage = (language: string) =>
  `invalid ${language}: nested more than ${maxDepth} levels deep`;

/**
 * Offset of the first bracket that opens a flow collection deeper than maxDepth, if any. Only
 * asked once the parser has failed, so a rough scan (quotes and comments skipped) is enough.
 */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '#' && /\s/.test(text[index - 1] ?? '\n')) {
      const end = text.indexOf('\n', index);
      if (end < 0) break;
      index = end;
    } else if ((char === '"' || char === "'") && /[\s[{,:]/.test(text[index - 1] ?? '\n'))
      quote = char;
    else if (char === '[' || char === '{') {
      if (++depth > maxDepth) return index;
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Offset of the first collection nested more than maxDepth below the top level, walked without recursion. */
function deepestNode(document: Document): number | undefined {
  const stack: Array<{node: unknown; depth: number}> = [{node: document.contents, depth: 0}];
  while (stack.length > 0) {
    const {node, depth} = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > maxDepth) return rangeStart(node);
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        stack.push({node: item.key, depth: depth + 1}, {node: item.value, depth: depth + 1});
      } else stack.push({node: item, depth: depth + 1});
    }
  }
  return undefined;
}

function yamlMessage(code: string, message: string, written: string, language: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // The first token where the error starts: a quoted string, or a word up to a delimiter.
  const token = (/^\s*("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s:,{}[\]]+)/.exec(written)?.[1] ?? '')
    .replace(/^(["'])(.*)\1$/, '$2')
    .slice(0, 40);
  if (code === 'DUPLICATE_KEY')
    return `duplicate key "${token}": a field may appear once in a mapping`;
  if (code === 'MULTIPLE_DOCS')
    return 'more than one YAML document (a second "---"): a topology is one document';
  if (code === 'TAB_AS_INDENT')
    return 'invalid YAML: a tab used as indentation; indent with spaces';
  if (code === 'UNEXPECTED_TOKEN')
    return `invalid ${language}: unexpected ${token ? `"${token}"` : 'token'}${language === 'JSON' ? ' (a missing comma?)' : ''}`;
  if (code === 'BLOCK_IN_FLOW' && language === 'JSON')
    return `invalid JSON: something missing after ${token ? `"${token}"` : 'this value'} (a comma?)`;
  return `invalid ${language}: ${first}`;
}

/** Offset of the alias `*name` (the first alias of all when no name is given). */
function aliasOffset(document: Document, name: string | undefined): number | undefined {
  let found: number | undefined;
  visit(document, {
    Alias(_key, node) {
      if (name !== undefined && node.source !== name) return undefined;
      found = node.range?.[0];
      return visit.BREAK;
    },
  });
  return found;
}
