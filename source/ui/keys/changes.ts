import {changes, rank, tree, type Binding} from './binding.js';

export type ChangeAction =
  'fail' | 'restore' | 'restoreAll' | 'undo' | 'failover' | 'confirm' | 'cancel';

export const changeKeys: readonly Binding<ChangeAction>[] = [
  {
    action: 'fail',
    scopes: tree,
    keys: ['x'],
    label: {en: 'simulate its failure', ko: '선택한 항목 모의 장애'},
    footer: {label: {en: 'fail', ko: '장애'}, rank: rank(2)},
    unavailable: changes,
  },
  {
    action: 'restore',
    scopes: tree,
    keys: ['r'],
    label: {en: 'restore it or its cause', ko: '선택 항목(또는 원인) 복구'},
    footer: {label: {en: 'restore', ko: '복구'}, rank: rank(3)},
    unavailable: (c) => changes(c) ?? (c.hasSimulated ? undefined : 'reason.nothingSimulated'),
  },
  {
    action: 'restoreAll',
    scopes: tree,
    keys: ['R'],
    label: {en: 'restore all simulated', ko: '모든 모의 장애 복구'},
    footer: {label: {en: 'restore all', ko: '전체 복구'}, rank: rank(6)},
    unavailable: (c) => changes(c) ?? (c.hasSimulated ? undefined : 'reason.nothingSimulated'),
  },
  {
    action: 'undo',
    scopes: tree,
    keys: ['u'],
    label: {en: 'undo last action', ko: '마지막 작업 되돌리기'},
    footer: {label: {en: 'undo', ko: '되돌리기'}, rank: rank(5)},
    unavailable: (c) => changes(c) ?? (c.canUndo ? undefined : 'reason.nothingToUndo'),
  },
  {
    action: 'failover',
    scopes: tree,
    keys: ['o'],
    label: {en: 'failover: move GSLB, promote', ko: '페일오버: GSLB 전환, 승격'},
    footer: {
      label: {en: 'failover', ko: '페일오버'},
      // With something down, failover is the way out: it outranks the keys that break more.
      rank: (c) => (c.hasFailure ? 1 : 6),
    },
    unavailable: changes,
  },
  {
    action: 'confirm',
    scopes: ['confirm'],
    keys: ['y'],
    label: {en: 'do the failover shown', ko: '미리보기한 페일오버 실행'},
    footer: {label: {en: 'do it', ko: '실행'}},
  },
  {
    action: 'cancel',
    scopes: ['confirm'],
    keys: ['escape', 'n'],
    label: {en: 'cancel the failover', ko: '페일오버 취소'},
    footer: {label: {en: 'cancel', ko: '취소'}},
  },
];
