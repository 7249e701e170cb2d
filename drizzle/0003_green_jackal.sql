CREATE TABLE `collection_point` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`opening_hours` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`area_id` integer NOT NULL,
	`neighbourhood_id` integer,
	`school_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhood`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `collection_point_playground` (
	`point_id` integer NOT NULL,
	`playground_id` integer NOT NULL,
	PRIMARY KEY(`point_id`, `playground_id`),
	FOREIGN KEY (`point_id`) REFERENCES `collection_point`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`playground_id`) REFERENCES `playground`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `collection_point_playground_pg_idx` ON `collection_point_playground` (`playground_id`);--> statement-breakpoint
CREATE TABLE `collection_point_steward` (
	`point_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`point_id`, `user_id`),
	FOREIGN KEY (`point_id`) REFERENCES `collection_point`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `collection_point_steward_user_idx` ON `collection_point_steward` (`user_id`);--> statement-breakpoint
CREATE TABLE `contribution` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`playground_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`component_id` integer,
	`material` text NOT NULL,
	`grams` integer NOT NULL,
	`grams_estimated` integer DEFAULT false NOT NULL,
	`item_count` integer,
	`volume_ml` integer,
	`household_id` integer,
	`student_id` integer,
	`class_id` integer,
	`status` text NOT NULL,
	`reason` text,
	`points` integer DEFAULT 0 NOT NULL,
	`ledger_entry_id` integer,
	`local_day` text NOT NULL,
	`announced_by` integer,
	`recorded_by` integer,
	`decided_at` integer,
	`created_by` integer,
	`idempotency_key` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`playground_id`) REFERENCES `playground`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_id`) REFERENCES `collection_point`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`component_id`) REFERENCES `playground_component`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `household`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`student_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ledger_entry_id`) REFERENCES `ledger_entry`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`announced_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contribution_idem_idx` ON `contribution` (`created_by`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `contribution_playground_idx` ON `contribution` (`playground_id`,`status`,`local_day`);--> statement-breakpoint
CREATE INDEX `contribution_point_idx` ON `contribution` (`point_id`,`local_day`);--> statement-breakpoint
CREATE INDEX `contribution_household_idx` ON `contribution` (`household_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `contribution_component_idx` ON `contribution` (`component_id`);--> statement-breakpoint
CREATE TABLE `playground` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'collecting' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`model_id`) REFERENCES `community_model`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `playground_model_idx` ON `playground` (`model_id`);--> statement-breakpoint
CREATE TABLE `playground_component` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`playground_id` integer NOT NULL,
	`name` text NOT NULL,
	`materials` text DEFAULT '' NOT NULL,
	`target_grams` integer,
	`target_items` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`adopted_by_class_id` integer,
	`adopted_by_household_id` integer,
	`adopted_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`playground_id`) REFERENCES `playground`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adopted_by_class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adopted_by_household_id`) REFERENCES `household`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `playground_component_playground_idx` ON `playground_component` (`playground_id`);