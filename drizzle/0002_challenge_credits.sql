-- Data repair (issue 11): an entry used to name at most one challenge (ledger_entry.challenge_id),
-- at the points that challenge gave. Each becomes a challenge_credit row at those same points, so
-- history keeps every point it had; reversals carry their own (negated) copy. The column is
-- dropped by the next migration, and the rollups are rebuilt after that.
INSERT OR IGNORE INTO `challenge_credit` (`entry_id`, `challenge_id`, `points`)
SELECT le.`id`, le.`challenge_id`, le.`points`
FROM `ledger_entry` le
WHERE le.`challenge_id` IS NOT NULL
	AND EXISTS (SELECT 1 FROM `challenge` c WHERE c.`id` = le.`challenge_id`);
