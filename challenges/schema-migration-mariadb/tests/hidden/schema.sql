-- The shop's catalogue before the migration: prices as the text the old admin page saved.
CREATE TABLE products (
    id    integer PRIMARY KEY,
    sku   varchar(20) NOT NULL UNIQUE,
    name  varchar(80) NOT NULL,
    price varchar(20) NOT NULL
) ENGINE = InnoDB;
CREATE TABLE order_lines (
    id         integer PRIMARY KEY,
    product_id integer NOT NULL REFERENCES products (id),
    quantity   integer NOT NULL
) ENGINE = InnoDB;
