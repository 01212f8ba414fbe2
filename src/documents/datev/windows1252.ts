/**
 * Windows-1252 (ANSI) bytes for DATEV imports, which expect that code page. Latin-1 characters map to themselves;
 * the 27 extra characters of 0x80–0x9F (€, „, “, –, …) map to their code page positions. A character outside the
 * code page is refused with its position, never silently replaced.
 */
const EXTRA_CHARACTERS: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89, "Š": 0x8a, "‹": 0x8b, "Œ": 0x8c, "Ž": 0x8e,
  "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b, "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};

export function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  let length = 0;
  let offset = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const extra = EXTRA_CHARACTERS[character];
    if (extra !== undefined) bytes[length++] = extra;
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[length++] = code;
    else throw new RangeError(`Zeichen „${character}“ an Stelle ${offset + 1} ist in Windows-1252 nicht darstellbar.`);
    offset += character.length;
  }
  return bytes.subarray(0, length);
}

const EXTRA_BY_BYTE = new Map(Object.entries(EXTRA_CHARACTERS).map(([character, byte]) => [byte, character]));

/** Text of Windows-1252 bytes (Node's TextDecoder treats the label as Latin-1 and gets 0x80–0x9F wrong). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += EXTRA_BY_BYTE.get(byte) ?? String.fromCharCode(byte);
  return text;
}
