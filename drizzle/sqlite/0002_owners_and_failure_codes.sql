DROP INDEX `submissions_idempotency_key`;--> statement-breakpoint
-- Rows from before owners belong to the default owner.
ALTER TABLE `submissions` ADD `owner_id` text NOT NULL DEFAULT 'default';--> statement-breakpoint
ALTER TABLE `submissions` ADD `failure_code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_owner_idempotency_key` ON `submissions` (`owner_id`,`idempotency_key`) WHERE "submissions"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX `submissions_owner_challenge` ON `submissions` (`owner_id`,`challenge_slug`,`created_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_challenge_versions` (
	`owner_id` text NOT NULL,
	`slug` text NOT NULL,
	`version` text NOT NULL,
	`package` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`owner_id`, `slug`, `version`)
);
--> statement-breakpoint
INSERT INTO `__new_challenge_versions`("owner_id", "slug", "version", "package", "created_at") SELECT 'default', "slug", "version", "package", "created_at" FROM `challenge_versions`;--> statement-breakpoint
DROP TABLE `challenge_versions`;--> statement-breakpoint
ALTER TABLE `__new_challenge_versions` RENAME TO `challenge_versions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_challenges` (
	`owner_id` text NOT NULL,
	`slug` text NOT NULL,
	`current_version` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`owner_id`, `slug`)
);
--> statement-breakpoint
INSERT INTO `__new_challenges`("owner_id", "slug", "current_version", "updated_at") SELECT 'default', "slug", "current_version", "updated_at" FROM `challenges`;--> statement-breakpoint
DROP TABLE `challenges`;--> statement-breakpoint
ALTER TABLE `__new_challenges` RENAME TO `challenges`;