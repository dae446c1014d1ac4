import chalk from 'chalk';
import {
  likelyCause,
  type Explanation,
  type LikelyCause,
  type Observation,
} from '../../core/likely-cause.js';
import type {Model} from '../../core/model.js';
import {resolveComponent} from '../../core/names.js';
import {printable} from '../../core/printable.js';
import {usageError} from '../shared/errors.js';
import type {Invocation} from '../shared/invocation.js';
import {openTopology} from '../shared/open-topology.js';

const observationFlags = ['down', 'up', 'unknown'] as const;

/** Names given to a repeatable flag, comma lists split; a bare flag is a usage error. */
function namesOf(flag: (typeof observationFlags)[number], given: readonly string[] | undefined) {
  const names = (given ?? []).flatMap((name) => name.split(',')).filter(Boolean);
  const pattern = new RegExp(`^--${flag}(=|$)`);
  if (names.length === 0 && process.argv.slice(2).some((arg) => pattern.test(arg)))
    usageError(`--${flag} needs a component, e.g. --${flag} zone:KR-CA`);
  return names;
}

/**
 * `failsight explain [FILE] --down C … [--up C …] [--unknown C …]`: the likely cause of what is
 * observed. Exit 0 when the answer explains every component observed down, 1 when some cannot
 * be explained without contradicting a component observed up.
 */
export async function explainCommand({files, flags, terminal, write}: Invocation): Promise<number> {
  const given = {
    down: namesOf('down', flags.down),
    up: namesOf('up', flags.up),
    unknown: namesOf('unknown', flags.unknown),
  };
  if (given.down.length === 0)
    usageError(
      'explain needs what is observed down: --down C (e.g. --down zone:KR-CA --down web-1)',
    );
  const {model} = await openTopology(files[0]);
  const seen = new Map<string, Observation>();
  const flagOf = new Map<string, string>();
  for (const flag of observationFlags)
    for (const name of given[flag]) {
      const resolved = resolveComponent(model, name);
      if (!resolved.ok) usageError(`--${flag} ${name}: ${resolved.message}`);
      const before = flagOf.get(resolved.id);
      if (before !== undefined && before !== flag)
        usageError(`${name} is given as both --${before} and --${flag}`);
      flagOf.set(resolved.id, flag);
      seen.set(resolved.id, flag);
    }
  const answer = likelyCause(model, seen, {includeGslb: flags.includeGslb});
  if (flags.json) write(JSON.stringify(explainJson(answer, seen), null, 2) + '\n');
  else write(renderExplain(model, answer, seen, terminal.ascii).join('\n') + '\n');
  return answer.unexplainable.length === 0 ? 0 : 1;
}

function counts(seen: ReadonlyMap<string, Observation>) {
  const n = {down: 0, up: 0, unknown: 0};
  for (const state of seen.values()) n[state]++;
  return n;
}

export function explainJson(answer: LikelyCause, seen: ReadonlyMap<string, Observation>) {
  const shape = ({failed, explains, unexplained, probability}: Explanation) => ({
    failed,
    explains,
    unexplained,
    probability,
  });
  return {
    observed: counts(seen),
    explanations: answer.explanations.map(shape),
    partial: answer.partial.map(shape),
    unexplainable: answer.unexplainable,
    exact: answer.exact,
  };
}

const listed = 8;

/** "web-1, web-2 … and 3 more": a leftover list, escaped, cut to a few. */
function some(ids: readonly string[]): string {
  const shown = ids.slice(0, listed).map(printable).join(', ');
  return ids.length > listed ? `${shown} … and ${ids.length - listed} more` : shown;
}

/** "zone KR-CA + vm web-7". */
export function failuresText(model: Model, failed: readonly string[]): string {
  return failed
    .map((id) => `${model.components.get(id)?.kind ?? ''} ${printable(id)}`.trim())
    .join(' + ');
}

function explainsText(explanation: Explanation, down: number): string {
  return explanation.unexplained.length === 0
    ? `explains all ${down} observed down`
    : `explains ${explanation.explains} of ${down}; leaves ${some(explanation.unexplained)}`;
}

/** The incident channel's view: the likely cause first, the alternatives, what each leaves. */
export function renderExplain(
  model: Model,
  answer: LikelyCause,
  seen: ReadonlyMap<string, Observation>,
  ascii: boolean,
): string[] {
  const n = counts(seen);
  const dot = ascii ? '-' : '·';
  const dash = ascii ? '-' : '—';
  const lines = [
    `${chalk.bold('failsight explain')}  ${printable(model.name)}  observed: ${n.down} down ${dot} ${n.up} up ${dot} ${n.unknown} unknown`,
  ];
  const [first, ...others] = answer.explanations;
  if (!first) lines.push('no failure explains what is observed down');
  else {
    lines.push(
      `likely cause: ${chalk.bold(failuresText(model, first.failed))} ${dash} ${explainsText(first, answer.observedDown)}`,
    );
    if (others.length > 0) {
      const size = first.failed.length;
      lines.push('', `as small (${size} failure${size === 1 ? '' : 's'}), less likely:`);
      for (const other of others)
        lines.push(
          `  ${failuresText(model, other.failed)} ${dash} ${explainsText(other, answer.observedDown)}`,
        );
    }
  }
  if (answer.partial.length > 0) {
    lines.push('', 'no single failure explains it all; the single failures that explain most:');
    for (const lead of answer.partial)
      lines.push(
        `  ${failuresText(model, lead.failed)} ${dash} ${explainsText(lead, answer.observedDown)}`,
      );
  }
  if (answer.unexplainable.length > 0)
    lines.push(
      '',
      `${chalk.red('not explained')} by any failure that spares what is observed up: ${some(answer.unexplainable)}`,
    );
  if (!answer.exact)
    lines.push(
      '',
      'the exact search stopped at its bound: this is a greedy answer, possibly not the smallest',
    );
  return lines;
}
