/** The import template as files: .xlsx (exceljs, loaded only when asked for) and .csv. */
import { safe } from "~/modules/compliance/csv";
import type { CourseRef } from "./columns";
import { TEMPLATE_DATE_HEADERS, TEMPLATE_NOTES, templateHeaders } from "./template";

export async function templateXlsx(courses: readonly CourseRef[]): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("People");
  const headers = templateHeaders(courses);
  sheet.columns = headers.map((header) => ({
    header, width: Math.max(12, header.length + 2),
    style: TEMPLATE_DATE_HEADERS.has(header) || courses.some((c) => c.name === header) ? { numFmt: "dd/mm/yyyy" } : header === "DBS number" ? { numFmt: "@" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const notes = workbook.addWorksheet("How to fill this in");
  notes.getColumn(1).width = 110;
  for (const line of TEMPLATE_NOTES) notes.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function templateCsv(courses: readonly CourseRef[]): string {
  return `\uFEFF${templateHeaders(courses).map((h) => `"${safe(h).replace(/"/g, '""')}"`).join(",")}\r\n`;
}
