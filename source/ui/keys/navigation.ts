import {
  changes,
  list,
  panels,
  rank,
  tree,
  type Binding,
  type Scope,
  type Words,
} from './binding.js';

export type NavigationAction =
  | 'moveUp'
  | 'moveDown'
  | 'pageUp'
  | 'pageDown'
  | 'first'
  | 'last'
  | 'fold'
  | 'unfold'
  | 'toggleFold'
  | 'listUp'
  | 'listDown'
  | 'listPageUp'
  | 'listPageDown'
  | 'listFirst'
  | 'listLast'
  | 'jump'
  | 'focusNext'
  | 'focusPrevious';

const move = {label: {en: 'move', ko: '이동'}, rank: rank(1)};
const fold = {label: {en: 'fold', ko: '접기'}, rank: rank(5)};
/** Tab works wherever a panel has the keys: the tree, a list, the impact panel. */
const focusable: readonly Scope[] = ['tree', 'list', 'panel', 'detail'];
// Pairs of keys share their help line (same label): the help lists their keys on one line.
const upLabel: Words = {en: 'move up, down', ko: '위로, 아래로'};
const downLabel: Words = upLabel;
const pageUp: Words = {en: 'page up, down', ko: '한 화면 위로, 아래로'};
const pageDown: Words = pageUp;
const first: Words = {en: 'first, last row', ko: '맨 위, 맨 아래'};
const last: Words = first;
const foldLabel: Words = {en: 'fold, unfold (parent, child)', ko: '접기, 펼치기 (상위, 하위)'};
const focusLabel: Words = {
  en: 'focus the tree or the right panel',
  ko: '트리와 오른쪽 패널 사이 포커스',
};

export const navigation: readonly Binding<NavigationAction>[] = [
  {
    action: 'moveUp',
    scopes: tree,
    keys: ['up', 'k'],
    label: upLabel,
    footer: move,
  },
  {
    action: 'moveDown',
    scopes: tree,
    keys: ['down', 'j'],
    label: downLabel,
    footer: move,
  },
  {
    action: 'pageUp',
    scopes: tree,
    keys: ['pageup'],
    label: pageUp,
  },
  {
    action: 'pageDown',
    scopes: tree,
    keys: ['pagedown'],
    label: pageDown,
  },
  {
    action: 'first',
    scopes: tree,
    keys: ['g', 'home'],
    label: first,
  },
  {
    action: 'last',
    scopes: tree,
    keys: ['G', 'end'],
    label: last,
  },
  {
    action: 'fold',
    scopes: tree,
    keys: ['left', 'h'],
    label: foldLabel,
    footer: fold,
  },
  {
    action: 'unfold',
    scopes: tree,
    keys: ['right', 'l'],
    label: foldLabel,
    footer: fold,
  },
  {
    action: 'toggleFold',
    scopes: tree,
    keys: ['return', 'space'],
    label: {en: 'fold or unfold', ko: '접기/펼치기'},
  },
  {
    action: 'listUp',
    scopes: panels,
    keys: ['up', 'k'],
    label: upLabel,
    footer: move,
  },
  {
    action: 'listDown',
    scopes: panels,
    keys: ['down', 'j'],
    label: downLabel,
    footer: move,
  },
  {
    action: 'listPageUp',
    scopes: panels,
    keys: ['pageup'],
    label: pageUp,
  },
  {
    action: 'listPageDown',
    scopes: panels,
    keys: ['pagedown'],
    label: pageDown,
  },
  {
    action: 'listFirst',
    scopes: panels,
    keys: ['g', 'home'],
    label: first,
  },
  {
    action: 'listLast',
    scopes: panels,
    keys: ['G', 'end'],
    label: last,
  },
  {
    action: 'jump',
    scopes: [...list, 'detail'],
    keys: ['return'],
    label: {
      en: 'show in the tree; plan: apply it',
      ko: '트리에서 보기, 계획: 실행',
    },
    footer: {
      label: {en: 'show', ko: '표시'},
      // In the plan, Enter applies the failover: the footer names that, not a cursor move.
      labelIn: (c) => (c.planOpen ? {en: 'apply', ko: '적용'} : {en: 'show', ko: '표시'}),
      rank: rank(2),
    },
    // In the plan, Enter fails over: a change, off where the other change keys are.
    unavailable: (c) => (c.planOpen ? changes(c) : undefined),
  },
  {
    action: 'focusNext',
    scopes: focusable,
    keys: ['tab'],
    label: focusLabel,
    footer: {label: {en: 'focus', ko: '포커스'}, rank: rank(3)},
  },
  {
    action: 'focusPrevious',
    scopes: focusable,
    keys: ['shift+tab'],
    label: focusLabel,
  },
];
