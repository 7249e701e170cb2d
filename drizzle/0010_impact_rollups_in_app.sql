-- The impact rollups of each new ledger entry, and an action's items when its log is linked to its
-- entry, are now written by the app with the board rollups, in the same transaction
-- (src/lib/server/ledger/impact-rollups.ts), by the same rules. Nothing changes in the rollup rows:
-- every entry so far went through the triggers, so the rows already equal the ledger. The triggers
-- on area (the closure), on impact_member (the member counts) and the one for a log inserted
-- already linked stay.
DROP TRIGGER IF EXISTS impact_ledger_entry;
--> statement-breakpoint
DROP TRIGGER IF EXISTS impact_action_log_link;
