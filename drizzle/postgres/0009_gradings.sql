CREATE TABLE "gradings" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"submission_id" text NOT NULL,
	"challenge_version" text NOT NULL,
	"reason" text NOT NULL,
	"verdict" text NOT NULL,
	"message" text,
	"earned" integer NOT NULL,
	"max_points" integer NOT NULL,
	"tests" jsonb NOT NULL,
	"skill_scores" jsonb NOT NULL,
	"log" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gradings" ADD CONSTRAINT "gradings_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gradings_owner_submission" ON "gradings" USING btree ("owner_id","submission_id","created_at");