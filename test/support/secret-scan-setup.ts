import {afterEach, beforeEach} from 'vitest';
import {resetSecretScan, secretScanFindings} from './secret-scan.js';

// Registered before any test file's hooks, so it runs after them (vitest runs after-hooks in
// reverse): a file's own last capture (a screen taken before a pane closes) is scanned too.
beforeEach(() => resetSecretScan());
afterEach(() => {
  const found = secretScanFindings();
  if (found.length > 0)
    throw new Error(`a credential the test used was shown or written:\n${found.join('\n')}`);
});
