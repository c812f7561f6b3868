CREATE TABLE `drafts` (
	`owner_id` text NOT NULL,
	`invitation_id` text NOT NULL,
	`challenge_slug` text NOT NULL,
	`files` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`invitation_id`, `challenge_slug`),
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade
);
