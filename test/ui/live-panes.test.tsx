import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {WhatIf} from '../../source/core/what-if.js';
import {scopesOf} from '../../source/ui/keys/key-actions.js';
import {offerHook} from '../../source/ui/state/hooks.js';
import type {HookReport, HookRunner, LiveUpdate} from '../../source/shared/types.js';
import type {HookCommand} from '../../source/core/hooks.js';
import {channel, demoModel, fixedNow, renderDashboard, waitForFrame} from './helpers.js';
import {apply, loadFixture, start, walkTo} from './reducer-helpers.js';

afterEach(() => cleanup());

const withHooks = () => ({...loadFixture(), hooks: {failover: ['./failover.sh', '--now']}});

describe('failover hooks in the dashboard state', () => {
  it('without --allow-hooks the failover says which command would have run', () => {
    const state = apply(walkTo(start({model: withHooks(), view: 'service'}), 'shop-db'), {
      type: 'failover',
      at: 1,
    });
    expect(state.hooks.pending).toBeUndefined();
    expect(state.notice).toMatchObject({
      id: 'msg.hookDryRun',
      params: {id: 'shop-db', command: './failover.sh --now shop-db'},
    });
  });

  it('with --allow-hooks it waits for y or n, and only y lets it run', () => {
    const asked = apply(
      walkTo(start({model: withHooks(), view: 'service', allowHooks: true}), 'shop-db'),
      {type: 'failover', at: 1},
    );
    expect(asked.hooks.pending).toMatchObject({id: 'shop-db', argv: ['./failover.sh', '--now']});
    expect(scopesOf(asked)).toEqual(['hook']);
    // The failover itself is done (and journaled) already; the hook is the cloud side of it.
    expect(asked.journal.last).toMatchObject({action: 'failover', ids: ['shop-db']});
    const skipped = apply(asked, {type: 'skipHook'});
    expect(skipped.hooks.pending).toBeUndefined();
    expect(skipped.notice).toMatchObject({id: 'msg.hookSkipped'});
    const hook = asked.hooks.pending!;
    const ran = apply(asked, {type: 'confirmHook'}, {type: 'hookStarted', hook, at: 5});
    expect(ran.panel).toBe('hooks');
    expect(ran.hooks.runs).toEqual([{hook, at: 5}]);
    const outcome = {
      exitCode: 0,
      signal: null,
      timedOut: false,
      durationMs: 1200,
      output: 'ok',
      dropped: 0,
    };
    expect(apply(ran, {type: 'hookEnded', hook, outcome}).hooks.runs).toEqual([
      {hook, at: 5, outcome},
    ]);
  });

  it('a failover preview waiting for y says which hook would follow, dry run or not', () => {
    const whatIf = {} as WhatIf; // the preview's content is not what this is about
    for (const allowHooks of [false, true]) {
      const before = start({model: withHooks(), allowHooks});
      const after = offerHook(before, {...before, pending: {id: 'shop-gslb', whatIf}});
      expect(after.notice).toMatchObject({
        id: allowHooks ? 'msg.confirmFailoverHook' : 'msg.confirmFailoverDryRun',
        params: {command: './failover.sh --now shop-gslb'},
      });
      // Nothing is asked of the hook until the failover is done.
      expect(after.hooks.pending).toBeUndefined();
    }
  });

  it('no hook named: the failover is as before', () => {
    const state = apply(walkTo(start({view: 'service', allowHooks: true}), 'shop-db'), {
      type: 'failover',
      at: 1,
    });
    expect(state.hooks.pending).toBeUndefined();
    // Nothing failed: promoting db-2 changes no service, and the notice says so.
    expect(state.notice).toMatchObject({id: 'msg.failoverNoChange'});
  });
});

describe('live panes on screen (100×30)', () => {
  it('e lists what arrived, newest first, with times and how long it has been down', async () => {
    const live = channel<LiveUpdate>();
    const {lastFrame, stdin} = renderDashboard({updates: live.iterable});
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    const down = (at: number, ids: Array<[string, string]>) =>
      live.push({type: 'observed', source: 'events', observed: new Map(ids), at});
    // One at a time, as a source sends them (arrivals in one tick are coalesced per source).
    down(fixedNow - 6 * 60_000, [['KR-CB', 'power']]);
    await waitForFrame(lastFrame, (f) => f.includes('✖ 7 down'));
    down(fixedNow - 3 * 60_000, [
      ['KR-CB', 'power'],
      ['web-1', 'disk'],
    ]);
    await waitForFrame(lastFrame, (f) => f.includes('✖ 8 down'));
    down(fixedNow - 60_000, [['KR-CB', 'power']]);
    await waitForFrame(lastFrame, (f) => f.includes('✖ 7 down'));
    live.push({type: 'sourceError', source: 'prometheus', message: 'ECONNREFUSED', at: fixedNow});
    await waitForFrame(lastFrame, (f) => f.includes('✖ NO DATA prometheus'));
    stdin.write('e');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('Live events'));
    const lines = frame.split('\n');
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(frame).toContain('web-1 up after 2 min');
    expect(frame).toContain('web-1 down · events: disk');
    expect(frame).toContain('13:57:22 ✖ KR-CB down since 13:57, 6 min · even…┃');
    expect(at('web-1 up after')).toBeLessThan(at('web-1 down'));
    expect(at('web-1 down')).toBeLessThan(at('KR-CB down since'));
    // The header names the source that never answered, at 100 columns in full.
    expect(lines[0]).toContain('✖ NO DATA prometheus');
  });

  it('a component a source cannot see is drawn as unknown, not up', async () => {
    const live = channel<LiveUpdate>();
    const {lastFrame} = renderDashboard({updates: live.iterable});
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    live.push({
      type: 'observed',
      source: 'prometheus',
      observed: new Map(),
      unknown: new Set(['web-1']),
      at: fixedNow,
    });
    const frame = await waitForFrame(lastFrame, (f) => f.includes('1 unknown'));
    expect(frame).toMatch(/│ {7}\? web-1 +250 unknown/);
  });

  it('y runs the hook through the runner, and the hooks pane shows how it ended and its output', async () => {
    const ran: HookCommand[] = [];
    let report: ((event: HookReport) => void) | undefined;
    const runHook: HookRunner = (hook, tell) => {
      ran.push(hook);
      report = tell;
      tell({type: 'started', at: fixedNow});
    };
    const model = {...demoModel(), hooks: {failover: ['./failover.sh']}};
    const {lastFrame, stdin} = renderDashboard({model, runHook});
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('3');
    await waitForFrame(lastFrame, (f) => f.includes('by service'));
    for (let i = 0; i < 10; i++) stdin.write('j');
    await waitForFrame(lastFrame, (f) => f.includes('Impact · service shop-db'));
    stdin.write('o');
    const asked = await waitForFrame(lastFrame, (f) => f.includes('Run its hook'));
    expect(asked).toContain(
      'failover of shop-db simulated. Run its hook ./failover.sh shop-db? y runs it, n skips',
    );
    expect(asked.split('\n').at(-1)).toMatch(/^ y run hook {2}n skip/);
    expect(ran).toEqual([]);
    stdin.write('y');
    await waitForFrame(lastFrame, (f) => f.includes('running…'));
    expect(ran.map((hook) => hook.id)).toEqual(['shop-db']);
    report!({
      type: 'ended',
      outcome: {
        exitCode: 0,
        signal: null,
        timedOut: false,
        durationMs: 1500,
        output: 'promoted db-2\n\u001b[31mred\u001b[0m',
        dropped: 10,
      },
    });
    const done = await waitForFrame(lastFrame, (f) => f.includes('exit 0 after 1.5 s'));
    expect(done).toContain('promoted db-2');
    // Control characters from a hook's output never reach the terminal.
    expect(done).not.toContain('\u001b[31m');
    expect(done).toContain('\\e[31mred\\e[0m');
    expect(done).toContain('… 10 more bytes of output not kept');
    expect(done).toContain('hook done: ./failover.sh shop-db');
  });
});
