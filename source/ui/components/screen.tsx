import {focusShown} from '../state/focus.js';
import {Box} from 'ink';
import {useEffect, useMemo, type ReactNode} from 'react';
import {groupPointsIn} from '../../core/failure-groups.js';
import {computedSweep, oneFailureFromDown} from '../../core/single-points.js';
import {unknownNow} from '../../core/freshness.js';
import {analyze, drawnWith, type Analysis} from '../analysis/analysis.js';
import {likelyFailures} from '../analysis/cause.js';
import {helpScopes, keyContext, scopesOf} from '../keys/key-actions.js';
import {useFailureAhead} from '../use/use-failure-ahead.js';
import {useSettled} from '../use/use-settled.js';
import {t} from '../../i18n/i18n.js';
import {footerHints, helpEntries} from '../keymap.js';
import type {ScreenLayout} from '../screen-layout.js';
import {rowsOf, selectedNode} from '../state/navigation.js';
import type {DashboardState, Panel as PanelName} from '../state/types.js';
import type {RowItems} from './list-panel.js';
import type {Theme} from '../theme.js';
import type {AvailabilityOf, PaintCells} from '../../shared/types.js';
import {Banner, Footer, Header, MessageLine} from './bars.js';
import {HelpOverlay} from './help-overlay.js';
import {Line} from './line.js';
import {messageOf, narrationOf} from './message.js';
import {Panel} from './panel.js';
import {SidePanel} from './side-panel.js';
import {TreePanel} from './tree-panel.js';

export interface ScreenProps {
  state: DashboardState;
  layout: ScreenLayout;
  theme: Theme;
  /** The clock, read by the header and by countdowns; it ticks every `tickMs`. */
  clock: () => number;
  tickMs: number;
  paintCells?: PaintCells | undefined;
  live: boolean;
  warnings: readonly string[];
  availabilityOf: AvailabilityOf | undefined;
  /** Where the side panel leaves its drawn length (side-panel.tsx). */
  drawnPanel?: {current: number};
  /** A list panel says which item each of its lines shows, for the mouse. */
  onListRows?: (panel: PanelName, rows: RowItems) => void;
  /** Drawn instead of the footer: the `:` command line while it is open. */
  bottom?: ReactNode;
}

const heavyComponents = 20_000;
/**
 * Up to this size, the state the selection's failure would make is evaluated while the screen is
 * still (a full pass of 100k VMs takes 30 ms); at 1M a pass is 300-400 ms of a busy main thread,
 * long enough for a key pressed meanwhile to wait for it.
 */
const aheadUpTo = 400_000;

/**
 * How many services one more failure would take DOWN, for the header. Above `heavyComponents`
 * the sweep takes seconds (1.7 s at 100k VMs): the header does not ask for it on every state,
 * it shows the count once the sweep of the state exists (`s`), else that it is not known yet.
 */
function oneFailureCount(analysis: Analysis, ready: boolean, heavy: boolean): number | undefined {
  if (!ready) return undefined;
  const sweep = heavy ? computedSweep(analysis.snapshot, analysis.includeGslb) : analysis.sweep();
  if (!sweep) return undefined;
  // A failure group is one failure too: a service it alone takes DOWN is counted (once).
  const services = new Set(oneFailureFromDown(sweep).map((entry) => entry.service));
  for (const [service, points] of groupPointsIn(analysis.model, analysis.snapshot))
    if (points.spof.length > 0) services.add(service);
  return services.size;
}

/** header · tree | side panel · message · footer, exactly one line shorter than the terminal. */
export function Screen(props: ScreenProps) {
  const {state, layout, theme, clock, tickMs, live, warnings, availabilityOf, drawnPanel} = props;
  const {model, failure, includeGslb} = state;
  const analysis = useMemo(
    () => analyze(model, failure, includeGslb),
    [model, failure, includeGslb],
  );
  // What a still screen keeps the answers of (see ui/analysis/forget.ts).
  useEffect(() => drawnWith(analysis), [analysis]);
  // Above this size the list panels (the sweep above all) take longer than a frame: the tree is
  // drawn first. The impact panel is not held back: its what-if is incremental, and a second
  // frame would only put its answer later.
  const big = model.components.size >= heavyComponents;
  const heavy =
    big &&
    state.panel !== 'availability' &&
    (state.panel !== 'impact' || state.pending !== undefined || state.detail);
  const ready = useSettled(analysis, heavy, big && state.panel !== 'availability');
  const rows = rowsOf(state);
  const node = selectedNode(state);
  useFailureAhead(
    analysis,
    failure,
    node,
    big && !state.pending && model.components.size < aheadUpTo,
  );
  const scopes = scopesOf(state);
  const context = keyContext(state);
  const message = messageOf(state, theme.lang, warnings);
  const narration = narrationOf(state, theme.lang);
  const body = state.help ? (
    <HelpOverlay
      entries={helpEntries(helpScopes(state), context, theme.lang, theme.ascii)}
      top={state.helpTop}
      theme={theme}
      width={layout.columns}
      height={layout.bodyRows}
    />
  ) : (
    <Box flexDirection="row" height={layout.bodyRows}>
      <TreePanel
        rows={rows}
        scrollTop={state.scrollTop}
        selected={node?.key}
        folded={state.folded}
        view={state.view}
        filter={state.filter.text}
        stateFilter={state.stateFilter}
        analysis={analysis}
        theme={theme}
        width={layout.treeWidth}
        height={layout.bodyRows}
        focused={focusShown(state) === 'tree'}
        unknown={unknownNow(state.sources)}
      />
      {ready ? (
        <SidePanel
          state={state}
          analysis={analysis}
          node={node}
          clock={clock}
          tickMs={tickMs}
          availabilityOf={availabilityOf}
          theme={theme}
          width={layout.panelWidth}
          height={layout.bodyRows}
          drawn={drawnPanel}
          onListRows={props.onListRows}
        />
      ) : (
        <Panel
          title={t(theme.lang, `title.${state.pending ? 'impact' : state.panel}`)}
          width={layout.panelWidth}
          height={layout.bodyRows}
          theme={theme}
        >
          <Line
            segments={[{text: ` ${t(theme.lang, 'panel.computing')}`, tone: 'dim'}]}
            theme={theme}
          />
        </Panel>
      )}
    </Box>
  );
  return (
    <Box flexDirection="column" width={layout.columns} height={layout.rows - 1}>
      <Header
        model={model}
        snapshot={analysis.snapshot}
        live={live}
        sources={state.sources}
        oneFailureFromDown={oneFailureCount(
          analysis,
          ready,
          // The sweep pane computes it anyway.
          model.components.size >= heavyComponents && state.panel !== 'sweep',
        )}
        likely={live ? likelyFailures(state) : undefined}
        readOnly={state.readOnly}
        demo={state.demo}
        clock={clock}
        tickMs={tickMs}
        paintCells={props.paintCells}
        theme={theme}
        width={layout.columns}
      />
      {layout.bannerRows > 0 && (
        <Banner
          text={narration ?? ''}
          theme={theme}
          width={layout.columns}
          rows={layout.bannerRows}
        />
      )}
      {body}
      <MessageLine
        text={message.text}
        tone={message.tone}
        theme={theme}
        width={layout.columns}
        rows={layout.messageRows}
      />
      {props.bottom ?? (
        <Footer
          hints={footerHints(scopes, context, theme.lang, theme.ascii)}
          theme={theme}
          width={layout.columns}
        />
      )}
    </Box>
  );
}
