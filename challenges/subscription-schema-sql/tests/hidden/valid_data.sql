-- Data every rule allows. Each case starts from it, after the candidate's migration.
INSERT INTO customers (id, email, name, created_at) VALUES
    (1, 'ada@example.com', 'Ada', '2023-01-05 10:00:00'),
    (2, 'bo@example.com',  'Bo',  '2023-02-06 11:00:00'),
    (3, 'cy@example.com',  'Cy',  '2023-03-07 12:00:00');

INSERT INTO plans (id, code, name, price_cents, billing_interval) VALUES
    (1, 'basic-monthly', 'Basic',        900,   'month'),
    (2, 'pro-monthly',   'Pro',          2900,  'month'),
    (3, 'pro-yearly',    'Pro (yearly)', 29000, 'year');

-- Ada is subscribed; Bo canceled; Cy never subscribed.
INSERT INTO subscriptions (id, customer_id, plan_id, status, started_at, canceled_at) VALUES
    (1, 1, 2, 'active',   '2024-01-10 09:00:00', NULL),
    (2, 2, 1, 'canceled', '2023-05-01 10:00:00', '2023-11-01 10:00:00');
