/** The commands of the command line; without one, failsight opens the dashboard. */
export const commandNames = [
  'check',
  'impact',
  'demo',
  'import',
  'diff',
  'explain',
  'report',
  'config',
] as const;

export type CommandName = (typeof commandNames)[number];

/** The commands that print one JSON document with --json: the usage and its refusals say these. */
export const jsonCommands: readonly CommandName[] = [
  'check',
  'impact',
  'diff',
  'explain',
  'report',
];

/** "a, b or c". */
const oneOf = (words: readonly string[]) =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

/** What a command without a JSON output says to --json. */
export const jsonRefusal = `--json goes with ${oneOf(jsonCommands)}`;
