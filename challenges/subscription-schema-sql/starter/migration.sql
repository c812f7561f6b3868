-- Create the customers, plans and subscriptions tables here (see statement.md for every rule).

