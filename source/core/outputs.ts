/** What writing a file came to: the screen asks, an adapter writes. */
export type WriteOutcome = {type: 'written'} | {type: 'exists'} | {type: 'failed'; message: string};

/** What sending text to the terminal's clipboard came to, and why it may not arrive. */
export type CopyOutcome = {type: 'sent'; doubt?: 'tmux' | 'term'; term?: string} | {type: 'none'};

/** The screen's ways out: a file (`:w`), the clipboard (`y`). */
export interface Outputs {
  writeFile: (path: string, text: string, overwrite: boolean) => WriteOutcome;
  copy: (text: string) => CopyOutcome;
}
