"""Subscription offers: where a price, a term and a per-month price are parsed.

Money strings go through price-parser; this module only finds where a price stands in a
line, names its currency in ISO 4217, reads the billing term and checks the printed
per-month price against price / term. A price that did not render ("undefined", "{{x}}")
is null with a flag, never a number.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from price_parser import Price

from newsbot.core.record import Offer
from .text import may_hold

# --- vocabularies: one table each, the patterns generated from them ---------------------------

CURRENCY_SIGNS: dict[str, str | None] = {
    "₹": "INR", "Rs": "INR", "Rs.": "INR", "INR": "INR",
    "US$": "USD", "USD": "USD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD", "HK$": "HKD", "HKD": "HKD", "N$": "NAD", "NAD": "NAD",
    "€": "EUR", "EUR": "EUR", "Euro": "EUR", "Euros": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY", "CHF": "CHF",
    "R": "ZAR", "ZAR": "ZAR", "KSh": "KES", "Ksh": "KES", "KES": "KES", "₦": "NGN", "NGN": "NGN",
    "zł": "PLN", "PLN": "PLN", "₱": "PHP", "PHP": "PHP", "RM": "MYR", "MYR": "MYR",
    "R$": "BRL", "BRL": "BRL", "MX$": "MXN", "MXN": "MXN", "AR$": "ARS", "ARS": "ARS", "$U": "UYU", "UYU": "UYU",
    "COL$": "COP", "COP": "COP", "CLP": "CLP", "₩": "KRW", "KRW": "KRW", "₺": "TRY", "฿": "THB",
    "$": None,
}
"""Printed currency signs and codes -> ISO 4217; None: a sign several countries use ("$"),
resolved from the publisher's country (see `dollar_for`) and flagged `currency_assumed`."""

DOLLAR_BY_COUNTRY = {"us": "USD", "ca": "CAD", "au": "AUD", "nz": "NZD", "sg": "SGD", "hk": "HKD", "na": "NAD",
                     "jm": "JMD", "tt": "TTD", "bs": "BSD", "bb": "BBD", "lr": "LRD", "tw": "TWD", "fj": "FJD",
                     "ar": "ARS", "mx": "MXN", "co": "COP", "cl": "CLP", "uy": "UYU", "do": "DOP", "cu": "CUP",
                     "ec": "USD", "sv": "USD", "pr": "USD", "pa": "USD", "zw": "USD"}
"""Country code -> the currency it prints as a bare "$" (the dollars, and the pesos that use the sign)."""
COUNTRY_NAMES = {"united states": "us", "usa": "us", "canada": "ca", "australia": "au", "new zealand": "nz",
                 "singapore": "sg", "hong kong": "hk", "namibia": "na", "argentina": "ar", "mexico": "mx",
                 "méxico": "mx", "colombia": "co", "chile": "cl", "uruguay": "uy", "jamaica": "jm"}
"""Country names a JSON-LD address prints instead of a code."""
DOLLAR_CURRENCIES = frozenset(DOLLAR_BY_COUNTRY.values())
"""Currencies printed as a bare "$": a profile whose currency is one of them names the page's dollar."""
USD_ASSUMED_LANGUAGES = ("en", "")
"""A bare "$" with no country anywhere is taken as USD (flagged `currency_assumed`) only on
English pages or pages without a language; elsewhere it is a peso as often as a dollar:
null, flagged `currency_unknown`."""

_SIGNS_BEFORE = sorted((k for k in CURRENCY_SIGNS if k not in ("R",)), key=len, reverse=True)
_CODES_AFTER = ("INR", "USD", "EUR", "GBP", "AUD", "CAD", "NZD", "SGD", "CHF", "€", "£", "zł", "Euro", "Euros", "euro",
                "euros")
_CUR = "(?:" + "|".join(re.escape(k) for k in _SIGNS_BEFORE) + r"|R(?=\s?\d))"
_NUM = r"\d[\d,]*(?:\.\d+)?"
PRICE = re.compile(rf"(?<![\w$])(?:{_CUR}\s?{_NUM}|{_NUM}\s?(?:{'|'.join(re.escape(c) for c in _CODES_AFTER)})(?!\w))")
UNRENDERED = re.compile(r"\{\{\s*[\w.\- ]+\s*\}\}|\$\{[\w.]+\}|\{%.*?%\}|%[A-Z_]{3,}%|\[object Object\]|\bundefined\b|\bNaN\b")
_UNRENDERED_PRICE = re.compile(
    rf"(?:^|\b(?:only|then|just|for|at)\s+|{_CUR}\s?)(?:undefined|NaN|null|\{{\{{[^}}]*\}}\}})"
    r"(?=\s*(?:$|/|per\b|for\b|every\b|a\b))",
    re.I,
)

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
                # German, Spanish, Portuguese, French
                "ein": 1, "einen": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "sechs": 6, "zwölf": 12,
                "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "seis": 6, "doce": 12,
                "um": 1, "uma": 1, "dois": 2, "três": 3, "quatro": 4, "deux": 2, "trois": 3, "quatre": 4, "douze": 12}
TERM_UNITS = {"day": 12 / 365, "week": 12 / 52, "wk": 12 / 52, "fortnight": 12 / 26, "month": 1.0, "mo": 1.0,
              "mth": 1.0, "quarter": 3.0, "qtr": 3.0, "year": 12.0, "yr": 12.0, "annum": 12.0,
              # Spanish, Portuguese, French, German, Italian, Polish (singular; plurals below)
              "mes": 1.0, "meses": 1.0, "mês": 1.0, "mois": 1.0, "monat": 1.0, "monate": 1.0, "monaten": 1.0,
              "mese": 1.0, "mesi": 1.0, "miesiąc": 1.0, "mies": 1.0, "semana": 12 / 52, "semanas": 12 / 52,
              "semaine": 12 / 52, "woche": 12 / 52, "wochen": 12 / 52, "settimana": 12 / 52, "año": 12.0,
              "años": 12.0, "ano": 12.0, "anos": 12.0, "année": 12.0, "jahr": 12.0, "jahre": 12.0, "anno": 12.0,
              "rok": 12.0}
"""Billing units -> months."""
NAMED_TERMS = {"monthly": 1.0, "quarterly": 3.0, "half-yearly": 6.0, "half yearly": 6.0, "semi-annual": 6.0,
               "semiannual": 6.0, "annual": 12.0, "annually": 12.0, "yearly": 12.0, "weekly": 12 / 52,
               "fortnightly": 12 / 26, "daily": 12 / 365,
               "mensual": 1.0, "mensal": 1.0, "mensuel": 1.0, "monatlich": 1.0, "mensile": 1.0, "anual": 12.0,
               "annuel": 12.0, "jährlich": 12.0, "annuale": 12.0, "semanal": 12 / 52, "wöchentlich": 12 / 52}
"""Words that name a whole term."""
MONTH_UNITS = tuple(u for u, months in TERM_UNITS.items() if months == 1.0)

_NUMBER = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_UNIT = "|".join(sorted(TERM_UNITS, key=len, reverse=True))
_LEAD = r"every|per|for|a|an|por|pro|par|al|je|cada|für|pour|durante|during"
TERM = re.compile(
    rf"(?P<lead>\b(?:{_LEAD})\s+|/\s*)?(?P<n>\d+|{_NUMBER})?\s*(?<![^\W\d_])(?P<unit>{_UNIT})s?\.?(?![^\W\d_])",
    re.I,
)
_NAMED_ALT = "|".join(re.escape(t) for t in sorted(NAMED_TERMS, key=len, reverse=True))
_NAMED = re.compile(rf"\b(?:{_NAMED_ALT})\b", re.I)
_TERM_LINE = re.compile(
    rf"(?:(?:for|every|billed|per)\s+)?(?:(?:\d+|{_NUMBER})\s*)?(?:{_UNIT})s?\.?"
    rf"(?:\s+(?:plan|subscription|access|pass|membership))?|(?:billed\s+)?(?:{_NAMED_ALT})"
    rf"(?:\s+(?:plan|subscription|access|pass|membership))?",
    re.I,
)
_MONTH = "|".join(sorted(MONTH_UNITS, key=len, reverse=True))
_PER_MONTH = re.compile(rf"(?:{PRICE.pattern}|undefined|NaN)\s*(?:/\s*|per\s+|a\s+|al\s+|por\s+|pro\s+|par\s+)"
                        rf"(?:{_MONTH})(?![^\W\d_])", re.I)
_PRICED_TERM = re.compile(rf"(?:{PRICE.pattern})\s*(?:/\s*|per\s+|a\s+|al\s+|por\s+|pro\s+|par\s+|every\s+|for\s+)"
                          rf"(?:\d+\s*)?(?:{_UNIT})(?![^\W\d_])", re.I)
_PRICE_LEAD = re.compile(r"\s*(?:(?:for|por|para|für|pour|per|at|à|a|um|zum)\s*)?[:\-–—]?\s*", re.I)
"""What may stand between a term and the price it names ("First month for $1", "1 Jahr für 50 €")."""
_INTRO_SPLIT = re.compile(r"\b(?:then|after that|thereafter|afterwards|renews at|rising to|danach|anschließend|"
                          r"luego|después|depois|ensuite|puis|poi)\b", re.I)


def currency_code(symbol: str | None) -> str | None:
    """ISO 4217 code for a printed currency sign or code (None for a bare "$")."""
    if not symbol:
        return None
    sign = symbol.strip()
    return CURRENCY_SIGNS.get(sign, CURRENCY_SIGNS.get(sign.upper(), CURRENCY_SIGNS.get(sign.capitalize())))


def dollar_for(url: str | None, locale: str | list[str | None] | None, country: str | None = None,
               profile_currency: str | None = None) -> str | None:
    """The currency a bare "$" means on a page, from what names its country: the
    publisher's profile (a dollar currency), any of its locales with a country part
    (og:locale en_CA, JSON-LD inLanguage, <html lang="es-UY">), the JSON-LD publisher's
    address, its country domain (.com.au); None when nothing names one."""
    if profile_currency in DOLLAR_CURRENCIES:
        return profile_currency
    for loc in ([locale] if isinstance(locale, str) or locale is None else locale):
        loc = (loc or "").replace("-", "_")
        if "_" in loc and (code := DOLLAR_BY_COUNTRY.get(loc.rsplit("_", 1)[1].lower())):
            return code
    key = (country or "").strip().lower()
    if code := DOLLAR_BY_COUNTRY.get(COUNTRY_NAMES.get(key, key)):
        return code
    host = (urlsplit(url).hostname or "") if url else ""
    return DOLLAR_BY_COUNTRY.get(host.rsplit(".", 1)[-1]) if "." in host else None


UNKNOWN_DOLLAR = "?"
"""`dollar` value for a page whose language makes a bare "$" unsure (see USD_ASSUMED_LANGUAGES)."""


def page_dollar(url: str | None, locales: list[str | None], country: str | None = None,
                profile_currency: str | None = None) -> str | None:
    """dollar_for, and UNKNOWN_DOLLAR when nothing names the country on a page in another
    language than English (a bare "$" there is no sure USD)."""
    found = dollar_for(url, locales, country, profile_currency)
    if found:
        return found
    lang = next((loc.replace("-", "_").split("_")[0].lower() for loc in locales if loc), "")
    return None if lang in USD_ASSUMED_LANGUAGES else UNKNOWN_DOLLAR


def parse_money(text: str) -> tuple[float | None, str | None]:
    """The first amount in text and its ISO currency (None for a bare "$"), via price-parser."""
    m = PRICE.search(text)
    if not m:
        return None, None
    price = Price.fromstring(m.group(0))
    if price.amount is None:
        return None, None
    sign = m.group(0).replace(price.amount_text or "", "").strip() if price.amount_text else price.currency
    return float(price.amount), currency_code(sign or price.currency)


def has_price(text: str) -> bool:
    return bool(PRICE.search(text))


_UNRENDERED_WORDS = ("undefined", "nan", "null", "{{")
"""What every _UNRENDERED_PRICE match holds: the placeholder."""


def has_unrendered_price(text: str) -> bool:
    return may_hold(text, _UNRENDERED_WORDS) and bool(_UNRENDERED_PRICE.search(text))


def is_price_line(text: str) -> bool:
    """A line that states a price (or a price that failed to render), short enough to be a card's."""
    if len(text) > 80:
        # A longer line is a plan's only when its price carries a term ("... Assine por
        # apenas R$5,94/mês."): a sentence that merely mentions money is not.
        return len(text) <= 140 and bool(_PRICED_TERM.search(text))
    return has_price(text) or has_unrendered_price(text)


def is_monthly_line(text: str) -> bool:
    return bool(_PER_MONTH.search(text))


def parse_term(text: str) -> tuple[float | None, str | None]:
    """('1 Year' -> 12.0, '1 Year'); ('every 4 weeks' -> 0.92, 'every 4 weeks'); else (None, None)."""
    if m := _NAMED.search(text):
        return round(NAMED_TERMS[m.group(0).lower()], 2), m.group(0)
    m = TERM.search(text)
    if not m:
        return None, None
    n = m["n"]
    count = 1 if n is None else (int(n) if n.isdigit() else NUMBER_WORDS[n.lower()])
    unit = m["unit"].lower()
    months = round(count * TERM_UNITS[unit], 2)
    return months, m.group(0).strip()


def find_price(line: str) -> tuple[str | None, float | None, str | None, int]:
    """(price as printed, amount, ISO currency, end offset) of a line's first price; an
    unrendered price gives its placeholder text with amount None."""
    m = PRICE.search(line)
    u = _UNRENDERED_PRICE.search(line) if may_hold(line, _UNRENDERED_WORDS) else None
    if m and (not u or m.start() <= u.start()):
        amount, currency = parse_money(m.group(0))
        return m.group(0), amount, currency, m.end()
    if u:
        placeholder = UNRENDERED.search(u.group(0))
        text = placeholder.group(0) if placeholder else u.group(0).strip()
        return text, None, None, u.end()
    return None, None, None, 0


def is_term_line(text: str) -> bool:
    """A line that is only a billing term ('3 Months', '1 Year', 'Annual', 'four weeks', '1 quarter')."""
    return bool(_TERM_LINE.fullmatch(text.strip()))


def build_offer(plan: str | None, price_line: str | None, term_line: str | None,
                monthly_line: str | None, dollar: str | None = None) -> Offer:
    """One offer from the lines of a plan card (any of them may be missing). A price line may
    carry its term ("$1 for 6 months", "$199/year"), be a per-month price ("₹299/Month"),
    state an introductory price and the regular one ("$1 for 6 months, then $17 every 4
    weeks") or a struck list price beside the sale price ("$9.99 $4.99/month").

    dollar: the currency a bare "$" means on this page (None: USD); either way the offer is
    flagged `currency_assumed`."""
    flags: list[str] = []
    intro = None
    if price_line and (split := _INTRO_SPLIT.search(price_line)) and has_price(price_line[:split.start()]):
        # The introductory part is priced and termed on its own; the regular part is the offer.
        intro = build_offer(None, price_line[:split.start()].rstrip(" ,;"), None, None, dollar)
        price_line = price_line[split.start():]
    price_text, price, currency, end = find_price(price_line) if price_line else (None, None, None, 0)
    list_price = None
    if price_line and price is not None:
        nxt_text, nxt, nxt_cur, nxt_end = find_price(price_line[end:])
        if nxt is not None and nxt < price and nxt_cur == currency and not parse_term(price_line[end:end + (nxt_end - len(nxt_text))])[0]:
            # Two prices and no term between them: the first, higher one is the struck list price.
            list_price, price_text, price, end = price, nxt_text, nxt, end + nxt_end
    if price_line and price is None:
        flags.append("price_unrendered")
    if price is not None and currency is None and price_text and "$" in price_text:
        if dollar == UNKNOWN_DOLLAR:
            flags.append("currency_unknown")
        else:
            currency = dollar or "USD"
            flags.append("currency_assumed")
    rest = price_line[end:] if price_line else ""
    if term_line:
        term_months, _ = parse_term(term_line)
        term_text = term_line
    else:
        term_months, term_text = parse_term(rest) if rest.strip() else (None, None)
        if term_months is None and price_line and price_text:
            # "Try 1 month for $1", "12 issues for £37.99": the term printed before the price.
            before = price_line[:max(price_line.find(price_text), 0)]
            # Counted, led or right before the price ("1 month", "per week", "Primer mes por"); a
            # bare unit further off is a name ("Presidents Day Sale – Start Today for $1").
            unit = TERM.search(before)
            if _NAMED.search(before) or (unit is not None and (unit["n"] or unit["lead"] or _PRICE_LEAD.fullmatch(
                    before[unit.end():]))):
                term_months, term_text = parse_term(before)
    monthly_price = monthly_text = None
    if monthly_line:
        monthly_text, monthly_price, mcur, _ = find_price(monthly_line)
        monthly_text = monthly_line
        currency = currency or mcur
        if monthly_price is None:
            flags.append("monthly_price_unrendered")
    elif price_line and is_monthly_line(price_line) and term_months == 1.0:
        # "₹299/Month" alone: the price is itself the per-month price (a list price before it is not).
        at = price_line.find(price_text) if price_text else 0
        monthly_price, monthly_text = price, price_line[max(at, 0):].strip()
    if term_months is None:
        flags.append("term_unknown")
    computed = round(price / term_months, 2) if price is not None and term_months else None
    if monthly_price is not None and computed is not None:
        if abs(monthly_price - computed) > max(1.0, 0.02 * computed):
            flags.append("monthly_price_mismatch")
    offer = Offer(
        plan=plan, price=price, currency=currency, price_text=price_text,
        term_months=term_months, term_text=term_text, monthly_price=monthly_price,
        monthly_price_text=monthly_text, computed_monthly_price=computed, flags=flags, list_price=list_price,
    )
    if intro is not None:
        set_intro(offer, intro)
    return offer


def set_intro(offer: Offer, intro: Offer) -> None:
    """Make `intro` (an introductory price and term) part of the regular `offer`."""
    offer.intro = True
    offer.intro_price, offer.intro_price_text = intro.price, intro.price_text
    offer.intro_term_months, offer.intro_term_text = intro.term_months, intro.term_text
    offer.currency = offer.currency or intro.currency
    offer.plan = offer.plan or intro.plan
    if "price_unrendered" in intro.flags:
        offer.flags.append("intro_price_unrendered")
    if "currency_assumed" in intro.flags and "currency_assumed" not in offer.flags:
        offer.flags.append("currency_assumed")
