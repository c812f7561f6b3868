CREATE TABLE `challenge_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`slug` text NOT NULL,
	`version` text NOT NULL,
	`status` text NOT NULL,
	`files` text NOT NULL,
	`problems` text NOT NULL,
	`checks` text NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `challenge_imports_owner` ON `challenge_imports` (`owner_id`,`created_at`);