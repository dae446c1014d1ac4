import {Box} from 'ink';
import type {TopologyDiff} from '../../core/diff.js';
import {findingMessage} from '../analysis/diff-items.js';
import {say, t} from '../../i18n/i18n.js';
import type {Segment} from '../segments.js';
import type {Theme, Tone} from '../theme.js';
import {fit, widthOf} from '../text.js';
import {Line} from './line.js';
import {useRowItems, type ListPlace} from './list-panel.js';
import {Panel} from './panel.js';
import {adviceLines} from './sweep-panel.js';

interface DiffPanelProps extends Pick<ListPlace, 'onRows'> {
  focused: boolean;
  diff: TopologyDiff;
  /** OLD as written after --compare. */
  source: string;
  index: number;
  top: number;
  theme: Theme;
  width: number;
  height: number;
}

const verdictTone: Record<TopologyDiff['verdict'], Tone> = {
  worse: 'bad',
  better: 'ok',
  same: 'dim',
};

function findingLine(
  diff: TopologyDiff,
  position: number,
  selected: boolean,
  theme: Theme,
  width: number,
): Segment[] {
  const {glyphs, lang} = theme;
  const finding = diff.findings[position]!;
  const worse = finding.direction === 'worse';
  const segments: Segment[] = [
    {
      text: `${selected ? glyphs.cursor : ' '}${worse ? glyphs.downLive : glyphs.up} `,
      tone: worse ? 'bad' : 'ok',
    },
    {text: `${fit(t(lang, worse ? 'diff.worse' : 'diff.better'), 6)} `, tone: worse ? 'bad' : 'ok'},
    {text: say(lang, findingMessage(finding))},
  ];
  const plain = segments.map((segment) => segment.text).join('');
  if (selected) return [{text: fit(plain, width, 'left', glyphs.ellipsis), inverse: true}];
  if (widthOf(plain) > width) return [{text: fit(plain, width, 'left', glyphs.ellipsis)}];
  return [...segments, {text: ' '.repeat(width - widthOf(plain))}];
}

/** What NEW (on screen) changed against --compare OLD: the core's findings, worse first, selectable. */
export function DiffPanel(props: DiffPanelProps) {
  const {diff, source, index, top, theme, width, height, focused} = props;
  const {lang} = theme;
  const inner = width - 2;
  const rows = Math.max(0, height - 4 - adviceLines);
  const {added, removed, changed} = diff.components;
  const head =
    diff.verdict === 'same'
      ? t(lang, 'diff.same')
      : `${t(lang, `diff.${diff.verdict}`)}: ${say(lang, findingMessage(diff.findings[0]!))}`;
  const counts = t(lang, 'diff.counts', {
    added: added.length,
    removed: removed.length,
    changed: changed.length,
  });
  const shown = diff.findings.slice(top, top + rows);
  // The verdict's line, then the findings shown.
  useRowItems(props, [undefined, ...shown.map((_, offset) => top + offset)]);
  const footer = [counts, t(lang, 'diff.vs', {source}), t(lang, 'diff.hint')];
  const aside = diff.findings.length > rows ? `${index + 1}/${diff.findings.length}` : undefined;
  return (
    <Panel
      title={t(lang, 'title.diff')}
      {...(aside ? {aside} : {})}
      width={width}
      height={height}
      focused={focused}
      theme={theme}
    >
      <Line
        segments={[
          {text: fit(head, inner, 'left', theme.glyphs.ellipsis), tone: verdictTone[diff.verdict]},
        ]}
        theme={theme}
      />
      <Box flexDirection="column" height={rows}>
        {shown.map((finding, offset) => (
          <Line
            key={`${finding.kind}:${finding.service}:${finding.component}:${finding.failureKind ?? ''}`}
            segments={findingLine(diff, top + offset, top + offset === index, theme, inner)}
            theme={theme}
          />
        ))}
      </Box>
      {footer.map((text) => (
        <Line
          key={text}
          segments={[{text: fit(text, inner, 'left', theme.glyphs.ellipsis), tone: 'dim'}]}
          theme={theme}
        />
      ))}
    </Panel>
  );
}
