PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_action_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`mode` text NOT NULL,
	`actor_id` integer,
	`person_id` integer,
	`class_id` integer,
	`household_id` integer,
	`local_day` text NOT NULL,
	`count` integer NOT NULL,
	`ledger_entry_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `action`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`person_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `household`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ledger_entry_id`) REFERENCES `ledger_entry`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_log_count_chk" CHECK("__new_action_log"."count" > 0)
);
--> statement-breakpoint
INSERT INTO `__new_action_log`("id", "action_id", "mode", "actor_id", "person_id", "class_id", "household_id", "local_day", "count", "ledger_entry_id", "created_at") SELECT "id", "action_id", "mode", "actor_id", "person_id", "class_id", "household_id", "local_day", "count", "ledger_entry_id", "created_at" FROM `action_log`;--> statement-breakpoint
DROP TABLE `action_log`;--> statement-breakpoint
ALTER TABLE `__new_action_log` RENAME TO `action_log`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `action_log_person_day_idx` ON `action_log` (`person_id`,`local_day`,`action_id`);--> statement-breakpoint
CREATE INDEX `action_log_household_day_idx` ON `action_log` (`household_id`,`local_day`,`action_id`);--> statement-breakpoint
CREATE INDEX `action_log_class_day_idx` ON `action_log` (`class_id`,`local_day`);--> statement-breakpoint
CREATE INDEX `action_log_actor_time_idx` ON `action_log` (`actor_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `ledger_entry` DROP COLUMN `challenge_id`;