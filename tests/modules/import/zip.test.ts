import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { unpackedSize } from "~/modules/import/zip";

async function smallXlsx() {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("People").addRow(["First name", "Surname"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The same file with its first entry claiming `size` bytes unpacked, as a zip bomb's directory would. */
function claiming(bytes: Uint8Array, size: number) {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let i = 0; i < copy.length - 4; i++) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, size, true);
      break;
    }
  }
  return copy;
}

describe("what an .xlsx says it unpacks to", () => {
  it("adds up its entries' sizes from the central directory", async () => {
    const bytes = await smallXlsx();
    const size = unpackedSize(bytes)!;
    expect(size).toBeGreaterThan(bytes.length);
    expect(size).toBeLessThan(100_000);
  });

  it("reports a directory that claims gigabytes, or a ZIP64 size, and says null for what is not a zip", async () => {
    const bytes = await smallXlsx();
    expect(unpackedSize(claiming(bytes, 0xfffffff0))).toBeGreaterThan(4e9);
    expect(unpackedSize(claiming(bytes, 0xffffffff))).toBe(Number.POSITIVE_INFINITY);
    expect(unpackedSize(new TextEncoder().encode("First name,Surname\r\n"))).toBeNull();
    expect(unpackedSize(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]))).toBeNull();
  });
});
