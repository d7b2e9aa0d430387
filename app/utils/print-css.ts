/**
 * Text printed in the margin of every page (CSS page-margin boxes, which Chromium prints; the
 * page shows the same text in its body for other browsers). Pure.
 */

/**
 * A CSS string, safe inside a style element whatever the text: characters React would turn into
 * HTML entities there (& ' " < >), and those a CSS string cannot hold, become CSS escapes.
 */
export function cssString(text: string) {
  return `"${text.replace(/[\\"'&<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** `text` at the bottom left of every printed page, and "Page n of m" at the bottom right. */
export function printedOnEveryPage(text: string) {
  return `@media print { @page { @bottom-left { content: ${cssString(text)}; font-size: 7pt; color: #333; } @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 7pt; } } }`;
}
