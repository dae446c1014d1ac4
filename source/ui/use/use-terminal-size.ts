import {useStdout} from 'ink';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/**
 * The size to draw at: the caller's (runFullScreen follows resizes and repaints the whole
 * screen; tests fix it), else the terminal's as it is now.
 */
export function useTerminalSize(fixed?: TerminalSize): TerminalSize {
  const {stdout} = useStdout();
  return fixed ?? {columns: stdout.columns || 80, rows: stdout.rows || 24};
}
