import {useMemo} from 'react';
import type {Analysis} from '../analysis/analysis.js';
import {countdownsAt} from '../../core/countdown.js';
import {subjectOf} from '../analysis/selection.js';
import {planOf} from '../analysis/plan.js';
import {sweepItems} from '../analysis/sweep-items.js';
import type {TreeNode} from '../tree/nodes.js';
import type {DashboardState} from '../state/types.js';
import type {Theme} from '../theme.js';
import type {AvailabilityOf} from '../types.js';
import {diffOf} from '../analysis/diff-items.js';
import {AvailabilityPanel} from './availability-panel.js';
import {DiffPanel} from './diff-panel.js';
import {ImpactPanel} from './impact-panel.js';
import {PlanPanel} from './plan-panel.js';
import {impactContent} from './impact-text.js';
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
}

/** The right side: the selection's impact, or the sweep or availability list when open. */
export function SidePanel(props: SidePanelProps) {
  const {state, analysis, node, now, theme, width, height} = props;
  const {model, failure} = state;
  // A failover waiting for its key shows its preview, whichever list is open.
  const panel = state.pending ? 'impact' : state.panel;
  const subject = useMemo(
    () => subjectOf(analysis, failure, node, state.pending),
    [analysis, failure, node, state.pending],
  );
  if (panel === 'sweep')
    return (
      <SweepPanel
        items={sweepItems(analysis)}
        index={state.list.index}
        top={state.list.top}
        theme={theme}
        width={width}
        height={height}
      />
    );
  if (panel === 'plan')
    return (
      <PlanPanel
        entries={planOf(state)}
        index={state.list.index}
        top={state.list.top}
        theme={theme}
        width={width}
        height={height}
      />
    );
  const diff = panel === 'diff' ? diffOf(state) : undefined;
  if (diff && state.compare)
    return (
      <DiffPanel
        diff={diff}
        source={state.compare.source}
        index={state.list.index}
        top={state.list.top}
        theme={theme}
        width={width}
        height={height}
      />
    );
  if (panel === 'availability')
    return (
      <AvailabilityPanel
        model={model}
        availabilityOf={props.availabilityOf}
        index={state.list.index}
        top={state.list.top}
        theme={theme}
        width={width}
        height={height}
      />
    );
  const content = impactContent(subject, {
    model,
    theme,
    width: width - 2,
    height: height - 2,
    countdown: countdownsAt(model, failure, now),
  });
  return <ImpactPanel content={content} theme={theme} width={width} height={height} />;
}
