import {glyph, is, list, same, tree, type Binding, type Glyph, type Words} from './binding.js';

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
  | 'jump';

const move = {keys: glyph('↑↓', 'j/k'), label: {en: 'move', ko: '이동'}};
const fold = {keys: glyph('←→', 'h/l'), label: {en: 'fold', ko: '접기'}};
const up: Glyph = glyph('↑ k', 'up k');
const down: Glyph = glyph('↓ j', 'down j');
const upLabel: Words = {en: 'move up', ko: '위로'};
const downLabel: Words = {en: 'move down', ko: '아래로'};
const pageUp: Words = {en: 'page up', ko: '한 화면 위로'};
const pageDown: Words = {en: 'page down', ko: '한 화면 아래로'};
const first: Words = {en: 'first row', ko: '맨 위'};
const last: Words = {en: 'last row', ko: '맨 아래'};

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
    keys: same('PgUp'),
    label: pageUp,
    matches: (_, key) => key.pageUp,
  },
  {
    action: 'pageDown',
    scopes: tree,
    keys: same('PgDn'),
    label: pageDown,
    matches: (_, key) => key.pageDown,
  },
  {
    action: 'first',
    scopes: tree,
    keys: same('g Home'),
    label: first,
    matches: (input, key) => key.home || is('g')(input, key),
  },
  {
    action: 'last',
    scopes: tree,
    keys: same('G End'),
    label: last,
    matches: (input, key) => key.end || is('G')(input, key),
  },
  {
    action: 'fold',
    scopes: tree,
    keys: glyph('← h', 'left h'),
    label: {en: 'fold / go to parent', ko: '접기 / 상위로'},
    footer: fold,
    matches: (input, key) => key.leftArrow || is('h')(input, key),
  },
  {
    action: 'unfold',
    scopes: tree,
    keys: glyph('→ l', 'right l'),
    label: {en: 'unfold / go to child', ko: '펼치기 / 하위로'},
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
    scopes: list,
    keys: up,
    label: upLabel,
    footer: move,
    matches: (input, key) => key.upArrow || is('k')(input, key),
  },
  {
    action: 'listDown',
    scopes: list,
    keys: down,
    label: downLabel,
    footer: move,
    matches: (input, key) => key.downArrow || is('j')(input, key),
  },
  {
    action: 'listPageUp',
    scopes: list,
    keys: same('PgUp'),
    label: pageUp,
    matches: (_, k) => k.pageUp,
  },
  {
    action: 'listPageDown',
    scopes: list,
    keys: same('PgDn'),
    label: pageDown,
    matches: (_, key) => key.pageDown,
  },
  {
    action: 'listFirst',
    scopes: list,
    keys: same('g Home'),
    label: first,
    matches: (input, key) => key.home || is('g')(input, key),
  },
  {
    action: 'listLast',
    scopes: list,
    keys: same('G End'),
    label: last,
    matches: (input, key) => key.end || is('G')(input, key),
  },
  {
    action: 'jump',
    scopes: list,
    keys: same('Enter'),
    label: {en: 'sweep list: show it in the tree', ko: '점검 목록: 트리에서 보기'},
    footer: {keys: same('Enter'), label: {en: 'jump', ko: '이동'}},
    matches: (_, key) => key.return,
  },
];
