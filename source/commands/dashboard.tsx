import type {Model} from '../core/model.js';
import {Dashboard} from '../ui/components/dashboard.js';
import type {AuditAction, Compare, HookRunner, LiveUpdate} from '../ui/types.js';
import {availabilityOf} from './availability-source.js';
import {benchClock} from './bench-clock.js';
import {runFullScreen} from './full-screen.js';

export type {AuditAction, LiveUpdate};

export interface DashboardOptions {
  model: Model;
  file: string;
  lang: 'en' | 'ko';
  ascii: boolean;
  color: boolean;
  readOnly: boolean;
  includeGslb: boolean;
  warnings: string[];
  updates?: AsyncIterable<LiveUpdate>;
  onAction?: (action: AuditAction) => void;
  runHook?: HookRunner;
  compare?: Compare;
}

/** `failsight [FILE]`: the interactive dashboard; resolves with the exit code when it ends. */
export async function runDashboard(options: DashboardOptions): Promise<number> {
  // One estimator for the session, so its estimates are cached across frames and openings.
  const estimate = availabilityOf(options.includeGslb);
  const clock = benchClock(process.env);
  return runFullScreen(({quit, size, blank, paint}) => (
    <Dashboard
      model={options.model}
      look={{lang: options.lang, ascii: options.ascii, color: options.color}}
      readOnly={options.readOnly}
      includeGslb={options.includeGslb}
      warnings={options.warnings}
      {...(options.updates ? {updates: options.updates, live: true} : {})}
      {...(options.onAction ? {onAction: options.onAction} : {})}
      {...(options.runHook ? {runHook: options.runHook} : {})}
      {...(options.compare ? {compare: options.compare} : {})}
      availabilityOf={estimate}
      onQuit={quit}
      {...clock}
      size={size}
      blank={blank}
      {...(paint ? {paintCells: paint} : {})}
    />
  ));
}
