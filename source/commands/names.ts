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
