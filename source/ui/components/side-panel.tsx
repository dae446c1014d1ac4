import {focusShown} from '../state/focus.js';
import {useEffect, useMemo} from 'react';
import type {Analysis} from '../analysis/analysis.js';
import {countdownsAt} from '../../core/countdown.js';
import {subjectOf} from '../analysis/selection.js';
import {planOf} from '../analysis/plan.js';
import {sweepItems} from '../analysis/sweep-items.js';
import {useClock} from '../use/use-clock.js';
import type {TreeNode} from '../tree/nodes.js';
import type {DashboardState, Panel} from '../state/types.js';
import type {RowItems} from './list-panel.js';
import type {Theme} from '../theme.js';
import type {AvailabilityOf} from '../../shared/types.js';
import {diffOf} from '../analysis/diff-items.js';
import {AvailabilityPanel} from './availability-panel.js';
import {causeOf} from '../analysis/cause.js';
import {CausePanel} from './cause-panel.js';
import {DetailPanel, detailLines} from './detail-panel.js';
import {DiffPanel} from './diff-panel.js';
import {EventsPanel} from './events-panel.js';
import {SourcesPanel} from './sources-panel.js';
import {HooksPanel} from './hooks-panel.js';
import {ImpactPanel} from './impact-panel.js';
import {impactDetail} from './impact-detail.js';
import {listDetail} from './list-detail.js';
import {PlanPanel} from './plan-panel.js';
import {impactContent} from './impact-text.js';
import {impactLength, impactWindow, scrollPosition} from './impact-window.js';
import {SweepPanel} from './sweep-panel.js';
import {TimelinePanel} from './timeline-panel.js';

interface SidePanelProps {
  state: DashboardState;
  analysis: Analysis;
  node: TreeNode | undefined;
  /** Read for the countdowns, which tick only while there are any. */
  clock: () => number;
  tickMs: number;
  availabilityOf: AvailabilityOf | undefined;
  theme: Theme;
  width: number;
  height: number;
  /**
   * Where the panel leaves how many lines it drew, for the next scroll key to stop at its end.
   * A note for the key handler, not state: drawing changes nothing and draws nothing again.
   */
  drawn?: {current: number} | undefined;
  /** A list panel says which item each of its lines shows, for the mouse. */
  onListRows?: ((panel: Panel, rows: RowItems) => void) | undefined;
}

/** The right side: the selection's impact, or the sweep or availability list when open. */
export function SidePanel(props: SidePanelProps) {
  const {state, analysis, node, theme, width, height, drawn} = props;
  const focused = focusShown(state) === 'panel';
  const {model, failure} = state;
  // The countdowns tick while a GSLB is still moving traffic; otherwise nothing here changes.
  const moving = countdownsAt(model, failure, props.clock()).some((c) => c.phase !== 'noTarget');
  // The timeline's right edge is now: it moves every few seconds while the timeline is open.
  const timelineMs = state.panel === 'timeline' ? Math.max(props.tickMs, 5000) : 0;
  // A failover waiting for its key shows its preview, whichever list is open.
  const panel = state.pending ? 'impact' : state.panel;
  // The events pane says how long things have been down: it ticks with the dashboard's clock.
  const now = useClock(props.clock, moving || panel === 'events' ? props.tickMs : timelineMs);
  const subject = useMemo(
    () => subjectOf(analysis, failure, node, state.pending),
    [analysis, failure, node, state.pending],
  );
  const detail = useMemo(
    () => impactDetail(subject, model, analysis.snapshot, theme, width - 2),
    [subject, model, analysis.snapshot, theme, width],
  );
  const content = useMemo(() => {
    if (panel !== 'impact') return undefined;
    const whole = impactContent(subject, {
      model,
      theme,
      width: width - 2,
      // All of it: the panel scrolls instead of cutting rows off.
      height: Number.MAX_SAFE_INTEGER,
      countdown: countdownsAt(model, failure, now),
    });
    return {...whole, notes: [...whole.notes, ...detail]};
  }, [panel, subject, model, theme, width, failure, now, detail]);
  const entry = useMemo(() => {
    if (!state.detail || state.pending) return undefined;
    const whole = listDetail(state, analysis, theme, now);
    return whole && {title: whole.title, lines: detailLines(whole, width - 2)};
  }, [state, analysis, theme, now, width]);
  const length = content ? impactLength(content) : (entry?.lines.length ?? 0);
  useEffect(() => {
    if (drawn && (content || entry)) drawn.current = length;
  }, [content, entry, length, drawn]);
  if (entry)
    return (
      <DetailPanel
        lines={entry.lines}
        title={entry.title}
        top={state.panelTop}
        theme={theme}
        width={width}
        height={height}
        focused={focused}
      />
    );
  // What every list panel takes: where the list stands and the room it has.
  const onRows = (rows: RowItems) => props.onListRows?.(panel, rows);
  const list = {
    index: state.list.index,
    top: state.list.top,
    theme,
    width,
    height,
    focused,
    onRows,
  };
  if (panel === 'sweep') return <SweepPanel items={sweepItems(analysis)} {...list} />;
  if (panel === 'plan') return <PlanPanel entries={planOf(state)} {...list} />;
  if (panel === 'events') return <EventsPanel live={state.sources} now={now} {...list} />;
  if (panel === 'sources') return <SourcesPanel live={state.sources} {...list} />;
  if (panel === 'cause') {
    const {cause, items, observed} = causeOf(state);
    return (
      <CausePanel
        model={model}
        cause={state.live ? cause : undefined}
        items={state.live ? items : []}
        observed={observed}
        {...list}
      />
    );
  }
  const diff = panel === 'diff' ? diffOf(state) : undefined;
  if (diff && state.compare)
    return <DiffPanel diff={diff} source={state.compare.source} {...list} />;
  if (panel === 'hooks') return <HooksPanel runs={state.hooks.runs} {...list} />;
  if (panel === 'timeline')
    return <TimelinePanel points={state.timeline.points} model={model} now={now} {...list} />;
  if (panel === 'availability')
    return <AvailabilityPanel model={model} availabilityOf={props.availabilityOf} {...list} />;
  const inner = height - 2;
  const aside = scrollPosition(state.panelTop, inner, length);
  return (
    <ImpactPanel
      content={impactWindow(content!, state.panelTop, inner)}
      theme={theme}
      width={width}
      height={height}
      focused={focused}
      {...(aside ? {aside} : {})}
    />
  );
}
