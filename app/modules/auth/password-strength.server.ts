/**
 * Refusing passwords that are easy to guess (NIST SP 800-63B 5.1.1.2): too short, blank, common,
 * or made of the person's own name or email. zxcvbn-ts checks against lists of common passwords,
 * words and names, and patterns such as keyboard walks and dates: a well-kept library doing what a
 * hand-made list would do worse.
 */
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./validation";

/** zxcvbn's score: 3 is "safely unguessable" (about 10^8 guesses or more). */
const MIN_SCORE = 3;

let checker: Promise<ZxcvbnFactory> | undefined;

/** The dictionaries are about 50 MB: loaded when a password is first set, not when the server starts. */
function zxcvbn() {
  checker ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common"), import("@zxcvbn-ts/language-en")]).then(
    ([{ default: core }, { default: common }, { default: en }]) => new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    }),
  );
  return checker;
}

/** Why this password will not do, for the field's error message; null when it is fine. */
export async function passwordProblem(password: string, personal: string[] = []): Promise<string | null> {
  if (password.trim().length === 0) return "Enter a password";
  if (password.trim().length < MIN_PASSWORD_LENGTH) return `Your password must be at least ${MIN_PASSWORD_LENGTH} characters long, not counting spaces at either end`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Your password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const inputs = personal.flatMap((p) => p.toLowerCase().split(/[\s@.]+/)).filter((p) => p.length >= 3);
  // Their name or email with a number on the end is the first thing anyone would try.
  const rest = inputs.reduce((left, word) => left.split(word).join(""), password.toLowerCase()).replace(/[^a-z]/g, "");
  if (inputs.length && rest.length < 4) return "Your password must not be made from your name or email address: choose a password that is harder to guess";
  const result = (await zxcvbn()).check(password.slice(0, 100), inputs);
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ? `${result.feedback.warning.replace(/\.$/, "")}: ` : "";
  return `${why}choose a password that is harder to guess. A few unrelated words make a strong one you can remember`;
}
