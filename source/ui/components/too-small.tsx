import {Text} from 'ink';
import type {TerminalSize} from '../use/use-terminal-size.js';
import {t} from '../../i18n/i18n.js';
import {minColumns, minRows} from '../screen-layout.js';
import type {Theme} from '../theme.js';

/** What any full screen draws instead of itself when the terminal is below its least size. */
export function TooSmall({theme, size}: {theme: Theme; size: TerminalSize}) {
  return (
    <Text wrap="truncate">
      {theme.printable(
        t(theme.lang, 'msg.tooSmall', {w: minColumns, h: minRows, c: size.columns, r: size.rows}),
      )}
    </Text>
  );
}
