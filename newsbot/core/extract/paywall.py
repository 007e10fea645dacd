"""Paywalls: meter messages, calls to action, plan cards, renewal terms and benefits.

`line_kind` names what one paywall line is; `parse_paywall` walks the lines of a paywall
(a widget's blocks, or the tail of a plain-text page) and fills a `Paywall`, telling the
caller which lines it used so that every line lands in exactly one field.
"""

from __future__ import annotations

import re

from newsbot.core.record import Benefit, Paywall
from . import offers
from .blocks import Block
from .offers import find_price
from .text import fold, may_hold

METER = re.compile(
    r"(?:reached your (?:free )?(?:article )?limit|you have (?P<left>\d+|no|one|two|three|four|five) free "
    r"(?:articles?|stories|reads?) (?:left|remaining)|(?P<left2>\d+) free (?:articles?|stories) (?:left|remaining)|"
    r"this is your (?:last|final|\w+) free (?:article|story)|free articles? (?:this|per|a) month|"
    r"you(?:'ve| have) (?:read|used) (?:all )?(?:your )?(?:\d+ )?free|"
    r"(?P<used>\d+) (?:of|/|out of) (?P<limit>\d+) (?:free )?(?:articles?|stories)(?: read)?)",
    re.I,
)
# Meters in other forms than "N of M": "N articles remaining", other languages' "N free
# articles a month" (ladiaria: "10 artículos gratis por mes"; "Sie haben noch 3 kostenlose Artikel").
_ARTICLES = r"(?:articles?|stories|reads|artículos|notas|artigos|matérias|artikel|articoli|artykuł\w*)"
_FREE = r"(?:free|gratis|gratuitos?|gr[áa]tis|gratuits?|kostenlose?n?|gratuiti|darmowe?\w*)"
METER_MORE = re.compile(
    rf"\b(?P<n>\d+) (?:{_FREE} {_ARTICLES}|{_ARTICLES} {_FREE})\b|"
    rf"\b(?P<left>\d+) {_ARTICLES} (?:left|remaining)\b|"
    r"\b(?:te quedan?|le quedan?|restam|il vous reste|sie haben noch|ti restano)\s+(?P<left2>\d+)\b|"
    r"\bdein(?:e)? letzte[rn]? (?:kostenlose[rn]? )?artikel\b|\btu [uú]ltim[oa] (?:art[ií]culo|nota) gratis\b",
    re.I,
)
_LIMIT = re.compile(r"limit of (?P<n>\d+) free", re.I)

SUBSCRIBER_WORDS = ("subscribers", "subscriber", "members", "abonnenten", "suscriptores", "assinantes", "abonnés",
                    "abbonati", "prenumeratorów", "subskrybentów")
ONLY_WORDS = ("only", "exclusively", "exclusive", "solely", "exklusiv", "nur", "exclusivo", "exclusiva", "solo",
              "sólo", "só", "apenas", "réservé", "réservée", "riservato", "esclusivo", "tylko")
"""A subscribers-only label is an "only" word and a "subscribers" word, in either order, in
one short line ("Exklusiv für Abonnenten", "This story is available exclusively to X
subscribers", "Article réservé aux abonnés", "For subscribers only")."""
_SUBS = "|".join(re.escape(w) for w in sorted(SUBSCRIBER_WORDS, key=len, reverse=True))
_ONLY = "|".join(re.escape(w) for w in sorted(ONLY_WORDS, key=len, reverse=True))
# "Only subscribers can save articles": a feature kept for subscribers, not this story.
_FEATURE = r"(?!\s+(?:can|may|could|get to|podem|pode|pueden|puede|können|kann|peuvent|peut|possono|può|mogą)\b)"
SUBSCRIBER_ONLY = re.compile(
    rf"(?<!\w)(?:{_ONLY})(?!\w)[^.!?]{{0,48}}?(?<!\w)(?:{_SUBS})(?!\w){_FEATURE}|"
    rf"(?<!\w)(?:{_SUBS})[- ](?:{_ONLY}|exclusive|exclusives)(?!\w)",
    re.I,
)
PREMIUM_LABEL = re.compile(r"^(?:premium|plus|pro|prime|exclusive|exklusiv|abo|[A-Z]{1,4}\s?\+|"
                           r"(?:premium|plus|pro)[- ](?:artikel|article|story|content|inhalt|contenido|conteúdo))$", re.I)
"""A premium label ("Premium", "BZ+", "Premium-Artikel") marks a subscribers-only story
when it stands beside a paywall."""


_SUBSCRIBER_STEMS = ("subscriber", "members", "abonnenten", "suscriptores", "assinantes", "abonn", "abbonati",
                     "prenumerator", "subskrybent")
"""ASCII stems of SUBSCRIBER_WORDS: both SUBSCRIBER_ONLY forms hold one."""
_METER_WORDS = ("limit", "free", "artikel", "gratis")
"""Every METER and METER_MORE form holds one of these or a digit."""
_DIGIT = re.compile(r"\d")


def is_subscriber_only(text: str) -> bool:
    return len(text) < 200 and may_hold(text, _SUBSCRIBER_STEMS) and bool(SUBSCRIBER_ONLY.search(text))


def is_premium_label(text: str) -> bool:
    return len(text) < 60 and bool(PREMIUM_LABEL.search(text.strip()))
HEADER = re.compile(r"^(?:one subscription\. two world-class reads\.?|subscribe to continue reading|"
                    # A subscription's one-device notice (El País: "Tu suscripción se está usando en
                    # otro dispositivo", then its options to add a user or keep reading here).
                    r"(?:tu suscripci[oó]n se est[aá] usando en otro dispositivo|"
                    r"your (?:subscription|account) is being used on (?:another|a different) device)\b.{0,120}|"
                    r"this (?:article|story) is (?:for|only for|available to|exclusively for) (?:our )?(?:subscribers|members)(?: only)?\.?|"
                    r"(?:this is a )?premium (?:story|article|content)\.?|exclusive for subscribers\.?|"
                    # A registration wall's header (Nature: "Log in or create an account to continue";
                    # "Please sign in or create a free account to continue reading").
                    r"(?:please )?(?:(?:log ?in|sign ?in|register)(?: (?:or|and) (?:create (?:a |an |your )?(?:free )?account|"
                    r"register|sign up))?|create (?:a |an |your )?(?:free )?account)(?: for free)? to (?:continue|keep)"
                    r"(?: reading)?(?: (?:this|the) (?:article|story))?\.?|"
                    r"this is an? [\w .-]{2,40}? (?:pro|premium|plus|prime|exclusive) (?:story|article)\.?"
                    r"(?: subscribe to (?:read|continue reading|unlock) the (?:full |rest of the )?(?:story|article)\.?)?)$", re.I)
CTA = re.compile(
    r"^(?:subscribe\b|already (?:a )?(?:subscribed|subscriber|member|registered|have an account)|log ?in\b|"
    r"sign ?in\b|sign up\b|register\b|start (?:your )?(?:free )?trial|get (?:full|unlimited|digital|instant) access|"
    r"unlock\b|become a (?:member|subscriber)|continue reading\b|read the full story|buy now\b|"
    r"choose (?:your )?(?:a )?plan|see (?:all )?(?:subscription )?(?:plans|offers|options)|"
    r"view (?:all )?plans|try (?:\w+ )?for|join now|cancel anytime\.?$|"
    r"(?:to )?(?:continue|keep) reading,? (?:subscribe|log in|sign in)|"
    # Other languages' subscribe and sign-in prompts (Spanish, Portuguese, French, German, Italian).
    r"suscr[ií]b(?:ete|ite|ase|irse)\b|ya (?:sos|eres|es) suscriptor|assine\b|assinar\b|j[áa] (?:é|sou) assinante|"
    r"abonnez-vous|s'abonner|je m'abonne|jetzt abonnieren|abonnieren\b|abonnent werden|abbonati\b|"
    r"ingres[aá]\b|iniciar sesi[oó]n|inicia sesi[oó]n|entrar\b|se connecter|anmelden\b)", re.I)
_ARROW = re.compile(r"[→»›]\s*$")
RENEWAL = re.compile(r"renews? automatically|auto[- ]?renew|renewal|cancel (?:any ?time|at any time)|"
                     r"billed (?:annually|monthly|yearly|every)|recurring (?:payment|billing)|"
                     r"until you cancel", re.I)
BENEFITS_HEADING = re.compile(r"what(?:'|’)?s included|(?:subscriber|subscription|member(?:ship)?) benefits|"
                              r"why subscribe|what you (?:get|will get)|benefits of|included in (?:all|every|our)|"
                              r"everything you (?:get|need)|^(?:incluye|inclui|includes|inclus|enthalten|inklusive|"
                              r"podés disfrutar|tus beneficios|seus benefícios|ihre vorteile|vos avantages)\b", re.I)


def is_meter(text: str) -> bool:
    return len(text) < 200 and (bool(_DIGIT.search(text)) or may_hold(text, _METER_WORDS)) and bool(
        METER.search(text) or METER_MORE.search(text))


def is_header(text: str) -> bool:
    return bool(HEADER.match(fold(text))) or is_subscriber_only(text)


def is_cta(text: str) -> bool:
    if "newsletter" in text.lower():
        return False
    return len(text) < 120 and (bool(CTA.match(fold(text))) or (bool(_ARROW.search(text)) and "subscri" in text.lower()))


def is_renewal(text: str) -> bool:
    return len(text) < 200 and bool(RENEWAL.search(text))


def is_benefits_heading(text: str) -> bool:
    return len(text) < 120 and bool(BENEFITS_HEADING.search(fold(text)))


def is_paywall_line(text: str) -> bool:
    """A line that belongs to a paywall wherever it stands."""
    return is_meter(text) or is_header(text) or is_cta(text) or offers.is_price_line(text)


def starts_paywall(blocks: list[Block], i: int) -> bool:
    """True when block i opens a paywall inside story text: a meter or header line, or a
    call to action with plan lines (a price or a term) close behind it. Prices alone do
    not open one: deal and market stories are full of them."""
    text = blocks[i].text
    if is_meter(text) or is_header(text):
        return True
    if not is_cta(text):
        return False
    near = [b.text for b in blocks[i + 1:i + 5]]
    return any(offers.is_price_line(t) or offers.is_term_line(t) for t in near)


def _plan_name(text: str) -> bool:
    return (len(text) <= 48 and not offers.has_price(text) and not offers.is_term_line(text)
            and not is_cta(text) and not is_meter(text) and not is_renewal(text)
            and not text.endswith((".", ":")) and len(text.split()) <= 6
            and not offers.UNRENDERED.fullmatch(text.strip()))


def parse_paywall(blocks: list[Block], dollar: str | None = None) -> tuple[Paywall, list[bool]]:
    """Parse a paywall's lines; returns the paywall and, per line, whether it was used.
    dollar: the currency a bare "$" means on this page (offers.dollar_for)."""
    pw = Paywall()
    used = [False] * len(blocks)
    texts = [b.text for b in blocks]
    n = len(blocks)
    in_benefits = False
    i = 0
    while i < n:
        t = texts[i]
        if is_meter(t) and pw.meter_message is None:
            pw.meter_message = t
            if m := _LIMIT.search(t):
                pw.free_limit = int(m["n"])
            if m := METER.search(t):
                if m["limit"]:
                    pw.free_limit = int(m["limit"])
                    pw.free_remaining = max(0, int(m["limit"]) - int(m["used"]))
                left = m["left"] or m["left2"]
                if left:
                    pw.free_remaining = int(left) if left.isdigit() else {"no": 0, "one": 1, "two": 2, "three": 3,
                                                                          "four": 4, "five": 5}[left.lower()]
            elif m := METER_MORE.search(t):
                if m["n"]:
                    pw.free_limit = int(m["n"])
                if m["left"] or m["left2"]:
                    pw.free_remaining = int(m["left"] or m["left2"])
            used[i] = True
        elif is_header(t) and pw.meter_message is None and not in_benefits:
            pw.meter_message = t
            used[i] = True
        elif is_benefits_heading(t) and pw.benefits_heading is None:
            pw.benefits_heading = t
            in_benefits = True
            used[i] = True
        elif is_renewal(t) and not offers.is_price_line(t):
            pw.renewal = t if pw.renewal is None else f"{pw.renewal} {t}"
            used[i] = True
        elif is_cta(t) and not offers.is_price_line(t) and not (in_benefits and _has_description(blocks, i)):
            # A call to action ends a benefits list ("Subscribe now" after the last benefit).
            pw.calls_to_action.append(t)
            used[i] = True
            in_benefits = False
        elif in_benefits:
            i = _take_benefit(blocks, i, pw, used)
            continue
        elif (j := _card_end(texts, i)) is not None:
            _take_card(texts, i, j, pw, used, dollar)
            i = j
            continue
        i += 1
    # A paywall printed twice (a first and a second barrier, a desktop and a mobile copy)
    # states each plan once.
    unique = []
    for o in pw.offers:
        if o not in unique:
            unique.append(o)
    pw.offers = unique
    for t in texts:
        for m in offers.UNRENDERED.finditer(t):
            if m.group(0) not in pw.unrendered:
                pw.unrendered.append(m.group(0))
    return pw, used


def _card_end(texts: list[str], i: int) -> int | None:
    """If a plan card starts at i (optional name, price line, optional term and per-month
    lines), the index after it; else None."""
    j = i
    if (_plan_name(texts[j]) or offers.is_term_line(texts[j])) and j + 1 < len(texts) \
            and offers.is_price_line(texts[j + 1]):
        j += 1  # the plan's name; a term ("Annual") names a plan too
    if not offers.is_price_line(texts[j]):
        return None
    j += 1
    if j < len(texts) and _is_sale_price(texts[j - 1], texts[j]):
        j += 1
    if j < len(texts) and offers.is_term_line(texts[j]):
        j += 1
    if j < len(texts) and offers.is_monthly_line(texts[j]) and not _starts_offer(texts[j]):
        j += 1
    return j


def _is_sale_price(list_line: str, line: str) -> bool:
    """A price line right after a bare price line, lower and in the same currency: the first
    was the struck list price ("$9.99" then "$4.99")."""
    if offers.PRICE.fullmatch(list_line.strip()) is None or not offers.has_price(line) or _starts_offer(line) \
            or offers.is_monthly_line(line):  # "₹2,999" then "₹250/month" is its per-month price
        return False
    a, b = offers.parse_money(list_line), offers.parse_money(line)
    return a[0] is not None and b[0] is not None and b[0] < a[0] and a[1] == b[1]


def _starts_offer(text: str) -> bool:
    return bool(re.match(r"(?:then|only|just)\b", text, re.I))


def _take_card(texts: list[str], i: int, j: int, pw: Paywall, used: list[bool], dollar: str | None = None) -> None:
    lines = texts[i:j]
    plan = lines.pop(0) if not offers.is_price_line(lines[0]) else None
    price_line = lines.pop(0)
    if lines and _is_sale_price(price_line, lines[0]):
        price_line = f"{price_line} {lines.pop(0)}"  # list price, then the sale price
    term_line = lines.pop(0) if lines and offers.is_term_line(lines[0]) else None
    if term_line is None and plan and offers.is_term_line(plan):
        term_line = plan  # an "Annual" card: its name is its term
    monthly_line = lines.pop(0) if lines else None
    offer = offers.build_offer(plan, price_line, term_line, monthly_line, dollar)
    for k in range(i, j):
        used[k] = True
    if re.match(r"then\b", price_line, re.I) and pw.offers and pw.offers[-1].intro_term_text is None:
        # "Then $X per month" continues the plan above: that was its introductory price.
        offers.set_intro(offer, pw.offers.pop())
    elif re.match(r"(?:only|just)\b", price_line, re.I) or re.search(r"\b(?:trial|intro|first)\b", price_line, re.I):
        offer.intro = True
    pw.offers.append(offer)


def _has_description(blocks: list[Block], i: int) -> bool:
    """Block i is a benefit's title: its description follows in its card or next to it."""
    b = blocks[i]
    if i + 1 >= len(blocks):
        return False
    nxt = blocks[i + 1]
    return (b.group is not None and nxt.group == b.group) or _is_description(b.text, nxt.text)


def _is_description(title: str, text: str) -> bool:
    return (len(title) <= 60 and not title.endswith(".") and (text.endswith(".") or len(text) > len(title) + 20)
            and not (is_cta(text) or is_renewal(text) or offers.has_price(text)))


def _take_benefit(blocks: list[Block], i: int, pw: Paywall, used: list[bool]) -> int:
    """A benefit: a title and its description. HTML keeps them in one list item (group);
    plain text alternates title and description lines."""
    title = blocks[i].text
    used[i] = True
    group = blocks[i].group
    j = i + 1
    desc: list[str] = []
    if group is not None:
        while j < len(blocks) and blocks[j].group == group:
            desc.append(blocks[j].text)
            used[j] = True
            j += 1
    if group is not None and not desc and j < len(blocks) and _is_description(title, blocks[j].text):
        # Title and description in elements of their own (<h4> then <p>): one benefit.
        desc.append(blocks[j].text)
        used[j] = True
        j += 1
    elif group is None and j < len(blocks) and not (is_cta(blocks[j].text) or is_renewal(blocks[j].text)):
        desc.append(blocks[j].text)
        used[j] = True
        j += 1
    pw.benefits.append(Benefit(title=title, description=" ".join(desc) or None))
    return j


SITE_PROMO = "site_promo"
"""Flag of an offer read from a priced subscription link outside any paywall (the header's
"Subscribe for $0.99/week"): the publisher's plan, no evidence that this story is walled."""


_PITCH = re.compile(
    r"^(?:get (?:access to|unlimited access to|full access to)|subscribe (?:to|for)|try|join|unlock|upgrade to|"
    r"become a (?:member|subscriber))\b[^.!?]{0,200}?\b(?:subscriptions?|premium|pro|plus|prime|membership|digital)\b"
    r"[^.!?]{0,120}?\b(?:for (?:as little as|just|only)|at (?:just|only|as little as)|starting (?:at|from)|"
    r"from (?:just|only))\s+", re.I)
PITCH_MAX = 600
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def pitch_offer(text: str, dollar: str | None = None):
    """The offer of a subscription pitch set in prose at a story's end ("Get access to India's
    fastest growing financial subscriptions service Moneycontrol Pro for as little as Rs 599
    for first year. Use the code ..."), flagged SITE_PROMO; None for any other line. The pitch
    walls no story: it is the publisher's price, like a header's subscription link."""
    if len(text) > PITCH_MAX or not (m := _PITCH.match(text)):
        return None
    rest = text[m.end():]
    _, amount, _, end = find_price(rest[:80])
    if amount is None:
        return None
    stop = _SENTENCE_END.search(rest, end)
    offer = offers.build_offer(None, rest[:stop.start() if stop else len(rest)], None, None, dollar)
    offer.flags.append(SITE_PROMO)
    return offer


def promo_offers(promos: list[list[Block]], dollar: str | None = None) -> list:
    """The offers of the site's priced subscription links (html.subscription_promos), each
    read as a small paywall and flagged SITE_PROMO; a price that is no plan's stays out."""
    out = []
    for blocks in promos:
        pw, _ = parse_paywall(blocks, dollar)
        for o in pw.offers:
            if o.price is None:
                continue
            o.flags.append(SITE_PROMO)
            out.append(o)
    return out
