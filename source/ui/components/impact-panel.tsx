import {Box} from 'ink';
import {t} from '../../i18n/i18n.js';
import type {Theme} from '../theme.js';
import type {ImpactContent} from './impact-text.js';
import {Line} from './line.js';
import {Panel} from './panel.js';
import {ServiceTable} from './service-table.js';

interface ImpactPanelProps {
  content: ImpactContent;
  theme: Theme;
  width: number;
  height: number;
  /** It has the keys (Tab): the border shows it. */
  focused?: boolean;
  /** The scroll position, set into the top border. */
  aside?: string;
}

/** What the selection's failure does (or does now): blast radius, services, GSLB timing. */
export function ImpactPanel({content, theme, width, height, focused, aside}: ImpactPanelProps) {
  const inner = width - 2;
  return (
    <Panel
      title={content.title}
      width={width}
      height={height}
      theme={theme}
      focused={focused ?? false}
      {...(aside ? {aside} : {})}
    >
      <Box flexDirection="column" width={inner}>
        {content.heading.map((segments, index) => (
          <Line key={`h${index}`} segments={segments} theme={theme} />
        ))}
        {content.rows.length > 0 && (
          <ServiceTable
            rows={content.rows}
            theme={theme}
            width={inner}
            preview={content.preview}
            afterColumn={content.afterColumn}
            beforeColumn={content.beforeColumn}
          />
        )}
        {content.hidden > 0 && (
          <Line
            segments={[
              {text: ` ${t(theme.lang, 'impact.moreServices', {n: content.hidden})}`, tone: 'dim'},
            ]}
            theme={theme}
          />
        )}
        {content.notes.map((segments, index) => (
          <Line key={`n${index}`} segments={segments} theme={theme} />
        ))}
      </Box>
    </Panel>
  );
}
