CREATE TABLE `action_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`challenge_id` integer,
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
	FOREIGN KEY (`challenge_id`) REFERENCES `challenge`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`person_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `household`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ledger_entry_id`) REFERENCES `ledger_entry`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_log_count_chk" CHECK("action_log"."count" > 0)
);
--> statement-breakpoint
CREATE INDEX `action_log_person_day_idx` ON `action_log` (`person_id`,`local_day`,`action_id`);--> statement-breakpoint
CREATE INDEX `action_log_household_day_idx` ON `action_log` (`household_id`,`local_day`,`action_id`);--> statement-breakpoint
CREATE INDEX `action_log_class_day_idx` ON `action_log` (`class_id`,`local_day`);--> statement-breakpoint
CREATE INDEX `action_log_actor_time_idx` ON `action_log` (`actor_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `challenge` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`scope` text NOT NULL,
	`school_id` integer,
	`neighbourhood_id` integer,
	`area_id` integer,
	`model_id` integer,
	`start_day` text NOT NULL,
	`end_day` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhood`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`model_id`) REFERENCES `community_model`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "challenge_days_chk" CHECK("challenge"."start_day" <= "challenge"."end_day")
);
--> statement-breakpoint
CREATE INDEX `challenge_end_idx` ON `challenge` (`end_day`);--> statement-breakpoint
CREATE TABLE `challenge_action` (
	`challenge_id` integer NOT NULL,
	`action_id` integer NOT NULL,
	`points` integer NOT NULL,
	PRIMARY KEY(`challenge_id`, `action_id`),
	FOREIGN KEY (`challenge_id`) REFERENCES `challenge`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `action`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `challenge_participant` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`challenge_id` integer NOT NULL,
	`class_id` integer,
	`neighbourhood_id` integer,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenge`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhood`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `challenge_participant_class_idx` ON `challenge_participant` (`challenge_id`,`class_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `challenge_participant_nb_idx` ON `challenge_participant` (`challenge_id`,`neighbourhood_id`);--> statement-breakpoint
CREATE INDEX `challenge_participant_by_class_idx` ON `challenge_participant` (`class_id`);--> statement-breakpoint
CREATE INDEX `challenge_participant_by_nb_idx` ON `challenge_participant` (`neighbourhood_id`);--> statement-breakpoint
CREATE TABLE `class_goal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`metric` text NOT NULL,
	`action_id` integer,
	`target` integer NOT NULL,
	`start_day` text NOT NULL,
	`deadline` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`reached_on` text,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `action`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `class_goal_class_idx` ON `class_goal` (`class_id`,`deadline`);