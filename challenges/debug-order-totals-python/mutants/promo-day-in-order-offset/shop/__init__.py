"""Order pricing: the domain model, the pricing rules and the order repository."""
