import {anywhere, is, same, tree, type Binding, type Scope} from './binding.js';

export type PanelAction =
  | 'nextView'
  | 'viewZone'
  | 'viewAccount'
  | 'viewService'
  | 'filter'
  | 'nextMatch'
  | 'sweep'
  | 'availability'
  | 'plan'
  | 'diff'
  | 'help'
  | 'close'
  | 'quit';

const treeAndList: readonly Scope[] = ['tree', 'list'];

export const panelKeys: readonly Binding<PanelAction>[] = [
  {
    action: 'nextView',
    scopes: tree,
    keys: same('v'),
    label: {en: 'next view: zone, account, service', ko: '다음 보기: 존, 계정, 서비스'},
    footer: {keys: same('v'), label: {en: 'view', ko: '보기'}},
    matches: is('v'),
  },
  {
    action: 'viewZone',
    scopes: tree,
    keys: same('1'),
    label: {en: 'view by zone', ko: '존별 보기'},
    matches: is('1'),
  },
  {
    action: 'viewAccount',
    scopes: tree,
    keys: same('2'),
    label: {en: 'view by account', ko: '계정별 보기'},
    matches: is('2'),
  },
  {
    action: 'viewService',
    scopes: tree,
    keys: same('3'),
    label: {en: 'view by service', ko: '서비스별 보기'},
    matches: is('3'),
  },
  {
    action: 'filter',
    scopes: tree,
    keys: same('/'),
    label: {en: 'filter rows by id or name', ko: 'id나 이름으로 거르기'},
    footer: {keys: same('/'), label: {en: 'filter', ko: '필터'}},
    matches: is('/'),
  },
  {
    action: 'nextMatch',
    scopes: tree,
    keys: same('n'),
    label: {en: 'next match of the filter', ko: '다음 일치 항목'},
    footer: {keys: same('n'), label: {en: 'next', ko: '다음'}},
    matches: is('n'),
    unavailable: (c) => (c.filterActive ? undefined : 'reason.noFilter'),
  },
  {
    action: 'sweep',
    scopes: treeAndList,
    keys: same('s'),
    label: {en: 'N-1 sweep: SPOFs and weak points', ko: 'N-1 점검: 단일 장애점과 약점'},
    footer: {keys: same('s'), label: {en: 'sweep', ko: '점검'}},
    matches: is('s'),
  },
  {
    action: 'availability',
    scopes: treeAndList,
    keys: same('a'),
    label: {en: 'availability estimate', ko: '가용성 추정'},
    footer: {keys: same('a'), label: {en: 'availability', ko: '가용성'}},
    matches: is('a'),
  },
  {
    action: 'plan',
    scopes: treeAndList,
    keys: same('p'),
    label: {en: 'failover plan, most restoring first', ko: '페일오버 계획 (복구량 순)'},
    footer: {keys: same('p'), label: {en: 'plan', ko: '계획'}},
    matches: is('p'),
  },
  {
    action: 'diff',
    scopes: treeAndList,
    keys: same('d'),
    label: {en: 'what changed vs OLD', ko: 'OLD 대비 변경'},
    footer: {keys: same('d'), label: {en: 'diff', ko: '비교'}},
    matches: is('d'),
    unavailable: (c) => (c.hasCompare ? undefined : 'reason.noCompare'),
  },
  {
    action: 'help',
    scopes: anywhere,
    keys: same('?'),
    label: {en: 'this help', ko: '이 도움말'},
    footer: {keys: same('?'), label: {en: 'help', ko: '도움말'}},
    matches: is('?'),
  },
  {
    action: 'close',
    scopes: ['list', 'help'],
    keys: same('Esc'),
    label: {en: 'close the panel or help', ko: '패널·도움말 닫기'},
    footer: {keys: same('Esc'), label: {en: 'close', ko: '닫기'}},
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
    scopes: [...anywhere, 'demo', 'confirm'],
    keys: same('q Ctrl-C'),
    label: {en: 'quit', ko: '종료'},
    footer: {keys: same('q'), label: {en: 'quit', ko: '종료'}},
    matches: (input, key) => is('q')(input, key) || (key.ctrl && input === 'c'),
  },
];
