"""A GraphQL endpoint over the customers, orders and order_items tables (see statement.md)."""
import base64
import json

import psycopg2
from graphql import (GraphQLArgument, GraphQLBoolean, GraphQLField, GraphQLInt, GraphQLList, GraphQLNonNull,
                     GraphQLObjectType, GraphQLSchema, GraphQLString, graphql)

_db = psycopg2.connect("")  # PGHOST, PGDATABASE, PGUSER from the environment


def _rows(sql, params):
    with _db.cursor() as cur:
        cur.execute(sql, params)
        names = [column.name for column in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


def _encode_cursor(offset):
    return base64.urlsafe_b64encode(json.dumps(offset).encode()).decode()


def _decode_cursor(cursor):
    return json.loads(base64.urlsafe_b64decode(cursor.encode()))


def resolve_customers(root, info, first=10, after=None):
    offset = 0 if after is None else _decode_cursor(after) + 1
    rows = _rows("SELECT id, name FROM customers ORDER BY name, id OFFSET %s LIMIT %s", (offset, first + 1))
    page = rows[:first]
    return {
        "edges": [{"cursor": _encode_cursor(offset + i), "node": row} for i, row in enumerate(page)],
        "pageInfo": {"hasNextPage": len(rows) > first, "endCursor": _encode_cursor(offset + len(page) - 1) if page else None},
    }


def resolve_orders(customer, info, first=3):
    return _rows("SELECT id, placed_on, total_cents FROM orders WHERE customer_id = %s"
                 " ORDER BY placed_on DESC, id DESC LIMIT %s", (customer["id"], first))


def resolve_items(order, info):
    return _rows("SELECT sku, quantity FROM order_items WHERE order_id = %s ORDER BY id", (order["id"],))


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
        result = graphql(SCHEMA, query, variable_values=variables)
    response = {"data": json.loads(json.dumps(result.data))}
    if result.errors:
        response["errors"] = [{"message": str(error)} for error in result.errors]
    return response
