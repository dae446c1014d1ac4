import {Box, useApp} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';
import type {JournalRecord} from '../../core/journal.js';
import type {Model} from '../../core/model.js';
import {stateAtStep} from '../demo/replay.js';
import type {DemoStep} from '../demo/script.js';
import {useDemo} from '../use/use-demo.js';
import {mouseActions, mouseEvents} from '../use/mouse.js';
import {useDashboardKeys} from '../use/use-keys.js';
import {useLiveUpdates} from '../use/use-live-updates.js';
import {useDashboardStore} from '../use/use-store.js';
import {useTerminalSize, type TerminalSize} from '../use/use-terminal-size.js';
import {screenLayoutOf} from '../screen-layout.js';
import {initialState} from '../state/init.js';
import type {
  AvailabilityOf,
  Compare,
  HookRunner,
  LiveUpdate,
  Look,
  PaintCells,
  View,
} from '../../shared/types.js';
import {CommandBar} from '../command-line/command-bar.js';
import {useScreenCommands} from '../command-line/use-screen-commands.js';
import type {ThemeName} from '../themes/names.js';
import type {Outputs} from '../../core/outputs.js';
import type {RowItems} from './list-panel.js';
import {Screen} from './screen.js';
import {preloadWideTable} from './service-table.js';
import {TooSmall} from './too-small.js';
import {adviceLines} from './sweep-panel.js';

export interface DashboardProps {
  model: Model;
  look: Look;
  readOnly?: boolean;
  includeGslb?: boolean;
  warnings?: readonly string[];
  /** Whether a live source feeds `updates` (the header then counts what it observed). */
  live?: boolean;
  updates?: AsyncIterable<LiveUpdate>;
  /** The audit journal: what each step journals, before the screen shows it. */
  onJournal?: (records: readonly JournalRecord[]) => void;
  /** --allow-hooks: confirmed hooks run through this; without it, hooks are a dry run. */
  runHook?: HookRunner;
  availabilityOf?: AvailabilityOf;
  /** --compare OLD: the diff panel (d). */
  compare?: Compare;
  onQuit?: (code: number) => void;
  demo?: {steps: DemoStep[]; dwellMs?: number};
  view?: View;
  /** Injected for tests: the clock, how often it ticks (0: never), and a fixed terminal size. */
  now?: () => number;
  tickMs?: number;
  size?: TerminalSize;
  /** Draws the clock's cells straight onto the terminal (see PaintCells). */
  paintCells?: PaintCells;
  /** Draw nothing for now: after a resize, the caller repaints from an empty frame. */
  blank?: boolean;
  /** The palette to start with (`:theme` changes it). */
  theme?: ThemeName;
  /** Where `:w` writes and `y` copies to; without them both say they cannot. */
  outputs?: Outputs;
}

const noWarnings: readonly string[] = [];

export function Dashboard(props: DashboardProps) {
  const now = props.now ?? Date.now;
  const size = useTerminalSize(props.size);
  const layout = screenLayoutOf(size.columns, size.rows, props.demo ? 2 : 0);
  const {ascii} = props.look;
  const [epoch] = useState(now);
  const steps = props.demo?.steps;
  const {
    state,
    dispatch: store,
    current,
  } = useDashboardStore(() => {
    const initial = initialState({
      model: props.model,
      readOnly: props.readOnly ?? false,
      includeGslb: props.includeGslb ?? false,
      ...(props.compare ? {compare: props.compare} : {}),
      demo: steps !== undefined,
      allowHooks: props.runHook !== undefined,
      live: props.live ?? props.updates !== undefined,
      at: epoch,
      treeRows: layout.innerRows,
      listRows: layout.innerRows - 2 - adviceLines,
      ...(props.view ? {view: props.view} : {}),
    });
    return steps ? stateAtStep(initial, steps, 0, epoch) : initial;
  }, props.onJournal);
  // The side panel notes how many lines it drew; a scroll carries that, so the reducer stops it
  // at the end without the drawing ever dispatching.
  const drawnPanel = useRef(0);
  const dispatch = useCallback<typeof store>(
    (action) =>
      store(
        action.type === 'scrollPanel' || action.type === 'scrollPanelTo'
          ? {...action, length: drawnPanel.current}
          : action,
      ),
    [store],
  );
  const demo = useDemo(steps, state.story, current, dispatch, {
    now,
    dwellMs: props.demo?.dwellMs ?? 6000,
    epoch,
  });
  const clock = demo ? demo.now : now;
  const tickMs = props.tickMs ?? 1000;
  const clockRef = useRef(clock);
  clockRef.current = clock;
  const playing = demo !== undefined;
  // A GSLB that finished moving traffic is announced once, when the clock passes its time: on
  // the clock's tick and on a key (use-keys), never as a result of drawing. A tick with nothing
  // to announce returns the same state, so it renders nothing.
  useEffect(() => {
    if (playing || tickMs <= 0) return;
    const timer = setInterval(() => dispatch({type: 'tick', at: clockRef.current()}), tickMs);
    return () => clearInterval(timer);
  }, [playing, tickMs, dispatch]);
  useLiveUpdates(props.updates, dispatch, now);
  // Effects run once the first frame is written: what it did not need loads now.
  useEffect(preloadWideTable, []);
  useEffect(() => {
    if (current.current.treeRows !== layout.innerRows)
      dispatch({
        type: 'resize',
        treeRows: layout.innerRows,
        listRows: layout.innerRows - 2 - adviceLines,
      });
  }, [layout.innerRows, dispatch, current]);
  const app = useApp();
  const {onQuit} = props;
  const quit = useCallback((code: number) => (onQuit ? onQuit(code) : app.exit()), [onQuit, app]);
  const {runHook} = props;
  const confirmHook = useCallback(() => {
    const hook = current.current.hooks.pending;
    dispatch({type: 'confirmHook'});
    if (!hook || !runHook) return;
    runHook(hook, (event) =>
      dispatch(
        event.type === 'started'
          ? {type: 'hookStarted', hook, at: event.at}
          : {type: 'hookEnded', hook, outcome: event.outcome},
      ),
    );
  }, [current, dispatch, runHook]);
  const handlers = {
    confirmHook,
    now: demo ? demo.now : now,
    quit,
    ascii,
    ...(demo ? {demo: demo.control} : {}),
  };
  const screenProps = {
    clock,
    tickMs,
    live: props.live ?? props.updates !== undefined,
    warnings: props.warnings ?? noWarnings,
    availabilityOf: props.availabilityOf,
  };
  const {theme, commandLine, openCommandLine, intercept, copy} = useScreenCommands({
    current,
    dispatch,
    handlers,
    look: props.look,
    theme: props.theme,
    outputs: props.outputs,
    size,
    bannerRows: layout.bannerRows,
    frame: (plain, at) => (
      <Screen state={current.current} layout={at} theme={plain} {...screenProps} />
    ),
  });
  // What the list panel drew, line by line: the item a click on a line selects.
  const listRows = useRef<{panel: string; rows: RowItems} | undefined>(undefined);
  const onListRows = useCallback((panel: string, rows: RowItems) => {
    listRows.current = {panel, rows};
  }, []);
  const mouse = (input: string) => {
    const events = mouseEvents(input);
    if (!events) return false;
    for (const event of events)
      for (const action of mouseActions(current.current, layout, event, listRows.current))
        dispatch(action);
    return true;
  };
  useDashboardKeys(current, dispatch, {...handlers, openCommandLine, intercept, copy, mouse});
  if (props.blank) return <Box />;
  if (layout.tooSmall) return <TooSmall theme={theme} size={size} />;
  return (
    <Screen
      state={state}
      layout={layout}
      theme={theme}
      clock={clock}
      tickMs={tickMs}
      paintCells={props.paintCells}
      live={screenProps.live}
      warnings={screenProps.warnings}
      availabilityOf={props.availabilityOf}
      drawnPanel={drawnPanel}
      onListRows={onListRows}
      {...(commandLine
        ? {bottom: <CommandBar view={commandLine} theme={theme} width={layout.columns} />}
        : {})}
    />
  );
}
