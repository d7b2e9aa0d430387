/**
 * What the sign-in pages accept, checked the same way in the browser and on the server. Whether a
 * password is strong enough, or right, only the server can say.
 */
import { z } from "zod";
import { requiredEmail } from "~/utils/form";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const signInSchema = z.object({
  email: requiredEmail,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(MAX_PASSWORD_LENGTH, `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email: requiredEmail });

export const choosePasswordSchema = z
  .object({
    password: z.string({ error: "Enter a password" }).max(MAX_PASSWORD_LENGTH, `Your password must be ${MAX_PASSWORD_LENGTH} characters or fewer`),
    confirm: z.string({ error: "Type the password again" }).min(1, "Type the password again"),
  })
  .refine((form) => form.password === form.confirm, { path: ["confirm"], message: "The two passwords do not match" });

export const changePasswordSchema = z
  .object({
    current: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(MAX_PASSWORD_LENGTH),
    password: z.string({ error: "Enter a new password" }).max(MAX_PASSWORD_LENGTH, `Your password must be ${MAX_PASSWORD_LENGTH} characters or fewer`),
    confirm: z.string({ error: "Type the new password again" }).min(1, "Type the new password again"),
  })
  .refine((f) => f.password === f.confirm, { path: ["confirm"], message: "The two new passwords do not match" });

export const twoFactorCodeSchema = z.object({
  code: z.string({ error: "Enter the 6-digit code from your authenticator app" }).trim().min(1, "Enter the 6-digit code from your authenticator app").max(100, "Enter the 6-digit code from your authenticator app, or a recovery code"),
  intent: z.string().optional(),
});
