import {Dashboard} from '../../ui/components/dashboard.js';
import {demoScript} from '../../ui/demo/script.js';
import {availabilityOf} from '../dashboard/availability-source.js';
import {terminalOutputs, type DashboardOptions} from '../dashboard/dashboard.js';
import {runFullScreen} from '../../runtime/full-screen.js';

/** `failsight demo`: the dashboard replaying a zone failure, narrated, for a room to watch. */
export async function runDemo(
  options: Omit<DashboardOptions, 'readOnly' | 'updates'>,
): Promise<number> {
  const steps = demoScript(options.model);
  return runFullScreen(
    ({quit, size, blank}) => (
      <Dashboard
        model={options.model}
        look={{lang: options.lang, ascii: options.ascii, color: options.color}}
        includeGslb={options.includeGslb}
        warnings={options.warnings}
        demo={{steps}}
        {...(options.onJournal ? {onJournal: options.onJournal} : {})}
        availabilityOf={availabilityOf(options.includeGslb)}
        onQuit={quit}
        {...(options.theme ? {theme: options.theme} : {})}
        outputs={terminalOutputs}
        size={size}
        blank={blank}
      />
    ),
    undefined,
    {mouse: options.mouse ?? false},
  );
}
