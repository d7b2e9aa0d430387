import { describe, expect, it } from "vitest";
import { cssString, printedOnEveryPage } from "~/utils/print-css";

describe("text for the printed page's margin", () => {
  it("escapes what a style element or a CSS string cannot hold as it is", () => {
    expect(cssString(`St Mary's & "Friends" </style>`)).toBe('"St Mary\\27 s \\26  \\22 Friends\\22  \\3c /style\\3e "');
    expect(cssString("line\nbreak\\")).toBe('"line\\a break\\5c "');
    expect(cssString("Riverside, evidence as at 1 Mar 2026")).toBe('"Riverside, evidence as at 1 Mar 2026"');
  });

  it("puts the text bottom left and the page number bottom right of every printed page", () => {
    const css = printedOnEveryPage("Fingerprint abc");
    expect(css).toContain('@bottom-left { content: "Fingerprint abc";');
    expect(css).toContain('content: "Page " counter(page) " of " counter(pages)');
    expect(css.startsWith("@media print { @page {")).toBe(true);
  });
});
