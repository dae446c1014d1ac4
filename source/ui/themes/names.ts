/** The themes `--theme`, the config and `:theme` choose from; `mono` is what NO_COLOR gives. */
export const themeNames = ['dark', 'light', 'high-contrast', 'mono'] as const;

export type ThemeName = (typeof themeNames)[number];

export function isThemeName(name: string): name is ThemeName {
  return (themeNames as readonly string[]).includes(name);
}
