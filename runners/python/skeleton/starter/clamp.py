def clamp(value, low, high):
    """`value`, limited to the range [low, high]; an empty range is an error."""
    raise NotImplementedError
