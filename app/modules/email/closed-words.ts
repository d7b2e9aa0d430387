/** Why an email was not sent, in words; kept apart from the templates so listing the outbox does not load them. */
/** Why a queued email was not sent after all. */
export type CancelCode = "unknown_kind" | "recipient_gone" | "renewed" | "nothing_due" | "turned_off" | "no_longer_theirs" | "shift_over" | "not_coordinator" | "settled" | "nothing_open";

export const CANCEL_WORDS: Record<string, string> = {
  unknown_kind: "not a kind of email this version sends",
  recipient_gone: "the recipient no longer has access",
  renewed: "renewed or recorded since it was queued",
  nothing_due: "nothing was due any more",
  turned_off: "they turned these emails off",
  no_longer_theirs: "the shifts are no longer theirs",
  shift_over: "the shift was over before it could be sent",
  not_coordinator: "they are no longer a co-ordinator",
  settled: "answered or changed before it could be sent",
  nothing_open: "nothing was open to them any more",
  expired: "too late to be worth sending",
  rendered_before_upgrade: "queued before emails were written when sent; not sent",
};

