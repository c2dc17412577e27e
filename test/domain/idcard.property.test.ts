/** Properties of the GB 11643 check: generated numbers pass; any single changed digit fails. */
import fc from 'fast-check';
import { validateId } from '../../src/domain/idcard';
import { arbId } from '../helpers/idNumbers';

const TODAY = '2026-11-23';

test('every generated number is valid, upper or lower case', () => {
  fc.assert(
    fc.property(arbId(), (id) => {
      expect(validateId(id, TODAY).ok).toBe(true);
      expect(validateId(id.toLowerCase(), TODAY).ok).toBe(true);
    }),
  );
});

test('changing any one of the 18 characters to another digit makes it invalid', () => {
  fc.assert(
    fc.property(arbId(), fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 9 }), (id, pos, delta) => {
      const old = id[pos] === 'X' ? 10 : +id[pos];
      const digit = (old + delta) % 10;
      const changed = id.slice(0, pos) + String(digit) + id.slice(pos + 1);
      expect(validateId(changed, TODAY).ok).toBe(false);
    }),
  );
});

test('swapping two different adjacent digits of the first 17 makes it invalid', () => {
  fc.assert(
    fc.property(arbId(), fc.integer({ min: 0, max: 15 }), (id, pos) => {
      fc.pre(id[pos] !== id[pos + 1]);
      const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
      expect(validateId(swapped, TODAY).ok).toBe(false);
    }),
  );
});
