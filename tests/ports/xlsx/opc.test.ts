import { decodePart } from "../../../src/ports/xlsx/opc";

/**
 * The playground decodes parts with TextDecoder (a browser has no Buffer), the CLI with Buffer:
 * both must give the same text for every encoding a part may use.
 */
describe("decodePart gives the same text through TextDecoder as through Buffer", () => {
  const declared = (encoding: string) =>
    `<?xml version="1.0" encoding="${encoding}" standalone="yes"?>\r\n<sst><si><t>Årsmål ✓ 😀</t></si></sst>`;
  const utf16le = (text: string) => Buffer.from(text, "utf16le");
  const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();

  test.each<[string, Uint8Array, string]>([
    ["UTF-8", Buffer.from(declared("UTF-8"), "utf8"), declared("UTF-8")],
    ["UTF-8 with a byte order mark", Buffer.from(`\uFEFF${declared("UTF-8")}`, "utf8"), declared("UTF-8")],
    [
      "UTF-16LE with a byte order mark",
      Buffer.from([0xff, 0xfe, ...utf16le(declared("UTF-16"))]),
      declared("UTF-8"),
    ],
    [
      "UTF-16BE with a byte order mark",
      Buffer.from([0xfe, 0xff, ...utf16be(declared("UTF-16"))]),
      declared("UTF-8"),
    ],
    ["UTF-16LE without one", utf16le(declared("UTF-16LE")), declared("UTF-8")],
    ["UTF-16BE without one", utf16be(declared("utf-16be")), declared("UTF-8")],
    [
      "UTF-16LE with an odd last byte (dropped, as Buffer does)",
      Buffer.from([0xff, 0xfe, ...utf16le(declared("UTF-16")), 0x00]),
      declared("UTF-8"),
    ],
    [
      "UTF-16BE with an odd last byte",
      Buffer.from([0xfe, 0xff, ...utf16be(declared("UTF-16")), 0x00]),
      declared("UTF-8"),
    ],
    ["nothing", new Uint8Array(0), ""],
    ["invalid UTF-8", Buffer.from([0x3c, 0x61, 0xff, 0x3e]), "<a\uFFFD>"],
  ])("%s", (_what, bytes, text) => {
    expect(decodePart(bytes, "buffer")).toBe(text);
    expect(decodePart(bytes, "textDecoder")).toBe(text);
  });

  test("a part inside a larger buffer is decoded from its own bytes only", () => {
    const whole = Buffer.from("xx<a>ö</a>yy", "utf8");
    const part = whole.subarray(2, whole.length - 2);
    expect(decodePart(part, "buffer")).toBe("<a>ö</a>");
    expect(decodePart(part, "textDecoder")).toBe("<a>ö</a>");
  });
});
