/**
 * The react-email components our templates use, loaded only when mail is rendered.
 *
 * `@react-email/components` brings its whole family with it (Tailwind, a code highlighter): about
 * 40 MB and most of a second when the server starts, for a server that may not render an email
 * all day. Templates import these stand-ins instead; renderEmail() loads the real components
 * first (loadEmailComponents), and each stand-in draws the real one.
 */
import { createElement, type ComponentType } from "react";
import type * as ReactEmail from "@react-email/components";

type Library = typeof ReactEmail;
let library: Library | null = null;

export async function loadEmailComponents(): Promise<Library> {
  library ??= await import("@react-email/components");
  return library;
}

/** A stand-in with the real component's type, drawing the real one once it is loaded. */
function lazy<Name extends keyof Library>(name: Name): Library[Name] {
  function Component(props: object) {
    if (!library) throw new Error(`Email component ${String(name)} drawn before loadEmailComponents(): render emails through renderEmail()`);
    return createElement(library[name] as ComponentType<object>, props);
  }
  Component.displayName = String(name);
  return Component as unknown as Library[Name];
}

export const Body = lazy("Body");
export const Button = lazy("Button");
export const Container = lazy("Container");
export const Head = lazy("Head");
export const Heading = lazy("Heading");
export const Hr = lazy("Hr");
export const Html = lazy("Html");
export const Link = lazy("Link");
export const Preview = lazy("Preview");
export const Section = lazy("Section");
export const Text = lazy("Text");
