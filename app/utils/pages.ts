/**
 * Long lists a page at a time, so a page costs the same for a centre of 40 or 5,000: the browser
 * gets only the rows it shows. Pure.
 */
export const PAGE_SIZE = 50;

/** How many of each dashboard list it shows before "see all". */
export const DASHBOARD_FIRST = 10;

/** ?page=N, 1 when absent or not a whole number from 1. */
export function pageNumber(url: URL): number {
  const n = Number(url.searchParams.get("page") ?? "1");
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export type PageInfo = { page: number; pages: number; total: number; first: number; last: number };

/** Which rows a page holds; a page past the end shows the last one. */
export function pageInfo(total: number, requested: number, size = PAGE_SIZE): PageInfo & { skip: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(requested, pages);
  const skip = (page - 1) * size;
  return { page, pages, total, skip, first: total ? skip + 1 : 0, last: Math.min(total, skip + size) };
}

export function paginate<T>(items: readonly T[], requested: number, size = PAGE_SIZE): { items: T[]; page: PageInfo } {
  const { skip, ...page } = pageInfo(items.length, requested, size);
  return { items: items.slice(skip, skip + size), page };
}
