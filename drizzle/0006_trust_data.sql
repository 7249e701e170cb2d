-- Issue 10 (trust model): data that the new rules need, and repairs of what the old forms allowed.
-- A collection point serves its own neighbourhood to start with (an organiser may add more).
INSERT OR IGNORE INTO `collection_point_neighbourhood` (`point_id`, `neighbourhood_id`)
SELECT `id`, `neighbourhood_id` FROM `collection_point` WHERE `neighbourhood_id` IS NOT NULL;
--> statement-breakpoint
-- Student accounts never hold adult roles or relations (the old steward and invite forms gave them).
DELETE FROM `collection_point_steward` WHERE `user_id` IN (SELECT `user_id` FROM `user_role` WHERE `role` = 'student');
--> statement-breakpoint
DELETE FROM `neighbourhood_steward` WHERE `user_id` IN (SELECT `user_id` FROM `user_role` WHERE `role` = 'student');
--> statement-breakpoint
DELETE FROM `class_teacher` WHERE `user_id` IN (SELECT `user_id` FROM `user_role` WHERE `role` = 'student');
--> statement-breakpoint
DELETE FROM `school_teacher` WHERE `user_id` IN (SELECT `user_id` FROM `user_role` WHERE `role` = 'student');
--> statement-breakpoint
DELETE FROM `guardian_link` WHERE `guardian_id` IN (SELECT `user_id` FROM `user_role` WHERE `role` = 'student');
--> statement-breakpoint
UPDATE `household_member` SET `kind` = 'student' WHERE `kind` = 'adult' AND `user_id` IN (SELECT `user_id` FROM `user_role` WHERE `role` = 'student');
--> statement-breakpoint
DELETE FROM `user_role` WHERE `role` IN ('steward', 'teacher', 'organiser', 'household') AND `user_id` IN (SELECT `user_id` FROM `user_role` WHERE `role` = 'student');
--> statement-breakpoint
-- A drop-off card for every household and every student: random 10-digit numbers; a clash is
-- ignored by one pass and filled by the next.
INSERT OR IGNORE INTO `drop_off_card` (`code`, `household_id`)
SELECT CAST(1000000000 + ((random() & 9223372036854775807) % 9000000000) AS TEXT), `id` FROM `household`
WHERE `id` NOT IN (SELECT `household_id` FROM `drop_off_card` WHERE `household_id` IS NOT NULL);
--> statement-breakpoint
INSERT OR IGNORE INTO `drop_off_card` (`code`, `household_id`)
SELECT CAST(1000000000 + ((random() & 9223372036854775807) % 9000000000) AS TEXT), `id` FROM `household`
WHERE `id` NOT IN (SELECT `household_id` FROM `drop_off_card` WHERE `household_id` IS NOT NULL);
--> statement-breakpoint
INSERT OR IGNORE INTO `drop_off_card` (`code`, `household_id`)
SELECT CAST(1000000000 + ((random() & 9223372036854775807) % 9000000000) AS TEXT), `id` FROM `household`
WHERE `id` NOT IN (SELECT `household_id` FROM `drop_off_card` WHERE `household_id` IS NOT NULL);
--> statement-breakpoint
INSERT OR IGNORE INTO `drop_off_card` (`code`, `household_id`)
SELECT CAST(1000000000 + ((random() & 9223372036854775807) % 9000000000) AS TEXT), `id` FROM `household`
WHERE `id` NOT IN (SELECT `household_id` FROM `drop_off_card` WHERE `household_id` IS NOT NULL);
--> statement-breakpoint
INSERT OR IGNORE INTO `drop_off_card` (`code`, `user_id`)
SELECT CAST(1000000000 + ((random() & 9223372036854775807) % 9000000000) AS TEXT), `user_id` FROM `user_role` WHERE `role` = 'student'
AND `user_id` NOT IN (SELECT `user_id` FROM `drop_off_card` WHERE `user_id` IS NOT NULL);
--> statement-breakpoint
INSERT OR IGNORE INTO `drop_off_card` (`code`, `user_id`)
SELECT CAST(1000000000 + ((random() & 9223372036854775807) % 9000000000) AS TEXT), `user_id` FROM `user_role` WHERE `role` = 'student'
AND `user_id` NOT IN (SELECT `user_id` FROM `drop_off_card` WHERE `user_id` IS NOT NULL);
--> statement-breakpoint
INSERT OR IGNORE INTO `drop_off_card` (`code`, `user_id`)
SELECT CAST(1000000000 + ((random() & 9223372036854775807) % 9000000000) AS TEXT), `user_id` FROM `user_role` WHERE `role` = 'student'
AND `user_id` NOT IN (SELECT `user_id` FROM `drop_off_card` WHERE `user_id` IS NOT NULL);
--> statement-breakpoint
INSERT OR IGNORE INTO `drop_off_card` (`code`, `user_id`)
SELECT CAST(1000000000 + ((random() & 9223372036854775807) % 9000000000) AS TEXT), `user_id` FROM `user_role` WHERE `role` = 'student'
AND `user_id` NOT IN (SELECT `user_id` FROM `drop_off_card` WHERE `user_id` IS NOT NULL);
