-- Data repair (issue 11): rebuilds every rollup from the ledger under the rules the ledger now
-- keeps as it writes (src/lib/server/ledger/rollups.ts):
-- * a person's rows sit under the class they are in now (a person whose first entry of a week
--   carried no class used to drop off their class's student board for that whole week);
-- * per-area rows follow today's area tree (an area move used to leave them under old ancestors);
-- * a member (a day, for households) is active while one of their entries there stands, and rows
--   whose entries were all voided are gone;
-- * per member uses PER_MEMBER_RULES as of this migration (src/lib/rules/boards.ts): classes,
--   schools and neighbourhoods from 3 active members, households from 2 active members or 2 active
--   days;
-- * each challenge counts its credits (challenge_credit), for the side that races in it.
-- `src/lib/server/ledger/rebuild-migration.test.ts` runs these statements and compares the result with a recount.
DELETE FROM `rollup`;--> statement-breakpoint
DELETE FROM `rollup_area`;--> statement-breakpoint
DELETE FROM `rollup_member`;--> statement-breakpoint
DELETE FROM `rollup_day`;--> statement-breakpoint
DROP TABLE IF EXISTS `_rebuild_cell`;--> statement-breakpoint
CREATE TABLE `_rebuild_cell` AS
WITH e AS (
	SELECT `id`, `local_day` AS day, `points`, `grams_avoided` AS ga, `grams_collected` AS gc,
		`person_id` AS person, `class_id`, `household_id`,
		CASE WHEN `source_kind` = 'reversal' THEN -1 ELSE 1 END AS sign
	FROM `ledger_entry`
), s AS (
	SELECT e.*, 'person' AS kind, e.person AS sid,
		coalesce((SELECT cs.`class_id` FROM `class_student` cs WHERE cs.`user_id` = e.person), 0) AS parent,
		NULL AS area, 'both' AS side
	FROM e WHERE e.person IS NOT NULL
	UNION ALL
	SELECT e.*, 'class', c.`id`, c.`school_id`, sc.`area_id`, 'class'
	FROM e JOIN `class` c ON c.`id` = e.`class_id` JOIN `school` sc ON sc.`id` = c.`school_id`
	UNION ALL
	SELECT e.*, 'school', sc.`id`, sc.`area_id`, sc.`area_id`, 'class'
	FROM e JOIN `class` c ON c.`id` = e.`class_id` JOIN `school` sc ON sc.`id` = c.`school_id`
	UNION ALL
	SELECT e.*, 'household', h.`id`, h.`neighbourhood_id`, NULL, 'household'
	FROM e JOIN `household` h ON h.`id` = e.`household_id`
	UNION ALL
	SELECT e.*, 'neighbourhood', n.`id`, n.`area_id`, n.`area_id`, 'household'
	FROM e JOIN `household` h ON h.`id` = e.`household_id` JOIN `neighbourhood` n ON n.`id` = h.`neighbourhood_id`
)
SELECT kind, sid, parent, area, 'week' AS pk, date(day, '-6 days', 'weekday 1') AS pkey,
	points, ga, gc, sign, person, day FROM s
UNION ALL SELECT kind, sid, parent, area, 'month', substr(day, 1, 7), points, ga, gc, sign, person, day FROM s
UNION ALL SELECT kind, sid, parent, area, 'all', 'all', points, ga, gc, sign, person, day FROM s
UNION ALL SELECT kind, sid, parent, area, 'day', day, points, ga, gc, sign, person, day FROM s
UNION ALL
SELECT s.kind, s.sid, s.parent, s.area, 'challenge', CAST(cc.`challenge_id` AS TEXT), cc.`points`,
	s.ga, s.gc, s.sign, s.person, s.day
FROM s JOIN `challenge_credit` cc ON cc.`entry_id` = s.`id` JOIN `challenge` ch ON ch.`id` = cc.`challenge_id`
WHERE s.side = 'both' OR s.side = CASE WHEN ch.`scope` IN ('class', 'school') THEN 'class' ELSE 'household' END;
--> statement-breakpoint
INSERT INTO `rollup_member` (`scope_kind`, `scope_id`, `period_kind`, `period_key`, `person_id`, `entries`)
SELECT kind, sid, pk, pkey, person, sum(sign) FROM `_rebuild_cell`
WHERE person IS NOT NULL AND pk <> 'day'
GROUP BY kind, sid, pk, pkey, person HAVING sum(sign) > 0;
--> statement-breakpoint
INSERT INTO `rollup_day` (`scope_kind`, `scope_id`, `period_kind`, `period_key`, `day`, `entries`)
SELECT kind, sid, pk, pkey, day, sum(sign) FROM `_rebuild_cell`
WHERE kind = 'household' AND pk <> 'day'
GROUP BY kind, sid, pk, pkey, day HAVING sum(sign) > 0;
--> statement-breakpoint
INSERT INTO `rollup` (`scope_kind`, `scope_id`, `period_kind`, `period_key`, `parent_id`, `points`,
	`grams_avoided`, `grams_collected`, `entries`, `active_members`, `active_days`, `per_member`)
SELECT kind, sid, pk, pkey, min(parent), sum(points), sum(ga), sum(gc), sum(sign), 0, 0, NULL
FROM `_rebuild_cell` GROUP BY kind, sid, pk, pkey HAVING sum(sign) > 0;
--> statement-breakpoint
UPDATE `rollup` SET `active_members` = (
	SELECT count(*) FROM `rollup_member` m WHERE m.`scope_kind` = `rollup`.`scope_kind`
		AND m.`scope_id` = `rollup`.`scope_id` AND m.`period_kind` = `rollup`.`period_kind`
		AND m.`period_key` = `rollup`.`period_key`)
WHERE `period_kind` <> 'day';
--> statement-breakpoint
UPDATE `rollup` SET `active_days` = (
	SELECT count(*) FROM `rollup_day` d WHERE d.`scope_kind` = `rollup`.`scope_kind`
		AND d.`scope_id` = `rollup`.`scope_id` AND d.`period_kind` = `rollup`.`period_kind`
		AND d.`period_key` = `rollup`.`period_key`)
WHERE `scope_kind` = 'household' AND `period_kind` <> 'day';
--> statement-breakpoint
UPDATE `rollup` SET `per_member` = CASE
	WHEN `active_members` > 0 AND `scope_kind` IN ('class', 'school', 'neighbourhood') AND `active_members` >= 3
		THEN CAST(`points` AS REAL) / `active_members`
	WHEN `active_members` > 0 AND `scope_kind` = 'household' AND (`active_members` >= 2 OR `active_days` >= 2)
		THEN CAST(`points` AS REAL) / `active_members`
	ELSE NULL END
WHERE `period_kind` <> 'day';
--> statement-breakpoint
INSERT INTO `rollup_area` (`board_kind`, `area_id`, `scope_id`, `period_kind`, `period_key`, `points`,
	`entries`, `active_members`, `active_days`, `per_member`)
WITH RECURSIVE up(base, id, parent, depth) AS (
	SELECT a.`id`, a.`id`, a.`parent_id`, 0 FROM `area` a
	UNION ALL
	SELECT up.base, a.`id`, a.`parent_id`, up.depth + 1 FROM `area` a JOIN up ON a.`id` = up.parent
	WHERE up.depth < 12
), grp(kind, sid, area) AS (
	SELECT 'class', c.`id`, sc.`area_id` FROM `class` c JOIN `school` sc ON sc.`id` = c.`school_id`
	UNION ALL SELECT 'school', sc.`id`, sc.`area_id` FROM `school` sc
	UNION ALL SELECT 'neighbourhood', n.`id`, n.`area_id` FROM `neighbourhood` n
)
SELECT g.kind, up.id, r.`scope_id`, r.`period_kind`, r.`period_key`, r.`points`, r.`entries`,
	r.`active_members`, r.`active_days`, r.`per_member`
FROM grp g JOIN up ON up.base = g.area
	JOIN `rollup` r ON r.`scope_kind` = g.kind AND r.`scope_id` = g.sid AND r.`period_kind` <> 'day';
--> statement-breakpoint
DROP TABLE `_rebuild_cell`;
