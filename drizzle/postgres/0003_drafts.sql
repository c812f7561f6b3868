CREATE TABLE "drafts" (
	"owner_id" text NOT NULL,
	"invitation_id" text NOT NULL,
	"challenge_slug" text NOT NULL,
	"files" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "drafts_invitation_id_challenge_slug_pk" PRIMARY KEY("invitation_id","challenge_slug")
);
--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;