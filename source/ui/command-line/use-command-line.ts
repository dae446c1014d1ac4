import type {Key} from 'ink';
import {useRef, useState, type RefObject} from 'react';
import {bindingOutcome} from '../keys/key-outcome.js';
import {applyOutcome, type KeyHandlers} from '../use/use-keys.js';
import type {Dispatch} from '../use/use-store.js';
import type {DashboardState} from '../state/types.js';
import type {ThemeName} from '../themes/names.js';
import {commandEffects, completeLine} from './commands.js';

/** What the `:` line shows: the text typed, and the choices Tab has while it has several. */
export interface CommandLineView {
  text: string;
  choices: readonly string[];
}

export interface CommandLineHandlers extends KeyHandlers {
  setTheme: (name: ThemeName) => void;
  write: (path: string, overwrite: boolean) => void;
}

/** Tab again with the same choices steps through them, as a shell's menu does. */
interface Cycle {
  head: string;
  choices: readonly string[];
  index: number;
}

const historyLimit = 100;

/**
 * The `:` command line: typed text, Tab completion, ↑↓ history, Enter runs, Esc leaves. While
 * it is open it has the keys (the dashboard's handler is off); commands run through the same
 * bindings as their keys, so a refusal (read-only) says the same thing.
 */
export function useCommandLine(
  current: RefObject<DashboardState>,
  dispatch: Dispatch,
  handlers: CommandLineHandlers,
) {
  const [view, setShown] = useState<CommandLineView | undefined>(undefined);
  // Keys are routed by this, not by the drawn state: a key read before the next frame must
  // already reach the line (`:q` typed fast is one read).
  const live = useRef<CommandLineView | undefined>(undefined);
  const setView = (line: CommandLineView | undefined) => {
    live.current = line;
    setShown(line);
  };
  const history = useRef<string[]>([]);
  const recalled = useRef<number | undefined>(undefined);
  const cycle = useRef<Cycle | undefined>(undefined);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  const open = () => {
    recalled.current = undefined;
    cycle.current = undefined;
    setView({text: '', choices: []});
  };

  const run = (text: string) => {
    const trimmed = text.trim();
    if (trimmed !== '' && history.current.at(-1) !== trimmed)
      history.current = [...history.current, trimmed].slice(-historyLimit);
    const own = handlersRef.current;
    for (const effect of commandEffects(current.current, text)) {
      if (effect.type === 'dispatch') dispatch(effect.action);
      else if (effect.type === 'binding') {
        const outcome = bindingOutcome(current.current, effect.binding, {
          at: own.now(),
          ascii: own.ascii ?? false,
        });
        applyOutcome(outcome, dispatch, own);
      } else if (effect.type === 'quit') own.quit(effect.code);
      else if (effect.type === 'theme') own.setTheme(effect.name);
      else if (effect.type === 'write') own.write(effect.path, effect.overwrite);
      else own.copy?.();
    }
  };

  /** The line after one key; undefined when the line closes (Esc, Enter, which runs it). */
  const edit = (line: CommandLineView, input: string, key: Key): CommandLineView | undefined => {
    if (key.ctrl && input === 'c') {
      handlersRef.current.quit(130);
      return line;
    }
    if (key.escape) return undefined;
    if (key.return) {
      setView(undefined);
      run(line.text);
      return undefined;
    }
    if (key.tab) return tabbed(line.text);
    if (key.upArrow || key.downArrow) return recall(key.upArrow ? -1 : 1, line.text);
    cycle.current = undefined;
    if (key.backspace || key.delete) {
      // Backspace on an empty line leaves it, as in vim.
      if (line.text === '') return undefined;
      return {text: Array.from(line.text).slice(0, -1).join(''), choices: []};
    }
    // eslint-disable-next-line no-control-regex
    if (key.ctrl || key.meta || input === '' || /[\u0000-\u001f\u007f]/.test(input)) return line;
    return {text: line.text + input, choices: []};
  };

  const tabbed = (text: string): CommandLineView => {
    const steps = cycle.current;
    if (steps && text === steps.head + (steps.choices[steps.index] ?? '')) {
      const index = (steps.index + 1) % steps.choices.length;
      cycle.current = {...steps, index};
      return {text: steps.head + steps.choices[index]!, choices: steps.choices};
    }
    const {text: next, completion} = completeLine(current.current.model, text);
    const {candidates, head} = completion;
    if (candidates.length > 1 && next === text) {
      cycle.current = {head, choices: candidates, index: 0};
      return {text: head + candidates[0]!, choices: candidates};
    }
    cycle.current = undefined;
    return {text: next, choices: candidates.length > 1 ? candidates : []};
  };

  const recall = (direction: -1 | 1, text: string): CommandLineView => {
    const lines = history.current;
    if (lines.length === 0) return {text, choices: []};
    const at = recalled.current ?? lines.length;
    const next = Math.max(0, Math.min(lines.length, at + direction));
    recalled.current = next;
    return {text: lines[next] ?? '', choices: []};
  };

  /** The dashboard's keys come here first; true when the line took them. */
  const intercept = (input: string, key: Key): boolean => {
    const open = live.current;
    if (!open) return false;
    const line = edit(open, input, key);
    // Enter closed the line before its command ran; a command leaves it closed.
    if (live.current === open) setView(line);
    return true;
  };

  return {view, open, intercept};
}
