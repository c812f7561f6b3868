def total(xs):
    if xs is None:
        raise ValueError("xs is required")
    return sum(xs)


def evens(xs):
    return [x for x in xs if x % 2 == 0]


def counts(text):
    result = {}
    for ch in text:
        result[ch] = result.get(ch, 0) + 1
    return result


def pair(a, b):
    return (a, b)


def apply(fn, x):
    return fn(x)
