CREATE TABLE accounts (id integer PRIMARY KEY, owner text NOT NULL, balance_cents integer NOT NULL);
CREATE TABLE ledger (
  id bigserial PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts,
  amount_cents integer NOT NULL
);
INSERT INTO accounts SELECT n, 'Owner ' || n, 10000 FROM generate_series(1, 20) AS n;
UPDATE accounts SET owner = 'Ada', balance_cents = 2500 WHERE id = 1;
UPDATE accounts SET balance_cents = 500 WHERE id = 2;
-- What each test restores the accounts to (conftest.py).
CREATE TABLE accounts_seed AS TABLE accounts;
GRANT SELECT, UPDATE ON accounts TO assay_app;
GRANT SELECT, INSERT ON ledger TO assay_app;
GRANT USAGE ON SEQUENCE ledger_id_seq TO assay_app;
