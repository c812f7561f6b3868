ALTER TABLE `gradings` ADD `score_cap` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `score_cap` text;