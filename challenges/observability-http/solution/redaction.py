"""What never reaches the log: secrets by field name, and card numbers wherever they appear in text."""
import re

SECRET_FIELDS = {"password", "token", "card_number", "authorization", "cookie"}
REDACTED = "[REDACTED]"
# A run of 13 to 19 digits is a card number, whatever field or message it is in.
CARD_NUMBER = re.compile(r"(?<![0-9])[0-9]{13,19}(?![0-9])")


def mask_card(number):
    """Only the last four digits stay."""
    return "*" * (len(number) - 4) + number[-4:]


def redact(value):
    """`value` (a log line's fields) with every secret field replaced and every card number masked."""
    if isinstance(value, dict):
        return {k: REDACTED if str(k).lower() in SECRET_FIELDS else redact(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact(v) for v in value]
    if isinstance(value, str):
        return CARD_NUMBER.sub(lambda m: mask_card(m.group()), value)
    return value
