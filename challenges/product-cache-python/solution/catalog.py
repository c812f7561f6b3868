"""A read-through cache on Redis in front of the products table, invalidated by the module's own writes."""
import json
import os

import psycopg2
import redis


class ProductCatalog:
    def __init__(self, ttl_seconds=30):
        self.ttl_seconds = ttl_seconds
        self.db = psycopg2.connect("")  # PGHOST, PGDATABASE, PGUSER from the environment
        self.cache = redis.Redis.from_url(os.environ["REDIS_URL"])

    @staticmethod
    def _key(product_id):
        return f"product:{product_id}"

    def close(self):
        self.db.close()
        self.cache.close()

    def get(self, product_id):
        cached = self.cache.get(self._key(product_id))
        if cached is not None:
            return json.loads(cached)
        with self.db, self.db.cursor() as cur:
            cur.execute("SELECT id, name, price_cents FROM products WHERE id = %s", (product_id,))
            row = cur.fetchone()
        if row is None:
            return None
        product = {"id": row[0], "name": row[1], "price_cents": row[2]}
        self.cache.set(self._key(product_id), json.dumps(product), ex=self.ttl_seconds)
        return product

    def update_price(self, product_id, price_cents):
        return self._update(product_id, "price_cents", price_cents)

    def rename(self, product_id, name):
        return self._update(product_id, "name", name)

    def _update(self, product_id, column, value):
        with self.db, self.db.cursor() as cur:
            cur.execute(f"UPDATE products SET {column} = %s WHERE id = %s", (value, product_id))
            found = cur.rowcount == 1
        # After the commit: a read between the delete and the commit would cache the old row again.
        self.cache.delete(self._key(product_id))
        return found
