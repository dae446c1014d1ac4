import {demo, rank, type Binding} from './binding.js';

export type DemoAction = 'demoPause' | 'demoNext' | 'demoPrev';

export const demoKeys: readonly Binding<DemoAction>[] = [
  {
    action: 'demoPause',
    scopes: demo,
    keys: ['space'],
    label: {en: 'pause or play the demo', ko: '데모 일시정지/재생'},
    footer: {
      label: {en: 'pause', ko: '일시정지'},
      labelIn: (context) =>
        context.demoPaused ? {en: 'play', ko: '재생'} : {en: 'pause', ko: '일시정지'},
      rank: rank(1),
    },
  },
  {
    action: 'demoPrev',
    scopes: demo,
    keys: ['left'],
    label: {en: 'previous, next step', ko: '이전, 다음 단계'},
    footer: {label: {en: 'step', ko: '단계'}, rank: rank(1)},
  },
  {
    action: 'demoNext',
    scopes: demo,
    keys: ['right'],
    label: {en: 'previous, next step', ko: '이전, 다음 단계'},
    footer: {label: {en: 'step', ko: '단계'}, rank: rank(1)},
  },
];
