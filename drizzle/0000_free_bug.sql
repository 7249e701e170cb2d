CREATE TABLE `rate_limit` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`window_start` integer NOT NULL,
	`locked_until` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` blob NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_verified_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`email` text,
	`display_name` text NOT NULL,
	`nickname` text NOT NULL,
	`password_hash` text NOT NULL,
	`locale` text DEFAULT 'vi' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`password_changed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_username_unique` ON `user` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE TABLE `user_role` (
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`granted_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `area` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text,
	`parent_id` integer,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `area_code_unique` ON `area` (`code`);--> statement-breakpoint
CREATE INDEX `area_parent_idx` ON `area` (`parent_id`);--> statement-breakpoint
CREATE TABLE `class_student` (
	`class_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `class_student_user_id_unique` ON `class_student` (`user_id`);--> statement-breakpoint
CREATE INDEX `class_student_class_idx` ON `class_student` (`class_id`);--> statement-breakpoint
CREATE TABLE `class_teacher` (
	`class_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`class_id`, `user_id`),
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `class_teacher_user_idx` ON `class_teacher` (`user_id`);--> statement-breakpoint
CREATE TABLE `community_model` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`area_id` integer NOT NULL,
	`host_kind` text NOT NULL,
	`host_name` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`description_vi` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `community_model_code_unique` ON `community_model` (`code`);--> statement-breakpoint
CREATE TABLE `consent_record` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`recorded_by` integer,
	`collected_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `guardian_link` (
	`guardian_id` integer NOT NULL,
	`student_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`guardian_id`, `student_id`),
	FOREIGN KEY (`guardian_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `guardian_link_student_idx` ON `guardian_link` (`student_id`);--> statement-breakpoint
CREATE TABLE `household` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`display_name` text NOT NULL,
	`kind` text NOT NULL,
	`invite_code` text,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhood`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `household_invite_code_unique` ON `household` (`invite_code`);--> statement-breakpoint
CREATE INDEX `household_neighbourhood_idx` ON `household` (`neighbourhood_id`);--> statement-breakpoint
CREATE TABLE `household_member` (
	`household_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`approved_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `household`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`approved_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `household_member_user_id_unique` ON `household_member` (`user_id`);--> statement-breakpoint
CREATE INDEX `household_member_household_idx` ON `household_member` (`household_id`);--> statement-breakpoint
CREATE TABLE `neighbourhood` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`area_id` integer NOT NULL,
	`kind` text NOT NULL,
	`model_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`model_id`) REFERENCES `community_model`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `neighbourhood_area_idx` ON `neighbourhood` (`area_id`);--> statement-breakpoint
CREATE TABLE `neighbourhood_steward` (
	`neighbourhood_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`neighbourhood_id`, `user_id`),
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhood`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `neighbourhood_steward_user_idx` ON `neighbourhood_steward` (`user_id`);--> statement-breakpoint
CREATE TABLE `password_reset_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`student_id` integer,
	`class_id` integer,
	`reset_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reset_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `roster_import` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`created_by` integer,
	`import_key` text NOT NULL,
	`total` integer NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roster_import_key_idx` ON `roster_import` (`created_by`,`import_key`);--> statement-breakpoint
CREATE TABLE `school` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`area_id` integer NOT NULL,
	`model_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`model_id`) REFERENCES `community_model`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `school_area_idx` ON `school` (`area_id`);--> statement-breakpoint
CREATE TABLE `class` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`school_id` integer NOT NULL,
	`name` text NOT NULL,
	`grade` integer NOT NULL,
	`school_year` text NOT NULL,
	`join_code` text,
	`student_board_enabled` integer DEFAULT false NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `class_join_code_unique` ON `class` (`join_code`);--> statement-breakpoint
CREATE INDEX `class_school_idx` ON `class` (`school_id`);--> statement-breakpoint
CREATE TABLE `school_invite` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`school_id` integer NOT NULL,
	`code` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	`used_by` integer,
	`used_at` integer,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`used_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_invite_code_unique` ON `school_invite` (`code`);--> statement-breakpoint
CREATE TABLE `school_teacher` (
	`school_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`school_id`, `user_id`),
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `school_teacher_user_idx` ON `school_teacher` (`user_id`);--> statement-breakpoint
CREATE TABLE `action` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`points` integer NOT NULL,
	`daily_cap` integer NOT NULL,
	`impact_factor_id` integer NOT NULL,
	`audience` text DEFAULT 'both' NOT NULL,
	`retired_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`impact_factor_id`) REFERENCES `impact_factor`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_code_unique` ON `action` (`code`);--> statement-breakpoint
CREATE TABLE `badge_award` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`badge` text NOT NULL,
	`user_id` integer,
	`class_id` integer,
	`household_id` integer,
	`owner_key` text NOT NULL,
	`ref_key` text DEFAULT '' NOT NULL,
	`awarded_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `household`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `badge_award_once_idx` ON `badge_award` (`badge`,`owner_key`,`ref_key`);--> statement-breakpoint
CREATE INDEX `badge_award_user_idx` ON `badge_award` (`user_id`);--> statement-breakpoint
CREATE INDEX `badge_award_class_idx` ON `badge_award` (`class_id`,`awarded_at`);--> statement-breakpoint
CREATE TABLE `impact_factor` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`grams` integer NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `impact_factor_code_unique` ON `impact_factor` (`code`);--> statement-breakpoint
CREATE TABLE `ledger_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer NOT NULL,
	`local_day` text NOT NULL,
	`points` integer NOT NULL,
	`grams_avoided` integer DEFAULT 0 NOT NULL,
	`grams_collected` integer DEFAULT 0 NOT NULL,
	`source_kind` text NOT NULL,
	`source_id` integer,
	`actor_id` integer,
	`person_id` integer,
	`class_id` integer,
	`household_id` integer,
	`challenge_id` integer,
	`reverses` integer,
	`reason` text,
	`idempotency_key` text,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`person_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `household`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses`) REFERENCES `ledger_entry`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entry_reverses_unique` ON `ledger_entry` (`reverses`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entry_idem_idx` ON `ledger_entry` (`actor_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `ledger_entry_person_idx` ON `ledger_entry` (`person_id`,`local_day`);--> statement-breakpoint
CREATE INDEX `ledger_entry_class_idx` ON `ledger_entry` (`class_id`,`local_day`);--> statement-breakpoint
CREATE INDEX `ledger_entry_household_idx` ON `ledger_entry` (`household_id`,`local_day`);--> statement-breakpoint
CREATE INDEX `ledger_entry_source_idx` ON `ledger_entry` (`source_kind`,`source_id`);--> statement-breakpoint
CREATE TABLE `rollup` (
	`scope_kind` text NOT NULL,
	`scope_id` integer NOT NULL,
	`period_kind` text NOT NULL,
	`period_key` text NOT NULL,
	`parent_id` integer DEFAULT 0 NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`grams_avoided` integer DEFAULT 0 NOT NULL,
	`grams_collected` integer DEFAULT 0 NOT NULL,
	`entries` integer DEFAULT 0 NOT NULL,
	`active_members` integer DEFAULT 0 NOT NULL,
	`per_member` real,
	PRIMARY KEY(`scope_kind`, `scope_id`, `period_kind`, `period_key`)
);
--> statement-breakpoint
CREATE INDEX `rollup_board_idx` ON `rollup` (`scope_kind`,`parent_id`,`period_kind`,`period_key`,`points`);--> statement-breakpoint
CREATE INDEX `rollup_board_member_idx` ON `rollup` (`scope_kind`,`parent_id`,`period_kind`,`period_key`,`per_member`);--> statement-breakpoint
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
CREATE TABLE `rollup_member` (
	`scope_kind` text NOT NULL,
	`scope_id` integer NOT NULL,
	`period_kind` text NOT NULL,
	`period_key` text NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`scope_kind`, `scope_id`, `period_kind`, `period_key`, `person_id`)
);
--> statement-breakpoint
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
	`form_key` text,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhood`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`model_id`) REFERENCES `community_model`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "challenge_days_chk" CHECK("challenge"."start_day" <= "challenge"."end_day")
);
--> statement-breakpoint
CREATE INDEX `challenge_end_idx` ON `challenge` (`end_day`);--> statement-breakpoint
CREATE UNIQUE INDEX `challenge_form_key_idx` ON `challenge` (`created_by`,`form_key`);--> statement-breakpoint
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
	`form_key` text,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `action`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `class_goal_class_idx` ON `class_goal` (`class_id`,`deadline`);--> statement-breakpoint
CREATE UNIQUE INDEX `class_goal_form_key_idx` ON `class_goal` (`created_by`,`form_key`);--> statement-breakpoint
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
CREATE INDEX `playground_component_playground_idx` ON `playground_component` (`playground_id`);--> statement-breakpoint
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