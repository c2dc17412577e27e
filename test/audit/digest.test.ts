/**
 * Utilities.computeDigest in the fake returns what Apps Script returns: Java's signed
 * bytes (-128..127); sha256Hex turns them into the usual hex digest.
 */
import { createHash } from 'node:crypto';
import { createFakeGas, installGlobals } from '../../harness/gas';
import { bytesToHex, sha256Hex } from '../../src/platform/digest';

beforeAll(() => installGlobals(globalThis, createFakeGas()));

test('SHA-256 of "abc" is the FIPS 180-2 test vector, as signed bytes', () => {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc', Utilities.Charset.UTF_8);
  expect(bytes).toHaveLength(32);
  // 0xba = 186 is -70 as a Java byte.
  expect(bytes[0]).toBe(-70);
  expect(bytes.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
  expect(bytesToHex(bytes)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('Chinese text is digested as UTF-8', () => {
  // sha256 of the UTF-8 bytes of 王秀英 (e7 8e 8b e7 a7 80 e8 8b b1).
  const utf8 = [0xe7, 0x8e, 0x8b, 0xe7, 0xa7, 0x80, 0xe8, 0x8b, 0xb1].map((b) => (b > 127 ? b - 256 : b));
  expect(sha256Hex('王秀英')).toBe(
    createHash('sha256')
      .update(Buffer.from(utf8.map((b) => b & 0xff)))
      .digest('hex'),
  );
  expect(sha256Hex('王秀英')).toBe(bytesToHex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, utf8)));
  expect(sha256Hex('王秀英')).not.toBe(bytesToHex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, '王秀英', Utilities.Charset.US_ASCII)));
});

test('an unknown algorithm is refused', () => {
  expect(() => Utilities.computeDigest('SHA_3' as unknown as GoogleAppsScript.Utilities.DigestAlgorithm, 'x')).toThrow('Invalid argument');
});
