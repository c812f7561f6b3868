CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`name` text NOT NULL,
	`instructions` text NOT NULL,
	`time_limit_minutes` integer NOT NULL,
	`max_submissions` integer NOT NULL,
	`result_visibility` text NOT NULL,
	`challenges` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`assessment_id` text NOT NULL,
	`candidate_name` text NOT NULL,
	`candidate_email` text NOT NULL,
	`external_id` text,
	`token_hash` text NOT NULL,
	`valid_from` integer NOT NULL,
	`valid_until` integer NOT NULL,
	`state` text NOT NULL,
	`started_at` integer,
	`deadline` integer,
	`completed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_owner_assessment` ON `invitations` (`owner_id`,`assessment_id`);--> statement-breakpoint
ALTER TABLE `submissions` ADD `invitation_id` text;--> statement-breakpoint
CREATE INDEX `submissions_owner_invitation` ON `submissions` (`owner_id`,`invitation_id`,`created_at`);