import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

/** A server on 127.0.0.1 that answers however the test says, and records every request. */
export interface HostileServer {
  url: string;
  port: number;
  requests: IncomingMessage[];
  close: () => Promise<void>;
}

export async function hostileServer(
  answer: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<HostileServer> {
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request);
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, {'content-type': 'application/json'}).end(JSON.stringify(body));
}

/** Every form in which `secret` could leak: as written, URL-encoded, base64 (with and without padding). */
export function leakedForms(secret: string): string[] {
  const base64 = Buffer.from(secret).toString('base64');
  return [secret, encodeURIComponent(secret), base64, base64.replace(/=+$/, '')];
}

/** The credentials of `secrets` found in `texts`, in any form: empty when nothing leaked. */
export function leaks(texts: readonly string[], secrets: readonly string[]): string[] {
  const all = texts.join('\n');
  return secrets.flatMap((secret) => leakedForms(secret).filter((form) => all.includes(form)));
}
