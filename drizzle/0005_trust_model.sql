CREATE TABLE `drop_off_card` (
	`code` text PRIMARY KEY NOT NULL,
	`household_id` integer,
	`user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `household`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "drop_off_card_one_holder" CHECK(("drop_off_card"."household_id" is null) <> ("drop_off_card"."user_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drop_off_card_household_idx` ON `drop_off_card` (`household_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `drop_off_card_user_idx` ON `drop_off_card` (`user_id`);--> statement-breakpoint
CREATE TABLE `parent_code` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`student_id` integer NOT NULL,
	`class_id` integer NOT NULL,
	`code` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	`used_by` integer,
	`used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`student_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`used_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parent_code_code_unique` ON `parent_code` (`code`);--> statement-breakpoint
CREATE INDEX `parent_code_student_idx` ON `parent_code` (`student_id`);--> statement-breakpoint
CREATE INDEX `parent_code_class_idx` ON `parent_code` (`class_id`);--> statement-breakpoint
CREATE TABLE `collection_point_neighbourhood` (
	`point_id` integer NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	PRIMARY KEY(`point_id`, `neighbourhood_id`),
	FOREIGN KEY (`point_id`) REFERENCES `collection_point`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhood`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `collection_point_neighbourhood_nb_idx` ON `collection_point_neighbourhood` (`neighbourhood_id`);--> statement-breakpoint
ALTER TABLE `guardian_link` ADD `via` text DEFAULT 'legacy' NOT NULL;