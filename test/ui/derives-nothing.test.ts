import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

/** Every source file of the dashboard, with its text. */
function uiSources(dir = 'source/ui'): {path: string; text: string}[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return uiSources(path);
    return /\.tsx?$/.test(entry.name) ? [{path, text: readFileSync(path, 'utf8')}] : [];
  });
}

describe('the dashboard derives no rule of its own', () => {
  const sources = uiSources();

  it('asks the core whether a GSLB target takes traffic', () => {
    // The core's rule is targetHealthy (a TCP check sees an LB answer); a UI that skips targets
    // that are down, or weighs their capacity itself, holds a second rule beside it.
    for (const {path, text} of sources) expect(text, path).not.toMatch(/down\.has\(target/);
  });

  it('writes no state back from a render: no clock tick in an effect that runs every render', () => {
    for (const {path, text} of sources)
      expect(text, path).not.toMatch(/useEffect\(\(\) => \{[^}]*type: 'tick'[^}]*\}\);/);
  });
});
