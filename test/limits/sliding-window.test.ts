import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { createSlidingWindow } from '../../src/state/sliding-window.ts';

const T0 = 1_800_000_000_000;

describe('createSlidingWindow', () => {
  it('sums the amounts added within the window', () => {
    const clock = createManualClock(T0);
    const window = createSlidingWindow(60_000, clock);
    window.add(5);
    clock.advance(10_000);
    window.add(7);
    expect(window.total()).toBe(12);
  });

  it('drops an amount exactly windowMs after it was added', () => {
    const clock = createManualClock(T0);
    const window = createSlidingWindow(60_000, clock);
    window.add(5);
    clock.advance(30_000);
    window.add(7);
    clock.advance(29_999);
    expect(window.total()).toBe(12);
    clock.advance(1);
    expect(window.total()).toBe(7);
    clock.advance(30_000);
    expect(window.total()).toBe(0);
  });

  it('answers 0 ms when the amount already fits', () => {
    const clock = createManualClock(T0);
    const window = createSlidingWindow(60_000, clock);
    window.add(2);
    expect(window.msUntilRoom(1, 3)).toBe(0);
  });

  it('answers the time until the oldest entries that must leave have left', () => {
    const clock = createManualClock(T0);
    const window = createSlidingWindow(60_000, clock);
    window.add(1);
    clock.advance(10_000);
    window.add(1);
    clock.advance(10_000);
    window.add(1);
    clock.advance(5_000);
    expect(window.msUntilRoom(1, 3)).toBe(35_000);
    expect(window.msUntilRoom(2, 3)).toBe(45_000);
  });

  it('answers Infinity for an amount larger than the limit itself', () => {
    const window = createSlidingWindow(60_000, createManualClock(T0));
    expect(window.msUntilRoom(4, 3)).toBe(Infinity);
  });

  it('merges amounts added in the same millisecond into one entry that leaves at once', () => {
    const clock = createManualClock(T0);
    const window = createSlidingWindow(1_000, clock);
    window.add(1);
    window.add(1);
    expect(window.msUntilRoom(1, 2)).toBe(1_000);
    clock.advance(1_000);
    expect(window.total()).toBe(0);
  });

  it('records at the latest time held when the clock steps back', () => {
    const clock = createManualClock(T0);
    const window = createSlidingWindow(1_000, clock);
    window.add(1);
    clock.set(T0 - 500);
    window.add(2);
    clock.set(T0 + 999);
    expect(window.total()).toBe(3);
    clock.set(T0 + 1_000);
    expect(window.total()).toBe(0);
  });

  it('ignores zero amounts', () => {
    const clock = createManualClock(T0);
    const window = createSlidingWindow(1_000, clock);
    window.add(0);
    expect(window.msUntilRoom(1, 1)).toBe(0);
    expect(window.total()).toBe(0);
  });

  it('forgets everything on clear', () => {
    const clock = createManualClock(T0);
    const window = createSlidingWindow(1_000, clock);
    window.add(9);
    window.clear();
    expect(window.total()).toBe(0);
    window.add(1);
    expect(window.total()).toBe(1);
  });

  it('keeps exact totals across many entries and compactions', () => {
    const clock = createManualClock(T0);
    const window = createSlidingWindow(5_000, clock);
    for (let i = 1; i <= 20_000; i++) {
      clock.advance(1);
      window.add(i % 3);
      if (i % 997 === 0) {
        let expected = 0;
        for (let j = Math.max(1, i - 4_999); j <= i; j++) expected += j % 3;
        expect(window.total()).toBe(expected);
      }
    }
  });

  it('refuses a window that is not positive', () => {
    expect(() => createSlidingWindow(0, createManualClock(T0))).toThrow(RangeError);
  });
});
