import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {snapshot, type Snapshot} from '../../source/core/analyze.js';
import {statusOf} from '../../source/core/capacity.js';
import {countdownsAt, windowsOf} from '../../source/core/countdown.js';
import {buildModel} from '../../source/core/build-model.js';
import type {Model} from '../../source/core/model.js';
import {failoverPlan} from '../../source/core/plan.js';
import {isFailable} from '../../source/core/propagate.js';
import {oneFailureFromDown} from '../../source/core/single-points.js';
import type {Topology} from '../../source/core/schema.js';
import {eventKeys, type FailureState} from '../../source/core/state.js';
import {analyze} from '../../source/ui/analysis/analysis.js';
import {planOf} from '../../source/ui/analysis/plan.js';
import {subjectOf} from '../../source/ui/analysis/selection.js';
import {sweepItems} from '../../source/ui/analysis/sweep-items.js';
import {headerLine} from '../../source/ui/components/header-text.js';
import {initialState} from '../../source/ui/state/init.js';
import {selectedNode} from '../../source/ui/state/navigation.js';
import {reduce} from '../../source/ui/state/reducer.js';
import type {DashboardAction, DashboardState} from '../../source/ui/state/types.js';
import {themeOf} from '../../source/ui/theme.js';
import {randomModel} from '../support/random-topology.js';

/**
 * A fresh copy of a failure state: new maps and sets, so no cache keyed by the state's identity
 * can answer for it. What the screen shows must equal the core's answer for this copy.
 */
function fresh(state: FailureState): FailureState {
  return {
    observed: new Map(state.observed),
    simulated: new Set(state.simulated),
    promoted: new Set(state.promoted),
    forced: new Map(state.forced),
    ...(state.since ? {since: new Map(state.since)} : {}),
  };
}

/** The topology without one GSLB, the services entering it and those that depend on them. */
function withoutGslb(topology: Topology, gslb: string): Model | undefined {
  const gone = new Set([gslb]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const service of topology.services)
      if (
        !gone.has(service.id) &&
        (gone.has(service.entry) ||
          (service.dependsOn ?? []).some((d) => gone.has(typeof d === 'string' ? d : d.service)))
      ) {
        gone.add(service.id);
        grew = true;
      }
  }
  const built = buildModel({
    ...topology,
    gslbs: topology.gslbs.filter((g) => g.id !== gslb),
    services: topology.services.filter((s) => !gone.has(s.id)),
  });
  return built.ok ? built.model : undefined;
}

type Step = {kind: (typeof kinds)[number]; pick: number; dt: number};
const kinds = [
  'fail',
  'fail',
  'restore',
  'restoreAll',
  'undo',
  'failover',
  'confirm',
  'liveDown',
  'liveUp',
  'reload',
  'reloadWithoutGslb',
  'select',
  'tick',
] as const;

const steps = fc.array(
  fc.record({
    kind: fc.constantFrom(...kinds),
    pick: fc.nat(),
    dt: fc.integer({min: 0, max: 40_000}),
  }),
  {minLength: 1, maxLength: 12},
);

const start = Date.UTC(2026, 10, 30, 12, 0, 0);

function act(state: DashboardState, step: Step, at: number): DashboardState {
  const {model} = state;
  const ids = [...model.components.keys()];
  const pick = <T>(items: readonly T[]) => items[step.pick % items.length];
  const failable = [...model.components.values()].filter((c) => isFailable(c)).map((c) => c.id);
  const select = (id: string | undefined): DashboardState =>
    id === undefined ? state : reduce(state, {type: 'select', id});
  switch (step.kind) {
    case 'fail':
      return reduce(select(pick(failable)), {type: 'failSelected', at});
    case 'restore':
      return reduce(select(pick([...state.failure.simulated])), {type: 'restoreSelected', at});
    case 'restoreAll':
      return reduce(state, {type: 'restoreAll', at});
    case 'undo':
      return reduce(state, {type: 'undo', at});
    case 'failover': {
      const targets = [
        ...model.gslbs.map((g) => g.id),
        ...model.vms.filter((v) => v.role === 'standby').map((v) => v.id),
        ...model.services.map((s) => s.id),
      ];
      const id = pick(targets);
      return id === undefined ? state : reduce(state, {type: 'failoverOn', id, at});
    }
    case 'confirm':
      return reduce(state, {type: 'confirmPending', at});
    case 'liveDown': {
      const id = pick(failable);
      if (id === undefined) return state;
      const observed = new Map(state.failure.observed).set(id, 'probe');
      return reduce(state, {type: 'liveObserved', observed, at});
    }
    case 'liveUp': {
      const id = pick([...state.failure.observed.keys()]);
      const observed = new Map([...state.failure.observed].filter(([k]) => k !== id));
      return reduce(state, {type: 'liveObserved', observed, at});
    }
    case 'reload': {
      const built = buildModel(model.topology);
      return built.ok ? reduce(state, {type: 'liveModel', model: built.model}) : state;
    }
    case 'reloadWithoutGslb': {
      const gslb = pick(model.gslbs.map((g) => g.id));
      const next = gslb === undefined ? undefined : withoutGslb(model.topology, gslb);
      return next ? reduce(state, {type: 'liveModel', model: next}) : state;
    }
    case 'select':
      return select(pick(ids));
    case 'tick':
      return reduce(state, {type: 'tick', at});
  }
}

/** Every number the panels show for this state, against the core asked afresh. */
function expectOneTruth(state: DashboardState, now: number) {
  const {model} = state;
  const failure = fresh(state.failure);
  const core: Snapshot = snapshot(model, failure);
  const served = (snap: Snapshot, id: string) => snap.evaluation.served.get(id)!;

  // No countdown without the event that opened it; the start times are those of events in force.
  const keys = eventKeys(state.failure);
  expect(new Set(state.failure.since?.keys() ?? [])).toEqual(new Set(keys));
  for (const window of windowsOf(model, state.failure)) expect(keys).toContain(window.cause);
  expect(countdownsAt(model, state.failure, now)).toEqual(countdownsAt(model, failure, now));

  // Header: the health summary counts the core's statuses.
  const counts = {OK: 0, DEGRADED: 0, DOWN: 0};
  for (const service of model.services) counts[core.status.get(service.id)!]++;
  const analysis = analyze(model, state.failure, state.includeGslb);
  // One failure from DOWN, by brute force: each service not DOWN now that some one more
  // failure of an up component (one whole analysis each) takes DOWN.
  const nearDown = model.services.filter(
    (service) =>
      core.status.get(service.id) !== 'DOWN' &&
      [...model.components.values()].some(
        (component) =>
          isFailable(component, state.includeGslb) &&
          !core.down.has(component.id) &&
          snapshot(model, {
            ...failure,
            simulated: new Set([...failure.simulated, component.id]),
          }).status.get(service.id) === 'DOWN',
      ),
  );
  const atRisk = oneFailureFromDown(analysis.sweep());
  expect(atRisk.map((entry) => entry.service)).toEqual(nearDown.map((service) => service.id));
  const header = headerLine({
    model,
    snapshot: analysis.snapshot,
    live: false,
    oneFailureFromDown: atRisk.length,
    readOnly: false,
    demo: false,
    theme: themeOf({lang: 'en', ascii: false, color: false}),
    width: 200,
  })
    .segments.map((segment) => segment.text)
    .join('');
  expect(header).toContain(`${counts.DOWN} DOWN · ${counts.DEGRADED} DEGRADED · ${counts.OK} OK`);
  if (nearDown.length > 0) expect(header).toContain(`⚠ ${nearDown.length} one failure from DOWN`);
  else expect(header).not.toContain('⚠');

  // Impact panel: before is the state now; after is the core's state after the what-if.
  const node = selectedNode(state);
  const subject = subjectOf(analysis, state.failure, node, state.pending);
  const check = (
    rows: readonly {id: string; before: number; after: number; status: string}[],
    after: Snapshot,
    status: 'after' | 'now',
  ) => {
    for (const row of rows) {
      const service = model.components.get(row.id);
      if (service?.kind !== 'service') throw new Error(`row ${row.id} is no service`);
      expect(row.before).toBe(served(core, row.id));
      expect(row.after).toBe(served(after, row.id));
      const shown = status === 'now' ? core.status.get(row.id) : statusOf(service, row.after);
      expect(row.status).toBe(shown);
    }
    expect(rows.map((row) => row.id).sort()).toEqual(model.services.map((s) => s.id).sort());
  };
  if (subject.type === 'preview') {
    const after = snapshot(model, {
      ...failure,
      simulated: new Set([...failure.simulated, subject.id]),
    });
    check(subject.rows, after, 'after');
  } else if (subject.type === 'down') {
    const back = snapshot(model, {
      ...failure,
      simulated: new Set([...failure.simulated].filter((id) => id !== subject.root)),
      observed: new Map([...failure.observed].filter(([id]) => id !== subject.root)),
    });
    check(subject.rows, back, 'now');
  } else if (subject.type === 'standing') check(subject.rows, core, 'after');

  // Sweep and plan panels: the core's answers for the state now.
  for (const item of sweepItems(analysis))
    if (item.type === 'service') expect(item.status).toBe(core.status.get(item.id));
  const plan = (entries: ReturnType<typeof failoverPlan>) =>
    entries.map((e) => [e.id, e.changes, e.restores, e.slows]);
  expect(plan(planOf(state))).toEqual(plan(failoverPlan(model, core)));
}

describe('one truth on screen, over random topologies and action sequences', () => {
  it('every panel agrees with the core, and no countdown outlives its cause', () => {
    fc.assert(
      fc.property(randomModel({maxFailable: 12}), steps, (model, actions) => {
        let state = initialState({model, treeRows: 18, listRows: 14, at: start});
        let now = start;
        expectOneTruth(state, now);
        for (const step of actions) {
          now += step.dt;
          state = act(state, step, now);
          expectOneTruth(state, now);
        }
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 120)},
    );
  });

  it('restore, undo, R, a live up or a reload without the GSLB each end its window at once', () => {
    fc.assert(
      fc.property(randomModel({maxFailable: 12}), (model) => {
        const failable = [...model.components.values()].filter((c) => isFailable(c));
        for (const component of failable) {
          const base = reduce(initialState({model, at: start}), {type: 'select', id: component.id});
          const failed = reduce(base, {type: 'failSelected', at: start});
          const ends: DashboardAction[] = [
            {type: 'restoreSelected', at: start + 1000},
            {type: 'undo', at: start + 1000},
            {type: 'restoreAll', at: start + 1000},
          ];
          for (const end of ends) {
            const after = reduce(failed, end);
            expect(countdownsAt(model, after.failure, start + 1000)).toEqual([]);
          }
          const live = reduce(base, {
            type: 'liveObserved',
            observed: new Map([[component.id, 'probe']]),
            at: start,
          });
          const up = reduce(live, {type: 'liveObserved', observed: new Map(), at: start + 1000});
          expect(countdownsAt(model, up.failure, start + 1000)).toEqual([]);
          for (const gslb of model.gslbs) {
            const next = withoutGslb(model.topology, gslb.id);
            if (!next) continue;
            const reloaded = reduce(failed, {type: 'liveModel', model: next});
            const left = countdownsAt(next, reloaded.failure, start + 1000);
            expect(left.map((line) => line.gslb)).not.toContain(gslb.id);
          }
        }
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 60)},
    );
  });
});
