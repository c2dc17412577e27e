/** Utilities as Apps Script has them: digests as signed (Java) bytes, UTF-8 text by default. */
import { createHash } from 'node:crypto';
import { createFakeGas } from '../../harness/gas';

const hex = (bytes: number[]) => bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');

test('computeDigest gives SHA-256 as signed bytes, of UTF-8 text unless told otherwise', () => {
  const { Utilities } = createFakeGas();
  const abc = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
  expect(hex(abc)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(abc[0]).toBe(-70); // 0xba as a Java byte
  expect(abc.every((b) => b >= -128 && b <= 127)).toBe(true);
  const row = '前一哈希|H0100001|王秀英|保存';
  expect(hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, row))).toBe(createHash('sha256').update(row, 'utf8').digest('hex'));
  expect(hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, row, Utilities.Charset.UTF_8))).toBe(
    createHash('sha256').update(row, 'utf8').digest('hex'),
  );
  // Bytes in, as signed bytes.
  expect(hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, [97, 98, 99]))).toBe(hex(abc));
  expect(() => Utilities.computeDigest('SHA3' as never, 'abc')).toThrow('Invalid argument: algorithm');
});

test('web-safe base64 round-trips bytes and keeps its padding', () => {
  const { Utilities } = createFakeGas();
  const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, '王秀英');
  const text = Utilities.base64EncodeWebSafe(digest);
  expect(text).toMatch(/^[A-Za-z0-9_-]+=*$/);
  expect(text.endsWith('=')).toBe(true);
  expect(Utilities.base64DecodeWebSafe(text)).toEqual(digest);
  expect(Utilities.base64Encode(digest)).toBe(Buffer.from(digest.map((b) => b & 0xff)).toString('base64'));
});
