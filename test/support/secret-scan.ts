import {existsSync, readFileSync, statSync} from 'node:fs';
import {leakedForms} from './hostile-server.js';

/**
 * A scan of what a test captured from the program for the credentials that test handed it.
 *
 * The shared helpers register and record on their own: `Pane.open` and the `run` helpers of
 * test/e2e/run.ts register every credential they pass (environment variables named like a
 * token, secret, key or password, and the password of any `scheme://user:password@` argument)
 * and every file the program is told to write (`--audit`, `--out`, `--merge`); every screen
 * `Pane` captures and every stdout and stderr `run` collects is recorded. A test that handles
 * a credential in another way registers it with `registerCredential`, and records what it
 * captured itself with `recordCapture`.
 *
 * After each test (test/support/secret-scan-setup.ts), the captures and the written files are
 * searched for each credential as written, URL-encoded and in base64; a find fails the test.
 */
const credentials = new Set<string>();
const written = new Set<string>();
const findings: string[] = [];

/** Shorter values would match by chance (a key of "k" is in every screen). */
const shortest = 6;

export function registerCredential(value: string | undefined): void {
  if (value !== undefined && value.length >= shortest) credentials.add(value);
}

const credentialName = /(token|secret|key|password|passwd|credentials?)$/i;

/** The credentials in an environment given to the program and in its arguments; the files it writes. */
export function registerInvocation(
  args: readonly string[],
  env: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(env))
    if (credentialName.test(name)) registerCredential(value);
  args.forEach((arg, i) => {
    for (const match of arg.matchAll(/[a-z][a-z0-9+.-]*:\/\/([^/@\s:]*):([^/@\s]+)@/gi)) {
      registerCredential(decodeURIComponent(match[2]!));
      registerCredential(`${decodeURIComponent(match[1]!)}:${decodeURIComponent(match[2]!)}`);
    }
    const value = /^--(?:audit|out|merge)(?:=(.*))?$/.exec(arg);
    if (value) {
      const file = value[1] ?? args[i + 1];
      if (file) written.add(file);
    }
  });
}

/** Text the program showed or wrote, as a test captured it. */
export function recordCapture(where: string, text: string): void {
  for (const credential of credentials) {
    // One finding per credential: the first form found (base64 with padding before without).
    const form = leakedForms(credential).find((form) => text.includes(form));
    if (form !== undefined) findings.push(`${where} holds a credential (as "${form}")`);
  }
}

export function resetSecretScan(): void {
  credentials.clear();
  written.clear();
  findings.length = 0;
}

/** What leaked in this test: the captures' findings, then the written files'. */
export function secretScanFindings(): string[] {
  for (const file of written)
    if (existsSync(file) && statSync(file).isFile() && statSync(file).size < 64 * 1024 * 1024)
      recordCapture(file, readFileSync(file, 'utf8'));
  written.clear();
  return [...new Set(findings)];
}
