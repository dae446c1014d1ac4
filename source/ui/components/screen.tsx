import {Box} from 'ink';
import {useMemo} from 'react';
import {analyze} from '../analysis/analysis.js';
import {keyContext, scopesOf} from '../hooks/key-actions.js';
import {footerHints, helpEntries} from '../keymap.js';
import type {Layout} from '../layout.js';
import {rowsOf, selectedNode} from '../state/navigation.js';
import type {DashboardState} from '../state/types.js';
import type {Theme} from '../theme.js';
import type {AvailabilityOf} from '../types.js';
import {Banner, Footer, Header, MessageLine} from './bars.js';
import {HelpOverlay} from './help-overlay.js';
import {messageOf, narrationOf} from './message.js';
import {SidePanel} from './side-panel.js';
import {TreePanel} from './tree-panel.js';

export interface ScreenProps {
  state: DashboardState;
  layout: Layout;
  theme: Theme;
  now: number;
  live: boolean;
  warnings: readonly string[];
  availabilityOf: AvailabilityOf | undefined;
  onPanelLength?: (lines: number) => void;
}

/** header · tree | side panel · message · footer, exactly one line shorter than the terminal. */
export function Screen(props: ScreenProps) {
  const {state, layout, theme, now, live, warnings, availabilityOf, onPanelLength} = props;
  const {model, failure, includeGslb} = state;
  const analysis = useMemo(
    () => analyze(model, failure, includeGslb),
    [model, failure, includeGslb],
  );
  const rows = rowsOf(state);
  const node = selectedNode(state);
  const scopes = scopesOf(state);
  const context = keyContext(state);
  const message = messageOf(state, theme.lang, warnings);
  const narration = narrationOf(state, theme.lang);
  const body = state.help ? (
    <HelpOverlay
      entries={helpEntries(
        state.demo ? ['demo', 'tree', 'list'] : ['tree', 'list'],
        context,
        theme.lang,
        theme.ascii,
      )}
      theme={theme}
      width={layout.columns}
      height={layout.bodyRows}
    />
  ) : (
    <Box flexDirection="row" height={layout.bodyRows}>
      <TreePanel
        rows={rows.rows}
        scrollTop={state.scrollTop}
        selected={node?.key}
        folded={state.folded}
        view={state.view}
        filter={state.filter.text}
        analysis={analysis}
        theme={theme}
        width={layout.treeWidth}
        height={layout.bodyRows}
        focused={state.focus === 'tree'}
        marked={state.focus === 'tree' && state.panel !== 'impact'}
      />
      <SidePanel
        state={state}
        analysis={analysis}
        node={node}
        now={now}
        availabilityOf={availabilityOf}
        theme={theme}
        width={layout.panelWidth}
        height={layout.bodyRows}
        {...(onPanelLength ? {onLength: onPanelLength} : {})}
      />
    </Box>
  );
  return (
    <Box flexDirection="column" width={layout.columns} height={layout.rows - 1}>
      <Header
        model={model}
        snapshot={analysis.snapshot}
        live={live}
        readOnly={state.readOnly}
        demo={state.demo}
        now={now}
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
      <Footer
        hints={footerHints(scopes, context, theme.lang, theme.ascii)}
        theme={theme}
        width={layout.columns}
      />
    </Box>
  );
}
