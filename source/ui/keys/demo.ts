import {demo, glyph, rank, same, type Binding} from './binding.js';

export type DemoAction = 'demoPause' | 'demoNext' | 'demoPrev';

export const demoKeys: readonly Binding<DemoAction>[] = [
  {
    action: 'demoPause',
    scopes: demo,
    keys: same('Space'),
    label: {en: 'pause or play the demo', ko: '데모 일시정지/재생'},
    footer: {
      keys: same('Space'),
      label: {en: 'pause', ko: '일시정지'},
      labelIn: (context) =>
        context.demoPaused ? {en: 'play', ko: '재생'} : {en: 'pause', ko: '일시정지'},
      rank: rank(1),
    },
    matches: (input) => input === ' ',
  },
  {
    action: 'demoPrev',
    scopes: demo,
    keys: glyph('←→', 'left right'),
    label: {en: 'previous, next step', ko: '이전, 다음 단계'},
    footer: {keys: glyph('←→', 'left/right'), label: {en: 'step', ko: '단계'}, rank: rank(1)},
    matches: (_, key) => key.leftArrow,
  },
  {
    action: 'demoNext',
    scopes: demo,
    keys: glyph('←→', 'left right'),
    label: {en: 'previous, next step', ko: '이전, 다음 단계'},
    footer: {keys: glyph('←→', 'left/right'), label: {en: 'step', ko: '단계'}, rank: rank(1)},
    matches: (_, key) => key.rightArrow,
  },
];
