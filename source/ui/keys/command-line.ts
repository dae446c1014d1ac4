import {rank, type Binding, type Scope} from './binding.js';

export type CommandLineAction = 'commandLine' | 'copy';

/** Where a panel has the keys: the command line opens and a panel copies from all of them. */
const everywhere: readonly Scope[] = ['tree', 'list', 'panel', 'detail', 'help'];

export const commandLineKeys: readonly Binding<CommandLineAction>[] = [
  {
    action: 'commandLine',
    scopes: everywhere,
    keys: [':'],
    label: {en: 'command line (Tab completes)', ko: '명령줄 (Tab 자동 완성)'},
    footer: {label: {en: 'cmd', ko: '명령'}, rank: rank(9)},
  },
  {
    // y answers a failover preview and a hook; those scopes have the keys alone, so y is free here.
    action: 'copy',
    scopes: ['tree', 'list', 'panel', 'detail'],
    keys: ['y'],
    label: {en: 'copy the focused panel (OSC 52)', ko: '포커스된 패널 복사 (OSC 52)'},
  },
];
