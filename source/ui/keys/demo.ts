import {demo, glyph, same, type Binding} from './binding.js';

export type DemoAction = 'demoPause' | 'demoNext' | 'demoPrev';

export const demoKeys: readonly Binding<DemoAction>[] = [
  {
    action: 'demoPause',
    scopes: demo,
    keys: same('Space'),
    label: {en: 'pause or play the demo', ko: '데모 일시정지/재생'},
    footer: {keys: same('Space'), label: {en: 'pause', ko: '일시정지'}},
    matches: (input) => input === ' ',
  },
  {
    action: 'demoPrev',
    scopes: demo,
    keys: glyph('←', 'left'),
    label: {en: 'previous step', ko: '이전 단계'},
    footer: {keys: glyph('←→', 'left/right'), label: {en: 'step', ko: '단계'}},
    matches: (_, key) => key.leftArrow,
  },
  {
    action: 'demoNext',
    scopes: demo,
    keys: glyph('→', 'right'),
    label: {en: 'next step', ko: '다음 단계'},
    footer: {keys: glyph('←→', 'left/right'), label: {en: 'step', ko: '단계'}},
    matches: (_, key) => key.rightArrow,
  },
];
