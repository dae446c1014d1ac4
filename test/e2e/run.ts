import {execFile, spawn} from 'node:child_process';
import {join} from 'node:path';
import {root} from './tmux.js';
import './fresh-build.js';
import {recordCapture, registerInvocation} from '../support/secret-scan.js';

export const binary = join(root, 'dist', 'cli.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** No colour, a UTF-8 locale, nothing inherited that changes the output. */
export function environment(): NodeJS.ProcessEnv {
  // No user's config file: a test that wants one points XDG_CONFIG_HOME at it.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
    XDG_CONFIG_HOME: join(root, 'test', 'fixtures', 'no-config'),
  };
  for (const name of ['FORCE_COLOR', 'LC_ALL', 'LC_CTYPE', 'LC_MESSAGES']) delete env[name];
  return env;
}

/** The built binary as a user runs it from a script: stdin closed, stdout a pipe. */
export function run(...args: string[]): Promise<Run> {
  registerInvocation(args);
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [binary, ...args],
      {cwd: root, env: environment(), maxBuffer: 64 * 1024 * 1024},
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        recordCapture('stdout', stdout);
        recordCapture('stderr', stderr);
        resolve({code, stdout, stderr});
      },
    );
    child.stdin?.end();
  });
}

/**
 * The built binary with more in its environment (credentials, endpoints), asynchronously: a
 * fake server in this same process answers meanwhile.
 */
export function runWith(args: string[], env: Record<string, string>): Promise<Run> {
  registerInvocation(args, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binary, ...args], {
      cwd: root,
      env: {...environment(), ...env},
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.stdin.end();
    child.on('error', reject);
    child.on('close', (code) => {
      recordCapture('stdout', stdout);
      recordCapture('stderr', stderr);
      resolve({code, stdout, stderr});
    });
  });
}

/** Exit 2 with a message, no stack trace. */
export function expectNoStackTrace(stderr: string): boolean {
  return !/^\s+at |\bError:|node:internal|TypeError|ReferenceError/m.test(stderr);
}
