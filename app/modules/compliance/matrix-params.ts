/** Reading the matrix's filters from the URL, shared by the page and its CSV export. */
import { dateParam } from "~/utils/date-param";
import type { IsoDate } from "~/utils/dates";
import { isRole } from "~/modules/people/constants";
import { isStatus } from "~/modules/people/constants";
import { MATRIX_VIEWS, type MatrixFilters, type MatrixView } from "./overview";

export function matrixParams(url: URL, today: IsoDate) {
  const role = url.searchParams.get("role") ?? "";
  const personStatus = url.searchParams.get("status") ?? "";
  const view = url.searchParams.get("view") ?? "everyone";
  const filters: MatrixFilters = {
    role: isRole(role) ? role : undefined,
    personStatus: isStatus(personStatus) ? personStatus : undefined,
    view: (MATRIX_VIEWS as readonly string[]).includes(view) ? (view as MatrixView) : "everyone",
  };
  return { date: dateParam(url, today), filters };
}
