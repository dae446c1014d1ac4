import {anywhere, glyph, is, rank, same, tree, type Binding, type Scope} from './binding.js';

export type PanelAction =
  | 'nextView'
  | 'viewZone'
  | 'viewAccount'
  | 'viewService'
  | 'filter'
  | 'nextMatch'
  | 'previousMatch'
  | 'sweep'
  | 'availability'
  | 'plan'
  | 'diff'
  | 'cause'
  | 'help'
  | 'close'
  | 'quit';

// v steps through the views, 1 2 3 pick one: one line of help.
const byKind = {en: 'view by zone, account, service', ko: '존별, 계정별, 서비스별 보기'};
const treeAndPanels: readonly Scope[] = ['tree', 'list', 'panel'];

export const panelKeys: readonly Binding<PanelAction>[] = [
  {
    action: 'nextView',
    scopes: tree,
    keys: same('v 1 2 3'),
    label: byKind,
    footer: {keys: same('v'), label: {en: 'view', ko: '보기'}, rank: rank(4)},
    matches: is('v'),
  },
  {
    action: 'viewZone',
    scopes: tree,
    keys: same('v 1 2 3'),
    label: byKind,
    matches: is('1'),
  },
  {
    action: 'viewAccount',
    scopes: tree,
    keys: same('v 1 2 3'),
    label: byKind,
    matches: is('2'),
  },
  {
    action: 'viewService',
    scopes: tree,
    keys: same('v 1 2 3'),
    label: byKind,
    matches: is('3'),
  },
  {
    action: 'filter',
    scopes: tree,
    keys: same('/'),
    label: {en: 'filter by id or name', ko: 'id나 이름으로 거르기'},
    footer: {keys: same('/'), label: {en: 'filter', ko: '필터'}, rank: rank(5)},
    matches: is('/'),
  },
  {
    action: 'nextMatch',
    scopes: tree,
    keys: same('n N'),
    label: {en: 'next, previous match', ko: '다음, 이전 일치 항목'},
    footer: {keys: glyph('n N', 'n N'), label: {en: 'next/prev', ko: '다음/이전'}, rank: rank(2)},
    matches: is('n'),
    unavailable: (c) => (c.filterActive ? undefined : 'reason.noFilter'),
  },
  {
    action: 'previousMatch',
    scopes: tree,
    keys: same('n N'),
    label: {en: 'next, previous match', ko: '다음, 이전 일치 항목'},
    footer: {keys: glyph('n N', 'n N'), label: {en: 'next/prev', ko: '다음/이전'}, rank: rank(2)},
    matches: is('N'),
    unavailable: (c) => (c.filterActive ? undefined : 'reason.noFilter'),
  },
  {
    action: 'sweep',
    scopes: treeAndPanels,
    keys: same('s'),
    label: {en: 'N-1 sweep: SPOFs and weak points', ko: 'N-1 점검: 단일 장애점과 약점'},
    footer: {keys: same('s'), label: {en: 'sweep', ko: '점검'}, rank: rank(6)},
    matches: is('s'),
  },
  {
    action: 'availability',
    scopes: treeAndPanels,
    keys: same('a'),
    label: {en: 'availability estimate', ko: '가용성 추정'},
    footer: {keys: same('a'), label: {en: 'availability', ko: '가용성'}, rank: rank(7)},
    matches: is('a'),
  },
  {
    action: 'plan',
    scopes: treeAndPanels,
    keys: same('p'),
    label: {en: 'failover plan, most restoring first', ko: '페일오버 계획 (복구량 순)'},
    footer: {keys: same('p'), label: {en: 'plan', ko: '계획'}, rank: (c) => (c.hasFailure ? 3 : 7)},
    matches: is('p'),
  },
  {
    action: 'diff',
    scopes: treeAndPanels,
    keys: same('d'),
    label: {en: 'what changed vs OLD', ko: 'OLD 대비 변경'},
    // Started with --compare, the diff is what the operator came for.
    footer: {keys: same('d'), label: {en: 'diff', ko: '비교'}, rank: rank(4)},
    matches: is('d'),
    unavailable: (c) => (c.hasCompare ? undefined : 'reason.noCompare'),
  },
  {
    action: 'help',
    scopes: anywhere,
    keys: same('?'),
    label: {en: 'this help', ko: '이 도움말'},
    footer: {keys: same('?'), label: {en: 'help', ko: '도움말'}, rank: rank(0)},
    matches: is('?'),
  },
  {
    action: 'close',
    scopes: ['list', 'panel', 'detail', 'help'],
    keys: same('Esc'),
    label: {en: 'close the panel or help', ko: '패널·도움말 닫기'},
    footer: {keys: same('Esc'), label: {en: 'close', ko: '닫기'}, rank: rank(2)},
    matches: (_, key) => key.escape,
  },
  {
    action: 'close',
    scopes: ['tree', 'demo'],
    keys: same('Esc'),
    label: {en: 'clear the filter', ko: '필터 지우기'},
    matches: (_, key) => key.escape,
  },
  {
    action: 'quit',
    scopes: [...anywhere, 'demo', 'confirm', 'loading'],
    keys: same('q Ctrl-C'),
    label: {en: 'quit', ko: '종료'},
    footer: {keys: same('q'), label: {en: 'quit', ko: '종료'}, rank: rank(0)},
    matches: (input, key) => is('q')(input, key) || (key.ctrl && input === 'c'),
  },
  // After quit, with the live keys: the help of a small screen keeps the keys every session needs.
  {
    action: 'cause',
    scopes: treeAndPanels,
    keys: same('c'),
    label: {en: 'likely cause of what is down', ko: '장애의 추정 원인'},
    matches: is('c'),
  },
];
