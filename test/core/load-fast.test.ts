import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {Document, parse as parseYaml, stringify as stringifyYaml, visit} from 'yaml';
import {generateTopology, topologyYaml} from '../../bench/generate.js';
import {plainJson} from '../../source/core/json-fast.js';
import {parseTopology} from '../../source/core/load.js';
import {parseFast} from '../../source/core/load/fast.js';
import {plainYaml} from '../../source/core/load/yaml-data.js';
import {editedTopology} from '../support/edited-topology.js';
import {randomTopology} from '../support/random-topology.js';

const directories = [
  new URL('../../fixtures/', import.meta.url),
  new URL('../fixtures/bad/', import.meta.url),
];
const files = directories.flatMap((directory) =>
  readdirSync(directory)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .map((name) => ({name, text: readFileSync(new URL(name, directory), 'utf8')})),
);

/** What `yaml` makes of a text, or undefined when it refuses it. */
function yamlData(text: string): unknown {
  try {
    return parseYaml(text, {uniqueKeys: true});
  } catch {
    return undefined;
  }
}

describe('the fast parsers agree with the precise one', () => {
  it.each(files)(
    '$name: the same result, error messages included, with and without them',
    ({name, text}) => {
      expect(parseTopology(text, name)).toEqual(parseTopology(text, name, {fast: false}));
    },
  );

  it.each(files)('$name: plain YAML data is what yaml reads, or nothing', ({text}) => {
    const fast = plainYaml(text, 64);
    if (fast !== undefined) expect(fast).toEqual(yamlData(text));
  });

  it('every fixture of the product is read by the fast YAML parser', () => {
    const fixtures = files.filter(({name}) =>
      /^(demo|multi-account|multi-zone|single-server|vm-redundancy)\.yaml$/.test(name),
    );
    expect(fixtures).toHaveLength(5);
    for (const {text} of fixtures) expect(plainYaml(text, 64)).toBeDefined();
  });

  it('the generated topology, as YAML and as JSON, loads the same as the precise way', () => {
    const topology = generateTopology({vms: 1000});
    const yaml = topologyYaml(topology);
    const json = JSON.stringify(topology, null, 2);
    expect(plainYaml(yaml, 64)).toEqual(yamlData(yaml));
    expect(plainJson(json, 64)).toEqual(JSON.parse(json));
    const precise = parseTopology(yaml, 'generated.yaml', {fast: false});
    expect(precise.ok).toBe(true);
    expect(parseTopology(yaml, 'generated.yaml')).toEqual(precise);
    expect(parseTopology(json, 'generated.json')).toEqual(
      parseTopology(json, 'generated.json', {fast: false}),
    );
  });

  /** YAML with every item of a list on one line, in flow style, as topologies are often written. */
  function flowYaml(data: unknown): string {
    const document = new Document(data);
    visit(document, {
      Map: (_, node, path) => {
        if (path.length >= 3) node.flow = true;
      },
      Seq: (_, node, path) => {
        if (path.length >= 4) node.flow = true;
      },
    });
    return document.toString({lineWidth: 0});
  }

  // Valid topologies and edited ones (defaults left out, keys reordered, edge values, unknown
  // fields), as JSON written compactly or indented and as YAML: the whole fast path, from text to
  // model or to the precise way, against the precise way alone.
  const asText = fc.tuple(
    fc.oneof(
      randomTopology.map((topology) => topology as unknown),
      editedTopology,
    ),
    fc.constantFrom('json', 'json-indented', 'yaml', 'yaml-flow'),
  );
  it('on random topologies as text, valid or not: the same result', () => {
    let models = 0;
    const byFast = {json: 0, yaml: 0};
    const warnedByFast = {json: 0, yaml: 0};
    fc.assert(
      fc.property(asText, ([data, format]) => {
        const yaml = format.startsWith('yaml');
        const text = yaml
          ? format === 'yaml-flow'
            ? flowYaml(data)
            : stringifyYaml(data)
          : JSON.stringify(data, null, format === 'json' ? 0 : 2);
        const file = `random.${yaml ? 'yaml' : 'json'}`;
        const precise = parseTopology(text, file, {fast: false});
        expect(parseTopology(text, file)).toEqual(precise);
        if (precise.ok) models++;
        const fast = parseFast(text, file);
        if (fast !== undefined) byFast[format === 'yaml' ? 'yaml' : 'json']++;
        if (fast?.ok && fast.warnings.length > 0)
          warnedByFast[format === 'yaml' ? 'yaml' : 'json']++;
      }),
      {numRuns: 400},
    );
    // Many loaded, and many were answered by the fast parsers in each format: compared, not skipped.
    expect(models).toBeGreaterThan(50);
    expect(byFast.json).toBeGreaterThan(30);
    expect(byFast.yaml).toBeGreaterThan(15);
    // JSON files with warnings are placed by the fast path too; YAML ones go the precise way
    // (js-yaml places nothing).
    expect(warnedByFast.json).toBeGreaterThan(5);
    expect(warnedByFast.yaml).toBe(0);
  });

  const read = [
    'a: -.5',
    'a: +5',
    'a: 1e3',
    'a: 1.',
    'a: 007',
    'a: True',
    'a: NULL',
    'a: ~',
    'a: yes',
    'a: "x" # note',
    "a: 'it''s'",
    'a: x#y',
    'a: x # y',
    'a: [x, y] # z',
    'a: {b: 1, c: [2, 3]}',
    'a: http://h:80/x',
    'a:\n- 1\n- 2\nb: 3',
    'a:\n  b:\n  c: 1',
    'a: 중부 A',
    'a_b-c: 1',
    'a:    spaced out',
    'a: nullable',
    'a: TRUE',
    'a: Null',
    'a: False',
    'a: x-y.z/1',
    'a: x #y: z',
  ];
  it.each(read)('%j is read as yaml reads it', (text) => {
    expect(plainYaml(text, 64)).toEqual(yamlData(text));
  });

  // YAML 1.2 where 1.1 differs, numbers of every base, tags of the core schema, block
  // scalars, anchors without aliases, `<<` (a plain key in 1.2): read as yaml reads them.
  const readToo = [
    'a: 0x1F',
    'a: 0o17',
    'a: 0755',
    'a: 1_000',
    'a: .inf',
    'a: -.INF',
    'a: .nan',
    'a: tRUE',
    'a: yes',
    'a: no',
    'a: on',
    'a: 12345678901234567890',
    'a: "tab\\t"',
    'a: [x, y]#z',
    'a: [x, ]',
    'a: &anchor 1',
    'a: !!str 1',
    'a: !!int "1"',
    'a: |\n  text',
    'a: >\n  text\n  more',
    'a: one\n  two',
    '"a": 1',
    'a: -x',
    'a\r\n: 1',
    'a:\tb',
    'a:b',
    '-a: 1',
    '1a: 1',
    'a.b: 1',
    '1: a',
    '~: a',
    '<<: {a: 1}',
    'a: 2001-12-14',
    'a: 1:30',
    'a: =',
    '__proto__: {a: 1}',
    'a: x\u2028y',
  ];
  it.each(readToo)('%j is read as yaml reads it, or left to the precise parser', (text) => {
    const fast = plainYaml(text, 64);
    if (fast !== undefined) expect(fast).toEqual(yamlData(text));
  });

  // Refused by the library (the precise way places the error), or read differently from yaml.
  const leftToYaml = [
    'a: 1\na: 2',
    'a: {b: 1, b: 2}',
    'a: &x 1\nb: *x',
    'a: [*x]',
    '? a\n: 1',
    '? [a]\n: 1',
    '[a]: 1',
    '{a: 1}: 2',
    'a: {[b]: 1}',
    'a: !custom x',
    'a: !!binary aGk=',
    'a: 1\n---\nb: 2',
    'a: [x:y',
    'a: "x',
    '\tb: 1',
    `a: ${'['.repeat(70)}${']'.repeat(70)}`,
    `a: ${'['.repeat(20000)}${']'.repeat(20000)}`,
  ];
  it.each(leftToYaml)('%j is left to the precise parser', (text) => {
    expect(plainYaml(text, 64)).toBeUndefined();
  });

  // Random documents: data written by yaml in its styles, and text made of YAML's pieces
  // (indicators, tags, anchors, numbers of 1.1 and 1.2, quotes, comments), mostly invalid.
  const pieces = [
    'a',
    'b',
    'id',
    ':',
    ': ',
    ' ',
    '  ',
    '\n',
    '- ',
    '[',
    ']',
    '{',
    '}',
    ', ',
    '"',
    "'",
    '#',
    '&x ',
    '*x',
    '!!str ',
    '!!int ',
    '0o17',
    '0x1F',
    '007',
    '1_0',
    '1e3',
    '.inf',
    'yes',
    'No',
    'TRUE',
    '~',
    'null',
    '<<',
    '|\n',
    '>\n',
    '? ',
    '---\n',
    '...\n',
    '\\',
    '\t',
    '%YAML 1.1\n',
  ];
  const pieceText = fc.array(fc.constantFrom(...pieces), {maxLength: 30}).map((p) => p.join(''));
  const writtenText = fc
    .tuple(
      fc.jsonValue({maxDepth: 4}),
      fc.record({
        collectionStyle: fc.constantFrom('any', 'block', 'flow'),
        defaultStringType: fc.constantFrom(
          'PLAIN',
          'QUOTE_DOUBLE',
          'QUOTE_SINGLE',
          'BLOCK_LITERAL',
        ),
        indent: fc.integer({min: 1, max: 4}),
      }),
    )
    .map(([data, options]) => stringifyYaml({top: data}, options));
  it('on random documents: the data yaml reads, or the precise way', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(pieceText, writtenText), (text) => {
        const fast = plainYaml(text, 64);
        if (fast === undefined) return;
        answered++;
        expect(fast).toEqual(yamlData(text));
      }),
      {numRuns: 3000},
    );
    // Compared, not skipped: many were answered by the library.
    expect(answered).toBeGreaterThan(1000);
  });
});
