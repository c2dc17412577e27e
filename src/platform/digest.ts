/**
 * SHA-256 for the audit chain: the one place that calls Utilities.computeDigest, so the
 * code that chains and checks 操作日志 takes a plain `(text) => hex` function and runs
 * (and is tested) without Apps Script globals.
 *
 * Utilities.computeDigest returns Java bytes, signed -128..127
 * (https://developers.google.com/apps-script/reference/utilities/utilities#computeDigest(DigestAlgorithm,String,Charset)),
 * hence `b & 0xff` before the hex digits.
 */

export function bytesToHex(bytes: readonly number[]): string {
  let out = '';
  for (const b of bytes) out += ((b & 0xff) | 0x100).toString(16).slice(1);
  return out;
}

/** Text → lower-case hex SHA-256 of its UTF-8 bytes (64 characters). */
export const sha256Hex = (text: string): string => bytesToHex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8));
