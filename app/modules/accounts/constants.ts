/** How long a one-time link to set a password works. */
export const LINK_VALID_DAYS = 7;
