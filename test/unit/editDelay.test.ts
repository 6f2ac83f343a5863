import { strict as assert } from 'assert';
import { editDelayMs, MIN_EDIT_DELAY_MS } from '../../src/vscode/editDelay';

describe('edit delay', () => {
  it('waits the full debounce before the first analysis, when the cost is unknown', () => {
    assert.equal(editDelayMs(300, undefined), 300);
  });

  it('waits a quarter of what the last analysis took, for a medium article', () => {
    assert.equal(editDelayMs(300, 141.6), 35);
  });

  it('never waits less than the minimum, so a burst of keystrokes still coalesces', () => {
    assert.equal(editDelayMs(300, 2), MIN_EDIT_DELAY_MS);
  });

  it('never waits longer than the debounce setting, however long the last analysis took', () => {
    assert.equal(editDelayMs(300, 4_000), 300);
  });

  it('honours a debounce setting below the minimum, including 0 (analyse after every edit)', () => {
    assert.equal(editDelayMs(0, 50), 0);
    assert.equal(editDelayMs(10, 50), 10);
  });
});
