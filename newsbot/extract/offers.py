"""Subscription offers: where a price, a term and a per-month price are parsed.

Money strings go through price-parser; this module only finds where a price stands in a
line, names its currency in ISO 4217, reads the billing term and checks the printed
per-month price against price / term. A price that did not render ("undefined", "{{x}}")
is null with a flag, never a number.
"""

from __future__ import annotations

import re

from price_parser import Price

from ..record import Offer

CURRENCIES = {
    "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR",
    "$": "USD", "us$": "USD", "usd": "USD",
    "a$": "AUD", "c$": "CAD", "s$": "SGD", "hk$": "HKD",
    "€": "EUR", "eur": "EUR",
    "£": "GBP", "gbp": "GBP",
}
_CUR = r"(?:₹|Rs\.?|INR|US\$|A\$|C\$|S\$|HK\$|\$|€|EUR|£|GBP|USD)"
_NUM = r"\d[\d,]*(?:\.\d+)?"
PRICE = re.compile(rf"(?:{_CUR}\s?{_NUM}|{_NUM}\s?(?:INR|USD|EUR|GBP|€|£))")
UNRENDERED = re.compile(r"\{\{\s*[\w.\- ]+\s*\}\}|\$\{[\w.]+\}|\{%.*?%\}|%[A-Z_]{3,}%|\[object Object\]|\bundefined\b|\bNaN\b")
_UNRENDERED_PRICE = re.compile(
    rf"(?:^|\b(?:only|then|just|for|at)\s+|{_CUR}\s?)(?:undefined|NaN|null|\{{\{{[^}}]*\}}\}})"
    r"(?=\s*(?:$|/|per\b|for\b|every\b|a\b))",
    re.I,
)

_WORD_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "twelve": 12}
_UNIT_MONTHS = {"month": 1.0, "mo": 1.0, "year": 12.0, "yr": 12.0, "annum": 12.0, "week": 12 / 52,
                "day": 12 / 365, "quarter": 3.0}
TERM = re.compile(
    r"(?P<lead>\b(?:every|per|for|a|an)\s+|/\s*)?(?P<n>\d+|one|two|three|four|six|twelve)?\s*"
    r"(?P<unit>months?|mo|years?|yrs?|annum|weeks?|days?|quarters?)\b",
    re.I,
)
_NAMED_TERMS = {"monthly": 1.0, "quarterly": 3.0, "half-yearly": 6.0, "half yearly": 6.0,
                "annual": 12.0, "annually": 12.0, "yearly": 12.0, "weekly": 12 / 52}
_PER_MONTH = re.compile(rf"(?:{PRICE.pattern}|undefined|NaN)\s*(?:/\s*|per\s+|a\s+)(?:month|mo)\b", re.I)


def currency_code(symbol: str | None) -> str | None:
    """ISO 4217 code for a printed currency sign or code."""
    if not symbol:
        return None
    return CURRENCIES.get(symbol.strip().lower())


def parse_money(text: str) -> tuple[float | None, str | None]:
    """The first amount in text and its ISO currency, via price-parser."""
    m = PRICE.search(text)
    if not m:
        return None, None
    price = Price.fromstring(m.group(0))
    if price.amount is None:
        return None, None
    return float(price.amount), currency_code(price.currency)


def has_price(text: str) -> bool:
    return bool(PRICE.search(text))


def has_unrendered_price(text: str) -> bool:
    return bool(_UNRENDERED_PRICE.search(text))


def is_price_line(text: str) -> bool:
    """A line that states a price (or a price that failed to render), short enough to be a card's."""
    if len(text) > 80:
        return False
    return has_price(text) or has_unrendered_price(text)


def is_monthly_line(text: str) -> bool:
    return bool(_PER_MONTH.search(text))


def parse_term(text: str) -> tuple[float | None, str | None]:
    """('1 Year' -> 12.0, '1 Year'); ('every 4 weeks' -> 0.92, 'every 4 weeks'); else (None, None)."""
    for word, months in _NAMED_TERMS.items():
        if m := re.search(rf"\b{word}\b", text, re.I):
            return months, m.group(0)
    m = TERM.search(text)
    if not m:
        return None, None
    n = m["n"]
    count = 1 if n is None else (int(n) if n.isdigit() else _WORD_NUM[n.lower()])
    unit = m["unit"].lower().rstrip("s")
    unit = {"yr": "year", "mo": "month"}.get(unit, unit)
    months = round(count * _UNIT_MONTHS[unit], 2)
    return months, m.group(0).strip()


def find_price(line: str) -> tuple[str | None, float | None, str | None, int]:
    """(price as printed, amount, ISO currency, end offset) of a line's first price; an
    unrendered price gives its placeholder text with amount None."""
    m = PRICE.search(line)
    u = _UNRENDERED_PRICE.search(line)
    if m and (not u or m.start() <= u.start()):
        amount, currency = parse_money(m.group(0))
        return m.group(0), amount, currency, m.end()
    if u:
        placeholder = UNRENDERED.search(u.group(0))
        text = placeholder.group(0) if placeholder else u.group(0).strip()
        return text, None, None, u.end()
    return None, None, None, 0


def is_term_line(text: str) -> bool:
    """A line that is only a billing term ('3 Months', '1 Year', 'Annual')."""
    t = text.strip().lower()
    if t in _NAMED_TERMS:
        return True
    return bool(re.fullmatch(r"(?:for\s+|every\s+|billed\s+)?(?:\d+|one|two|three|six|twelve)\s+"
                             r"(?:months?|years?|weeks?|days?)(?:\s+plan)?", t))


def build_offer(plan: str | None, price_line: str | None, term_line: str | None,
                monthly_line: str | None) -> Offer:
    """One offer from the lines of a plan card (any of them may be missing). A price line may
    carry its term ("$1 for 6 months", "$199/year") or be a per-month price ("₹299/Month")."""
    flags: list[str] = []
    price_text, price, currency, end = find_price(price_line) if price_line else (None, None, None, 0)
    if price_line and price is None:
        flags.append("price_unrendered")
    rest = price_line[end:] if price_line else ""
    if term_line:
        term_months, _ = parse_term(term_line)
        term_text = term_line
    else:
        term_months, term_text = parse_term(rest) if rest.strip() else (None, None)
    monthly_price = monthly_text = None
    if monthly_line:
        monthly_text, monthly_price, mcur, _ = find_price(monthly_line)
        monthly_text = monthly_line
        currency = currency or mcur
        if monthly_price is None:
            flags.append("monthly_price_unrendered")
    elif price_line and is_monthly_line(price_line) and term_months == 1.0:
        # "₹299/Month" alone: the price is itself the per-month price.
        monthly_price, monthly_text = price, price_line
    if term_months is None:
        flags.append("term_unknown")
    computed = round(price / term_months, 2) if price is not None and term_months else None
    if monthly_price is not None and computed is not None:
        if abs(monthly_price - computed) > max(1.0, 0.02 * computed):
            flags.append("monthly_price_mismatch")
    return Offer(
        plan=plan, price=price, currency=currency, price_text=price_text,
        term_months=term_months, term_text=term_text, monthly_price=monthly_price,
        monthly_price_text=monthly_text, computed_monthly_price=computed, flags=flags,
    )
