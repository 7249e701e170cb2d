CREATE TABLE `area_closure` (
	`area_id` integer NOT NULL,
	`ancestor_id` integer NOT NULL,
	`depth` integer NOT NULL,
	PRIMARY KEY(`area_id`, `ancestor_id`)
);
--> statement-breakpoint
CREATE INDEX `area_closure_ancestor_idx` ON `area_closure` (`ancestor_id`,`area_id`);--> statement-breakpoint
CREATE TABLE `impact_active` (
	`kind` text NOT NULL,
	`area_id` integer NOT NULL,
	`model_id` integer NOT NULL,
	`grain` text NOT NULL,
	`bucket` text NOT NULL,
	`members` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`kind`, `area_id`, `model_id`, `grain`, `bucket`)
);
--> statement-breakpoint
CREATE TABLE `impact_day` (
	`area_id` integer NOT NULL,
	`model_id` integer NOT NULL,
	`day` text NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`grams_avoided` integer DEFAULT 0 NOT NULL,
	`grams_collected` integer DEFAULT 0 NOT NULL,
	`items_avoided` integer DEFAULT 0 NOT NULL,
	`actions` integer DEFAULT 0 NOT NULL,
	`checkins` integer DEFAULT 0 NOT NULL,
	`pledges_kept` integer DEFAULT 0 NOT NULL,
	`drop_offs` integer DEFAULT 0 NOT NULL,
	`entries` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`area_id`, `model_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `impact_material_day` (
	`area_id` integer NOT NULL,
	`model_id` integer NOT NULL,
	`day` text NOT NULL,
	`material` text NOT NULL,
	`grams` integer DEFAULT 0 NOT NULL,
	`drop_offs` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`area_id`, `model_id`, `day`, `material`)
);
--> statement-breakpoint
CREATE TABLE `impact_member` (
	`kind` text NOT NULL,
	`area_id` integer NOT NULL,
	`model_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`grain` text NOT NULL,
	`bucket` text NOT NULL,
	`prev_day` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`kind`, `area_id`, `model_id`, `member_id`, `grain`, `bucket`)
);
--> statement-breakpoint
CREATE INDEX `impact_member_count_idx` ON `impact_member` (`kind`,`area_id`,`model_id`,`grain`,`bucket`,`prev_day`);--> statement-breakpoint
ALTER TABLE `community_model` ADD `worked_vi` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `community_model` ADD `worked_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `community_model` ADD `hard_vi` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `community_model` ADD `hard_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `community_model` ADD `support_vi` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `community_model` ADD `support_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `community_model` ADD `contact` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `community_model` ADD `story_updated_at` integer;