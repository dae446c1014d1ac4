import {loweredThrough} from '../../core/analyze.js';
import type {Model} from '../../core/model.js';
import {runScenario} from '../../core/scenario.js';
import type {Message, Params} from '../../i18n/i18n.js';
import type {MessageId} from '../../i18n/messages-en.js';
import type {DashboardAction} from '../state/types.js';

/** One scene of the demo: where the clock stands, what happens, and what the narrator says. */
export interface DemoStep {
  atS: number;
  narration: Message;
  actions: (at: number) => DashboardAction[];
}

const say = (id: MessageId, params: Params): Message => ({id, params});

/**
 * The zone-failure story told on any topology: normal, a zone fails (KR-CA when there is
 * one), the GSLB detects it, traffic moves, a standby is promoted where one is needed,
 * recovery. Times are the GSLB's own: detection, then the DNS TTL.
 */
export function demoScript(model: Model): DemoStep[] {
  const zone = model.components.has('KR-CA') ? 'KR-CA' : (model.zones[0]?.id ?? '');
  const failed = runScenario(model, [zone]);
  if (!failed.ok) return [];
  const {after, impact} = failed;
  const count = impact.down.filter((entry) => entry.id !== zone).length;
  // A service down only because a service it needs is down: the story says what it waits for.
  const waiting = model.services
    .filter((service) => after.status.get(service.id) === 'DOWN')
    .map((service) => ({service: service.id, through: loweredThrough(model, after, service.id)}))
    .find(({through}) => through.length > 0);
  const waits = waiting ? {service: waiting.service, dependency: waiting.through[0]!} : undefined;
  const steps: DemoStep[] = [
    {
      atS: 0,
      narration: say('demo.normal', {services: model.services.length, zone}),
      actions: () => [{type: 'select', id: zone}],
    },
    {
      atS: 0,
      narration: waits
        ? say('demo.failWaits', {zone, n: count, ...waits})
        : say('demo.fail', {zone, n: count}),
      actions: (at) => [
        {type: 'select', id: zone},
        {type: 'failSelected', at},
      ],
    },
  ];
  const window = failed.windows.find((w) => w.servedAfter > 0);
  const gslb = window ? model.components.get(window.gslb) : undefined;
  let clock = 0;
  if (window && gslb?.kind === 'gslb') {
    steps.push(
      {
        atS: window.detectS,
        narration: say('demo.detect', {
          s: window.detectS,
          gslb: gslb.id,
          n: gslb.healthCheck.threshold,
        }),
        actions: () => [],
      },
      {
        atS: window.totalS,
        narration: waits
          ? say('demo.movedWaits', {ttl: gslb.ttlS, gslb: gslb.id, ...waits})
          : say('demo.moved', {ttl: gslb.ttlS, gslb: gslb.id}),
        actions: () => [],
      },
    );
    clock = window.totalS;
  }
  // The service a standby would bring back: promoting it is the operator's part of the story.
  const rescue = model.services
    .filter((service) => after.status.get(service.id) === 'DOWN')
    .map((service) => ({service, result: runScenario(model, [zone], [service.id])}))
    .find(({result}) => result.ok && result.failovers[0]?.done.kind === 'promote');
  const done = rescue?.result.ok ? rescue.result.failovers[0]?.done : undefined;
  if (rescue && rescue.result.ok && done?.kind === 'promote') {
    const down = rescue.service;
    // The move the promotion starts, timed as the dashboard's countdown will show it.
    const follow = rescue.result.windows.find(
      (w) => w.service === down.id && w.cause.startsWith('promoted:'),
    );
    clock += 5;
    steps.push({
      atS: clock,
      // Said once the step has run: the standby is promoted by then.
      narration: say('demo.promote', {
        service: down.id,
        list: done.promoted.join(', '),
        gslb: follow?.gslb ?? model.components.get(down.entry)?.id ?? down.id,
      }),
      actions: (at) => [
        {type: 'select', id: down.id},
        {type: 'failover', at},
      ],
    });
    if (follow) {
      clock += follow.totalS;
      steps.push({
        atS: clock,
        narration: say('demo.promoted', {gslb: follow.gslb, service: down.id}),
        actions: () => [],
      });
    }
  }
  steps.push({
    atS: clock + 10,
    narration: say('demo.recover', {zone}),
    actions: (at) => [
      {type: 'select', id: zone},
      {type: 'restoreAll', at},
    ],
  });
  return steps;
}
