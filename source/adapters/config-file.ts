import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';

type Env = Record<string, string | undefined>;

/** `$XDG_CONFIG_HOME/failsight/config.yaml`, else `~/.config/failsight/config.yaml`. */
export function configPath(env: Env): string {
  const base = env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config');
  return join(base, 'failsight', 'config.yaml');
}

/** The config file's text; undefined when there is none. Only read: it is never written. */
export function readConfigFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
