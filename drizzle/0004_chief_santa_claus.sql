CREATE TABLE `pledge` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`household_id` integer,
	`item` text NOT NULL,
	`custom_name` text,
	`grams_per_item` integer NOT NULL,
	`uses_per_day` integer NOT NULL,
	`start_day` text NOT NULL,
	`end_day` text NOT NULL,
	`ended_on` text,
	`completed_on` text,
	`idempotency_key` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`household_id`) REFERENCES `household`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pledge_user_idx` ON `pledge` (`user_id`,`end_day`);--> statement-breakpoint
CREATE INDEX `pledge_household_idx` ON `pledge` (`household_id`,`end_day`);--> statement-breakpoint
CREATE UNIQUE INDEX `pledge_idem_idx` ON `pledge` (`user_id`,`idempotency_key`);--> statement-breakpoint
CREATE TABLE `pledge_checkin` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pledge_id` integer NOT NULL,
	`local_day` text NOT NULL,
	`items_avoided` integer NOT NULL,
	`grams_avoided` integer NOT NULL,
	`user_id` integer,
	`class_id` integer,
	`household_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`pledge_id`) REFERENCES `pledge`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `household`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pledge_checkin_day_idx` ON `pledge_checkin` (`pledge_id`,`local_day`);--> statement-breakpoint
CREATE INDEX `pledge_checkin_user_idx` ON `pledge_checkin` (`user_id`,`local_day`);--> statement-breakpoint
CREATE INDEX `pledge_checkin_class_idx` ON `pledge_checkin` (`class_id`,`local_day`);--> statement-breakpoint
CREATE INDEX `pledge_checkin_household_idx` ON `pledge_checkin` (`household_id`,`local_day`);