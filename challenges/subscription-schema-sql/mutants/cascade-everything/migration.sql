-- Customers, plans and subscriptions: every rule of the statement is a constraint, so no application
-- code can store data that breaks it.

CREATE TABLE customers (
    id         INTEGER PRIMARY KEY,
    -- NOCASE: 'Ada@Example.com' and 'ada@example.com' are one address, so UNIQUE ignores case too.
    email      TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE plans (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    price_cents      INTEGER NOT NULL CHECK (price_cents >= 0),
    billing_interval TEXT NOT NULL CHECK (billing_interval IN ('month', 'year'))
);

CREATE TABLE subscriptions (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('trialing', 'active', 'past_due', 'canceled')),
    started_at  TEXT NOT NULL,
    canceled_at TEXT,
    -- A cancel date exactly when the subscription is canceled, and never before it started.
    CHECK ((status = 'canceled') = (canceled_at IS NOT NULL)),
    CHECK (canceled_at IS NULL OR canceled_at >= started_at)
);

-- At most one subscription per customer that is not canceled: a partial unique index.
CREATE UNIQUE INDEX subscriptions_one_live_per_customer ON subscriptions (customer_id) WHERE status <> 'canceled';

-- Foreign keys are looked up on every delete of a customer or a plan, and by every "subscriptions of"
-- query: without these indexes each one scans the whole table.
CREATE INDEX subscriptions_by_customer ON subscriptions (customer_id);
CREATE INDEX subscriptions_by_plan ON subscriptions (plan_id);
