/**
 * Writes public/examples/centre-spreadsheet.xlsx, the demo's example of the spreadsheet a centre
 * keeps today, to try People → Import with. Run again after changing it: npx tsx scripts/make-example-spreadsheet.ts
 * It has what real ones have: a merged title row, a blank row, headers with trailing spaces, dates as
 * Excel dates, day numbers and text (two-digit years too), a misspelt course, someone already in the
 * demo (matched by email), and cells that cannot be imported.
 */
import ExcelJS from "exceljs";

const headers = ["First name ", "Surname", "Email", "Role", "Start date", "DBS date", "DBS No", "Ref 1", "Ref 2", "Safeguarding", "Induction", "Module 1", "Module 2", "Modul 3", "Notes"];
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const rows: (string | number | Date | null)[][] = [
  ["Bethany", "Cole", "bethany.cole@example.org", "Volunteer", d("2024-09-02"), d("2024-08-12"), "001234500011", d("2024-07-20"), d("2024-07-28"), d("2025-09-14"), d("2024-09-02"), d("2024-10-05"), d("2024-11-09"), d("2025-01-11"), "Saturdays only"],
  ["Imran", "Qureshi", "imran.q@example.org", "Volunteer, Trustee", 45383, 45366, "0012 3450 0022", 45350, 45352, 45730, 45383, null, null, null, ""],
  ["Lucy", "Brennan", "", "staff", "3/4/24", "12/03/24", "001234500033", "1 Mar 2024", "4 March 2024", "15/01/2025", "03-04-2024", "", "", "", "  "],
  ["Ruth", "Okafor", "volunteer@example.org", "Volunteer", null, null, null, null, null, d("2025-10-18"), null, null, null, null, "Already on the demo: gets the refresher date"],
  [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  ["Keith", "Dunmore", "keith.d@example.org", "Volunteer", d("2024-02-01"), "31/02/2024", "001234500044", d("2024-01-10"), d("2024-01-12"), null, null, null, null, null, ""],
  ["Sandra", "Lowe", "sandra.lowe@example.org", "Volunteer", d("2023-05-01"), d("2023-04-01"), 1234500055, d("2023-03-01"), d("2023-03-05"), d("2025-06-01"), null, null, null, null, "DBS number typed as a number"],
  ["Tariq", "Hussain", "tariq.h@example.org", "Helper", d("2025-01-06"), d("2024-12-01"), "001234500066", null, null, null, null, null, null, null, ""],
  ["Mary", "O'Neill", "mary.oneill", "Volunteer", d("2022-03-01"), d("2022-02-01"), "001234500077", d("2022-01-10"), d("2022-01-15"), d("2025-03-01"), d("2022-03-01"), null, null, null, ""],
];

const workbook = new ExcelJS.Workbook();
workbook.creator = "Riverside Child Contact Centre";
const sheet = workbook.addWorksheet("Volunteers");
sheet.addRow(["Riverside Child Contact Centre: volunteer records (kept by Sam)"]);
sheet.mergeCells(1, 1, 1, headers.length);
sheet.getRow(1).font = { bold: true, size: 14 };
sheet.addRow([]);
sheet.addRow(headers).font = { bold: true };
for (const row of rows) sheet.addRow(row);
sheet.columns.forEach((column, i) => {
  column.width = Math.max(12, headers[i].length + 2);
});
for (let r = 4; r <= sheet.rowCount; r++) {
  for (let c = 1; c <= headers.length; c++) {
    const cell = sheet.getRow(r).getCell(c);
    if (cell.value instanceof Date) cell.numFmt = "dd/mm/yyyy";
  }
}
await workbook.xlsx.writeFile("public/examples/centre-spreadsheet.xlsx");
console.log("Wrote public/examples/centre-spreadsheet.xlsx");
