import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvLines } from "~/utils/csv";

describe("csvLines", () => {
  it("quotes only cells with a comma, a quote or a line break, doubling quotes inside", () => {
    expect(csvLines([["plain", "a, b", 'say "hi"', "two\nlines", "cr\rhere", "", 42, 0]])).toBe(
      'plain,"a, b","say ""hi""","two\nlines","cr\rhere",,42,0\r\n',
    );
  });

  it("ends every line with CRLF, and gives nothing for no rows", () => {
    expect(csvLines([["a"], ["b", "c"]])).toBe("a\r\nb,c\r\n");
    expect(csvLines([])).toBe("");
  });

  it("reads back cell for cell through another parser", () => {
    const awkward = ['"', '""', ",", "\r\n", " leading and trailing ", "ünïcödé — “curly”", "='=1+1", "line\r\nbreak, and \"quote\""];
    const rows = awkward.map((cell, i) => [String(i), cell, awkward[(i + 3) % awkward.length]]);
    expect(parse(csvLines(rows), { record_delimiter: "\r\n", relax_quotes: false })).toEqual(rows);
  });
});
