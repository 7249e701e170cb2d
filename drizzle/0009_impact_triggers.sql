-- Impact rollups (see src/lib/server/db/schema/impact.ts). Four views say what a ledger entry
-- counts for, over the whole ledger: the last statements use them to fill the rollups for entries
-- that already exist (as src/lib/server/impact/rebuild.ts does), and the triggers apply the same
-- rules to each new entry inside the transaction that appends it.

-- The area tree as (area, ancestor) pairs, kept by triggers as areas are added or moved.
INSERT INTO area_closure (area_id, ancestor_id, depth)
WITH RECURSIVE up(area_id, ancestor_id, parent, depth) AS (
	SELECT id, id, parent_id, 0 FROM area
	UNION ALL
	SELECT up.area_id, a.id, a.parent_id, up.depth + 1 FROM up JOIN area a ON a.id = up.parent WHERE up.depth < 12
)
SELECT area_id, ancestor_id, depth FROM up;
--> statement-breakpoint
CREATE TRIGGER impact_area_insert AFTER INSERT ON area BEGIN
	INSERT INTO area_closure (area_id, ancestor_id, depth)
	SELECT NEW.id, NEW.id, 0
	UNION ALL
	SELECT NEW.id, ancestor_id, depth + 1 FROM area_closure WHERE area_id = NEW.parent_id;
END;
--> statement-breakpoint
CREATE TRIGGER impact_area_move AFTER UPDATE OF parent_id ON area WHEN OLD.parent_id IS NOT NEW.parent_id BEGIN
	DELETE FROM area_closure
	WHERE area_id IN (SELECT area_id FROM area_closure WHERE ancestor_id = NEW.id)
		AND ancestor_id IN (SELECT ancestor_id FROM area_closure WHERE area_id = NEW.id AND ancestor_id <> NEW.id);
	INSERT INTO area_closure (area_id, ancestor_id, depth)
	SELECT sub.area_id, sup.ancestor_id, sup.depth + sub.depth + 1
	FROM area_closure sup JOIN area_closure sub ON sub.ancestor_id = NEW.id
	WHERE sup.area_id = NEW.parent_id;
END;
--> statement-breakpoint
-- The places an entry is credited to: its class's school and its household's neighbourhood, and
-- for plastic brought in, the collection point's area with its playground's model (the pagoda,
-- shop or playground model that collected it).
CREATE VIEW impact_entry_side AS
SELECT e.id AS entry_id, 'school' AS side, s.area_id AS area_id, coalesce(s.model_id, 0) AS model_id,
	s.id AS school_id, e.local_day AS day, e.source_kind AS source_kind, e.source_id AS source_id,
	e.person_id AS person_id, e.class_id AS class_id, e.household_id AS household_id
FROM ledger_entry e JOIN class c ON c.id = e.class_id JOIN school s ON s.id = c.school_id
UNION ALL
SELECT e.id, 'household', n.area_id, coalesce(n.model_id, 0), NULL, e.local_day, e.source_kind,
	e.source_id, e.person_id, e.class_id, e.household_id
FROM ledger_entry e JOIN household h ON h.id = e.household_id JOIN neighbourhood n ON n.id = h.neighbourhood_id
UNION ALL
SELECT e.id, 'collection', cp.area_id, coalesce(pg.model_id, 0), NULL, e.local_day, e.source_kind,
	e.source_id, e.person_id, e.class_id, e.household_id
FROM ledger_entry e JOIN contribution ct ON ct.id = e.source_id
	JOIN collection_point cp ON cp.id = ct.point_id JOIN playground pg ON pg.id = ct.playground_id
WHERE e.source_kind = 'contribution'
	OR (e.source_kind = 'reversal' AND (SELECT o.source_kind FROM ledger_entry o WHERE o.id = e.reverses) = 'contribution');
--> statement-breakpoint
-- Each (area, model) key an entry counts for once: everywhere (0, 0), every area containing one of
-- its places (model 0 = any), and the same with that place's model.
CREATE VIEW impact_entry_key AS
SELECT DISTINCT entry_id, area_id, model_id FROM (
	SELECT id AS entry_id, 0 AS area_id, 0 AS model_id FROM ledger_entry
	UNION ALL
	SELECT sd.entry_id, CASE w.whole WHEN 1 THEN 0 ELSE ac.ancestor_id END, CASE w.any_model WHEN 1 THEN 0 ELSE sd.model_id END
	FROM impact_entry_side sd
	JOIN area_closure ac ON ac.area_id = sd.area_id
	JOIN (SELECT 0 AS whole, 1 AS any_model UNION ALL SELECT 0, 0 UNION ALL SELECT 1, 0) w ON w.any_model = 1 OR sd.model_id <> 0
);
--> statement-breakpoint
-- What an entry adds: a void subtracts what its original added. Items come from the action log
-- once it is linked to its entry (the link triggers below add them) or from the pledge check-in;
-- the material from the contribution. 'bonus' entries are pledge completion bonuses.
CREATE VIEW impact_entry_amount AS
SELECT x.id AS entry_id, x.local_day AS day, x.points AS points, x.grams_avoided AS grams_avoided,
	x.grams_collected AS grams_collected, x.kind AS kind, x.sign AS sign,
	CASE x.kind
		WHEN 'action' THEN x.sign * coalesce((SELECT l.count FROM action_log l WHERE l.id = x.source_id AND l.ledger_entry_id = x.counted_id), 0)
		WHEN 'checkin' THEN x.sign * coalesce((SELECT c.items_avoided FROM pledge_checkin c WHERE c.id = x.source_id), 0)
		ELSE 0
	END AS items,
	CASE WHEN x.kind = 'contribution' THEN (SELECT c.material FROM contribution c WHERE c.id = x.source_id) END AS material
FROM (
	SELECT e.id, e.local_day, e.points, e.grams_avoided, e.grams_collected, e.source_id,
		coalesce(e.reverses, e.id) AS counted_id,
		CASE WHEN e.source_kind = 'reversal' THEN (SELECT o.source_kind FROM ledger_entry o WHERE o.id = e.reverses) ELSE e.source_kind END AS kind,
		CASE WHEN e.source_kind = 'reversal' THEN -1 ELSE 1 END AS sign
	FROM ledger_entry e
) x;
--> statement-breakpoint
-- Who took part through an entry, at which place: the student, class and school through the
-- class's school; the household through its neighbourhood; a checked-in pledge through the
-- class's school, or the household's neighbourhood for a household pledge. Voids take part in nothing.
CREATE VIEW impact_entry_member AS
SELECT entry_id, day, 'student' AS kind, area_id, model_id, person_id AS member_id
FROM impact_entry_side WHERE side = 'school' AND person_id IS NOT NULL AND source_kind <> 'reversal'
UNION ALL
SELECT entry_id, day, 'class', area_id, model_id, class_id
FROM impact_entry_side WHERE side = 'school' AND source_kind <> 'reversal'
UNION ALL
SELECT entry_id, day, 'school', area_id, model_id, school_id
FROM impact_entry_side WHERE side = 'school' AND source_kind <> 'reversal'
UNION ALL
SELECT entry_id, day, 'household', area_id, model_id, household_id
FROM impact_entry_side WHERE side = 'household' AND source_kind <> 'reversal'
UNION ALL
SELECT sd.entry_id, sd.day, 'pledge', sd.area_id, sd.model_id, pc.pledge_id
FROM impact_entry_side sd JOIN pledge_checkin pc ON pc.id = sd.source_id
WHERE sd.source_kind = 'checkin' AND (sd.side = 'school' OR sd.class_id IS NULL);
--> statement-breakpoint
-- One entry at a time: the rules of the views above, unrolled for NEW (SQLite compiles a trigger
-- with every INSERT that fires it, and views inside it made each insert ~5 ms slower).
CREATE TRIGGER impact_ledger_entry AFTER INSERT ON ledger_entry BEGIN
	INSERT INTO impact_day (area_id, model_id, day, points, grams_avoided, grams_collected, items_avoided, actions, checkins, pledges_kept, drop_offs, entries)
	SELECT k.area_id, k.model_id, NEW.local_day, NEW.points, NEW.grams_avoided, NEW.grams_collected,
		a.sign * CASE a.kind
			WHEN 'action' THEN coalesce((SELECT l.count FROM action_log l WHERE l.id = NEW.source_id AND l.ledger_entry_id = coalesce(NEW.reverses, NEW.id)), 0)
			WHEN 'checkin' THEN coalesce((SELECT c.items_avoided FROM pledge_checkin c WHERE c.id = NEW.source_id), 0)
			ELSE 0 END,
		CASE a.kind WHEN 'action' THEN a.sign ELSE 0 END,
		CASE a.kind WHEN 'checkin' THEN a.sign ELSE 0 END,
		CASE a.kind WHEN 'bonus' THEN a.sign ELSE 0 END,
		CASE a.kind WHEN 'contribution' THEN a.sign ELSE 0 END,
		a.sign
	FROM (
		SELECT 0 AS area_id, 0 AS model_id
		UNION
		SELECT CASE w.whole WHEN 1 THEN 0 ELSE ac.ancestor_id END, CASE w.any_model WHEN 1 THEN 0 ELSE sd.model_id END
		FROM (
			SELECT s.area_id, coalesce(s.model_id, 0) AS model_id FROM class c JOIN school s ON s.id = c.school_id WHERE c.id = NEW.class_id
			UNION ALL
			SELECT n.area_id, coalesce(n.model_id, 0) FROM household h JOIN neighbourhood n ON n.id = h.neighbourhood_id WHERE h.id = NEW.household_id
			UNION ALL
			SELECT cp.area_id, coalesce(pg.model_id, 0) FROM contribution ct
				JOIN collection_point cp ON cp.id = ct.point_id JOIN playground pg ON pg.id = ct.playground_id
			WHERE ct.id = NEW.source_id AND coalesce((SELECT o.source_kind FROM ledger_entry o WHERE o.id = NEW.reverses), NEW.source_kind) = 'contribution'
		) sd
		JOIN area_closure ac ON ac.area_id = sd.area_id
		JOIN (SELECT 0 AS whole, 1 AS any_model UNION ALL SELECT 0, 0 UNION ALL SELECT 1, 0) w ON w.any_model = 1 OR sd.model_id <> 0
	) k, (
		SELECT coalesce((SELECT o.source_kind FROM ledger_entry o WHERE o.id = NEW.reverses), NEW.source_kind) AS kind,
			CASE WHEN NEW.reverses IS NULL THEN 1 ELSE -1 END AS sign
	) a
	WHERE true
	ON CONFLICT (area_id, model_id, day) DO UPDATE SET
		points = points + excluded.points,
		grams_avoided = grams_avoided + excluded.grams_avoided,
		grams_collected = grams_collected + excluded.grams_collected,
		items_avoided = items_avoided + excluded.items_avoided,
		actions = actions + excluded.actions,
		checkins = checkins + excluded.checkins,
		pledges_kept = pledges_kept + excluded.pledges_kept,
		drop_offs = drop_offs + excluded.drop_offs,
		entries = entries + excluded.entries;
	INSERT INTO impact_material_day (area_id, model_id, day, material, grams, drop_offs)
	SELECT k.area_id, k.model_id, NEW.local_day, c.material, NEW.grams_collected, CASE WHEN NEW.reverses IS NULL THEN 1 ELSE -1 END
	FROM (
		SELECT 0 AS area_id, 0 AS model_id
		UNION
		SELECT CASE w.whole WHEN 1 THEN 0 ELSE ac.ancestor_id END, CASE w.any_model WHEN 1 THEN 0 ELSE sd.model_id END
		FROM (
			SELECT s.area_id, coalesce(s.model_id, 0) AS model_id FROM class c JOIN school s ON s.id = c.school_id WHERE c.id = NEW.class_id
			UNION ALL
			SELECT n.area_id, coalesce(n.model_id, 0) FROM household h JOIN neighbourhood n ON n.id = h.neighbourhood_id WHERE h.id = NEW.household_id
			UNION ALL
			SELECT cp.area_id, coalesce(pg.model_id, 0) FROM contribution ct
				JOIN collection_point cp ON cp.id = ct.point_id JOIN playground pg ON pg.id = ct.playground_id
			WHERE ct.id = NEW.source_id AND coalesce((SELECT o.source_kind FROM ledger_entry o WHERE o.id = NEW.reverses), NEW.source_kind) = 'contribution'
		) sd
		JOIN area_closure ac ON ac.area_id = sd.area_id
		JOIN (SELECT 0 AS whole, 1 AS any_model UNION ALL SELECT 0, 0 UNION ALL SELECT 1, 0) w ON w.any_model = 1 OR sd.model_id <> 0
	) k, contribution c
	WHERE c.id = NEW.source_id AND coalesce((SELECT o.source_kind FROM ledger_entry o WHERE o.id = NEW.reverses), NEW.source_kind) = 'contribution'
	ON CONFLICT (area_id, model_id, day, material) DO UPDATE SET
		grams = grams + excluded.grams,
		drop_offs = drop_offs + excluded.drop_offs;
	INSERT INTO impact_member (kind, area_id, model_id, member_id, grain, bucket, prev_day)
	SELECT p.kind, p.area_id, p.model_id, p.member_id, g.grain, g.bucket, coalesce((
		SELECT max(x.bucket) FROM impact_member x
		WHERE x.kind = p.kind AND x.area_id = p.area_id AND x.model_id = p.model_id AND x.member_id = p.member_id
			AND x.grain = 'day' AND x.bucket < g.start), '')
	FROM (
		SELECT k.kind, s.area_id, coalesce(s.model_id, 0) AS model_id,
			CASE k.kind WHEN 'student' THEN NEW.person_id WHEN 'class' THEN NEW.class_id WHEN 'school' THEN s.id ELSE pc.pledge_id END AS member_id
		FROM class c JOIN school s ON s.id = c.school_id
		JOIN (SELECT 'student' AS kind UNION ALL SELECT 'class' UNION ALL SELECT 'school' UNION ALL SELECT 'pledge') k
		LEFT JOIN pledge_checkin pc ON pc.id = NEW.source_id AND NEW.source_kind = 'checkin'
		WHERE c.id = NEW.class_id
		UNION ALL
		SELECT k.kind, n.area_id, coalesce(n.model_id, 0), CASE k.kind WHEN 'household' THEN NEW.household_id ELSE pc.pledge_id END
		FROM household h JOIN neighbourhood n ON n.id = h.neighbourhood_id
		JOIN (SELECT 'household' AS kind UNION ALL SELECT 'pledge') k
		LEFT JOIN pledge_checkin pc ON pc.id = NEW.source_id AND NEW.source_kind = 'checkin' AND NEW.class_id IS NULL
		WHERE h.id = NEW.household_id
	) p, (
		SELECT 'day' AS grain, NEW.local_day AS bucket, NEW.local_day AS start
		UNION ALL SELECT 'month', substr(NEW.local_day, 1, 7), substr(NEW.local_day, 1, 7) || '-01'
		UNION ALL SELECT 'week', date(NEW.local_day, '-' || ((CAST(strftime('%w', NEW.local_day) AS INTEGER) + 6) % 7) || ' days'), date(NEW.local_day, '-' || ((CAST(strftime('%w', NEW.local_day) AS INTEGER) + 6) % 7) || ' days')
	) g
	WHERE NEW.source_kind <> 'reversal' AND p.member_id IS NOT NULL
	ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
-- How many members each place has per bucket: one more for each new member row (a repeated day,
-- week or month of the same member inserts nothing, so counts nothing).
CREATE TRIGGER impact_member_count AFTER INSERT ON impact_member BEGIN
	INSERT INTO impact_active (kind, area_id, model_id, grain, bucket, members)
	VALUES (NEW.kind, NEW.area_id, NEW.model_id, NEW.grain, NEW.bucket, 1)
	ON CONFLICT (kind, area_id, model_id, grain, bucket) DO UPDATE SET members = members + 1;
END;
--> statement-breakpoint
-- A member's first entry on a day that comes before days already recorded (yesterday logged after
-- today): the next day, week and month after it now have this day as the last active day before
-- them. Only a new day row can change that, so this runs once per member and day, not per entry.
CREATE TRIGGER impact_member_prev_day AFTER INSERT ON impact_member WHEN NEW.grain = 'day' BEGIN
	UPDATE impact_member SET prev_day = NEW.bucket
	WHERE kind = NEW.kind AND area_id = NEW.area_id AND model_id = NEW.model_id AND member_id = NEW.member_id
		AND grain = 'day' AND prev_day < NEW.bucket
		AND bucket = (SELECT min(x.bucket) FROM impact_member x
			WHERE x.kind = NEW.kind AND x.area_id = NEW.area_id AND x.model_id = NEW.model_id
				AND x.member_id = NEW.member_id AND x.grain = 'day' AND x.bucket > NEW.bucket);
	UPDATE impact_member SET prev_day = NEW.bucket
	WHERE kind = NEW.kind AND area_id = NEW.area_id AND model_id = NEW.model_id AND member_id = NEW.member_id
		AND grain = 'week' AND prev_day < NEW.bucket
		AND bucket = (SELECT min(x.bucket) FROM impact_member x
			WHERE x.kind = NEW.kind AND x.area_id = NEW.area_id AND x.model_id = NEW.model_id
				AND x.member_id = NEW.member_id AND x.grain = 'week'
				AND x.bucket > date(NEW.bucket, '-' || ((CAST(strftime('%w', NEW.bucket) AS INTEGER) + 6) % 7) || ' days'));
	UPDATE impact_member SET prev_day = NEW.bucket
	WHERE kind = NEW.kind AND area_id = NEW.area_id AND model_id = NEW.model_id AND member_id = NEW.member_id
		AND grain = 'month' AND prev_day < NEW.bucket
		AND bucket = (SELECT min(x.bucket) FROM impact_member x
			WHERE x.kind = NEW.kind AND x.area_id = NEW.area_id AND x.model_id = NEW.model_id
				AND x.member_id = NEW.member_id AND x.grain = 'month' AND x.bucket > substr(NEW.bucket, 1, 7));
END;
--> statement-breakpoint
-- An action's items count once its log names its entry: at insert (a log written after its
-- entry) or when the app links the log it wrote first.
CREATE TRIGGER impact_action_log_insert AFTER INSERT ON action_log
WHEN NEW.ledger_entry_id IS NOT NULL BEGIN
	INSERT INTO impact_day (area_id, model_id, day, items_avoided)
	SELECT k.area_id, k.model_id, e.local_day, NEW.count
	FROM (
		SELECT 0 AS area_id, 0 AS model_id
		UNION
		SELECT CASE w.whole WHEN 1 THEN 0 ELSE ac.ancestor_id END, CASE w.any_model WHEN 1 THEN 0 ELSE sd.model_id END
		FROM (
			SELECT s.area_id, coalesce(s.model_id, 0) AS model_id FROM class c JOIN school s ON s.id = c.school_id WHERE c.id = (SELECT class_id FROM ledger_entry WHERE id = NEW.ledger_entry_id)
			UNION ALL
			SELECT n.area_id, coalesce(n.model_id, 0) FROM household h JOIN neighbourhood n ON n.id = h.neighbourhood_id WHERE h.id = (SELECT household_id FROM ledger_entry WHERE id = NEW.ledger_entry_id)
		) sd
		JOIN area_closure ac ON ac.area_id = sd.area_id
		JOIN (SELECT 0 AS whole, 1 AS any_model UNION ALL SELECT 0, 0 UNION ALL SELECT 1, 0) w ON w.any_model = 1 OR sd.model_id <> 0
	) k, ledger_entry e
	WHERE e.id = NEW.ledger_entry_id AND e.source_kind = 'action' AND e.source_id = NEW.id
	ON CONFLICT (area_id, model_id, day) DO UPDATE SET items_avoided = items_avoided + excluded.items_avoided;
END;
--> statement-breakpoint
CREATE TRIGGER impact_action_log_link AFTER UPDATE OF ledger_entry_id ON action_log
WHEN OLD.ledger_entry_id IS NULL AND NEW.ledger_entry_id IS NOT NULL BEGIN
	INSERT INTO impact_day (area_id, model_id, day, items_avoided)
	SELECT k.area_id, k.model_id, e.local_day, NEW.count
	FROM (
		SELECT 0 AS area_id, 0 AS model_id
		UNION
		SELECT CASE w.whole WHEN 1 THEN 0 ELSE ac.ancestor_id END, CASE w.any_model WHEN 1 THEN 0 ELSE sd.model_id END
		FROM (
			SELECT s.area_id, coalesce(s.model_id, 0) AS model_id FROM class c JOIN school s ON s.id = c.school_id WHERE c.id = (SELECT class_id FROM ledger_entry WHERE id = NEW.ledger_entry_id)
			UNION ALL
			SELECT n.area_id, coalesce(n.model_id, 0) FROM household h JOIN neighbourhood n ON n.id = h.neighbourhood_id WHERE h.id = (SELECT household_id FROM ledger_entry WHERE id = NEW.ledger_entry_id)
		) sd
		JOIN area_closure ac ON ac.area_id = sd.area_id
		JOIN (SELECT 0 AS whole, 1 AS any_model UNION ALL SELECT 0, 0 UNION ALL SELECT 1, 0) w ON w.any_model = 1 OR sd.model_id <> 0
	) k, ledger_entry e
	WHERE e.id = NEW.ledger_entry_id AND e.source_kind = 'action' AND e.source_id = NEW.id
	ON CONFLICT (area_id, model_id, day) DO UPDATE SET items_avoided = items_avoided + excluded.items_avoided;
END;
--> statement-breakpoint
-- Entries that already exist: the same statements as rebuildImpactRollups.
INSERT INTO impact_day (area_id, model_id, day, points, grams_avoided, grams_collected, items_avoided, actions, checkins, pledges_kept, drop_offs, entries)
SELECT k.area_id, k.model_id, a.day, sum(a.points), sum(a.grams_avoided), sum(a.grams_collected), sum(a.items),
	sum(CASE a.kind WHEN 'action' THEN a.sign ELSE 0 END),
	sum(CASE a.kind WHEN 'checkin' THEN a.sign ELSE 0 END),
	sum(CASE a.kind WHEN 'bonus' THEN a.sign ELSE 0 END),
	sum(CASE a.kind WHEN 'contribution' THEN a.sign ELSE 0 END),
	sum(a.sign)
FROM impact_entry_key k JOIN impact_entry_amount a ON a.entry_id = k.entry_id
GROUP BY k.area_id, k.model_id, a.day;
--> statement-breakpoint
INSERT INTO impact_material_day (area_id, model_id, day, material, grams, drop_offs)
SELECT k.area_id, k.model_id, a.day, a.material, sum(a.grams_collected), sum(a.sign)
FROM impact_entry_key k JOIN impact_entry_amount a ON a.entry_id = k.entry_id
WHERE a.material IS NOT NULL
GROUP BY k.area_id, k.model_id, a.day, a.material;
--> statement-breakpoint
INSERT INTO impact_member (kind, area_id, model_id, member_id, grain, bucket, prev_day)
SELECT kind, area_id, model_id, member_id, 'day', day,
	coalesce(lag(day) OVER (PARTITION BY kind, area_id, model_id, member_id ORDER BY day), '')
FROM (SELECT DISTINCT kind, area_id, model_id, member_id, day FROM impact_entry_member);
--> statement-breakpoint
INSERT INTO impact_member (kind, area_id, model_id, member_id, grain, bucket, prev_day)
SELECT kind, area_id, model_id, member_id, 'month', month,
	coalesce(lag(last_day) OVER (PARTITION BY kind, area_id, model_id, member_id ORDER BY month), '')
FROM (
	SELECT kind, area_id, model_id, member_id, substr(bucket, 1, 7) AS month, max(bucket) AS last_day
	FROM impact_member WHERE grain = 'day'
	GROUP BY kind, area_id, model_id, member_id, substr(bucket, 1, 7)
);
--> statement-breakpoint
INSERT INTO impact_member (kind, area_id, model_id, member_id, grain, bucket, prev_day)
SELECT kind, area_id, model_id, member_id, 'week', week,
	coalesce(lag(last_day) OVER (PARTITION BY kind, area_id, model_id, member_id ORDER BY week), '')
FROM (
	SELECT kind, area_id, model_id, member_id,
		date(bucket, '-' || ((CAST(strftime('%w', bucket) AS INTEGER) + 6) % 7) || ' days') AS week, max(bucket) AS last_day
	FROM impact_member WHERE grain = 'day'
	GROUP BY kind, area_id, model_id, member_id, week
);
