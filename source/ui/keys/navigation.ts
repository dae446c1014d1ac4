import {
  changes,
  glyph,
  is,
  list,
  panels,
  rank,
  same,
  tree,
  type Binding,
  type Glyph,
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

const move = {keys: glyph('↑↓', 'j/k'), label: {en: 'move', ko: '이동'}, rank: rank(1)};
const fold = {keys: glyph('←→', 'h/l'), label: {en: 'fold', ko: '접기'}, rank: rank(5)};
/** Tab works wherever a panel has the keys: the tree, a list, the impact panel. */
const focusable: readonly Scope[] = ['tree', 'list', 'panel', 'detail'];
// Pairs of keys share their help line (same keys, same label): the help lists them once.
const up: Glyph = glyph('↑↓ k j', 'up down k j');
const down: Glyph = up;
const upLabel: Words = {en: 'move up, down', ko: '위로, 아래로'};
const downLabel: Words = upLabel;
const pages: Glyph = same('PgUp PgDn');
const pageUp: Words = {en: 'page up, down', ko: '한 화면 위로, 아래로'};
const pageDown: Words = pageUp;
const edges: Glyph = same('g G Home End');
const first: Words = {en: 'first, last row', ko: '맨 위, 맨 아래'};
const last: Words = first;
const folds: Glyph = glyph('←→ h l', 'left right h l');
const foldLabel: Words = {en: 'fold, unfold (parent, child)', ko: '접기, 펼치기 (상위, 하위)'};
const tabs: Glyph = same('Tab S-Tab');
const focusLabel: Words = {
  en: 'focus the tree or the right panel',
  ko: '트리와 오른쪽 패널 사이 포커스',
};

export const navigation: readonly Binding<NavigationAction>[] = [
  {
    action: 'moveUp',
    scopes: tree,
    keys: up,
    label: upLabel,
    footer: move,
    matches: (input, key) => key.upArrow || is('k')(input, key),
  },
  {
    action: 'moveDown',
    scopes: tree,
    keys: down,
    label: downLabel,
    footer: move,
    matches: (input, key) => key.downArrow || is('j')(input, key),
  },
  {
    action: 'pageUp',
    scopes: tree,
    keys: pages,
    label: pageUp,
    matches: (_, key) => key.pageUp,
  },
  {
    action: 'pageDown',
    scopes: tree,
    keys: pages,
    label: pageDown,
    matches: (_, key) => key.pageDown,
  },
  {
    action: 'first',
    scopes: tree,
    keys: edges,
    label: first,
    matches: (input, key) => key.home || is('g')(input, key),
  },
  {
    action: 'last',
    scopes: tree,
    keys: edges,
    label: last,
    matches: (input, key) => key.end || is('G')(input, key),
  },
  {
    action: 'fold',
    scopes: tree,
    keys: folds,
    label: foldLabel,
    footer: fold,
    matches: (input, key) => key.leftArrow || is('h')(input, key),
  },
  {
    action: 'unfold',
    scopes: tree,
    keys: folds,
    label: foldLabel,
    footer: fold,
    matches: (input, key) => key.rightArrow || is('l')(input, key),
  },
  {
    action: 'toggleFold',
    scopes: tree,
    keys: same('Enter Space'),
    label: {en: 'fold or unfold', ko: '접기/펼치기'},
    matches: (input, key) => key.return || input === ' ',
  },
  {
    action: 'listUp',
    scopes: panels,
    keys: up,
    label: upLabel,
    footer: move,
    matches: (input, key) => key.upArrow || is('k')(input, key),
  },
  {
    action: 'listDown',
    scopes: panels,
    keys: down,
    label: downLabel,
    footer: move,
    matches: (input, key) => key.downArrow || is('j')(input, key),
  },
  {
    action: 'listPageUp',
    scopes: panels,
    keys: pages,
    label: pageUp,
    matches: (_, k) => k.pageUp,
  },
  {
    action: 'listPageDown',
    scopes: panels,
    keys: pages,
    label: pageDown,
    matches: (_, key) => key.pageDown,
  },
  {
    action: 'listFirst',
    scopes: panels,
    keys: edges,
    label: first,
    matches: (input, key) => key.home || is('g')(input, key),
  },
  {
    action: 'listLast',
    scopes: panels,
    keys: edges,
    label: last,
    matches: (input, key) => key.end || is('G')(input, key),
  },
  {
    action: 'jump',
    scopes: [...list, 'detail'],
    keys: same('Enter'),
    label: {
      en: 'show in the tree; plan: apply it',
      ko: '트리에서 보기, 계획: 실행',
    },
    footer: {
      keys: same('Enter'),
      label: {en: 'show', ko: '표시'},
      // In the plan, Enter applies the failover: the footer names that, not a cursor move.
      labelIn: (c) => (c.planOpen ? {en: 'apply', ko: '적용'} : {en: 'show', ko: '표시'}),
      rank: rank(2),
    },
    matches: (_, key) => key.return,
    // In the plan, Enter fails over: a change, off where the other change keys are.
    unavailable: (c) => (c.planOpen ? changes(c) : undefined),
  },
  {
    action: 'focusNext',
    scopes: focusable,
    keys: tabs,
    label: focusLabel,
    footer: {keys: same('Tab'), label: {en: 'focus', ko: '포커스'}, rank: rank(3)},
    matches: (_, key) => key.tab && !key.shift,
  },
  {
    action: 'focusPrevious',
    scopes: focusable,
    keys: tabs,
    label: focusLabel,
    matches: (_, key) => key.tab && key.shift,
  },
];
