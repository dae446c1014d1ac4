import {compare, snapshot} from '../../core/analyze.js';
import {failover} from '../../core/failover.js';
import type {Model} from '../../core/model.js';
import {emptyState, withSimulated} from '../../core/state.js';
import {failoverWindows} from '../../core/timing.js';
import type {Message, Params} from '../i18n.js';
import type {MessageId} from '../messages-en.js';
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
  const before = snapshot(model, emptyState);
  const failed = withSimulated(emptyState, [zone]);
  const after = snapshot(model, failed);
  const impact = compare(model, [zone], before, after);
  const count = impact.down.filter((entry) => entry.id !== zone).length;
  const steps: DemoStep[] = [
    {
      atS: 0,
      narration: say('demo.normal', {services: model.services.length, zone}),
      actions: () => [{type: 'select', id: zone}],
    },
    {
      atS: 0,
      narration: say('demo.fail', {zone, n: count}),
      actions: (at) => [
        {type: 'select', id: zone},
        {type: 'failSelected', at},
      ],
    },
  ];
  const window = failoverWindows(model, before, after).find((w) => w.servedAfter > 0);
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
      {atS: window.totalS, narration: say('demo.moved', {ttl: gslb.ttlS}), actions: () => []},
    );
    clock = window.totalS;
  }
  // The service a standby would bring back: promoting it is the operator's part of the story.
  const rescue = model.services
    .filter((service) => after.status.get(service.id) === 'DOWN')
    .map((service) => ({service, result: failover(model, after, service.id)}))
    .find(({result}) => result.ok && result.kind === 'promote');
  const down = rescue?.service;
  const promotion = rescue?.result;
  if (down && promotion?.ok && promotion.kind === 'promote') {
    clock += 5;
    steps.push({
      atS: clock,
      // Said once the step has run: the standby is promoted by then.
      narration: say('demo.promote', {
        service: down.id,
        list: promotion.promoted.join(', '),
        gslb: model.components.get(down.entry)?.id ?? down.id,
      }),
      actions: (at) => [
        {type: 'select', id: down.id},
        {type: 'failover', at},
      ],
    });
    const promoted = snapshot(model, promotion.state);
    const follow = failoverWindows(model, after, promoted).find((w) => w.service === down.id);
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
