import {createHmac, timingSafeEqual} from 'node:crypto';
import {createServer as createHttp, type IncomingMessage, type ServerResponse} from 'node:http';
import {createServer as createHttps} from 'node:https';
import type {AddressInfo} from 'node:net';

/**
 * A CloudStack-compatible API on 127.0.0.1 for tests: it checks the signature of every request
 * the way the server does (its own encoder, not the client's), pages every list by
 * `page`/`pagesize` (capped at `maxPageSize`, so several pages are always needed), and answers
 * the error cases on demand.
 */

type Item = Record<string, unknown>;

export interface CloudState {
  zones: Item[];
  accounts: Item[];
  vms: Item[];
  routers: Item[];
  rules: Array<Item & {members: string[]}>;
  /** KT Cloud's LB product, per zone uuid. */
  ktLbs: Array<Item & {zoneid: string; members: string[]}>;
}

export interface Injected {
  /** Only requests of this command (any when absent). */
  command?: string;
  /** How many requests it applies to (default: every one). */
  times?: number;
  status?: number;
  errorcode?: number;
  errortext?: string;
  /** A web page instead of the API. */
  html?: boolean;
  /** Hold the answer this long (a timeout). */
  delayMs?: number;
  /** Cut the connection without an answer. */
  hangUp?: boolean;
}

export interface Recorded {
  command: string;
  path: string;
  params: Record<string, string>;
  rawQuery: string;
  signed: boolean;
}

/** RFC 3986 unreserved characters stay; every other UTF-8 byte is %XX (space is %20). */
export function serverEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The server's side of step 2: decoded values re-encoded, sorted by lower-cased name, lower-cased. */
export function serverStringToSign(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name.toLowerCase() !== 'signature')
    .map((name) => ({name, lower: name.toLowerCase()}))
    .sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0))
    .map(({name}) => `${name}=${serverEncode(params[name]!)}`)
    .join('&')
    .toLowerCase();
}

function parseQuery(raw: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const name = decodeURIComponent(at < 0 ? part : part.slice(0, at));
    params[name] = decodeURIComponent(at < 0 ? '' : part.slice(at + 1));
  }
  return params;
}

export function sampleCloud(): CloudState {
  const zone = (id: string, name: string) => ({id, name, allocationstate: 'Enabled'});
  const vm = (id: string, name: string, zoneid: string, zonename: string, cpunumber: number) => ({
    id,
    name,
    displayname: `${name} 웹서버`,
    account: 'shop',
    domain: 'ROOT',
    zoneid,
    zonename,
    cpunumber,
    state: 'Running',
  });
  const a = 'a1111111-0000-4000-8000-000000000001';
  const b = 'b2222222-0000-4000-8000-000000000002';
  return {
    zones: [zone(a, 'KR-CA'), zone(b, 'KR-CB')],
    accounts: [{id: 'acc-1', name: 'shop', domain: 'ROOT'}],
    vms: [
      vm('v1000000-0000-4000-8000-000000000001', 'web-1', a, 'KR-CA', 2),
      vm('v2000000-0000-4000-8000-000000000002', 'web-2', a, 'KR-CA', 2),
      vm('v3000000-0000-4000-8000-000000000003', 'web-3', b, 'KR-CB', 4),
      vm('v4000000-0000-4000-8000-000000000004', 'web-4', b, 'KR-CB', 4),
      vm('v5000000-0000-4000-8000-000000000005', 'batch-1', b, 'KR-CB', 8),
    ],
    routers: [
      {id: 'r1', name: 'r-1-VM', account: 'shop', zoneid: a, zonename: 'KR-CA', state: 'Running'},
      {id: 'r2', name: 'r-2-VM', account: 'shop', zoneid: b, zonename: 'KR-CB', state: 'Running'},
    ],
    rules: [
      {
        id: 'lb-ca-uuid',
        name: 'web-ca',
        account: 'shop',
        zoneid: a,
        zonename: 'KR-CA',
        members: ['v1000000-0000-4000-8000-000000000001', 'v2000000-0000-4000-8000-000000000002'],
      },
      {
        id: 'lb-cb-uuid',
        name: 'web-cb',
        account: 'shop',
        zoneid: b,
        zonename: 'KR-CB',
        members: ['v3000000-0000-4000-8000-000000000003', 'v4000000-0000-4000-8000-000000000004'],
      },
    ],
    ktLbs: [],
  };
}

export class FakeCloud {
  readonly requests: Recorded[] = [];
  injected: Injected[] = [];
  /** Commands the key may not use (432). */
  forbidden = new Set<string>();
  maxPageSize = 2;

  private constructor(
    readonly state: CloudState,
    private readonly secret: string,
    readonly apiKey: string,
    readonly url: string,
    private readonly stop: () => Promise<void>,
  ) {}

  static async start(
    options: {
      key?: string;
      secret?: string;
      state?: CloudState;
      tls?: {key: string; cert: string};
    } = {},
  ): Promise<FakeCloud> {
    const holder: {cloud?: FakeCloud} = {};
    const handler = (request: IncomingMessage, response: ServerResponse) =>
      void holder.cloud!.answer(request, response);
    const server = options.tls ? createHttps(options.tls, handler) : createHttp(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const scheme = options.tls ? 'https' : 'http';
    const cloud = new FakeCloud(
      options.state ?? sampleCloud(),
      options.secret ?? 'fake-secret-Zx9/+*',
      options.key ?? 'fake-api-key-Qw7',
      `${scheme}://127.0.0.1:${port}`,
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    holder.cloud = cloud;
    return cloud;
  }

  /** The server API address, as KT Cloud lays it out (…/server/v1/client/api). */
  get endpoint(): string {
    return `${this.url}/server/v1/client/api`;
  }

  close(): Promise<void> {
    return this.stop();
  }

  /** True when the signature matches the server's own computation with the server's secret. */
  private verify(params: Record<string, string>): boolean {
    const given = params['signature'];
    const key = Object.entries(params).find(([name]) => name.toLowerCase() === 'apikey')?.[1];
    if (given === undefined || key !== this.apiKey) return false;
    const expected = createHmac('sha1', this.secret)
      .update(serverStringToSign(params), 'utf8')
      .digest();
    const actual = Buffer.from(given, 'base64');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  private async answer(request: IncomingMessage, response: ServerResponse) {
    const [path = '', rawQuery = ''] = (request.url ?? '').split('?');
    const params = parseQuery(rawQuery);
    const command = params['command'] ?? '';
    const signed = this.verify(params);
    this.requests.push({command, path, params, rawQuery, signed});
    const name = `${command.toLowerCase()}response`;
    const send = (status: number, body: unknown, type = 'application/json; charset=UTF-8') => {
      response.writeHead(status, {'content-type': type});
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const error = (status: number, errortext: string, errorcode = status) =>
      send(status, {[name]: {uuidList: [], errorcode, cserrorcode: 9999, errortext}});

    const injected = this.injected.find(
      (rule) => (rule.command === undefined || rule.command === command) && (rule.times ?? 1) > 0,
    );
    if (injected) {
      if (injected.times !== undefined) injected.times--;
      if (injected.delayMs) await new Promise((resolve) => setTimeout(resolve, injected.delayMs));
      if (injected.hangUp) return void request.socket.destroy();
      if (injected.html)
        return send(
          injected.status ?? 200,
          '<!DOCTYPE html><html><body>Login</body></html>',
          'text/html',
        );
      if (injected.status !== undefined || injected.errorcode !== undefined)
        return error(injected.status ?? 530, injected.errortext ?? 'injected', injected.errorcode);
    }
    if (!signed) return error(401, 'unable to verify user credentials and/or request signature');
    if (this.forbidden.has(command))
      return error(
        432,
        `The given command '${command}' either does not exist, is not available for user.`,
      );
    if (params['response'] !== 'json') return send(200, '<?xml version="1.0"?><x/>', 'text/xml');

    const list = (itemKey: string, items: Item[]) => {
      const page = Number(params['page'] ?? 1);
      const size = Math.min(Number(params['pagesize'] ?? 500), this.maxPageSize);
      if (!Number.isInteger(page) || page < 1 || !(size > 0))
        return error(431, 'Unable to execute API command due to invalid value: page');
      const slice = items.slice((page - 1) * size, page * size);
      send(200, {[name]: slice.length === 0 ? {} : {count: items.length, [itemKey]: slice}});
    };
    const ktPath = path.includes('/loadbalancer/');
    const strip = ({members: _m, ...rest}: Item & {members?: unknown}) => rest;
    switch (ktPath ? `kt:${command}` : command) {
      case 'listZones':
        return list('zone', this.state.zones);
      case 'listAccounts':
        return list('account', this.state.accounts);
      case 'listVirtualMachines':
        return list('virtualmachine', this.state.vms);
      case 'listRouters':
        return list('router', this.state.routers);
      case 'listLoadBalancerRules':
        return list('loadbalancerrule', this.state.rules.map(strip));
      case 'listLoadBalancerRuleInstances': {
        const rule = this.state.rules.find((r) => r.id === params['id']);
        if (!rule) return error(431, 'Unable to execute API command due to invalid value: id');
        return list(
          'loadbalancerruleinstance',
          rule.members.map((id) => this.state.vms.find((vm) => vm['id'] === id)!).filter(Boolean),
        );
      }
      case 'kt:listLoadBalancers':
        return list(
          'loadbalancer',
          this.state.ktLbs.filter((lb) => lb.zoneid === params['zoneid']).map(strip),
        );
      case 'kt:listLoadBalancerWebServers': {
        const lb = this.state.ktLbs.find(
          (l) => String(l['loadbalancerid']) === params['loadbalancerid'],
        );
        if (!lb) return error(431, 'invalid loadbalancerid');
        return list(
          'loadbalancerwebserver',
          lb.members.map((vm, index) => ({
            serviceid: index + 1,
            loadbalancerid: lb['loadbalancerid'],
            virtualmachineid: vm,
            ipaddress: `172.25.0.${10 + index}`,
            publicport: '80',
            state: 'UP',
          })),
        );
      }
      default:
        return error(432, `The given command '${command}' does not exist`);
    }
  }

  /** Every request the server saw was correctly signed. */
  allSigned(): boolean {
    return this.requests.length > 0 && this.requests.every((r) => r.signed);
  }

  vm(name: string): Item {
    return this.state.vms.find((vm) => vm['name'] === name)!;
  }
}
