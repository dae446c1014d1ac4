import fc from 'fast-check';
import {Text} from 'ink';
import {readFileSync} from 'node:fs';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {parseTopology} from '../../source/core/load.js';
import {Panel} from '../../source/ui/components/panel.js';
import {fit} from '../../source/ui/text.js';
import {themeOf} from '../../source/ui/theme.js';
import {expectFrameShape} from './frames.js';
import {renderDashboard, waitForFrame} from './helpers.js';

describe('Panel', () => {
  // Panels clip only vertically: Ink would otherwise cut every line of every frame again
  // (sliceAnsi per line), though the screen's lines are already fitted to the panel's width.
  it('keeps its borders with lines as wide as it and lines cut to it', () => {
    const theme = themeOf({lang: 'en', ascii: false, color: true});
    const frame = render(
      <Panel title="Topology" width={30} height={5} theme={theme}>
        <Text color="red">{fit('한국어 이름 👍 and more words', 28)}</Text>
        <Text wrap="truncate">{'x'.repeat(80)}</Text>
        <Text>three</Text>
      </Panel>,
    ).lastFrame()!;
    // eslint-disable-next-line no-control-regex
    const lines = frame.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
    expect(lines).toEqual([
      `┌ Topology ${'─'.repeat(18)}┐`,
      '│한국어 이름 👍 and more wor…│',
      `│${'x'.repeat(27)}…│`,
      `│three${' '.repeat(23)}│`,
      `└${'─'.repeat(28)}┘`,
    ]);
  });
});

describe('the screen with wide, joined and long names', () => {
  // Zero-width characters alone are left out: a label of one already shortens its line by a
  // column, clipped or not (string-width counts 0 where the terminal's cell stays).
  const pieces = ['한', '글', '👍', 'e\u0301', 'Ｗ', '中', 'a', ' ', '-', '…'];
  const name = fc
    .array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 40})
    .map((parts) => parts.join('').trim() || 'x');
  const demo = readFileSync('fixtures/demo.yaml', 'utf8');

  it('keeps every line inside the frame and both panels inside their borders', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(name, {minLength: 5, maxLength: 5}),
        fc.constantFrom({columns: 100, rows: 30}, {columns: 80, rows: 24}),
        fc.constantFrom('', 's', 'a', '2', '3', 'jjjj'),
        async ([title, ...labels], size, typed) => {
          let text = demo.replace('name: shop-prod', `name: ${JSON.stringify(title)}`);
          for (const [index, label] of ['중부 A', '중부 B', '수도권 2', '구로 IDC'].entries())
            text = text.replace(`label: ${label}`, `label: ${JSON.stringify(labels[index])}`);
          const loaded = parseTopology(text, 'wide.yaml');
          if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
          const {lastFrame, stdin, unmount} = renderDashboard({model: loaded.model, size});
          for (const key of typed) stdin.write(key);
          const frame = await waitForFrame(lastFrame, (f) => !f.includes('computing…'));
          unmount();
          expectFrameShape(frame, size.columns, size.rows);
          // Where the two panels meet, in display columns: the same on every line between.
          const lines = frame.split('\n');
          // Either side may draw the heavy border of the one that has the keys.
          const meeting = (line: string, join: RegExp) =>
            stringWidth(line.slice(0, join.exec(line)?.index ?? -1));
          const split = meeting(lines[1]!, /[┐┓][┌┏]/);
          for (const line of lines.slice(2, -3).filter((l) => /^[│┃]/.test(l)))
            expect(meeting(line, /[│┃][│┃]/), line).toBe(split);
        },
      ),
      {numRuns: 40},
    );
  });
});
