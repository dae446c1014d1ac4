import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {Document, parse as parseYaml, stringify as stringifyYaml, visit} from 'yaml';
import {generateTopology, topologyYaml} from '../../bench/generate.js';
import {plainJson} from '../../source/core/json-fast.js';
import {parseTopology} from '../../source/core/load.js';
import {parseFast} from '../../source/core/load/fast.js';
import {plainYaml} from '../../source/core/load/yaml-fast.js';
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
    // Files with warnings are placed by the fast path too.
    expect(warnedByFast.json).toBeGreaterThan(5);
    expect(warnedByFast.yaml).toBeGreaterThan(3);
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

  const leftToYaml = [
    'a: 0x1F',
    'a: 0o17',
    'a: .inf',
    'a: tRUE',
    'a: 12345678901234567890',
    'a: "tab\\t"',
    'a: [x, y]#z',
    'a: [x, ]',
    'a: [x:y]',
    'a: &anchor 1',
    'a: *anchor',
    'a: !!str 1',
    'a: |\n  text',
    'a: >\n  text',
    'a: one\n  two',
    'a: 1\na: 2',
    '? a\n: 1',
    '"a": 1',
    'a: -x',
    'a\r\n: 1',
    'a:\tb',
    'a:b',
    '-a: 1',
    '1a: 1',
    'a.b: 1',
    'a: x\u2028y',
  ];
  it.each(leftToYaml)('%j is left to the precise parser', (text) => {
    expect(plainYaml(text, 64)).toBeUndefined();
  });
});
