import type {Model} from '../../core/model.js';
import type {Outputs} from '../../core/outputs.js';
import {copyToClipboard} from '../../adapters/clipboard.js';
import {writeFileAtomically} from '../../adapters/export-file.js';
import type {ThemeName} from '../../ui/themes/names.js';
import {Dashboard} from '../../ui/components/dashboard.js';
import {LoadingScreen, type LoadingStage} from '../../ui/components/loading-screen.js';
import {forgetPastAnalyses} from '../../ui/analysis/forget.js';
import type {JournalRecord} from '../../core/journal.js';
import type {AuditAction, Compare, HookRunner, LiveUpdate} from '../../shared/types.js';
import {availabilityOf} from './availability-source.js';
import {benchClock} from './bench-clock.js';
import {crashForTests} from './test-crash.js';
import {runFullScreen, type FrameProps} from '../../runtime/full-screen.js';
import type {TerminalOptions} from '../shared/terminal.js';

export type {AuditAction, LiveUpdate};

/** `:w` writes files atomically; `y` copies through the terminal (OSC 52). */
export const terminalOutputs: Outputs = {
  writeFile: writeFileAtomically,
  copy: (text) => copyToClipboard(text, process.stdout, process.env),
};
export type {LoadingStage};

export interface DashboardOptions {
  model: Model;
  file: string;
  lang: 'en' | 'ko';
  ascii: boolean;
  color: boolean;
  theme?: ThemeName;
  mouse?: boolean;
  readOnly: boolean;
  includeGslb: boolean;
  warnings: string[];
  updates?: AsyncIterable<LiveUpdate>;
  onJournal?: (records: readonly JournalRecord[]) => void;
  runHook?: HookRunner;
  compare?: Compare;
}

/** The dashboard of `options` as a frame of the full screen. */
function dashboardFrame(options: DashboardOptions): (frame: FrameProps) => React.ReactElement {
  // One estimator for the session, so its estimates are cached across frames and openings.
  const estimate = availabilityOf(options.includeGslb);
  const clock = benchClock(process.env);
  crashForTests(process.env);
  return ({quit, size, blank, paint}) => (
    <Dashboard
      model={options.model}
      look={{lang: options.lang, ascii: options.ascii, color: options.color}}
      readOnly={options.readOnly}
      includeGslb={options.includeGslb}
      warnings={options.warnings}
      {...(options.updates ? {updates: options.updates, live: true} : {})}
      {...(options.onJournal ? {onJournal: options.onJournal} : {})}
      {...(options.runHook ? {runHook: options.runHook} : {})}
      {...(options.compare ? {compare: options.compare} : {})}
      availabilityOf={estimate}
      onQuit={quit}
      {...(options.theme ? {theme: options.theme} : {})}
      outputs={terminalOutputs}
      {...clock}
      size={size}
      blank={blank}
      {...(paint ? {paintCells: paint} : {})}
    />
  );
}

/** `failsight [FILE]`: the interactive dashboard; resolves with the exit code when it ends. */
export async function runDashboard(options: DashboardOptions): Promise<number> {
  return runFullScreen(dashboardFrame(options), undefined, {
    mouse: options.mouse ?? false,
    release: forgetPastAnalyses,
  });
}

/** A topology too big to load before the first frame: its name, its size, and how to load it. */
export interface Opening {
  file: string;
  bytes: number;
  terminal: TerminalOptions;
  /**
   * Loads and prepares the dashboard, saying each step through `stage`; resolves with undefined
   * when `quitting` aborted it (the operator quit). A bad file exits 2 from inside it.
   */
  load: (
    stage: (stage: LoadingStage) => void,
    quitting: AbortSignal,
  ) => Promise<DashboardOptions | undefined>;
}

/**
 * Paint first, load after: the loading frame is drawn at once and answers q and Ctrl-C; the
 * dashboard replaces it when the topology is loaded and analysed. Resolves with the exit code.
 */
export async function runOpening(opening: Opening): Promise<number> {
  let stage: LoadingStage = {step: 'reading'};
  let dashboard: ((frame: FrameProps) => React.ReactElement) | undefined;
  const quitting = new AbortController();
  const {lang, ascii, color} = opening.terminal;
  const loading = ({quit, size, blank}: FrameProps) => (
    <LoadingScreen
      file={opening.file}
      bytes={opening.bytes}
      stage={stage}
      look={{lang, ascii, color}}
      onQuit={(code) => {
        quitting.abort();
        quit(code);
      }}
      size={size}
      blank={blank}
    />
  );
  return runFullScreen(
    (frame) => (dashboard ?? loading)(frame),
    ({redraw}) => {
      const onStage = (next: LoadingStage) => {
        stage = next;
        redraw();
      };
      void opening.load(onStage, quitting.signal).then((options) => {
        if (!options || quitting.signal.aborted) return;
        dashboard = dashboardFrame(options);
        redraw();
      });
    },
    {mouse: opening.terminal.mouse, release: forgetPastAnalyses},
  );
}
