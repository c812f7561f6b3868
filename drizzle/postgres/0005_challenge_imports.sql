CREATE TABLE "challenge_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"slug" text NOT NULL,
	"version" text NOT NULL,
	"status" text NOT NULL,
	"files" jsonb NOT NULL,
	"problems" jsonb NOT NULL,
	"checks" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "challenge_imports_owner" ON "challenge_imports" USING btree ("owner_id","created_at");