import {describe, expect, it} from 'vitest';
import {parseConfig} from '../../source/core/config.js';
import {completed, completionOf, parseCommand} from '../../source/core/commands-spec.js';

describe('the config file', () => {
  it('takes the settings it knows and says where each was written', () => {
    const result = parseConfig('# mine\nlang: ko\nsources:\n  ~/prod.yaml:\n    interval: 30s\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toEqual({lang: 'ko', sources: {'~/prod.yaml': {interval: '30s'}}});
    expect(result.placeOf(['lang'])).toEqual({line: 2, column: 1});
    expect(result.placeOf(['sources', '~/prod.yaml', 'interval'])).toEqual({line: 5, column: 5});
  });

  it('refuses what it does not know, each mistake at its line and column', () => {
    const result = parseConfig(
      'lang: ko\ncolour: false\nsources:\n  a.yaml:\n    prometheus: ftp://x\n',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {line: 2, column: 1, message: 'unknown setting "colour" (did you mean "color"?)'},
      {
        line: 5,
        column: 17,
        message: 'sources.a.yaml.prometheus: expected an http:// or https:// URL',
      },
    ]);
    const broken = parseConfig('lang: [ko\n');
    expect(broken.ok).toBe(false);
  });
});

describe('the command line grammar', () => {
  it('splits a command, its ! and its argument', () => {
    expect(parseCommand('w! out.md')).toEqual({name: 'w', bang: true, argument: 'out.md'});
    expect(parseCommand('  fail KR-CA ')).toEqual({name: 'fail', bang: false, argument: 'KR-CA'});
  });

  it('completes the name, then the argument, as far as the choices agree', () => {
    const names = ['fail', 'failover', 'filter', 'q'];
    const ids = ['KR-CA', 'KR-CB', 'web-1'];
    const choices = (name: string) => (name === 'fail' ? ids : undefined);
    // fail and failover agree on "fail"; filter does not start with "fa".
    expect(completed(completionOf('fa', names, choices), false)).toBe('fail');
    // One choice: the whole id.
    expect(completed(completionOf('fail w', names, choices), false)).toBe('fail web-1');
    expect(completed(completionOf('fail kr', names, choices), false)).toBe('fail KR-C');
    expect(completionOf('fail kr', names, choices).candidates).toEqual(['KR-CA', 'KR-CB']);
  });
});
