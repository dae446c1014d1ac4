import {Line} from '../components/line.js';
import type {Theme} from '../theme.js';
import {fit, widthOf} from '../text.js';
import type {CommandLineView} from './use-command-line.js';

/** The `:` line in place of the footer: what is typed, a cursor, and Tab's choices after it. */
export function CommandBar({
  view,
  theme,
  width,
}: {
  view: CommandLineView;
  theme: Theme;
  width: number;
}) {
  const typed = `:${view.text}`;
  const room = Math.max(0, width - widthOf(typed) - 1);
  const choices = view.choices.length > 0 ? `  ${view.choices.join(' ')}` : '';
  return (
    <Line
      segments={[
        {text: typed, tone: 'strong'},
        {text: ' ', inverse: true},
        {text: fit(choices, room, 'left', theme.glyphs.ellipsis), tone: 'dim'},
      ]}
      theme={theme}
    />
  );
}
