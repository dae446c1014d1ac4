/**
 * The floor for a tree on screen: Ink and React up (as hello.ts), then the topology read and
 * parsed with `JSON.parse`, then one line naming its first zone. What the dashboard does on top
 * is its own: the model, the analysis and the tree.
 */
import {readFileSync} from 'node:fs';
import {createElement} from 'react';
import {render, Text} from 'ink';

const topology = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {zones: {id: string}[]};
render(createElement(Text, null, `${topology.zones[0]!.id}, floor drawn`));
