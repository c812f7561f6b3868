"""A read-through cache on Redis in front of the products table (see statement.md)."""
import os

import psycopg2
import redis


class ProductCatalog:
    def __init__(self, ttl_seconds=30):
        self.ttl_seconds = ttl_seconds
        self.db = psycopg2.connect("")  # PGHOST, PGDATABASE, PGUSER from the environment
        self.cache = redis.Redis.from_url(os.environ["REDIS_URL"])

    def close(self):
        self.db.close()
        self.cache.close()

    def get(self, product_id):
        raise NotImplementedError

    def update_price(self, product_id, price_cents):
        raise NotImplementedError

    def rename(self, product_id, name):
        raise NotImplementedError
