import {useMemo} from 'react';
import type {Analysis} from '../analysis/analysis.js';
import {countdown} from '../analysis/countdown.js';
import {subjectOf} from '../analysis/selection.js';
import {newSinglePoints, singlePointsAfter} from '../analysis/single-points.js';
import {sweepItems} from '../analysis/sweep-items.js';
import type {TreeNode} from '../tree/nodes.js';
import type {DashboardState} from '../state/types.js';
import type {Theme} from '../theme.js';
import type {AvailabilityOf} from '../types.js';
import {diffOf} from '../analysis/diff-items.js';
import {AvailabilityPanel} from './availability-panel.js';
import {DiffPanel} from './diff-panel.js';
import {ImpactPanel} from './impact-panel.js';
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
  if (state.panel === 'sweep')
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
  const diff = state.panel === 'diff' ? diffOf(state) : undefined;
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
      />
    );
  const content = impactContent(subject, {
    model,
    theme,
    width: width - 2,
    height: height - 2,
    countdown: countdown(state.timers, now),
    newSpofs,
    thenSpofs,
  });
  return <ImpactPanel content={content} theme={theme} width={width} height={height} />;
}
