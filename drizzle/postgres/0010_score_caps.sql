ALTER TABLE "gradings" ADD COLUMN "score_cap" jsonb;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "score_cap" jsonb;