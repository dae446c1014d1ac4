import {say} from '../../i18n/i18n.js';
import {demoScript} from '../../ui/demo/script.js';
import type {Invocation} from '../shared/invocation.js';
import {openTopology} from '../shared/open-topology.js';

/** `failsight demo | cat`: the story as lines of text, each scene with its time, nothing drawn. */
export async function printDemo({terminal, write}: Invocation): Promise<number> {
  const {model} = await openTopology(undefined);
  const steps = demoScript(model);
  steps.forEach((step, index) =>
    write(`[${index + 1}/${steps.length}] +${step.atS} s  ${say(terminal.lang, step.narration)}\n`),
  );
  return 0;
}
