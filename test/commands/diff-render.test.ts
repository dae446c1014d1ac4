import {describe, expect, it} from 'vitest';
import {availability} from '../../source/core/availability.js';
import {analyzeSide, diffTopologies} from '../../source/core/diff.js';
import {parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';
import {diffJson, renderDiffMarkdown} from '../../source/commands/diff/diff-render.js';

/** n services, each a single VM of its own in one zone: every VM and the zone are its SPOFs. */
function singles(n: number, zones: string[]): Model {
  const lines = [
    'version: 1',
    `zones: [${zones.map((z) => `{id: ${z}}`).join(', ')}]`,
    'accounts: [{id: acct}]',
    'vms:',
    ...Array.from(
      {length: n},
      (_, i) => `  - {id: vm${i}, account: acct, zone: ${zones[0]}, capacity: 10}`,
    ),
    'services:',
    ...Array.from({length: n}, (_, i) => `  - {id: svc${i}, demand: 10, entry: vm${i}}`),
  ];
  const result = parseTopology(lines.join('\n'), 'test.yaml');
  if (!result.ok) throw new Error(result.errors[0]!.message);
  return result.model;
}

const options = {availabilityOf: availability};
const sources = {old: 'HEAD:t.yaml', new: 't.yaml'};

describe('markdown for a pull request', () => {
  it('folds more than ten findings into a details block, tables stay whole', () => {
    // 12 services on one VM each; in NEW the zone moves: every service's zone row changes
    // from "with Z1 down" to "with Z2 down", and Z1, Z2 each appear on one side only.
    const result = diffTopologies(
      analyzeSide(singles(12, ['Z1']), options),
      analyzeSide(singles(12, ['Z2']), options),
    );
    const lines = renderDiffMarkdown(result, sources);
    // Each of the 12 services gains Z2 and the router acct/Z2 as SPOFs and loses Z1 and
    // acct/Z1: 4 findings each, 48 in all, folded.
    expect(result.findings).toHaveLength(48);
    expect(lines).toContain('<summary>Findings (48)</summary>');
    const tables = lines.filter((line) => line === '| | before | after |');
    expect(tables).toHaveLength(12);
    expect(lines).toContain('| served with zone Z1 down | 0 | no zone Z1 |');
    expect(lines).toContain('| served with zone Z2 down | no zone Z2 | 0 |');
  });

  it('json says the same as the text, as one plain document', () => {
    const result = diffTopologies(
      analyzeSide(singles(1, ['Z1']), options),
      analyzeSide(singles(1, ['Z2']), options),
    );
    const doc = JSON.parse(JSON.stringify(diffJson(result, sources))) as {
      verdict: string;
      summary: string;
      findings: {text: string}[];
      services: {zones: unknown[]}[];
    };
    expect(doc.verdict).toBe('worse');
    // Worse first (the new zone, then its router), then better (the old zone and router).
    expect(doc.summary).toBe('worse: svc0 now dies with zone Z2 (+1 more)');
    expect(doc.findings.map((f) => f.text)).toEqual([
      'svc0 now dies with zone Z2',
      'svc0 now dies with router acct/Z2',
      'svc0 now survives zone Z1',
      'svc0 now survives router acct/Z1',
    ]);
    expect(doc.services[0]!.zones).toEqual([
      {zone: 'Z2', presence: 'added', before: null, after: 0},
      {zone: 'Z1', presence: 'removed', before: 0, after: null},
    ]);
  });
});
