import {type Binding, type Scope} from './binding.js';

export type LiveAction = 'events' | 'sources' | 'timeline' | 'hooks' | 'confirmHook' | 'skipHook';

const treeAndList: readonly Scope[] = ['tree', 'list'];

/** Keys of live operation: what arrived from live sources, and the failover hooks. */
export const liveKeys: readonly Binding<LiveAction>[] = [
  {
    action: 'events',
    scopes: treeAndList,
    keys: ['e'],
    label: {en: 'live events: what arrived, newest first', ko: '실시간 이벤트: 받은 순서 역순'},
  },
  {
    action: 'sources',
    scopes: ['tree', 'list', 'panel'],
    keys: ['S'],
    label: {
      en: 'live sources: last good poll, last error, what each sees',
      ko: '실시간 소스: 마지막 정상 응답, 마지막 오류, 보는 구성 요소',
    },
  },
  {
    action: 'timeline',
    scopes: treeAndList,
    keys: ['t'],
    label: {en: 'timeline of each service', ko: '서비스별 타임라인'},
  },
  {
    action: 'hooks',
    scopes: treeAndList,
    keys: ['!'],
    label: {en: 'hooks run and their output', ko: '실행한 훅과 출력'},
  },
  {
    action: 'confirmHook',
    scopes: ['hook'],
    keys: ['y'],
    label: {en: 'run the failover hook', ko: '페일오버 훅 실행'},
    footer: {label: {en: 'run hook', ko: '훅 실행'}},
  },
  {
    action: 'skipHook',
    scopes: ['hook'],
    keys: ['n', 'escape'],
    label: {en: 'do not run the hook', ko: '훅 실행 안 함'},
    footer: {label: {en: 'skip', ko: '건너뜀'}},
  },
];
