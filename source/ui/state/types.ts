import type {ConditionFilter} from '../../core/condition.js';
import type {Announcement} from '../../core/announce.js';
import type {HookCommand, HookOutcome} from '../../core/hooks.js';
import type {JournalRecord} from '../../core/journal.js';
import type {LiveSources, SourceUpdate} from '../../core/live.js';
import type {Model} from '../../core/model.js';
import type {FailureState} from '../../core/state.js';
import type {WhatIf} from '../../core/what-if.js';
import type {Message} from '../../i18n/i18n.js';
import type {AuditAction, Compare, View} from '../../shared/types.js';

/** The state filter: every row, or only rows down, or unknown and degraded (and their ancestors). */
export type StateFilter = 'all' | ConditionFilter;

export type Panel =
  | 'impact'
  | 'sweep'
  | 'availability'
  | 'plan'
  | 'events'
  | 'hooks'
  | 'diff'
  | 'sources'
  | 'cause'
  | 'timeline';

/** Which side has the keys: the tree, or the right panel (impact scrolls, lists move). */
export type Focus = 'tree' | 'panel';

/** Where the demo stands; part of the state so that a step changes the screen in one frame. */
export interface Story {
  step: number;
  count: number;
  atS: number;
  narration: Message;
  paused: boolean;
}

export interface UndoEntry {
  /** The state before the action; its observed part is ignored on undo (that is live data). */
  failure: FailureState;
  action: AuditAction;
}

export interface Notice extends Message {
  tone: 'info' | 'warn' | 'error';
  /** A simulated action while live sources feed the screen: say the cloud was not changed. */
  cloudUnchanged?: boolean;
  /** A live change of some service's health: it stays until the next such change or a key. */
  announcement?: Announcement;
}

/** A failover that would lower some service, shown as a preview until confirmed. */
export interface PendingFailover {
  id: string;
  whatIf: WhatIf;
}

export interface HookRun {
  hook: HookCommand;
  at: number;
  /** Undefined while it runs. */
  outcome?: HookOutcome;
}

export interface HooksState {
  /** --allow-hooks: hooks really run (after confirmation); otherwise a dry run. */
  allowed: boolean;
  /** A hook waiting for the confirmation key. */
  pending: HookCommand | undefined;
  /** Newest first. */
  runs: HookRun[];
}

export interface DashboardState {
  model: Model;
  readOnly: boolean;
  includeGslb: boolean;
  /** Set by --compare: the diff panel's source of findings. */
  compare: Compare | undefined;
  /** In the demo the script drives failures; x/r/R/u/o are off. */
  demo: boolean;
  story: Story | undefined;
  failure: FailureState;
  /** Every live source's status and the merged observation; `failure.observed` follows it. */
  sources: LiveSources;
  hooks: HooksState;
  undo: UndoEntry[];
  view: View;
  /** Keys of folded rows; keys carry their view, so one set serves all three. */
  folded: ReadonlySet<string>;
  selected: string | undefined;
  lastSelected: Partial<Record<View, string>>;
  scrollTop: number;
  treeRows: number;
  panel: Panel;
  list: {index: number; top: number};
  listRows: number;
  focus: Focus;
  /** The impact panel's first shown line (the panel's length comes with each scroll). */
  panelTop: number;
  help: boolean;
  /** The help's first entry shown, when the keys do not all fit the screen. */
  helpTop: number;
  filter: {text: string; editing: boolean};
  stateFilter: StateFilter;
  /** The selected entry of a list panel is shown whole, wrapped; it scrolls as the impact does. */
  detail: boolean;
  notice: Notice | undefined;
  /** A failover waiting for its confirmation key. */
  pending: PendingFailover | undefined;
  /** Live sources feed the screen: simulated actions say the cloud was not changed. */
  live: boolean;
  /** The last clock tick (ms): failover windows ending after it are yet to be announced. */
  tickedAt: number;
  /** The last action for the audit journal; `seq` tells a new one from the one already sent. */
  journal: {seq: number; last: AuditAction | undefined; records?: readonly JournalRecord[]};
  /** Each service's served at each change of the session, for the `t` pane; bounded. */
  timeline: Timeline;
}

/** One moment of the timeline: what each service served after a change or an action. */
export interface TimelinePoint {
  at: number;
  served: ReadonlyMap<string, number>;
  mark: 'start' | 'change' | 'action';
}

export interface Timeline {
  points: readonly TimelinePoint[];
}

type Stamped<T extends string> = {type: T; at: number};

export type DashboardAction =
  | {type: 'moveUp' | 'moveDown' | 'pageUp' | 'pageDown' | 'first' | 'last'}
  | {type: 'fold' | 'unfold' | 'toggleFold'}
  | {type: 'select'; id: string}
  | Stamped<
      | 'failSelected'
      | 'restoreSelected'
      | 'restoreAll'
      | 'undo'
      | 'failover'
      | 'confirmPending'
      | 'tick'
    >
  | {type: 'failoverOn'; id: string; at: number}
  | {type: 'cancelPending' | 'togglePlan'}
  | {type: 'switchView'; view?: View}
  | {type: 'startFilter' | 'applyFilter' | 'cancelFilter' | 'nextMatch' | 'previousMatch'}
  | {type: 'focusNext' | 'focusPrevious'}
  | {type: 'setStateFilter'; filter?: StateFilter}
  | {type: 'nextDown' | 'previousDown'}
  | {type: 'openDetail' | 'closeDetail'}
  /** `length`: the panel's lines as last drawn, which bound the scroll (none: it stays). */
  | {type: 'scrollPanel'; by: number; length?: number}
  | {type: 'scrollPanelTo'; to: 'first' | 'last'; length?: number}
  | {type: 'scrollHelp'; by: number}
  | {type: 'editFilter'; text: string}
  | {type: 'toggleSweep' | 'toggleAvailability' | 'toggleDiff' | 'toggleHelp' | 'closeOverlay'}
  | {type: 'toggleSources'}
  | {type: 'listMove'; by: number}
  | {type: 'listEdge'; to: 'first' | 'last'}
  | {type: 'jumpToListItem'; at?: number}
  | {type: 'resize'; treeRows: number; listRows: number}
  | {type: 'liveModel'; model: Model}
  | {type: 'liveObserved'; observed: ReadonlyMap<string, string>; at?: number}
  | {type: 'liveError'; message: string}
  | {type: 'liveSource'; update: SourceUpdate; at?: number}
  | {type: 'toggleEvents' | 'toggleHooks' | 'toggleTimeline' | 'confirmHook' | 'skipHook'}
  | {type: 'toggleCause'}
  | {type: 'hookStarted'; hook: HookCommand; at: number}
  | {type: 'hookEnded'; hook: HookCommand; outcome: HookOutcome}
  | {type: 'notice'; notice: Notice | undefined}
  | {type: 'load'; state: DashboardState};
