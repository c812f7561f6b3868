CREATE TABLE customers (
    id   integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE orders (
    id          integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id),
    status      text NOT NULL CHECK (status IN ('pending', 'paid', 'refunded', 'cancelled')),
    placed_at   timestamp NOT NULL,
    total_cents integer NOT NULL CHECK (total_cents >= 0)
);
