def clamp(value, low, high):
    """`value`, limited to the range [low, high]; an empty range is an error."""
    if low > high:
        raise ValueError("low must not exceed high")
    return max(low, min(value, high))
