import type {RowItems} from '../components/list-panel.js';
import type {ScreenLayout} from '../screen-layout.js';
import {cursorOf} from '../state/navigation.js';
import type {DashboardAction, DashboardState} from '../state/types.js';

/** One SGR mouse report (mode 1006): `ESC [ < button ; column ; row M` (press) or `m` (release). */
export interface MouseEvent {
  button: number;
  /** 0-based cell of the frame. */
  column: number;
  row: number;
  press: boolean;
}

// eslint-disable-next-line no-control-regex
const report = /\u001B?\[<(\d+);(\d+);(\d+)([Mm])/g;

/**
 * The mouse reports of one read, or undefined when the read is not only mouse reports (then it is
 * typed keys, and the keys' handler has it). Ink hands the read over with or without its ESC.
 */
export function mouseEvents(input: string): MouseEvent[] | undefined {
  const events: MouseEvent[] = [];
  let rest = input;
  for (const match of input.matchAll(report)) {
    events.push({
      button: Number(match[1]),
      column: Number(match[2]) - 1,
      row: Number(match[3]) - 1,
      press: match[4] === 'M',
    });
    rest = rest.replace(match[0], '');
  }
  return events.length > 0 && rest === '' ? events : undefined;
}

const wheelLines = 3;
const wheelUp = 64;
const wheelDown = 65;

/**
 * What a mouse report does on the screen: a click on a tree row or a list item selects it, a click
 * on a panel gives it the keys, the wheel scrolls the panel under the pointer. Releases and drags
 * do nothing. `drawn` is what the open list panel drew, line by line, as it last drew it.
 */
export function mouseActions(
  state: DashboardState,
  layout: ScreenLayout,
  event: MouseEvent,
  drawn?: {panel: string; rows: RowItems},
): DashboardAction[] {
  const top = 1 + layout.bannerRows;
  if (event.row < top || event.row >= top + layout.bodyRows) return [];
  const side = event.column < layout.treeWidth ? 'tree' : 'panel';
  const inner = event.row - top - 1;
  if (event.button === wheelUp || event.button === wheelDown) {
    const by = event.button === wheelUp ? -wheelLines : wheelLines;
    if (side === 'tree')
      return Array.from({length: wheelLines}, () => ({type: by < 0 ? 'moveUp' : 'moveDown'}));
    if (state.panel === 'impact' || state.detail) return [{type: 'scrollPanel', by}];
    return [{type: 'listMove', by}];
  }
  if (event.button !== 0 || !event.press) return [];
  const focus: DashboardAction[] = state.focus === side ? [] : [{type: 'focusNext'}];
  if (state.help) return focus;
  if (side === 'panel') {
    const list = state.panel !== 'impact' && !state.detail && !state.pending;
    const item = list && drawn?.panel === state.panel ? drawn.rows[inner] : undefined;
    const by = item === undefined ? 0 : item - state.list.index;
    return by === 0 ? focus : [...focus, {type: 'listMove', by}];
  }
  if (inner < 0 || inner >= layout.innerRows) return focus;
  const target = state.scrollTop + inner;
  const delta = target - cursorOf(state);
  const step: DashboardAction = {type: delta < 0 ? 'moveUp' : 'moveDown'};
  return [...focus, ...Array.from({length: Math.abs(delta)}, () => step)];
}
