import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration,
  isRouteErrorResponse, useRouteError, useRouteLoaderData,
} from "@remix-run/react";
import { getUser } from "~/modules/auth/session.server";
import { can } from "~/modules/auth/permissions";
import styles from "~/styles/app.css";
import { useNonce } from "~/components/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico" },
];

export const meta: MetaFunction = () => [{ title: "Contact centre rota and compliance" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return {
    user: user && { name: user.name, accessRole: user.accessRole, centreName: user.centre.name },
  };
}

type NavItem = { to: string; label: string };

function navFor(accessRole: string): NavItem[] {
  const items: NavItem[] = [];
  if (can(accessRole, "compliance:read")) items.push({ to: "/compliance", label: "Dashboard" });
  if (can(accessRole, "people:read")) items.push({ to: "/people", label: "People" });
  if (can(accessRole, "compliance:read")) items.push({ to: "/compliance/matrix", label: "Matrix" });
  if (can(accessRole, "compliance:read")) items.push({ to: "/compliance/evidence", label: "Evidence pack" });
  if (can(accessRole, "rota:manage")) items.push({ to: "/rota", label: "Rota" });
  if (can(accessRole, "audit:read")) items.push({ to: "/audit", label: "Audit log" });
  if (can(accessRole, "accounts:manage")) items.push({ to: "/accounts", label: "Sign-ins" });
  if (can(accessRole, "rota:manage")) items.push({ to: "/outbox", label: "Outbox" });
  if (can(accessRole, "compliance:write")) items.push({ to: "/settings", label: "Settings" });
  if (accessRole !== "assessor") items.push({ to: "/my-shifts", label: "My shifts" });
  if (accessRole !== "assessor" && !can(accessRole, "rota:manage")) items.push({ to: "/shifts", label: "Rota" });
  if (accessRole !== "assessor") items.push({ to: "/me", label: "My record" });
  return items;
}

/** The page frame: header and navigation on every page, error pages included. */
export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">Skip to main content</a>
        <Header user={data?.user ?? null} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header({ user }: { user: { name: string; accessRole: string; centreName: string } | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-header__name">{user ? user.centreName : "Contact centre rota"}</Link>
        {user ? (
          <>
            <nav className="site-nav" aria-label="Main">
              <ul>
                {navFor(user.accessRole).map((item) => (
                  <li key={item.to}><NavLink to={item.to} end>{item.label}</NavLink></li>
                ))}
              </ul>
            </nav>
            <div className="site-header__user">
              <Link to="/me/sign-in">{user.name}<span className="visually-hidden">: your sign-in</span></Link>{user.accessRole === "assessor" ? " (assessor, read-only)" : ""}
              <Form method="post" action="/logout"><button type="submit" className="sign-out">Sign out</button></Form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? typeof error.data === "string" ? error.data : error.statusText
    : "Something went wrong on our side. Nothing you saved has been lost; please try again.";
  return (
    <>
      <h1>{status === 404 ? "Page not found" : status === 403 ? "You cannot see this page" : status === 400 ? "Something in that request was not right" : "Sorry, there is a problem"}</h1>
      <p>{message}</p>
      <p><Link to="/">Go to the start page</Link></p>
    </>
  );
}
