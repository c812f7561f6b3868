CREATE TABLE "challenge_versions" (
	"owner_id" text NOT NULL,
	"slug" text NOT NULL,
	"version" text NOT NULL,
	"package" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "challenge_versions_owner_id_slug_version_pk" PRIMARY KEY("owner_id","slug","version")
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"owner_id" text NOT NULL,
	"slug" text NOT NULL,
	"current_version" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "challenges_owner_id_slug_pk" PRIMARY KEY("owner_id","slug")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"challenge_slug" text NOT NULL,
	"challenge_version" text NOT NULL,
	"status" text NOT NULL,
	"verdict" text,
	"message" text,
	"failure_code" text,
	"earned" integer,
	"max_points" integer,
	"skill_scores" jsonb,
	"files" jsonb NOT NULL,
	"idempotency_key" text,
	"request_hash" text NOT NULL,
	"log" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "test_results" (
	"submission_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"points" integer NOT NULL,
	"max_points" integer NOT NULL,
	"message" text,
	"duration_ms" integer,
	CONSTRAINT "test_results_submission_id_name_pk" PRIMARY KEY("submission_id","name")
);
--> statement-breakpoint
ALTER TABLE "test_results" ADD CONSTRAINT "test_results_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_owner_idempotency_key" ON "submissions" USING btree ("owner_id","idempotency_key") WHERE "submissions"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "submissions_status_created" ON "submissions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "submissions_owner_challenge" ON "submissions" USING btree ("owner_id","challenge_slug","created_at");