/**
 * Bounds on what a file or a flag may set, checked at load. A timer holds at most 2^31-1 ms
 * (about 24.8 days): a longer delay fires at once, every time, so a loop meant to wait 1,000
 * hours would spin. Every interval and timeout is kept between 100 ms and 24 h.
 */
export const minDelayMs = 100;
export const maxDelayMs = 24 * 3600 * 1000;

/** Whether `ms` is a delay a timer can hold, within the bounds above. */
export function delayInBounds(ms: number): boolean {
  return Number.isFinite(ms) && ms >= minDelayMs && ms <= maxDelayMs;
}

export const delayBoundsText = 'between 100 ms and 24 h';

/** A host name or address a URL can hold: letters, digits, dots, hyphens; or [IPv6]. */
const hostPattern =
  /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\.|$))+$|^\[[0-9A-Fa-f:.]+\]$/;

/**
 * What is wrong with a probe address, or undefined: the scheme is http, https or tcp; the host
 * a valid name or address; the port, when given (always for tcp), 1 to 65535.
 */
export function probeAddressProblem(address: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(address)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'tcp')
    return 'expected http://…, https://… or tcp://host:port';
  const authority = /^[a-z]+:\/\/([^/?#]*)/i.exec(address)![1]!;
  const at = authority.lastIndexOf('@');
  const hostPort = authority.slice(at + 1);
  const portMatch = /:(\d*)$/.exec(
    hostPort.startsWith('[') ? hostPort.slice(hostPort.indexOf(']')) : hostPort,
  );
  const host = portMatch ? hostPort.slice(0, hostPort.length - portMatch[0].length) : hostPort;
  if (host === '' || !hostPattern.test(host)) return `"${host}" is not a valid host`;
  const port = portMatch?.[1];
  if (scheme === 'tcp') {
    if (port === undefined || port === '') return 'a tcp:// address needs a port: tcp://host:port';
    if (
      address.length > `tcp://${authority}`.length &&
      !/^\/?$/.test(address.slice(`tcp://${authority}`.length))
    )
      return 'a tcp:// address is host:port only';
  }
  if (port !== undefined && port !== '' && !(Number(port) >= 1 && Number(port) <= 65535))
    return `port ${port} is out of range: 1 to 65535`;
  try {
    new URL(scheme === 'tcp' ? `http://${authority}` : address);
  } catch {
    return 'not a valid URL';
  }
  return undefined;
}

/** What is wrong with a hook's argv, or undefined: a program to run, and no NUL anywhere. */
export function hookProblem(argv: readonly string[]): string | undefined {
  if (argv[0] === '') return 'the program cannot be empty';
  const at = argv.findIndex((arg) => arg.includes('\0'));
  if (at >= 0) return `${at === 0 ? 'the program' : `argument ${at}`} contains a NUL character`;
  return undefined;
}
