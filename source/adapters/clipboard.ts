import type {CopyOutcome} from '../core/outputs.js';

type Env = Record<string, string | undefined>;

/** OSC 52: "put this on the clipboard" (`c`), the text in base64, ended by BEL. */
export function osc52(text: string): string {
  return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/**
 * Why OSC 52 may not arrive: inside tmux it reaches the outer terminal only with
 * `set -g set-clipboard on`; the Linux console and dumb terminals have no clipboard. Terminals
 * may also refuse it by setting (xterm's allowWindowOps), which nothing here can see.
 */
export function clipboardDoubt(env: Env): CopyOutcome & {type: 'sent'} {
  const term = env['TERM'] ?? '';
  if (term === '' || term === 'dumb' || term === 'linux' || term.startsWith('vt'))
    return {type: 'sent', doubt: 'term', term: term || 'unset'};
  if (env['TMUX'] !== undefined || /^(screen|tmux)/.test(term))
    return {type: 'sent', doubt: 'tmux', term};
  return {type: 'sent'};
}

/** Sends `text` to the terminal's clipboard through `out` (the terminal); none without one. */
export function copyToClipboard(
  text: string,
  out: {write: (text: string) => unknown; isTTY?: boolean},
  env: Env,
): CopyOutcome {
  if (!out.isTTY) return {type: 'none'};
  out.write(osc52(text));
  return clipboardDoubt(env);
}
