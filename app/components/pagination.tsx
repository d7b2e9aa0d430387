/** Previous and next page links that keep the list's filters, with where the reader is. */
import { Link, useLocation } from "@remix-run/react";
import type { PageInfo } from "~/utils/pages";

/** `param`: the query parameter holding the page (two lists on one page each have their own); `anchor`: where the list starts. */
export function Pagination({ page, label, param = "page", anchor }: { page: PageInfo; label: string; param?: string; anchor?: string }) {
  const location = useLocation();
  const to = (n: number) => {
    const params = new URLSearchParams(location.search);
    params.set(param, String(n));
    return `${location.pathname}?${params}${anchor ? `#${anchor}` : ""}`;
  };
  if (page.pages <= 1) return null;
  return (
    <nav className="pagination no-print" aria-label={`${label}: pages`}>
      <p>Showing {page.first} to {page.last} of {page.total}. Page {page.page} of {page.pages}.</p>
      <ul className="button-row">
        {page.page > 1 ? <li><Link to={to(page.page - 1)} rel="prev">Previous page</Link></li> : null}
        {page.page < page.pages ? <li><Link to={to(page.page + 1)} rel="next">Next page</Link></li> : null}
      </ul>
    </nav>
  );
}
