import {changes, glyph, is, rank, same, tree, type Binding} from './binding.js';

export type ChangeAction =
  'fail' | 'restore' | 'restoreAll' | 'undo' | 'failover' | 'confirm' | 'cancel';

export const changeKeys: readonly Binding<ChangeAction>[] = [
  {
    action: 'fail',
    scopes: tree,
    keys: same('x'),
    label: {en: 'simulate its failure', ko: '선택한 항목 모의 장애'},
    footer: {keys: same('x'), label: {en: 'fail', ko: '장애'}, rank: rank(2)},
    matches: is('x'),
    unavailable: changes,
  },
  {
    action: 'restore',
    scopes: tree,
    keys: same('r'),
    label: {en: 'restore it or its cause', ko: '선택 항목(또는 원인) 복구'},
    footer: {keys: same('r'), label: {en: 'restore', ko: '복구'}, rank: rank(3)},
    matches: is('r'),
    unavailable: (c) => changes(c) ?? (c.hasSimulated ? undefined : 'reason.nothingSimulated'),
  },
  {
    action: 'restoreAll',
    scopes: tree,
    keys: same('R'),
    label: {en: 'restore all simulated', ko: '모든 모의 장애 복구'},
    footer: {keys: same('R'), label: {en: 'restore all', ko: '전체 복구'}, rank: rank(6)},
    matches: is('R'),
    unavailable: (c) => changes(c) ?? (c.hasSimulated ? undefined : 'reason.nothingSimulated'),
  },
  {
    action: 'undo',
    scopes: tree,
    keys: same('u'),
    label: {en: 'undo last action', ko: '마지막 작업 되돌리기'},
    footer: {keys: same('u'), label: {en: 'undo', ko: '되돌리기'}, rank: rank(5)},
    matches: is('u'),
    unavailable: (c) => changes(c) ?? (c.canUndo ? undefined : 'reason.nothingToUndo'),
  },
  {
    action: 'failover',
    scopes: tree,
    keys: same('o'),
    label: {en: 'failover: move GSLB, promote', ko: '페일오버: GSLB 전환, 승격'},
    footer: {
      keys: same('o'),
      label: {en: 'failover', ko: '페일오버'},
      // With something down, failover is the way out: it outranks the keys that break more.
      rank: (c) => (c.hasFailure ? 1 : 6),
    },
    matches: is('o'),
    unavailable: changes,
  },
  {
    action: 'confirm',
    scopes: ['confirm'],
    keys: same('y'),
    label: {en: 'do the failover shown', ko: '미리보기한 페일오버 실행'},
    footer: {keys: same('y'), label: {en: 'do it', ko: '실행'}},
    matches: is('y'),
  },
  {
    action: 'cancel',
    scopes: ['confirm'],
    keys: glyph('Esc n', 'Esc n'),
    label: {en: 'cancel the failover', ko: '페일오버 취소'},
    footer: {keys: same('Esc'), label: {en: 'cancel', ko: '취소'}},
    matches: (input, key) => key.escape || is('n')(input, key),
  },
];
