CREATE TABLE `challenge_versions` (
	`slug` text NOT NULL,
	`version` text NOT NULL,
	`package` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`slug`, `version`)
);
--> statement-breakpoint
CREATE TABLE `challenges` (
	`slug` text PRIMARY KEY NOT NULL,
	`current_version` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`challenge_slug` text NOT NULL,
	`challenge_version` text NOT NULL,
	`status` text NOT NULL,
	`verdict` text,
	`message` text,
	`earned` integer,
	`max_points` integer,
	`files` text NOT NULL,
	`idempotency_key` text,
	`request_hash` text NOT NULL,
	`log` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`completed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_idempotency_key` ON `submissions` (`idempotency_key`) WHERE "submissions"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX `submissions_status_created` ON `submissions` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `test_results` (
	`submission_id` text NOT NULL,
	`ordinal` integer NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`points` integer NOT NULL,
	`max_points` integer NOT NULL,
	`message` text,
	`duration_ms` integer,
	PRIMARY KEY(`submission_id`, `name`),
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE cascade
);
