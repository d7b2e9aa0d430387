/** Writing and reading the append-only audit log. */
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import type { FieldChange } from "./diff";

/** Who made a change; id is null for set-up commands run on the server. */
export type Actor = { id: string | null; name: string; centreId: string };

type Tx = Prisma.TransactionClient;

export async function recordAudit(
  tx: Tx,
  actor: Actor,
  event: { entityType: string; entityId: string; personId?: string | null; action: string; summary: string; changes?: FieldChange[] },
) {
  await tx.auditEvent.create({
    data: {
      centreId: actor.centreId,
      actorUserId: actor.id,
      actorName: actor.name,
      entityType: event.entityType,
      entityId: event.entityId,
      personId: event.personId ?? null,
      action: event.action,
      summary: event.summary,
      changes: JSON.stringify(event.changes ?? []),
    },
  });
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
  const page = Math.max(1, options.page ?? 1);
  const where = { centreId, ...(options.personId ? { personId: options.personId } : {}) };
  const [rows, total] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    prisma.auditEvent.count({ where }),
  ]);
  const entries: AuditEntry[] = rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as FieldChange[] }));
  return { entries, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
