// Bundles the command line (type-checking and dist/source, dist/bench stay with tsc): the
// program, cli.tsx, into one script, dist/cli-body.js, and failsight's command, dist/cli.js,
// which runs it with V8's compile cache (source/runtime/compile-cache.ts). Each command's modules
// are evaluated when it runs, so `check` and `impact` never run React or Ink.
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {builtinModules} from 'node:module';
import {readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {relative} from 'node:path';
import process from 'node:process';
import {Script} from 'node:vm';
import {
  lazyEmoji,
  lazySegmenter,
  meowPackageLookupUnused,
  meowWithoutPackageLookup,
  nestedWidthSegmenter,
  sameStylesNoDiff,
  sharedStyles,
  simpleWidths,
  sliceSegmenter,
  inkFrameCaches,
  tokenizeSimpleText,
  yogaWithoutFetch,
} from './bundle-patches.js';

/** topology-file.ts finds the demo from dist/source/adapters; in the bundle it is one level down. */
const demoPath = {
  name: 'demo-path',
  setup(b) {
    b.onLoad({filter: /source[\\/]adapters[\\/]topology-file\.ts$/}, async ({path}) => {
      const text = await readFile(path, 'utf8');
      const from = "'../../../fixtures/demo.yaml'";
      if (!text.includes(from)) throw new Error(`${path}: the demo path ${from} moved`);
      return {contents: text.replace(from, "'../fixtures/demo.yaml'"), loader: 'ts'};
    });
  },
};

// Chunks of an earlier build would linger under new hashes.
for (const dir of ['dist', 'dist/bench']) {
  for (const name of await readdir(dir).catch(() => [])) {
    if (/^(chunk|floor)-[A-Z0-9]+\.js(\.LEGAL\.txt)?$|\.cache$|\.tmp$/.test(name))
      await rm(`${dir}/${name}`);
  }
}

/**
 * A plugin that patches the file matching `filter` with `patch` (see bundle-patches.js). A build
 * that loads no such file, or more than one, fails: a package that moved its file would
 * otherwise drop the patch without a word.
 */
const appliedPatches = new Map();
function patching(name, filter, patch, optional = () => false) {
  return {
    name,
    setup(b) {
      let applied = [];
      b.onStart(() => {
        applied = [];
      });
      b.onLoad({filter}, async ({path}) => {
        if (optional(path)) return undefined;
        applied.push(path);
        return {contents: patch(path, await readFile(path, 'utf8')), loader: 'js'};
      });
      b.onEnd((result) => {
        if (result.errors.length > 0) return;
        if (applied.length === 1) {
          appliedPatches.set(name, relative('.', applied[0]).replaceAll('\\', '/'));
          return;
        }
        const where = applied.length === 0 ? 'no file matched' : applied.join(', ');
        throw new Error(`patch ${name} applied ${applied.length} times: ${where}`);
      });
    },
  };
}

// wrap-ansi's older copy of string-width has neither the emoji regex nor the ASCII fast path;
// the copy failsight depends on must have both.
const nestedCopy = (path) => /node_modules[\\/].*node_modules[\\/]/.test(path);
const stringWidth = patching(
  'string-width',
  /node_modules[\\/]string-width[\\/]index\.js$/,
  (path, text) => simpleWidths(path, lazySegmenter(path, lazyEmoji(path, text))),
  nestedCopy,
);
const nestedWidth = patching(
  'string-width-nested',
  /node_modules[\\/]wrap-ansi[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
  nestedWidthSegmenter,
);
const slice = patching(
  'slice-ansi-segmenter',
  /node_modules[\\/]slice-ansi[\\/]tokenize-ansi\.js$/,
  sliceSegmenter,
);
const ansiTokens = patching(
  'ansi-tokenize-simple-text',
  /node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
  tokenizeSimpleText,
);
const ansiDiff = patching(
  'ansi-diff',
  /node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]diff\.js$/,
  sameStylesNoDiff,
);
const meowPackage = patching(
  'meow-without-package-lookup',
  /node_modules[\\/]meow[\\/]build[\\/]options\.js$/,
  meowWithoutPackageLookup,
);
const meowDependencies = patching(
  'meow-package-lookup-unused',
  /node_modules[\\/]meow[\\/]build[\\/]dependencies\.js$/,
  meowPackageLookupUnused,
);
const ansiRuns = patching(
  'ansi-shared-styles',
  /node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
  sharedStyles,
);
const inkCaches = patching(
  'ink-frame-caches',
  /node_modules[\\/]ink[\\/]build[\\/]output\.js$/,
  inkFrameCaches,
);
const yoga = patching(
  'yoga-without-fetch',
  /node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
  yogaWithoutFetch,
);

/**
 * `import {z} from 'zod'` holds every locale (z.locales), 64 modules that cost parse time on each
 * run; failsight words schema errors itself and keeps zod's default, English, only.
 */
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({filter: /node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/}, () => ({
      contents: "export {default as en} from './en.js';",
      loader: 'js',
    }));
  },
};

const {name, version, description, bin} = JSON.parse(await readFile('package.json', 'utf8'));
const packageData = {name, version, description, bin};

/** What the command line and the bench's floor are both built with, so the floor is a fair one. */
const shared = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  allowOverwrite: true,
  // React chooses its build by NODE_ENV at run time; the bundle holds only the production one.
  define: {'process.env.NODE_ENV': '"production"'},
  // CommonJS packages inside (React) require node's built-ins.
  banner: {
    js: "import {createRequire as __failsightRequire} from 'node:module'; const require = __failsightRequire(import.meta.url);",
  },
  plugins: [demoPath, stringWidth, englishOnly],
  // Ink loads the React devtools only when DEV=true; they are not a dependency.
  external: ['react-devtools-core'],
  // FAILSIGHT_BUNDLE_READABLE=1 keeps names and layout, for reading a CPU profile.
  minify: process.env.FAILSIGHT_BUNDLE_READABLE !== '1',
  // Licence notices of bundled packages go to dist/*.LEGAL.txt, linked from each file.
  legalComments: 'linked',
  logLevel: 'warning',
};

/**
 * The program is a script, not a module (Node 20 caches no module's compiled code): node's
 * built-ins come from the `require` it is given, not from imports, and `import.meta` is given
 * too. Ink's development tools, which it imports only when DEV=true, are not installed.
 */
const builtins = new Set(builtinModules);
const asScript = {
  name: 'as-script',
  setup(b) {
    b.onResolve({filter: /.*/}, ({path}) => {
      if (path === 'react-devtools-core') return {path, namespace: 'not-installed'};
      const bare = path.replace(/^node:/, '');
      return builtins.has(bare) ? {path: `node:${bare}`, namespace: 'built-in'} : undefined;
    });
    b.onLoad({filter: /.*/, namespace: 'built-in'}, ({path}) => ({
      contents: `module.exports = __nodeRequire(${JSON.stringify(path)});`,
      loader: 'js',
    }));
    b.onLoad({filter: /.*/, namespace: 'not-installed'}, ({path}) => ({
      contents: `const error = new Error(${JSON.stringify(`Cannot find package '${path}'`)}); error.code = 'ERR_MODULE_NOT_FOUND'; throw error;`,
      loader: 'js',
    }));
  },
};

const bodyFile = 'cli-body.js';
const program = await build({
  ...shared,
  banner: {},
  external: [],
  // failsight's own patches (bundle-patches.js): the floor stays Ink as published, and meow is
  // the command line's alone. The shared string-width patch changes nothing for the floor's
  // one ASCII line.
  plugins: [
    asScript,
    ...shared.plugins,
    ansiDiff,
    ansiRuns,
    inkCaches,
    ansiTokens,
    slice,
    nestedWidth,
    yoga,
    meowPackage,
    meowDependencies,
  ],
  define: {
    ...shared.define,
    // What meow would read from package.json at every start (see meowWithoutPackageLookup).
    FAILSIGHT_PACKAGE: JSON.stringify(packageData),
    'import.meta': '__importMeta',
    FAILSIGHT_COMPILE_CACHE: '__compileCache',
  },
  entryPoints: ['cli.tsx'],
  outfile: `dist/${bodyFile}`,
  write: false,
  metafile: true,
});
let body = '';
for (const file of program.outputFiles) {
  if (!file.path.endsWith(bodyFile)) await writeFile(file.path, file.contents);
  else body = file.text.replace(/^#!.*\n/, '');
}
body = `(async function (require, __importMeta, __compileCache) {var __nodeRequire = require;\n${body}\n})\n`;
// An import or export left in it would fail every start: fail the build instead.
new Script(body, {filename: bodyFile});
// ASCII text is a one-byte string in V8, half the memory of the two-byte one a single other
// character makes of the whole program. esbuild escapes strings, not regular expressions.
// (A readable build keeps comments, which need not be.)
const wide = shared.minify ? [...body].findIndex((character) => character > '\u007f') : -1;
if (wide >= 0)
  throw new Error(
    `${bodyFile}: "${body.slice(Math.max(0, wide - 40), wide + 10)}" is not ASCII; escape it (\\u…) in the source`,
  );
await writeFile(`dist/${bodyFile}`, body);
// Which modules each one imports, and how: test/e2e/lazy-schema.test.ts reads it.
await writeFile('dist/cli-body.meta.json', JSON.stringify(program.metafile));

await build({
  ...shared,
  banner: {},
  plugins: [],
  // V8 checks a cache against the source's length only: a cache is named after this hash.
  define: {
    FAILSIGHT_BODY: JSON.stringify({
      file: bodyFile,
      hash: createHash('sha256').update(body).digest('hex').slice(0, 16),
    }),
  },
  entryPoints: ['launch.ts'],
  outfile: 'dist/cli.js',
});

// The bench's first-frame floors, an Ink-only hello world and one that reads and parses a
// topology first (hello-file.ts), bundled the same way as failsight:
// a floor loaded from many small files would flatter every ratio measured against it.
// Split as the command line is: unsplit, Ink's dynamic import of its devtools becomes a static
// import of react-devtools-core, which is not installed, and the floor dies before drawing.
await build({
  ...shared,
  entryPoints: ['bench/hello.ts', 'bench/hello-file.ts'],
  outdir: 'dist/bench',
  splitting: true,
  chunkNames: 'floor-[hash]',
});

// Which patch changed which file: test/bundle-patches.test.ts holds the list to bundle-patches.js.
await writeFile('dist/bundle-patches.json', JSON.stringify(Object.fromEntries(appliedPatches)));
