"""A GraphQL endpoint over the customers, orders and order_items tables. Customers page by keyset (the cursor
is the last customer's sort key), and each request loads the orders, then the items, of everything it
resolves in one statement each (DataLoaders), so a page costs three statements whatever its size."""
import base64
import json

import psycopg2
from promise import Promise
from promise.dataloader import DataLoader
from graphql import (GraphQLArgument, GraphQLBoolean, GraphQLField, GraphQLInt, GraphQLList, GraphQLNonNull,
                     GraphQLObjectType, GraphQLSchema, GraphQLString, graphql)

_db = psycopg2.connect("")  # PGHOST, PGDATABASE, PGUSER from the environment


def _rows(sql, params):
    with _db.cursor() as cur:
        cur.execute(sql, params)
        names = [column.name for column in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


MAX_CUSTOMERS = 50
MAX_ORDERS = 20


def _check_first(first, most):
    # A request may not make the service read an unbounded number of rows.
    if not 1 <= first <= most:
        raise ValueError(f"first must be between 1 and {most}, not {first}")


def _encode_cursor(customer):
    return base64.urlsafe_b64encode(json.dumps([customer["name"], customer["id"]]).encode()).decode()


def _decode_cursor(cursor):
    try:
        name, customer_id = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, TypeError):  # not base64, not JSON, not a pair
        raise ValueError("after is not a cursor this endpoint issued") from None
    if type(name) is not str or type(customer_id) is not int:
        raise ValueError("after is not a cursor this endpoint issued")
    return name, customer_id


def resolve_customers(root, info, first=10, after=None):
    _check_first(first, MAX_CUSTOMERS)
    # (name, id) is unique, so the page after a cursor starts right after its customer, whatever was
    # inserted or deleted since.
    if after is None:
        rows = _rows("SELECT id, name FROM customers ORDER BY name, id LIMIT %s", (first + 1,))
    else:
        rows = _rows("SELECT id, name FROM customers WHERE (name, id) > (%s, %s) ORDER BY name, id LIMIT %s",
                     (*_decode_cursor(after), first + 1))
    page = rows[:first]
    return {
        "edges": [{"cursor": _encode_cursor(row), "node": row} for row in page],
        "pageInfo": {"hasNextPage": len(rows) > first, "endCursor": _encode_cursor(page[-1]) if page else None},
    }


class _Loader(DataLoader):
    """Collects the keys a request's resolvers ask for, then loads them in one statement."""

    def __init__(self, load_rows, key):
        super().__init__(cache=True)
        self._load_rows = load_rows
        self._key = key

    def batch_load_fn(self, keys):
        found = {key: [] for key in keys}
        for row in self._load_rows(list(keys)):
            found[row[self._key]].append(row)
        return Promise.resolve([found[key] for key in keys])


class _Loaders:
    """One request's loaders: orders by customer for each `first` the request asks, items by order."""

    def __init__(self):
        self._orders = {}
        self.items = _Loader(lambda order_ids: _rows(
            "SELECT order_id, sku, quantity FROM order_items WHERE order_id = ANY(%s) ORDER BY id", (order_ids,)), "order_id")

    def orders(self, first):
        if first not in self._orders:
            self._orders[first] = _Loader(lambda customer_ids: _rows(
                "SELECT id, customer_id, placed_on, total_cents FROM ("
                " SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY placed_on DESC, id DESC) AS place"
                " FROM orders WHERE customer_id = ANY(%s)) AS numbered"
                " WHERE place <= %s ORDER BY customer_id, place", (customer_ids, first)), "customer_id")
        return self._orders[first]


def resolve_orders(customer, info, first=3):
    _check_first(first, MAX_ORDERS)
    return info.context.orders(first).load(customer["id"])


def resolve_items(order, info):
    return info.context.items.load(order["id"])


def _field(name):
    return lambda row, info: row[name]


OrderItem = GraphQLObjectType("OrderItem", lambda: {
    "sku": GraphQLField(GraphQLNonNull(GraphQLString), resolver=_field("sku")),
    "quantity": GraphQLField(GraphQLNonNull(GraphQLInt), resolver=_field("quantity")),
})
Order = GraphQLObjectType("Order", lambda: {
    "id": GraphQLField(GraphQLNonNull(GraphQLInt), resolver=_field("id")),
    "placedOn": GraphQLField(GraphQLNonNull(GraphQLString), resolver=lambda order, info: order["placed_on"].isoformat()),
    "totalCents": GraphQLField(GraphQLNonNull(GraphQLInt), resolver=_field("total_cents")),
    "items": GraphQLField(GraphQLNonNull(GraphQLList(GraphQLNonNull(OrderItem))), resolver=resolve_items),
})
Customer = GraphQLObjectType("Customer", lambda: {
    "id": GraphQLField(GraphQLNonNull(GraphQLInt), resolver=_field("id")),
    "name": GraphQLField(GraphQLNonNull(GraphQLString), resolver=_field("name")),
    "orders": GraphQLField(GraphQLNonNull(GraphQLList(GraphQLNonNull(Order))),
                           args={"first": GraphQLArgument(GraphQLInt, default_value=3)}, resolver=resolve_orders),
})
CustomerEdge = GraphQLObjectType("CustomerEdge", lambda: {
    "cursor": GraphQLField(GraphQLNonNull(GraphQLString), resolver=_field("cursor")),
    "node": GraphQLField(GraphQLNonNull(Customer), resolver=_field("node")),
})
PageInfo = GraphQLObjectType("PageInfo", lambda: {
    "hasNextPage": GraphQLField(GraphQLNonNull(GraphQLBoolean), resolver=_field("hasNextPage")),
    "endCursor": GraphQLField(GraphQLString, resolver=_field("endCursor")),
})
CustomerConnection = GraphQLObjectType("CustomerConnection", lambda: {
    "edges": GraphQLField(GraphQLNonNull(GraphQLList(GraphQLNonNull(CustomerEdge))), resolver=_field("edges")),
    "pageInfo": GraphQLField(GraphQLNonNull(PageInfo), resolver=_field("pageInfo")),
})
Query = GraphQLObjectType("Query", lambda: {
    "customers": GraphQLField(CustomerConnection, resolver=resolve_customers, args={
        "first": GraphQLArgument(GraphQLInt, default_value=10),
        "after": GraphQLArgument(GraphQLString),
    }),
})
SCHEMA = GraphQLSchema(query=Query)


def execute(query, variables=None):
    """The response as plain data: {"data": …} and, when something went wrong, "errors": [{"message": …}]."""
    with _db:  # one transaction per request
        result = graphql(SCHEMA, query, variable_values=variables, context_value=_Loaders())
    response = {"data": json.loads(json.dumps(result.data))}
    if result.errors:
        response["errors"] = [{"message": str(error)} for error in result.errors]
    return response
