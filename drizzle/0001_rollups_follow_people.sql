CREATE TABLE `rollup_day` (
	`scope_kind` text NOT NULL,
	`scope_id` integer NOT NULL,
	`period_kind` text NOT NULL,
	`period_key` text NOT NULL,
	`day` text NOT NULL,
	`entries` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`scope_kind`, `scope_id`, `period_kind`, `period_key`, `day`)
);
--> statement-breakpoint
CREATE TABLE `challenge_credit` (
	`entry_id` integer NOT NULL,
	`challenge_id` integer NOT NULL,
	`points` integer NOT NULL,
	PRIMARY KEY(`entry_id`, `challenge_id`),
	FOREIGN KEY (`entry_id`) REFERENCES `ledger_entry`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenge`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `rollup` ADD `active_days` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollup_area` ADD `active_days` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollup_member` ADD `entries` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `challenge` ADD `settled_on` text;--> statement-breakpoint
CREATE INDEX `challenge_unsettled_idx` ON `challenge` (`end_day`) WHERE "challenge"."settled_on" is null;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_challenge_action` (
	`challenge_id` integer NOT NULL,
	`action_id` integer NOT NULL,
	`points` integer NOT NULL,
	PRIMARY KEY(`challenge_id`, `action_id`),
	FOREIGN KEY (`challenge_id`) REFERENCES `challenge`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `action`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "challenge_action_points_chk" CHECK("__new_challenge_action"."points" between 1 and 1000)
);
--> statement-breakpoint
INSERT INTO `__new_challenge_action`("challenge_id", "action_id", "points") SELECT "challenge_id", "action_id", "points" FROM `challenge_action`;--> statement-breakpoint
DROP TABLE `challenge_action`;--> statement-breakpoint
ALTER TABLE `__new_challenge_action` RENAME TO `challenge_action`;--> statement-breakpoint
PRAGMA foreign_keys=ON;