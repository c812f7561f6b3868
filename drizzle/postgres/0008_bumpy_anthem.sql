CREATE TABLE "similarity_finals" (
	"owner_id" text NOT NULL,
	"challenge_slug" text NOT NULL,
	"key" text NOT NULL,
	"submission_id" text NOT NULL,
	"invitation_id" text,
	"language" text NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "similarity_finals_owner_id_challenge_slug_key_pk" PRIMARY KEY("owner_id","challenge_slug","key")
);
--> statement-breakpoint
CREATE TABLE "similarity_pairs" (
	"owner_id" text NOT NULL,
	"challenge_slug" text NOT NULL,
	"language" text NOT NULL,
	"left_submission_id" text NOT NULL,
	"left_invitation_id" text,
	"right_submission_id" text NOT NULL,
	"right_invitation_id" text,
	"similarity" double precision NOT NULL,
	"longest_fragment" integer NOT NULL,
	"fragments" jsonb NOT NULL,
	"compared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "similarity_pairs_owner_id_left_submission_id_right_submission_id_pk" PRIMARY KEY("owner_id","left_submission_id","right_submission_id")
);
--> statement-breakpoint
CREATE INDEX "similarity_finals_language" ON "similarity_finals" USING btree ("owner_id","challenge_slug","language");--> statement-breakpoint
CREATE INDEX "similarity_pairs_right" ON "similarity_pairs" USING btree ("owner_id","right_submission_id");--> statement-breakpoint
CREATE INDEX "similarity_pairs_left_invitation" ON "similarity_pairs" USING btree ("owner_id","left_invitation_id");--> statement-breakpoint
CREATE INDEX "similarity_pairs_right_invitation" ON "similarity_pairs" USING btree ("owner_id","right_invitation_id");