import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {failoverPlan} from '../../source/core/plan.js';
import {emptyState, withSimulated} from '../../source/core/state.js';
import {PlanPanel} from '../../source/ui/components/plan-panel.js';
import {themeOf} from '../../source/ui/theme.js';
import {loadFixture} from './reducer-helpers.js';

/** The panel's text, borders and styles left out, its lines joined as one. */
function panelText(lang: 'en' | 'ko', down: string, file: string): string {
  const model = loadFixture(file);
  const entries = failoverPlan(model, snapshot(model, withSimulated(emptyState, [down])));
  const theme = themeOf({lang, ascii: false, color: false});
  const frame = render(
    <PlanPanel focused entries={entries} index={0} top={0} theme={theme} width={60} height={10} />,
  ).lastFrame()!;
  return frame
    .split('\n')
    .map((line) => line.replace(/^[│┃]|[│┃]$/g, '').trim())
    .join(' ');
}

describe('the failover plan panel', () => {
  it('says which services a failover would make SLOW, as `impact --plan` does', () => {
    const text = panelText('en', 'KR-CA', 'fixtures/compound-failover.yaml');
    expect(text).toContain('promote db-2 → shop-db 1000, shop-web 600');
    expect(text).toContain('puts shop-web over a latency budget (SLOW)');
    expect(panelText('ko', 'KR-CA', 'fixtures/compound-failover.yaml')).toContain(
      'shop-web 지연 예산 초과 (느림)',
    );
  });

  it('says nothing of latency where the file gives none', () => {
    const text = panelText('en', 'KR-CA', 'fixtures/demo.yaml');
    expect(text).toContain('promote db-2');
    expect(text).not.toContain('SLOW');
  });
});
