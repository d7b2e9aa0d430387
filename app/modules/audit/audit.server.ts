/**
 * Writing and reading the append-only audit log, and checking it has not been tampered with.
 *
 * Database triggers refuse updates, deletes and replacing inserts. Beyond that, each entry carries
 * the SHA-256 of the one before and of its own content, so a change made behind the app's back
 * (editing the file, rebuilding the table) breaks the chain, and `npm run audit:verify` says where.
 */
import { createHash } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { clock } from "~/utils/clock.server";
import { asNumber, readRecords, readRows } from "~/utils/sql-read.server";
import type { FieldChange } from "./diff";

/** Who made a change; id is null for set-up commands and anonymous requests. */
export type Actor = { id: string | null; name: string; centreId: string };

type Tx = Prisma.TransactionClient;

type Content = {
  seq: number | null; at: Date; centreId: string; actorUserId: string | null; actorName: string; entityType: string; entityId: string;
  personId: string | null; action: string; summary: string; changes: string;
};

/** The fields an entry's hash covers, in a fixed order. */
function canonical(e: Content) {
  return JSON.stringify([e.seq, e.at.toISOString(), e.centreId, e.actorUserId, e.actorName, e.entityType, e.entityId, e.personId, e.action, e.summary, e.changes]);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function entryHash(prevHash: string, entry: Content) {
  return sha256(`${prevHash}\n${canonical(entry)}`);
}

/** A digest of every entry written before the chain began (oldest first): the first chained entry's "previous hash". */
export function legacyDigest(entries: Content[]) {
  return sha256(["legacy", ...entries.map(canonical)].join("\n"));
}

const CONTENT_SELECT = {
  id: true, seq: true, at: true, centreId: true, actorUserId: true, actorName: true, entityType: true, entityId: true,
  personId: true, action: true, summary: true, changes: true, prevHash: true, hash: true, redactedAt: true,
} as const;

export async function recordAudit(
  tx: Tx,
  actor: Actor,
  event: { entityType: string; entityId: string; personId?: string | null; action: string; summary: string; changes?: FieldChange[] },
) {
  // Writes are serialised (one gate in the process, BEGIN IMMEDIATE between processes), so the chain cannot fork.
  const last = await tx.auditEvent.findFirst({ where: { seq: { not: null } }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const prevHash = last?.hash ?? legacyDigest(await tx.auditEvent.findMany({ where: { seq: null }, orderBy: [{ at: "asc" }, { id: "asc" }], select: CONTENT_SELECT }));
  const content: Content = {
    seq: (last?.seq ?? 0) + 1, at: clock.now(), centreId: actor.centreId, actorUserId: actor.id, actorName: actor.name,
    entityType: event.entityType, entityId: event.entityId, personId: event.personId ?? null, action: event.action, summary: event.summary,
    changes: JSON.stringify(event.changes ?? []),
  };
  await tx.auditEvent.create({ data: { ...content, prevHash, hash: entryHash(prevHash, content) } });
}

export type ChainCheck =
  /** `redacted`: entries whose personal data was removed (retention): linked in place, content not checkable. */
  | { whole: true; entries: number; redacted: number; lastHash: string | null }
  | { whole: false; entries: number; brokenAt: { seq: number | null; id: string }; problem: string };

/** Walk the chain from the start: is every entry as it was written? */
export async function verifyAuditChain(db: Tx = prisma): Promise<ChainCheck> {
  const legacy = await db.auditEvent.findMany({ where: { seq: null }, orderBy: [{ at: "asc" }, { id: "asc" }], select: CONTENT_SELECT });
  const chained = await db.auditEvent.findMany({ where: { seq: { not: null } }, orderBy: { seq: "asc" }, select: CONTENT_SELECT });
  let prev = legacyDigest(legacy);
  let redacted = 0;
  for (const [i, entry] of chained.entries()) {
    const broken = (problem: string): ChainCheck => ({ whole: false, entries: legacy.length + chained.length, brokenAt: { seq: entry.seq, id: entry.id }, problem });
    if (entry.seq !== i + 1) return broken(`entry ${i + 1} is missing (found ${entry.seq} in its place)`);
    if (entry.prevHash !== prev) return broken(i === 0 ? "entries written before the chain began have been changed" : `it does not follow entry ${i}: an entry before it was changed or removed`);
    // A redacted entry's content was changed on purpose (and the removal audited): its own hash
    // still links the chain, so removing or reordering entries around it is still caught.
    if (entry.redactedAt) redacted++;
    else if (entry.hash !== entryHash(prev, entry)) return broken("its content has been changed since it was written");
    if (!entry.hash) return broken("it has no hash");
    prev = entry.hash;
  }
  return { whole: true, entries: legacy.length + chained.length, redacted, lastHash: chained.at(-1)?.hash ?? null };
}

export type AuditEntry = {
  id: string;
  at: Date;
  actorName: string;
  entityType: string;
  action: string;
  summary: string;
  personId: string | null;
  changes: FieldChange[];
};

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(centreId: string, options: { personId?: string; page?: number } = {}) {
  // A page number from the URL: anything but a whole number from 1 is the first page.
  const page = Number.isSafeInteger(options.page) && options.page! >= 1 ? options.page! : 1;
  // Prepared reads: the audit log and every person's page show a page of it.
  const [condition, ...params] = options.personId ? ["centreId = ? AND personId = ?", centreId, options.personId] : ["centreId = ?", centreId];
  const [rows, [counted]] = await Promise.all([
    // Newest first: the chain's order, then entries from before the chain (no seq, so last) by time.
    readRecords("AuditEvent", `${condition} ORDER BY seq DESC, at DESC, id DESC LIMIT ? OFFSET ?`, ...params, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE),
    readRows<{ total: unknown }>(prisma, `SELECT COUNT(*) AS total FROM "AuditEvent" WHERE ${condition}`, ...params),
  ]);
  const total = asNumber(counted.total)!;
  const entries: AuditEntry[] = rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as FieldChange[] }));
  return { entries, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
