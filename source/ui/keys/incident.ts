import {rank, tree, type Binding, type KeyContext} from './binding.js';

export type IncidentAction = 'stateFilter' | 'nextDown' | 'previousDown' | 'detail' | 'closeDetail';

const jumpLabel = {en: 'next, previous down row', ko: '다음, 이전 장애 행'};
// Observed down: finding it comes before most keys; else it is the first to go when short.
const downFirst = (c: KeyContext) => (c.observedDown ? 3 : c.hasFailure ? 6 : 9);
// One help line for both ways: the detail's keys are not listed apart.
const entryLabel = {en: 'read an entry whole, and back', ko: '항목 전체 보기, 목록으로'};

/** Keys for a live outage: what is down, and every entry of a list read whole. */
export const incidentKeys: readonly Binding<IncidentAction>[] = [
  {
    action: 'stateFilter',
    scopes: tree,
    keys: ['f'],
    label: {en: 'rows: all, down, unknown/degraded', ko: '행: 전체, 장애, 알 수 없음·저하'},
    footer: {label: {en: 'down', ko: '장애만'}, rank: downFirst},
  },
  {
    action: 'nextDown',
    scopes: tree,
    keys: [']'],
    label: jumpLabel,
  },
  {
    action: 'previousDown',
    scopes: tree,
    keys: ['['],
    label: jumpLabel,
  },
  {
    action: 'detail',
    scopes: ['list'],
    keys: ['right', 'l'],
    label: entryLabel,
    footer: {label: {en: 'detail', ko: '자세히'}, rank: rank(4)},
  },
  {
    action: 'closeDetail',
    scopes: ['detail'],
    keys: ['left', 'h'],
    label: entryLabel,
    footer: {label: {en: 'list', ko: '목록'}, rank: rank(2)},
  },
];
