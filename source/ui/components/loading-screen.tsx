import {Box, useInput} from 'ink';
import {useMemo} from 'react';
import {useTerminalSize, type TerminalSize} from '../use/use-terminal-size.js';
import {t} from '../../i18n/i18n.js';
import {bindingFor, footerHints, plainContext} from '../keymap.js';
import {screenLayoutOf} from '../screen-layout.js';
import type {Segment} from '../segments.js';
import {themeOf, type Theme} from '../theme.js';
import {fit, truncate, widthOf, wrapWords} from '../text.js';
import type {Look} from '../../shared/types.js';
import {Footer, MessageLine} from './bars.js';
import {Line} from './line.js';
import {Panel} from './panel.js';
import {TooSmall} from './too-small.js';

/** Where the opening of a big topology is: what the loading frame says is happening. */
export type LoadingStage =
  {step: 'reading'} | {step: 'analysing'; components: number} | {step: 'drawing'};

export interface LoadingScreenProps {
  /** The file as the operator named it. */
  file: string;
  bytes: number;
  stage: LoadingStage;
  look: Look;
  onQuit: (code: number) => void;
  size?: TerminalSize;
  /** Draw nothing for now: after a resize, the caller repaints from an empty frame. */
  blank?: boolean;
}

/** 812 B, 96 KB, 23.4 MB: the size the header shows beside the file's name. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function stageText(stage: LoadingStage, file: string, bytes: number, theme: Theme): string {
  const {lang} = theme;
  if (stage.step === 'reading') {
    // The header has the whole path; the panel names the file.
    const name = file.split(/[\\/]/).filter(Boolean).at(-1) ?? file;
    // A no-break space keeps "16.1 MB" on one line when the panel wraps.
    return t(lang, 'loading.reading', {file: name, size: sizeText(bytes).replace(' ', '\u00a0')});
  }
  if (stage.step === 'analysing')
    return t(lang, 'loading.analysing', {n: stage.components.toLocaleString('en-US')});
  return t(lang, 'loading.drawing');
}

function headerSegments(file: string, bytes: number, width: number): Segment[] {
  const left: Segment = {text: ' failsight ', tone: 'strong'};
  const size: Segment = {text: `  ${sizeText(bytes)}`, tone: 'dim'};
  const room = width - widthOf(left.text) - widthOf(size.text) - 2;
  const name: Segment = {text: ` ${truncate(file, Math.max(1, room))} `, tone: 'accent'};
  const used = widthOf(left.text) + widthOf(name.text) + widthOf(size.text);
  return [left, name, size, {text: fit('', Math.max(0, width - used))}];
}

/**
 * The frame drawn at once while a big topology loads: the header names the file and its size,
 * the panels say what is being done, the footer has the one key that works (q, and Ctrl-C).
 * It has the dashboard's shape, so the dashboard's first frame replaces it in place.
 */
export function LoadingScreen(props: LoadingScreenProps) {
  const {file, bytes, stage, look, onQuit} = props;
  const size = useTerminalSize(props.size);
  const {lang, ascii, color} = look;
  const theme = useMemo(() => themeOf({lang, ascii, color}), [lang, ascii, color]);
  useInput((input, key) => {
    if (key.ctrl && input === 'c') onQuit(130);
    else if (bindingFor(['loading'], input, key)?.action === 'quit') onQuit(0);
  });
  if (props.blank) return <Box />;
  const layout = screenLayoutOf(size.columns, size.rows);
  if (layout.tooSmall) return <TooSmall theme={theme} size={size} />;
  const lines = (text: string, width: number) =>
    wrapWords(text, width - 3)
      .slice(0, layout.innerRows)
      .map((line) => ` ${line}`);
  const doing = lines(stageText(stage, file, bytes, theme), layout.treeWidth);
  const waiting = lines(t(lang, 'loading.waiting'), layout.panelWidth);
  return (
    <Box flexDirection="column" width={layout.columns} height={layout.rows - 1}>
      <Line segments={headerSegments(file, bytes, layout.columns)} theme={theme} />
      <Box flexDirection="row" height={layout.bodyRows}>
        <Panel
          title={t(lang, 'loading.title')}
          width={layout.treeWidth}
          height={layout.bodyRows}
          theme={theme}
        >
          {doing.map((line, index) => (
            <Line key={index} segments={[{text: line}]} theme={theme} />
          ))}
        </Panel>
        <Panel
          title={t(lang, 'title.impact')}
          width={layout.panelWidth}
          height={layout.bodyRows}
          theme={theme}
        >
          {waiting.map((line, index) => (
            <Line key={index} segments={[{text: line, tone: 'dim'}]} theme={theme} />
          ))}
        </Panel>
      </Box>
      <MessageLine text="" tone="plain" theme={theme} width={layout.columns} rows={1} />
      <Footer
        hints={footerHints(['loading'], plainContext, lang, ascii)}
        theme={theme}
        width={layout.columns}
      />
    </Box>
  );
}
