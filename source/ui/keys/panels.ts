import {anywhere, rank, tree, type Binding, type Scope} from './binding.js';

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
    keys: ['v'],
    label: byKind,
    footer: {label: {en: 'view', ko: '보기'}, rank: rank(4)},
  },
  {
    action: 'viewZone',
    scopes: tree,
    keys: ['1'],
    label: byKind,
  },
  {
    action: 'viewAccount',
    scopes: tree,
    keys: ['2'],
    label: byKind,
  },
  {
    action: 'viewService',
    scopes: tree,
    keys: ['3'],
    label: byKind,
  },
  {
    action: 'filter',
    scopes: tree,
    keys: ['/'],
    label: {en: 'filter by id or name', ko: 'id나 이름으로 거르기'},
    footer: {label: {en: 'filter', ko: '필터'}, rank: rank(5)},
  },
  {
    action: 'nextMatch',
    scopes: tree,
    keys: ['n'],
    label: {en: 'next, previous match', ko: '다음, 이전 일치 항목'},
    footer: {label: {en: 'next/prev', ko: '다음/이전'}, rank: rank(2)},
    unavailable: (c) => (c.filterActive ? undefined : 'reason.noFilter'),
  },
  {
    action: 'previousMatch',
    scopes: tree,
    keys: ['N'],
    label: {en: 'next, previous match', ko: '다음, 이전 일치 항목'},
    footer: {label: {en: 'next/prev', ko: '다음/이전'}, rank: rank(2)},
    unavailable: (c) => (c.filterActive ? undefined : 'reason.noFilter'),
  },
  {
    action: 'sweep',
    scopes: treeAndPanels,
    keys: ['s'],
    label: {en: 'N-1 sweep: SPOFs and weak points', ko: 'N-1 점검: 단일 장애점과 약점'},
    footer: {label: {en: 'sweep', ko: '점검'}, rank: rank(6)},
  },
  {
    action: 'availability',
    scopes: treeAndPanels,
    keys: ['a'],
    label: {en: 'availability estimate', ko: '가용성 추정'},
    footer: {label: {en: 'availability', ko: '가용성'}, rank: rank(7)},
  },
  {
    action: 'plan',
    scopes: treeAndPanels,
    keys: ['p'],
    label: {en: 'failover plan, most restoring first', ko: '페일오버 계획 (복구량 순)'},
    footer: {label: {en: 'plan', ko: '계획'}, rank: (c) => (c.hasFailure ? 3 : 7)},
  },
  {
    action: 'diff',
    scopes: treeAndPanels,
    keys: ['d'],
    label: {en: 'what changed vs OLD', ko: 'OLD 대비 변경'},
    // Started with --compare, the diff is what the operator came for.
    footer: {label: {en: 'diff', ko: '비교'}, rank: rank(4)},
    unavailable: (c) => (c.hasCompare ? undefined : 'reason.noCompare'),
  },
  {
    action: 'help',
    scopes: anywhere,
    keys: ['?'],
    label: {en: 'this help', ko: '이 도움말'},
    footer: {label: {en: 'help', ko: '도움말'}, rank: rank(0)},
  },
  {
    action: 'close',
    scopes: ['list', 'panel', 'detail', 'help'],
    keys: ['escape'],
    label: {en: 'close the panel or help', ko: '패널·도움말 닫기'},
    footer: {label: {en: 'close', ko: '닫기'}, rank: rank(2)},
  },
  {
    action: 'close',
    scopes: ['tree', 'demo'],
    keys: ['escape'],
    label: {en: 'clear the filter', ko: '필터 지우기'},
  },
  {
    action: 'quit',
    scopes: [...anywhere, 'demo', 'confirm', 'loading'],
    keys: ['q', 'ctrl+c'],
    label: {en: 'quit', ko: '종료'},
    footer: {label: {en: 'quit', ko: '종료'}, rank: rank(0)},
  },
  // After quit, with the live keys: the help of a small screen keeps the keys every session needs.
  {
    action: 'cause',
    scopes: treeAndPanels,
    keys: ['c'],
    label: {en: 'likely cause of what is down', ko: '장애의 추정 원인'},
  },
];
