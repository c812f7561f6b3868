CREATE TABLE `gradings` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`challenge_version` text NOT NULL,
	`reason` text NOT NULL,
	`verdict` text NOT NULL,
	`message` text,
	`earned` integer NOT NULL,
	`max_points` integer NOT NULL,
	`tests` text NOT NULL,
	`skill_scores` text NOT NULL,
	`log` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `gradings_owner_submission` ON `gradings` (`owner_id`,`submission_id`,`created_at`);