CREATE TABLE `app_secret` (
	`name` text PRIMARY KEY NOT NULL,
	`value` blob NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `form_receipt` (
	`actor` text NOT NULL,
	`form` text NOT NULL,
	`key` text NOT NULL,
	`result` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`actor`, `form`, `key`)
);
--> statement-breakpoint
CREATE INDEX `form_receipt_created_idx` ON `form_receipt` (`created_at`);--> statement-breakpoint
CREATE TABLE `known_device` (
	`user_id` integer NOT NULL,
	`device_hash` text NOT NULL,
	`last_sign_in_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `device_hash`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
