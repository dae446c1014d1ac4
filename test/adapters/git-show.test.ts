import {describe, expect, it} from 'vitest';
import {gitObject, topologySource} from '../../source/adapters/git-show.js';

describe('naming OLD and NEW', () => {
  const none = () => false;

  it('REV:path is a git object; a path that exists is a file even with a colon', () => {
    expect(topologySource('HEAD:topology.yaml', none)).toEqual({
      type: 'git',
      rev: 'HEAD',
      path: 'topology.yaml',
    });
    expect(topologySource('origin/main:infra/t.yaml', none)).toEqual({
      type: 'git',
      rev: 'origin/main',
      path: 'infra/t.yaml',
    });
    expect(topologySource('odd:name.yaml', () => true)).toEqual({
      type: 'file',
      path: 'odd:name.yaml',
    });
    expect(topologySource('topology.yaml', none)).toEqual({type: 'file', path: 'topology.yaml'});
    // Nothing before or after the colon is no git object: left to fail as a file.
    expect(topologySource(':topology.yaml', none).type).toBe('file');
    expect(topologySource('HEAD:', none).type).toBe('file');
  });

  it('asks git for the path relative to the current directory, as REV:./path', () => {
    expect(gitObject({rev: 'HEAD', path: 'topology.yaml'}, '/repo/infra')).toBe(
      'HEAD:./topology.yaml',
    );
    expect(gitObject({rev: 'HEAD', path: '../topology.yaml'}, '/repo/infra')).toBe(
      'HEAD:../topology.yaml',
    );
    expect(gitObject({rev: 'main', path: '/repo/infra/t.yaml'}, '/repo')).toBe(
      'main:./infra/t.yaml',
    );
  });
});
