import {execFileSync} from 'node:child_process';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  encodeValue,
  signature,
  signedQuery,
  stringToSign,
} from '../../../source/adapters/cloudstack/sign.js';
import {serverStringToSign} from './fake-cloud.js';

/** `openssl dgst -sha1 -hmac KEY -binary`, base64: the HMAC by a second implementation. */
function opensslHmac(text: string, key: string): string {
  return execFileSync('openssl', ['dgst', '-sha1', '-hmac', key, '-binary'], {
    input: text,
  }).toString('base64');
}

// The Apache CloudStack developer's guide, "Signing API Requests": the request of its example…
const guideKey =
  'miVr6X7u6bN_sdahOBpjNejPgEsT35eXq-jB8CG20YI3yaxXcgpyuaIRmFI_EJTVwZ0nUkkJbPmY3y2bciKwFQ';
const guideRequest = {
  command: 'deployVirtualMachine',
  serviceOfferingId: '1',
  diskOfferingId: '1',
  templateId: '2',
  zoneId: '4',
  apiKey: guideKey,
};
// …and its step 2, character for character.
const guideStep2 =
  'apikey=mivr6x7u6bn_sdahobpjnejpgest35exq-jb8cg20yi3yaxxcgpyuairmfi_ejtvwz0nukkjbpmy3y2bcikwfq&command=deployvirtualmachine&diskofferingid=1&serviceofferingid=1&templateid=2&zoneid=4';

describe('CloudStack request signing', () => {
  it("reproduces step 2 of the developer's guide exactly", () => {
    expect(stringToSign(guideRequest)).toBe(guideStep2);
  });

  it('signs with HMAC-SHA1 of the secret, base64, as openssl computes it', () => {
    // The guide does not publish its secret; any secret shows the same construction.
    const secret = 'a-secret-the-guide-keeps-to-itself';
    expect(signature(guideRequest, secret)).toBe(opensslHmac(guideStep2, secret));
  });

  it('puts the URL-encoded signature last in the query, after the sorted parameters', () => {
    const secret = 'k';
    const query = signedQuery({command: 'listZones', apiKey: 'K', response: 'json'}, secret);
    const expected = encodeURIComponent(
      opensslHmac('apikey=k&command=listzones&response=json', secret),
    );
    expect(query).toBe(`apiKey=K&command=listZones&response=json&signature=${expected}`);
  });

  it.each([
    ['a space', 'web server', 'web%20server'],
    ['a plus', 'a+b', 'a%2Bb'],
    ['a star', 'a*b', 'a%2Ab'],
    ['a slash', 'a/b', 'a%2Fb'],
    ["!'()", "x!'()", 'x%21%27%28%29'],
    ['Korean text', '웹서버', '%EC%9B%B9%EC%84%9C%EB%B2%84'],
  ])('encodes %s as %%XX, never +', (_what, value, encoded) => {
    expect(encodeValue(value)).toBe(encoded);
    const params = {command: 'listVirtualMachines', keyword: value, apiKey: 'K'};
    const step2 = `apikey=k&command=listvirtualmachines&keyword=${encoded.toLowerCase()}`;
    expect(stringToSign(params)).toBe(step2);
    expect(signature(params, 's3cr3t')).toBe(opensslHmac(step2, 's3cr3t'));
  });

  it('agrees with the server-side computation for any text', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary'}), fc.string({minLength: 1}), (value, secret) => {
        const params = {command: 'listZones', name: value, apiKey: 'K'};
        expect(stringToSign(params)).toBe(serverStringToSign(params));
        expect(decodeURIComponent(encodeValue(value))).toBe(value);
        expect(signature(params, secret)).toMatch(/^[A-Za-z0-9+/]{27}=$/);
      }),
      {numRuns: 100},
    );
  });
});
