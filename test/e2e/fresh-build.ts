import {readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';

/**
 * End-to-end tests run dist/, not source/: a build older than the code it comes from would test
 * yesterday's program and pass or fail for the wrong reason. Imported by every e2e test (through
 * tmux.ts and run.ts), it refuses to run them until `npm run build` has caught up.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

function newest(path: string): {path: string; ms: number} {
  const stat = statSync(path);
  if (!stat.isDirectory()) return {path, ms: stat.mtimeMs};
  let best = {path, ms: 0};
  for (const entry of readdirSync(path)) {
    const found = newest(join(path, entry));
    if (found.ms > best.ms) best = found;
  }
  return best;
}

export function assertFreshBuild(): void {
  const built = ['dist/cli.js', 'dist/cli-body.js'].map((file) => {
    try {
      return statSync(join(root, file)).mtimeMs;
    } catch {
      throw new Error(`${file} is missing: run npm run build first`);
    }
  });
  const source = ['source', 'cli.tsx', 'bundle.js', 'bundle-patches.js']
    .map((path) => newest(join(root, path)))
    .reduce((a, b) => (b.ms > a.ms ? b : a));
  if (source.ms > Math.min(...built))
    throw new Error(`dist/ is older than ${relative(root, source.path)}: run npm run build first`);
}

assertFreshBuild();
