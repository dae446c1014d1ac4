import {useEffect, useMemo} from 'react';
import type {Analysis} from '../analysis/analysis.js';
import {countdown} from '../analysis/countdown.js';
import {subjectOf} from '../analysis/selection.js';
import {newSinglePoints, singlePointsAfter} from '../analysis/single-points.js';
import {sweepItems} from '../analysis/sweep-items.js';
import type {TreeNode} from '../tree/nodes.js';
import type {DashboardState} from '../state/types.js';
import type {Theme} from '../theme.js';
import type {AvailabilityOf} from '../types.js';
import {AvailabilityPanel} from './availability-panel.js';
import {ImpactPanel} from './impact-panel.js';
import {impactDetail} from './impact-detail.js';
import {impactContent} from './impact-text.js';
import {impactLength, impactWindow, scrollPosition} from './impact-window.js';
import {SweepPanel} from './sweep-panel.js';

interface SidePanelProps {
  state: DashboardState;
  analysis: Analysis;
  node: TreeNode | undefined;
  now: number;
  availabilityOf: AvailabilityOf | undefined;
  theme: Theme;
  width: number;
  height: number;
  /** The impact panel says how many lines it has, so that scrolling stops at its end. */
  onLength?: (lines: number) => void;
}

/** The right side: the selection's impact, or the sweep or availability list when open. */
export function SidePanel(props: SidePanelProps) {
  const {state, analysis, node, now, theme, width, height, onLength} = props;
  const focused = state.focus === 'panel';
  const {model, failure, includeGslb} = state;
  const subject = useMemo(() => subjectOf(analysis, failure, node), [analysis, failure, node]);
  const newSpofs = useMemo(
    () => newSinglePoints(model, failure, includeGslb),
    [model, failure, includeGslb],
  );
  const thenSpofs = useMemo(
    () =>
      subject.type === 'preview'
        ? singlePointsAfter(model, failure, subject.id, includeGslb)
        : undefined,
    [model, failure, subject, includeGslb],
  );
  const detail = useMemo(
    () => impactDetail(subject, model, analysis.snapshot, theme, width - 2),
    [subject, model, analysis.snapshot, theme, width],
  );
  const content = useMemo(() => {
    if (state.panel !== 'impact') return undefined;
    const whole = impactContent(subject, {
      model,
      theme,
      width: width - 2,
      // All of it: the panel scrolls instead of cutting rows off.
      height: Number.MAX_SAFE_INTEGER,
      countdown: countdown(state.timers, now),
      newSpofs,
      thenSpofs,
    });
    return {...whole, notes: [...whole.notes, ...detail]};
  }, [state.panel, subject, model, theme, width, state.timers, now, newSpofs, thenSpofs, detail]);
  const length = content ? impactLength(content) : 0;
  useEffect(() => {
    if (content) onLength?.(length);
  }, [content, length, onLength]);
  if (state.panel === 'sweep')
    return (
      <SweepPanel
        items={sweepItems(analysis)}
        index={state.list.index}
        top={state.list.top}
        theme={theme}
        width={width}
        height={height}
        focused={focused}
      />
    );
  if (state.panel === 'availability')
    return (
      <AvailabilityPanel
        model={model}
        availabilityOf={props.availabilityOf}
        index={state.list.index}
        top={state.list.top}
        theme={theme}
        width={width}
        height={height}
        focused={focused}
      />
    );
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
