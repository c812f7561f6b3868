import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { readCorpus } from './corpus.js';
import { measure, rates } from './measure.js';

// The rates docs/integrity.md reports at the default threshold (`npm run similarity:corpus` prints the table).
const RECORDED = { copiesFlagged: 45, copies: 45, distinctFlagged: 0, distinct: 9 };

describe('similarity on the generated corpus', () => {
  it('flags at least as many transformed copies, and no more distinct pairs, as recorded', async () => {
    const r = rates(await measure(await readCorpus()), loadConfig({}).similarity.threshold);
    expect(r.copies).toBe(RECORDED.copies);
    expect(r.distinct).toBe(RECORDED.distinct);
    expect(r.copiesFlagged).toBeGreaterThanOrEqual(RECORDED.copiesFlagged);
    expect(r.distinctFlagged).toBeLessThanOrEqual(RECORDED.distinctFlagged);
  });
});
