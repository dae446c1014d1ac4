import {readFileSync} from 'node:fs';

/** An audit journal's lines, or a message saying why it cannot be read. */
export function readJournal(
  file: string,
): {ok: true; lines: string[]} | {ok: false; message: string} {
  try {
    return {ok: true, lines: readFileSync(file, 'utf8').split('\n')};
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'a directory, not a journal'
          : (error as Error).message;
    return {ok: false, message: `${file}: ${why}`};
  }
}
