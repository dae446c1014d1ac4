import {renderToString} from 'ink';
import {useCallback, useMemo, useState, type ReactElement, type RefObject} from 'react';
import type {Outputs} from '../../core/outputs.js';
import {printable} from '../../core/printable.js';
import type {KeyHandlers} from '../use/use-keys.js';
import type {Dispatch} from '../use/use-store.js';
import {screenLayoutOf, type ScreenLayout} from '../screen-layout.js';
import type {DashboardState, Notice} from '../state/types.js';
import {themeOf, type Theme} from '../theme.js';
import type {ThemeName} from '../themes/names.js';
import type {Look} from '../../shared/types.js';
import {impactMarkdown, panelText, plainLines} from './exports.js';
import {useCommandLine} from './use-command-line.js';

/** Tall enough that a copied panel holds every line it has, not only those on screen. */
const copyRows = 400;

export interface ScreenCommandsOptions {
  current: RefObject<DashboardState>;
  dispatch: Dispatch;
  handlers: KeyHandlers;
  look: Look;
  theme: ThemeName | undefined;
  outputs: Outputs | undefined;
  size: {columns: number; rows: number};
  bannerRows: number;
  /** The screen as it is now, drawn with `theme` at `layout`: what `:w` and `y` write out. */
  frame: (theme: Theme, layout: ScreenLayout) => ReactElement;
}

/**
 * What the command line adds to the screen: the `:` line itself, the theme it can change, `y`
 * (the focused panel to the clipboard, OSC 52) and `:w FILE` (the screen as text, or the impact
 * as Markdown for a FILE ending in .md). Files and the clipboard are the caller's `outputs`.
 */
export function useScreenCommands(options: ScreenCommandsOptions) {
  const {current, dispatch, handlers, look, outputs, size, bannerRows, frame} = options;
  const [themeName, setTheme] = useState<ThemeName>(options.theme ?? 'dark');
  const {lang, ascii, color} = look;
  const theme = useMemo(
    () => themeOf({lang, ascii, color}, themeName),
    [lang, ascii, color, themeName],
  );
  const plain = useMemo(() => themeOf({lang, ascii, color: false}), [lang, ascii]);
  const say = useCallback(
    (id: Notice['id'], params?: Notice['params'], tone: Notice['tone'] = 'info') =>
      dispatch({type: 'notice', notice: {id, tone, ...(params ? {params} : {})}}),
    [dispatch],
  );

  const copy = () => {
    if (!outputs) return say('cmd.noClipboard', undefined, 'warn');
    const state = current.current;
    const layout = screenLayoutOf(size.columns, Math.max(size.rows, copyRows), bannerRows);
    const lines = plainLines(renderToString(frame(plain, layout), {columns: size.columns}));
    const side = state.focus === 'panel' ? 'panel' : 'tree';
    const text = panelText(lines, layout, side);
    const outcome = outputs.copy(text);
    if (outcome.type === 'none') return say('cmd.noClipboard', undefined, 'warn');
    const params = {
      n: text.split('\n').length - 1,
      panel: text.split('\n')[0] ?? '',
      term: printable(outcome.term ?? ''),
    };
    if (outcome.doubt === 'tmux') return say('cmd.copiedTmux', params, 'warn');
    if (outcome.doubt === 'term') return say('cmd.copiedUnsure', params, 'warn');
    say('cmd.copied', params);
  };

  const write = (path: string, overwrite: boolean) => {
    if (!outputs) return say('cmd.noFiles', undefined, 'warn');
    const markdown = /\.md$/i.test(path);
    const text = markdown
      ? impactMarkdown(current.current, plain, handlers.now())
      : plainLines(
          renderToString(frame(plain, screenLayoutOf(size.columns, size.rows, bannerRows)), {
            columns: size.columns,
          }),
        ).join('\n') + '\n';
    const outcome = outputs.writeFile(path, text, overwrite);
    const shown = printable(path);
    if (outcome.type === 'exists') return say('cmd.exists', {path: shown}, 'warn');
    if (outcome.type === 'failed')
      return say('cmd.writeFailed', {path: shown, message: printable(outcome.message)}, 'error');
    say('cmd.written', {path: shown, format: markdown ? 'Markdown' : 'text'});
  };

  const changeTheme = (name: ThemeName) => {
    setTheme(name);
    // Without colour every theme is mono: say so rather than seem to ignore the command.
    say('cmd.theme', {name: color || name === 'mono' ? name : `${name} (mono: no colour)`});
  };

  const line = useCommandLine(current, dispatch, {
    ...handlers,
    copy,
    setTheme: changeTheme,
    write,
  });
  return {
    theme,
    commandLine: line.view,
    openCommandLine: line.open,
    intercept: line.intercept,
    copy,
  };
}
