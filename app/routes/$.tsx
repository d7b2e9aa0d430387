// Addresses no route knows still answer through the app's own layout, so a
// signed-in person keeps the header and navigation on the "not found" page.
export function loader() {
  throw new Response("There is no page at this address. It may have been moved, or the link may be mistyped.", { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return null;
}
