/* eslint-disable no-control-regex */
import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {terminalOutput} from '../../source/runtime/terminal-output.js';

// Ink decides once, when it is loaded, whether it runs in CI, and then draws only the last frame;
// these tests are about how it draws on a terminal, so they load it as a terminal session would.
delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];
const {Box, render, Text} = await import('ink');

/** Just enough of a VT100 to replay what Ink writes: text, newlines and the cursor moves it uses. */
class Screen extends EventEmitter {
  readonly isTTY = true;
  readonly columns = 20;
  readonly rows = 10;
  private cells: string[] = Array.from({length: 10}, () => '');
  private waiting: Array<{text: string; resolve: () => void}> = [];

  /** Resolves once `text` is on the screen. */
  shows(text: string): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push({text, resolve});
      this.settle();
    });
  }

  private settle() {
    const screen = this.text();
    this.waiting = this.waiting.filter(
      (wait) => !(screen.includes(wait.text) && (wait.resolve(), true)),
    );
  }
  private row = 0;
  private column = 0;

  write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    for (const [token] of text.matchAll(/\u001B\[\??[\d;]*[A-Za-z]|[^\u001B]/gu)) this.apply(token);
    (rest.find((arg) => typeof arg === 'function') as (() => void) | undefined)?.();
    this.settle();
    return true;
  };

  private apply(token: string) {
    const up = /^\u001B\[(\d*)A$/.exec(token);
    if (up) this.row = Math.max(0, this.row - Number(up[1] || 1));
    else if (token === '\u001B[E') [this.row, this.column] = [this.row + 1, 0];
    else if (/^\u001B\[\d*G$/.test(token)) this.column = 0;
    else if (token === '\u001B[K')
      this.cells[this.row] = this.cells[this.row]!.slice(0, this.column);
    else if (token === '\u001B[2K') this.cells[this.row] = '';
    else if (token.startsWith('\u001B')) return;
    else if (token === '\n') [this.row, this.column] = [this.row + 1, 0];
    else {
      const line = this.cells[this.row]!.padEnd(this.column);
      this.cells[this.row] = line.slice(0, this.column) + token + line.slice(this.column + 1);
      this.column++;
    }
  }

  text(): string {
    return this.cells.join('\n').trimEnd();
  }
}

const frame = (header: string) => (
  <Box flexDirection="column">
    <Text>{header}</Text>
    <Text>line 2</Text>
    <Text>line 3</Text>
  </Box>
);

async function draw(screen: Screen, stdout: NodeJS.WriteStream) {
  const ink = render(frame('header 1'), {stdout, incrementalRendering: true, patchConsole: false});
  await screen.shows('header 1');
  ink.rerender(frame('header 2'));
  await screen.shows('header 2');
  ink.unmount();
}

describe('the terminal Ink draws on', () => {
  it('puts an incremental update on the lines it replaces', async () => {
    const screen = new Screen();
    await draw(screen, terminalOutput(screen as unknown as NodeJS.WriteStream));
    expect(screen.text()).toBe('header 2\nline 2\nline 3');
  });

  it('is needed: Ink 6.8 alone writes the update one line low (when this fails, drop the fix)', async () => {
    const screen = new Screen();
    await draw(screen, screen as unknown as NodeJS.WriteStream);
    expect(screen.text()).toBe('header 1\nheader 2\nline 3');
  });

  it('keeps resize events from Ink and passes other events on', () => {
    const screen = new Screen();
    const stream = terminalOutput(screen as unknown as NodeJS.WriteStream);
    const heard: string[] = [];
    stream.on('resize', () => heard.push('resize'));
    stream.on('drain', () => heard.push('drain'));
    screen.emit('resize');
    screen.emit('drain');
    expect(heard).toEqual(['drain']);
    expect(stream.columns).toBe(20);
  });
});
