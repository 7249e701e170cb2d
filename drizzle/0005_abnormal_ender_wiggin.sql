CREATE TABLE `rollup_area` (
	`board_kind` text NOT NULL,
	`area_id` integer NOT NULL,
	`scope_id` integer NOT NULL,
	`period_kind` text NOT NULL,
	`period_key` text NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`entries` integer DEFAULT 0 NOT NULL,
	`active_members` integer DEFAULT 0 NOT NULL,
	`per_member` real,
	PRIMARY KEY(`board_kind`, `scope_id`, `period_kind`, `period_key`, `area_id`)
);
--> statement-breakpoint
CREATE INDEX `rollup_area_board_idx` ON `rollup_area` (`board_kind`,`area_id`,`period_kind`,`period_key`,`points`);--> statement-breakpoint
CREATE INDEX `rollup_area_member_idx` ON `rollup_area` (`board_kind`,`area_id`,`period_kind`,`period_key`,`per_member`);--> statement-breakpoint
ALTER TABLE `rollup` ADD `per_member` real;--> statement-breakpoint
CREATE INDEX `rollup_board_member_idx` ON `rollup` (`scope_kind`,`parent_id`,`period_kind`,`period_key`,`per_member`);