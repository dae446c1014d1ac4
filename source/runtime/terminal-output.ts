/* eslint-disable no-control-regex */
const cursorUpFirst = /^(\u001B\[\?2026h)?\u001B\[(\d+)A/;
const modeSwitches = /^(\u001B\[\?\d+[hl])+|(\u001B\[\?\d+[hl])+$/g;

/**
 * The terminal as Ink sees it, with two corrections (written against Ink 6.8.0, which
 * package.json pins exactly: recheck both before moving it):
 * - Ink 6.8's incremental renderer moves up one line too few before an update when the frame
 *   before ended in a newline (every frame shorter than the terminal, which ours always is), so
 *   each update would land one row low. The missing line is added to that first cursor move.
 * - Resizes are not passed on: Ink would repaint the old frame at the new width, which wraps;
 *   the caller repaints the whole screen instead.
 * `written` hears of every write (each frame Ink draws).
 */
export function terminalOutput(
  target: NodeJS.WriteStream,
  written: () => void = () => {},
): NodeJS.WriteStream {
  let belowFrame = false;
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    written();
    let text =
      typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    if (belowFrame)
      text = text.replace(
        cursorUpFirst,
        (_, sync: string | undefined, lines: string) => `${sync ?? ''}\u001B[${Number(lines) + 1}A`,
      );
    const content = text.replace(modeSwitches, '');
    if (content !== '') belowFrame = content.endsWith('\n') || content.endsWith('\u001B[E');
    return (target.write as (...args: unknown[]) => boolean)(text, ...rest);
  };
  const subscribe = (
    method: 'on' | 'off' | 'once' | 'addListener' | 'removeListener' | 'prependListener',
  ) =>
    function (this: unknown, event: string | symbol, listener: (...args: unknown[]) => void) {
      if (event !== 'resize')
        (
          target[method] as (
            event: string | symbol,
            listener: (...args: unknown[]) => void,
          ) => unknown
        ).call(target, event, listener);
      return stream;
    };
  const overrides: Record<string | symbol, unknown> = {
    write,
    on: subscribe('on'),
    off: subscribe('off'),
    once: subscribe('once'),
    addListener: subscribe('addListener'),
    removeListener: subscribe('removeListener'),
    prependListener: subscribe('prependListener'),
  };
  const stream = new Proxy(target, {
    get(object, property) {
      if (property in overrides) return overrides[property];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(object)
        : value;
    },
  });
  return stream;
}
