/** The devices someone is signed in on, with sign-out buttons (posting to /me/sign-in). */
import { Form } from "@remix-run/react";
import { formatLondonDateTime } from "~/utils/dates";

export type Device = { id: string; createdAt: string | Date; lastSeenAt: string | Date; userAgent: string; clientAddress: string; current: boolean };

/** A few words for a browser's user agent: "Chrome on Android", "Safari on iPhone". */
export function deviceName(userAgent: string) {
  const browser = /Edg\//.test(userAgent) ? "Edge" : /Firefox\//.test(userAgent) ? "Firefox" : /Chrome\//.test(userAgent) ? "Chrome" : /Safari\//.test(userAgent) ? "Safari" : "A browser";
  const system = /iPhone|iPad/.test(userAgent) ? "iPhone or iPad" : /Android/.test(userAgent) ? "Android" : /Windows/.test(userAgent) ? "Windows" : /Mac OS X/.test(userAgent) ? "Mac" : /Linux/.test(userAgent) ? "Linux" : "an unknown device";
  return `${browser} on ${system}`;
}

export function SignedInDevices({ devices }: { devices: Device[] }) {
  return (
    <>
      <ul className="record-list">
        {devices.map((d) => (
          <li key={d.id}>
            <strong>{deviceName(d.userAgent)}</strong>{d.current ? " (this device)" : ""}
            <br />Signed in {formatLondonDateTime(new Date(d.createdAt))}; last used {formatLondonDateTime(new Date(d.lastSeenAt))}{d.clientAddress ? ` from ${d.clientAddress}` : ""}.
            {!d.current ? (
              <Form method="post" action="/me/sign-in">
                <input type="hidden" name="sessionId" value={d.id} />
                <button type="submit" name="intent" value="sign-out-device" className="button button--secondary">Sign out<span className="visually-hidden"> {deviceName(d.userAgent)}, last used {formatLondonDateTime(new Date(d.lastSeenAt))}</span></button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      <Form method="post" action="/me/sign-in">
        <button type="submit" name="intent" value="sign-out-everywhere" className="button button--warning">Sign out everywhere, including here</button>
      </Form>
    </>
  );
}
