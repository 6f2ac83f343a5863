/**
 * Character tests on UTF-16 code units for hot loops, where a regular expression on a one-character string
 * would cost a string and a match per character.
 */

/** True for the code units the regular-expression class `\s` matches. */
export function isRegExpSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** True for the ASCII digits 0–9. */
export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** True when `text` holds only white space (the class `\s`) from `start` to `end`. */
export function onlyRegExpSpaces(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isRegExpSpace(text.charCodeAt(i))) return false;
  return true;
}

const UPPER_CASE_START = /^\p{Lu}/u;
const LOWER_CASE_START = /^\p{Ll}/u;

/** True when `text` starts with an upper-case letter: ASCII by its code, other letters by Unicode class. */
export function startsUpperCase(text: string): boolean {
  const code = text.charCodeAt(0);
  return code < 0x80 ? code >= 65 && code <= 90 : UPPER_CASE_START.test(text);
}

/** True when `text` starts with a lower-case letter: ASCII by its code, other letters by Unicode class. */
export function startsLowerCase(text: string): boolean {
  const code = text.charCodeAt(0);
  return code < 0x80 ? code >= 97 && code <= 122 : LOWER_CASE_START.test(text);
}

/** True when a token is one double quotation mark: “ ” " « » „. */
export function isDoubleQuoteMark(text: string): boolean {
  return text.length === 1 && '“”"«»„'.includes(text);
}
