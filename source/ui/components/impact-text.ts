import type {DownList} from '../../core/analyze.js';
import type {ServiceRow, Subject} from '../analysis/selection.js';
import {countList, kindWord, sayCore, statusWord, t, type Noun} from '../../i18n/i18n.js';
import {wrappedLines as lines, type Segment} from '../segments.js';
import type {Tone} from '../theme.js';
import {amount} from '../text.js';
import type {ImpactInputs} from './impact-inputs.js';
import {notesOf} from './impact-notes.js';

export interface ImpactContent {
  title: string;
  heading: Segment[][];
  rows: readonly ServiceRow[];
  hidden: number;
  notes: Segment[][];
  /** The rows say what would happen, not what is: drawn apart from a real outage. */
  preview: boolean;
  /** What the after column means: would be (a what-if), if back (a down component), or after. */
  afterColumn: 'col.after' | 'col.wouldBe' | 'col.ifBack';
  beforeColumn: 'col.before' | 'col.now';
}

export type {ImpactInputs} from './impact-inputs.js';

const order = ['zone', 'site', 'account', 'router', 'vm', 'lb', 'gslb'] as const;

function headingOf(subject: Subject, inputs: ImpactInputs): Segment[][] {
  const {theme, width, model} = inputs;
  const {lang, glyphs} = theme;
  // The counts of the one list whose first entries the panel shows under it (impact-detail.ts).
  const fails = (wentDown: DownList, root?: {kind: Noun; id: string}) => {
    const list = countList(lang, wentDown.byKind, order, glyphs.dot);
    if (root && list !== '')
      return t(lang, 'impact.rootTook', {kind: kindWord(lang, root.kind), root: root.id, list});
    return list === '' ? t(lang, 'impact.failsAlone') : t(lang, 'impact.failsWith', {list});
  };
  switch (subject.type) {
    case 'none':
      return lines(t(lang, 'msg.noSelection'), width, 'dim');
    case 'preview':
      return lines(fails(subject.wentDown), width);
    case 'pending':
      return [
        ...lines(t(lang, 'impact.pending', {what: sayCore(lang, subject.what)}), width, 'would'),
        ...lines(t(lang, 'impact.confirm', {key: 'y'}), width, 'warn'),
      ];
    case 'down': {
      const glyph = subject.how === 'sim' ? glyphs.downSim : glyphs.downLive;
      const tone: Tone = subject.how === 'sim' ? 'sim' : 'bad';
      const what =
        subject.root !== subject.id
          ? t(lang, 'impact.downWith', {kind: kindWord(lang, subject.rootKind), root: subject.root})
          : subject.how === 'sim'
            ? t(lang, 'impact.isSim', {dot: glyphs.dot})
            : t(lang, 'impact.isLive', {reason: subject.reason ?? ''});
      const root =
        subject.root !== subject.id ? {kind: subject.rootKind, id: subject.root} : undefined;
      const took = subject.wentDown.size > 0;
      return [
        ...lines(`${glyph} ${what}`, width, tone),
        ...(took ? lines(fails(subject.wentDown, root), width) : []),
      ];
    }
    case 'standing': {
      const component = model.components.get(subject.id);
      let about = '';
      if (subject.kind === 'group') {
        const n = model.accounts.filter((account) => account.group === subject.id).length;
        about = t(lang, 'impact.group', {id: subject.id, n});
      } else if (component?.kind === 'service') {
        const row = subject.rows.find((r) => r.id === subject.id);
        about = t(lang, 'impact.service', {
          id: subject.id,
          status: row ? statusWord(lang, row.status) : '',
          served: amount(row?.after ?? 0),
          demand: amount(component.demand),
          unit: model.unit,
        });
      } else if (component?.kind === 'gslb')
        about = t(lang, 'impact.gslb', {
          id: subject.id,
          policy: component.policy,
          targets: component.targets.length,
        });
      else if (subject.note) about = t(lang, subject.note);
      return [...(about ? lines(about, width) : []), ...lines(t(lang, 'impact.now'), width, 'dim')];
    }
  }
}

/** What the impact panel holds, cut to its height: the service rows give way first. */
export function impactContent(subject: Subject, inputs: ImpactInputs): ImpactContent {
  const {theme, height} = inputs;
  const title =
    subject.type === 'none'
      ? t(theme.lang, 'title.impact')
      : `${t(theme.lang, 'title.impact')}${theme.glyphs.dot}${kindWord(theme.lang, subject.kind)} ${subject.id}`;
  const heading = headingOf(subject, inputs);
  let notes = notesOf(subject, inputs);
  const all = subject.type === 'none' ? [] : subject.rows;
  // GSLB and SPOF notes take at most half the room; the services table keeps the rest.
  const noteRoom = Math.min(notes.length, Math.max(3, Math.floor((height - heading.length) / 2)));
  const tableRoom = height - heading.length - noteRoom - 1;
  let shown = Math.max(0, Math.min(all.length, tableRoom));
  if (shown < all.length) shown = Math.max(0, tableRoom - 1);
  const hidden = all.length - shown;
  const used = heading.length + (all.length > 0 ? 1 + shown : 0) + (hidden > 0 ? 1 : 0);
  notes = notes.slice(0, Math.max(0, height - used));
  const preview = subject.type === 'preview' || subject.type === 'pending';
  const afterColumn = preview
    ? 'col.wouldBe'
    : subject.type === 'down'
      ? 'col.ifBack'
      : 'col.after';
  const beforeColumn = subject.type === 'down' ? 'col.now' : 'col.before';
  return {
    title,
    heading,
    rows: all.slice(0, shown),
    hidden,
    notes,
    preview,
    afterColumn,
    beforeColumn,
  };
}
