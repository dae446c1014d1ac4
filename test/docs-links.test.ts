import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

function filesUnder(directory: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, keep));
    else if (keep(name)) found.push(path);
  }
  return found;
}

const documents = [join(root, 'readme.md'), join(root, 'fixtures', 'README.md')].concat(
  filesUnder(join(root, 'docs'), (name) => name.endsWith('.md')),
);

/** The targets of `[text](target)` links outside code blocks, with their line. */
function links(text: string): Array<{target: string; line: number}> {
  const found: Array<{target: string; line: number}> = [];
  let fenced = false;
  text.split('\n').forEach((line, index) => {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) return;
    for (const match of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g))
      found.push({target: match[1]!, line: index + 1});
  });
  return found;
}

describe('the documentation', () => {
  it('has a docs/ folder with the pages the readme promises', () => {
    for (const page of ['architecture', 'topology-format', 'semantics', 'live-sources', 'ci'])
      expect(existsSync(join(root, 'docs', `${page}.md`)), page).toBe(true);
  });

  it.each(documents.map((path) => [relative(root, path), path]))(
    '%s: every relative link resolves inside the repository',
    (_, path) => {
      const broken = links(readFileSync(path, 'utf8'))
        .filter(({target}) => !/^(https?:|mailto:|#)/.test(target))
        .filter(({target}) => {
          const resolved = join(dirname(path), decodeURI(target.split('#')[0]!));
          return !resolved.startsWith(root) || !existsSync(resolved);
        })
        .map(({target, line}) => `${line}: ${target}`);
      expect(broken).toEqual([]);
    },
  );

  it('is what the code cites: no reference to a design document outside the repository', () => {
    const code = ['source', 'test', 'bench']
      .flatMap((directory) => filesUnder(join(root, directory), (name) => /\.(ts|tsx)$/.test(name)))
      .concat(['cli.tsx', 'launch.ts', 'bundle.js', 'bundle-patches.js'].map((f) => join(root, f)));
    const self = fileURLToPath(import.meta.url);
    const cited = code
      .filter((path) => path !== self)
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .flatMap((line, index) =>
            /DESIGN\b|STYLE\.md|§/.test(line) ? [`${relative(root, path)}:${index + 1}`] : [],
          ),
      );
    expect(cited).toEqual([]);
    const missing = code.flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/\bdocs\/[\w/.-]+\.(?:md|yml)\b/g)]
        .map((match) => match[0])
        .filter((cite) => !existsSync(join(root, cite)))
        .map((cite) => `${relative(root, path)}: ${cite}`),
    );
    expect(missing).toEqual([]);
  });
});
