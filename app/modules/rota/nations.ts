/** The UK nations whose bank holidays a centre follows: names only, so forms can offer them without the holiday library. */
export const NATIONS = {
  england_wales: "England and Wales",
  scotland: "Scotland",
  northern_ireland: "Northern Ireland",
} as const;
export type Nation = keyof typeof NATIONS;

export function isNation(value: string): value is Nation {
  return Object.hasOwn(NATIONS, value);
}
