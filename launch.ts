#!/usr/bin/env node
// failsight's command: runs the program (cli.tsx, bundled as cli-body.js) with V8's compile
// cache, which Node 20 keeps for no ES module (see source/runtime/compile-cache.ts).
import {fileURLToPath} from 'node:url';
import {commandNames, jsonCommands} from './source/commands/shared/names.js';
import {runBody} from './source/runtime/compile-cache.js';

/** The body's file beside this one and a hash of its text, put in by bundle.js. */
declare const FAILSIGHT_BODY: {file: string; hash: string};

await runBody(
  {path: fileURLToPath(new URL(FAILSIGHT_BODY.file, import.meta.url)), hash: FAILSIGHT_BODY.hash},
  process.argv.slice(2),
  commandNames,
  jsonCommands,
);
