/**
 * Character tests on UTF-16 code units for hot loops, where a regular expression on a one-character string
 * would cost a string and a match per character.
 */

/** True for the code units the regular-expression class `\s` matches. */
export function isRegExpSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
