import {nearest} from './nearest.js';

/** What a command takes after its name: nothing, an id of the topology, a word of a list, a file. */
export type Argument = 'none' | 'id' | 'optional-id' | 'view' | 'theme' | 'file' | 'text';

/** A command typed on the `:` line, split into its name and the rest. */
export interface TypedCommand {
  name: string;
  /** `:w!`: overwrite. */
  bang: boolean;
  argument: string;
}

/** `fail KR-CA` → {name: 'fail', argument: 'KR-CA'}; leading and trailing blanks are ignored. */
export function parseCommand(text: string): TypedCommand {
  const trimmed = text.trim().replace(/^:+/, '');
  const match = /^(\S*?)(!?)(?:\s+(.*))?$/.exec(trimmed);
  return {name: match?.[1] ?? '', bang: match?.[2] === '!', argument: (match?.[3] ?? '').trim()};
}

/** The longest prefix all of `words` share (case kept from the first). */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const word of words.slice(1)) {
    let length = 0;
    while (
      length < prefix.length &&
      length < word.length &&
      prefix[length]!.toLowerCase() === word[length]!.toLowerCase()
    )
      length++;
    prefix = prefix.slice(0, length);
  }
  return prefix;
}

/** The candidates a word may become, in the order given; matched from the start, any case. */
export function candidatesFor(word: string, choices: Iterable<string>, limit = 200): string[] {
  const lower = word.toLowerCase();
  const found: string[] = [];
  for (const choice of choices) {
    if (!choice.toLowerCase().startsWith(lower)) continue;
    found.push(choice);
    if (found.length >= limit) break;
  }
  return found;
}

/** What Tab makes of the line: the word under completion replaced, and the choices it had. */
export interface Completion {
  /** The line before the word being completed. */
  head: string;
  word: string;
  candidates: string[];
}

/**
 * The word Tab completes: the command's name while there is no blank yet, else its argument,
 * from the choices that argument takes (`argumentChoices` returns none for a free one).
 */
export function completionOf(
  text: string,
  names: readonly string[],
  argumentChoices: (name: string) => Iterable<string> | undefined,
): Completion {
  const blank = text.search(/\s/);
  if (blank < 0) {
    const sorted = [...new Set(names)].sort();
    return {head: '', word: text, candidates: candidatesFor(text, sorted)};
  }
  const name = text.slice(0, blank).replace(/!$/, '');
  const rest = text.slice(blank).replace(/^\s+/, '');
  const head = text.slice(0, text.length - rest.length);
  const choices = argumentChoices(name);
  return {head, word: rest, candidates: choices ? candidatesFor(rest, choices) : []};
}

/** The line after one Tab: the only candidate and a blank, else what all candidates share. */
export function completed(completion: Completion, argumentFollows: boolean): string {
  const {head, word, candidates} = completion;
  if (candidates.length === 1)
    return `${head}${candidates[0]!}${head === '' && argumentFollows ? ' ' : ''}`;
  const shared = commonPrefix(candidates);
  return shared.length > word.length ? head + shared : head + word;
}

/** The known name nearest an unknown one, for "did you mean". */
export function nearestCommand(name: string, names: readonly string[]): string | undefined {
  return nearest(name, names);
}
