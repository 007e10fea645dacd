"""Offers: prices in every currency form, terms, per-month checks, unrendered prices."""

import pytest

from newsbot.core.extract import extract
from newsbot.core.extract.offers import build_offer, parse_term


@pytest.mark.parametrize("text,months", [
    ("3 Months", 3), ("1 Year", 12), ("2 Years", 24), ("every 4 weeks", 0.92), ("/year", 12),
    ("per month", 1), ("per 3 months", 3), ("Annual", 12), ("for 6 months", 6),
])
def test_terms(text, months):
    assert parse_term(text)[0] == months


@pytest.mark.parametrize("price_line,price,currency,text", [
    ("₹2,700", 2700, "INR", "₹2,700"),
    ("Rs 1,29,999", 129999, "INR", "Rs 1,29,999"),
    ("INR 3,900", 3900, "INR", "INR 3,900"),
    ("$15.99", 15.99, "USD", "$15.99"),
    ("€9,99", 9.99, "EUR", "€9,99"),
    ("£4.99", 4.99, "GBP", "£4.99"),
])
def test_prices(price_line, price, currency, text):
    offer = build_offer("Plan", price_line, "1 Year", None)
    assert (offer.price, offer.currency, offer.price_text) == (price, currency, text)


def test_intro_price_with_term_in_line():
    offer = build_offer(None, "$1 for 6 months", None, None)
    assert (offer.price, offer.currency, offer.price_text, offer.term_months, offer.term_text) == (
        1, "USD", "$1", 6, "for 6 months")


def test_every_four_weeks_computed_monthly():
    offer = build_offer("Digital", "$15.99 every 4 weeks", None, None)
    assert offer.term_months == 0.92 and offer.computed_monthly_price == pytest.approx(17.38, abs=0.01)
    assert offer.monthly_price is None


def test_monthly_mismatch_is_flagged():
    ok = build_offer("Saver", "₹3,900", "2 Years", "₹162/Month")
    bad = build_offer("Saver", "₹3,900", "2 Years", "₹262/Month")
    assert "monthly_price_mismatch" not in ok.flags
    assert "monthly_price_mismatch" in bad.flags


@pytest.mark.parametrize("line", ["Only undefined for 4 weeks", "Then undefined per month", "undefined per 3 months"])
def test_undefined_price_is_null_and_flagged(line):
    offer = build_offer(None, line, None, None)
    assert offer.price is None and offer.price_text == "undefined"
    assert "price_unrendered" in offer.flags


def test_ft_undefined_paywall_plain_text():
    text = ("The first paragraph of the story.\n"
            "Subscribe to unlock this article\n"
            "Trial\nOnly undefined for 4 weeks\nThen undefined per month\n"
            "Standard Digital\nundefined per 3 months\n")
    rec = extract(text.encode())
    pw = rec.paywall
    assert rec.body == ["The first paragraph of the story."]
    assert pw.unrendered == ["undefined"]
    # The trial's introductory price and its regular price are one offer.
    assert [o.plan for o in pw.offers] == ["Trial", "Standard Digital"]
    assert all(o.price is None for o in pw.offers)
    assert [o.term_months for o in pw.offers] == [1, 3]
    assert (pw.offers[0].intro, pw.offers[0].intro_term_months, pw.offers[0].intro_price_text) == (True, 0.92, "undefined")
    assert not pw.offers[1].intro
    assert "undefined" not in [o.plan for o in pw.offers]


def test_us_meter_counts_remaining_not_limit():
    rec = extract(b"Story text here.\nYou have 3 free articles left this month.\nSubscribe now\n")
    assert rec.paywall.free_remaining == 3 and rec.paywall.free_limit is None
    assert rec.access == "metered"


def test_meter_with_number_gives_free_limit():
    rec = extract(b"Story text here.\nYou've reached your limit of 5 free articles this month.\nSubscribe now\n")
    assert rec.paywall.free_limit == 5 and rec.paywall.unrendered == []


# --- issue 14: prefixed currencies, a bare "$" placed by the page's country, other languages ---

@pytest.mark.parametrize("price_line,price,currency", [
    ("N$ 89", 89, "NAD"), ("C$12.99", 12.99, "CAD"), ("A$19", 19, "AUD"), ("R 99", 99, "ZAR"),
    ("KSh 1,000", 1000, "KES"), ("R$ 5,94", 5.94, "BRL"), ("MX$ 129", 129, "MXN"),
])
def test_prefixed_currencies(price_line, price, currency):
    offer = build_offer("Plan", price_line, "1 Month", None)
    assert (offer.price, offer.currency) == (price, currency)


def _plan_page(head: str, html_attrs: str = 'lang="en"', url: str = "https://www.harbourview-gazette.com/news/a1") -> dict:
    story = "".join(f"<p>Paragraph {i} of the ferry story, long enough to be kept as story text by the reader.</p>"
                    for i in range(6))
    page = (f"<html {html_attrs}><head>{head}<title>Ferry service resumes</title></head><body><article>"
            f"<h1>Ferry service resumes</h1>{story}</article>"
            '<div class="subscribe-offer"><h3>Digital Access</h3><p>$9.99/month</p><a href="/s">Subscribe now</a></div>'
            "</body></html>")
    return extract(page.encode(), url=url).paywall.offers[0]


@pytest.mark.parametrize("head,attrs,url,currency,flag", [
    # JSON-LD inLanguage "en" must not hide og:locale's country.
    ('<meta property="og:locale" content="en_CA"><script type="application/ld+json">'
     '{"@type":"NewsArticle","headline":"Ferry service resumes","inLanguage":"en"}</script>', 'lang="en"',
     "https://www.harbourview-gazette.com/a", "CAD", "currency_assumed"),
    ("", 'lang="es-UY"', "https://www.harbourview-gazette.com/a", "UYU", "currency_assumed"),
    ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry service resumes",'
     '"publisher":{"@type":"NewsMediaOrganization","name":"Gazette","address":{"@type":"PostalAddress",'
     '"addressCountry":"AU"}}}</script>', 'lang="en"', "https://www.harbourview-gazette.com/a", "AUD", "currency_assumed"),
    ("", 'lang="en"', "https://www.harbourview-gazette.co.nz/a", "NZD", "currency_assumed"),
    # Nothing names the country: USD on an English page (flagged), null on a Spanish one.
    ("", 'lang="en"', "https://www.harbourview-gazette.com/a", "USD", "currency_assumed"),
    ("", 'lang="es"', "https://www.harbourview-gazette.com/a", None, "currency_unknown"),
])
def test_bare_dollar_takes_the_pages_country(head, attrs, url, currency, flag):
    offer = _plan_page(head, attrs, url)
    assert offer.price == 9.99 and offer.currency == currency and flag in offer.flags


def test_profile_dollar_currency_names_a_bare_dollar():
    from newsbot.core.extract.offers import dollar_for
    assert dollar_for("https://example.com/a", ["en"], None, "CAD") == "CAD"
    assert dollar_for("https://example.com/a", ["en"], None, "INR") is None  # an INR profile names no dollar


@pytest.mark.parametrize("line,price,term,monthly", [
    ("Suscribite por $195/mes", 195, 1, 195), ("Assine por apenas R$5,94/mês.", 5.94, 1, 5.94),
    ("solo $2 por 2 meses", 2, 2, None), ("1 € pro Monat", 1, 1, 1), ("Try 1 month for $1", 1, 1, None),
])
def test_terms_in_other_languages_and_before_the_price(line, price, term, monthly):
    offer = build_offer(None, line, None, None, "UYU")
    assert (offer.price, offer.term_months, offer.monthly_price) == (price, term, monthly)


def test_a_word_holding_a_unit_is_no_term():
    assert parse_term("promo code") == (None, None) and parse_term("games") == (None, None)


def test_shopping_cards_are_not_a_paywall():
    story = "".join(f"<p>Paragraph {i} about rain jackets, long enough to be kept as story text by the reader.</p>"
                    for i in range(6))
    cards = "".join(f'<div class="product-offer-list"><a href="/r{i}">${100 + i}</a> at <span>Store {i}</span></div>'
                    for i in range(3))
    rec = extract(f"<html lang='en'><body><article><h1>Best rain jackets</h1>{story}{cards}</article></body></html>".encode(),
                  url="https://www.harbourview-gazette.com/gear/jackets")
    assert rec.paywall is None and rec.access == "free"


def test_a_paywall_printed_twice_states_each_plan_once():
    story = "".join(f"<p>Paragraph {i} of the story, long enough to be kept as story text by the reader here.</p>"
                    for i in range(6))
    wall = '<div class="paywall-barrier"><p>Leia sem limites. Assine por apenas R$5,94/mês.</p><a href="/a">Já é assinante?</a></div>'
    rec = extract(f"<html lang='pt-BR'><body><article><h1>Notícia</h1>{story}</article>{wall}{wall}</body></html>".encode(),
                  url="https://www.jornal-exemplo.com.br/a")
    assert [(o.price, o.currency, o.term_months) for o in rec.paywall.offers] == [(5.94, "BRL", 1)]


# --- issue 14: subscribers-only labels beside a paywall, meters in more forms ------------------

def _walled(widget: str, head: str = "", header_extra: str = "", lang: str = "en") -> "object":
    story = "".join(f"<p>Paragraph {i} of the harbour story, long enough to be kept as story text by the reader.</p>"
                    for i in range(3))
    page = (f"<html lang='{lang}'><head>{head}</head><body><article><header><h1>Harbour fees rise again</h1>{header_extra}"
            f"</header>{story}</article>{widget}</body></html>")
    return extract(page.encode(), url="https://www.harbourview-gazette.com/news/fees")


@pytest.mark.parametrize("widget,access", [
    ('<div class="inline-paywall"><span>This story is available exclusively to Gazette subscribers. '
     '<a href="/s">Become a member</a> and start reading now.</span></div>', "premium"),
    ('<div class="paywall"><p>Artículo exclusivo para suscriptores</p><a href="/s">Suscríbete</a></div>', "premium"),
    ('<div class="paywall"><p>Réservé aux abonnés</p><p>1 € pour 1 mois</p></div>', "premium"),
    # Subscribers-only features and benefits are not the story's access.
    ('<div class="paywall"><p>Apenas assinantes podem salvar para ler depois</p><p>R$ 9,90/mês</p></div>', "metered"),
    ('<div class="subscribe-box"><p>Suscribite por $60 por mes</p><p>Incluye:</p>'
     '<ul><li>Contenido exclusivo para suscriptores</li></ul></div>', "metered"),
])
def test_subscriber_only_labels_make_a_story_premium(widget, access):
    assert _walled(widget).access == access


def test_premium_badge_in_the_headline_block_beside_paywall_markup():
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour fees rise again",'
          '"isAccessibleForFree":false,"hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,'
          '"cssSelector":".article-page"}}</script>')
    badge = '<div class="zplus-badge"><span class="zplus-badge__text">Exklusiv für Abonnenten</span></div>'
    story = "".join(f"<p>Absatz {i} der Geschichte über den Hafen, lang genug, um als Text zu gelten.</p>" for i in range(3))

    def page(extra: str):
        html = (f"<html lang='de'><head>{ld}</head><body><header><h1>Harbour fees rise again</h1>{extra}</header>"
                f"<main><div class='article-page'>{story}</div></main></body></html>")
        return extract(html.encode(), url="https://www.hafenblatt.de/2026/fees")

    rec = page(badge)
    assert rec.access == "premium" and "subscriber_label" in rec.access_evidence
    assert page("").access != "premium"  # the markup alone: not premium


@pytest.mark.parametrize("line,limit,remaining", [
    ("Registrate para acceder a 10 artículos gratis por mes", 10, None),
    ("You have 2 articles remaining this month", None, 2),
    ("Sie haben noch 3 kostenlose Artikel in diesem Monat", None, 3),
    ("Te quedan 4 notas gratis", None, 4),
    ("You've read 3 of 5 free articles", 5, 2),
])
def test_meters_in_more_forms(line, limit, remaining):
    rec = extract(f"A story line that is long enough here.\n{line}\nSubscribe now\n".encode())
    assert rec.paywall.meter_message == line
    assert (rec.paywall.free_limit, rec.paywall.free_remaining) == (limit, remaining)
    assert rec.access == "metered"


@pytest.mark.parametrize("line,price,term,intro_price,intro_term", [
    # German, with the introductory price first ("danach": then) and the currency as a word.
    ("Zum Start 1 Euro für vier Wochen, danach 6,99 Euro pro Woche.", 6.99, 0.23, 1, 0.92),
    ("Primer mes por $1, luego $9,99 al mes", 9.99, 1, 1, 1),
])
def test_intro_and_regular_price_in_other_languages(line, price, term, intro_price, intro_term):
    offer = build_offer(None, line, None, None, "EUR")
    assert (offer.price, offer.term_months, offer.intro_price, offer.intro_term_months) == (
        price, term, intro_price, intro_term)


# --- issue 14, round 3: paywalls in custom elements, priced subscription links, walled story classes ---

_STORY = "".join(f"<p>Paragraph {i} of the ferry story, long enough to be kept as story text by any reader here.</p>"
                 for i in range(5))


def _page(body: str, head: str = "", lang: str = "en", url: str = "https://www.ferrytown-courier.com/news/ferry"):
    html = f"<html lang='{lang}'><head>{head}</head><body>{body}</body></html>"
    return extract(html.encode(), url=url)


def test_a_paywall_laid_out_in_custom_elements_is_read():
    # A storefront app's own tags (<shop-section id="paywall">) around the banner, text and buttons.
    wall = ('<shop-section id="paywall" class="story-paywall"><shop-html class="paywall-banner"><div>FK+</div>'
            '</shop-html><shop-html class="paywall-text"><div>2 Wochen für nur 2 € lesen<br>'
            '<strong>Alle Plus-Texte</strong></div></shop-html></shop-section>')
    story = "".join(f"<p>Absatz {i} der Geschichte über die Fähre, lang genug, um als Text zu gelten.</p>"
                    for i in range(5))
    rec = _page(f"<article><h1>Fähre fällt aus</h1>{story}</article>{wall}", lang="de",
                url="https://www.faehrkurier.de/lokales/faehre")
    assert [(o.price, o.currency, o.term_months) for o in rec.paywall.offers] == [(2, "EUR", 0.46)]
    assert rec.access == "premium"  # the "FK+" label beside the wall
    bare = _page(f"<article><h1>Fähre fällt aus</h1>{story}</article>", lang="de",
                 url="https://www.faehrkurier.de/lokales/faehre")
    assert bare.paywall is None and bare.access == "free"


@pytest.mark.parametrize("header,price,currency", [
    # the price in the link's own text
    ('<a id="top-subscribe" href="/subscribe?src=header">Subscribe: €15 for 1 year</a>', 15, "EUR"),
    ('<a href="https://www.ferrytown-courier.com/subscribe/offer/"><div class="l1">DEAL: $2.50/month!</div>'
     '<div class="l2">Subscribe Now</div></a>', 2.5, "USD"),
    # the price printed beside the link, in a small parent
    ('<div class="header-center">Get print and digital for $19.50.<br><a href="https://orders.example-subs.com/'
     'servlet/buysub?mag=FTC">Subscribe</a></div>', 19.5, "USD"),
    # the tracking query names a login: the path is a subscription page all the same
    ('<div class="menu"><a href="/suscripciones/#/campaign?o=login_ep">suscríbete por 2€</a></div>', 2, "EUR"),
])
def test_priced_subscription_links_are_offers_not_a_wall(header, price, currency):
    rec = _page(f"<header>{header}</header><article><h1>Ferry cancelled</h1>{_STORY}</article>")
    assert [(o.price, o.currency) for o in rec.paywall.offers] == [(price, currency)]
    assert "site_promo" in rec.paywall.offers[0].flags
    assert rec.access == "free"  # a header's offer walls no story


@pytest.mark.parametrize("header", [
    '<a href="/newsletters/subscribe">Our newsletter: 5 stories for $0, every morning</a>',
    '<a href="/shop/ferry-model">Ferry model kit $49.99</a>',  # a shop link: no subscription page
    '<a href="/subscribe">Subscribe</a>',  # no price
    '<div class="nav"><a href="/subscribe">Subscribe</a> ' + "Menu entry with words. " * 12 + 'from $1 a week</div>',
])
def test_links_that_are_no_priced_plan_give_no_offer(header):
    rec = _page(f"<header>{header}</header><article><h1>Ferry cancelled</h1>{_STORY}</article>")
    assert rec.paywall is None or not rec.paywall.offers
    assert rec.access == "free"


@pytest.mark.parametrize("wrapper", ["subscriber-only", "paywall", "ArticleBody premium-content"])
def test_a_story_classed_for_a_paywall_script_is_metered(wrapper):
    rec = _page(f"<article><h1>Ferry cancelled</h1><div class='{wrapper}'>{_STORY}</div></article>")
    assert rec.access == "metered"
    assert any(e.startswith("walled_class=") for e in rec.access_evidence)


@pytest.mark.parametrize("notice, lang", [
    ("Tu suscripción se está usando en otro dispositivo", "es"),
    ("Your subscription is being used on another device", "en"),
])
def test_a_one_device_notice_is_the_paywall_not_story(notice, lang):
    # El País prints its account-sharing dialog inside the article: the notice, its options
    # and their explanation. The notice opens the paywall; its lines leave the body.
    dialog = (f"<div><p>{notice}</p><p>¿Quieres añadir otro usuario a tu suscripción?</p>"
              "<p>Si continúas leyendo en este dispositivo, no se podrá leer en el otro.</p></div>")
    rec = _page(f"<article><h1>Ferry cancelled</h1>{_STORY}{dialog}</article>", lang=lang)
    assert rec.body == [f"Paragraph {i} of the ferry story, long enough to be kept as story text by any reader here."
                        for i in range(5)]
    assert rec.paywall is not None and rec.access == "metered"


def test_walled_class_without_the_story_or_with_free_json_ld_is_free():
    box = "<div class='subscriber-only'><p>Manage your account</p></div>"
    assert _page(f"{box}<article><h1>Ferry cancelled</h1>{_STORY}</article>").access == "free"
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":true}</script>'
    rec = _page(f"<article><h1>Ferry cancelled</h1><div class='paywall'>{_STORY}</div></article>", head=ld)
    assert rec.access == "free"


def test_a_premium_eyebrow_beside_paywall_markup_makes_the_story_premium():
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry cancelled",'
          '"isAccessibleForFree":"False","hasPart":{"@type":"WebPageElement","isAccessibleForFree":"False",'
          '"cssSelector":"#plusWallBox"}}</script>')

    def page(section: str):
        head = (f'<header class="post__header"><ul class="eyebrow"><li class="eyebrow__item"><time>12-05-26</time></li>'
                f'<li class="eyebrow__item"><a href="/section/x">{section}</a></li></ul><h1>Ferry cancelled</h1></header>')
        return _page(f"<article>{head}{_STORY}<div id='plusWallBox'></div></article>", head=ld)

    rec = page("premium")
    assert rec.access == "premium" and "subscriber_label" in rec.access_evidence
    assert page("harbour news").access == "metered"  # the markup alone: the full story ships


@pytest.mark.parametrize("line,months", [
    ("Presidents Day Sale – Start Today for $1 – Expires 2/20/24", None),  # a holiday's name, no term
    ("Try 1 month for $1", 1),
    ("Annual plan for $99", 12),
])
def test_a_term_before_the_price_is_counted_or_named(line, months):
    offer = build_offer(None, line, None, None)
    assert offer.price is not None and offer.term_months == months
    assert ("term_unknown" in offer.flags) == (months is None)


def test_many_or_malformed_subscription_links_give_each_plan_once():
    links = "".join('<a href="/subscribe/plan">Subscribe: €15 for 1 year</a>' for _ in range(3000))
    odd = '<a>Subscribe €9</a><a href="">€9</a><a href="javascript:void(0)">Subscribe for €9</a>'
    rec = _page(f"<header><div>{links}</div>{odd}</header><article><h1>Ferry cancelled</h1>{_STORY}</article>")
    assert [(o.price, o.currency) for o in rec.paywall.offers] == [(15, "EUR")]
    assert rec.access == "free"


def _form(selected: str, name: str = "country") -> str:
    opts = "".join(f'<option value="{c}"{" selected" if c == selected else ""}>{c}</option>' for c in ("US", "CA", "MX"))
    return f'<div class="billing"><select id="select-{name}" name="{name}">{opts}</select></div>'


@pytest.mark.parametrize("forms,currency,flag", [
    (_form("CA"), "CAD", "currency_assumed"),  # the publisher's own address form preselects Canada
    (_form("CA") + _form("US"), "USD", "currency_assumed"),  # forms that disagree name no country
    (_form("CA", name="state"), "USD", "currency_assumed"),  # "CA" for California is no country
    ("", "USD", "currency_assumed"),
])
def test_a_bare_dollar_reads_the_country_a_form_preselects(forms, currency, flag):
    promo = '<header><a href="/subscribe/digital/">DEAL: $4.25/month!</a></header>'
    rec = _page(f"{promo}<article><h1>Ferry cancelled</h1>{_STORY}</article>{forms}")
    [offer] = rec.paywall.offers
    assert (offer.price, offer.currency) == (4.25, currency) and flag in offer.flags


@pytest.mark.parametrize("wall_class, header", [
    # Nature's registration wall after the story's opening: a header, its benefits, sign-in options.
    ("app-access-wall", "Log in or create an account to continue"),
    ("registration-wall", "Please sign in or create a free account to continue reading."),
    ("login-wall", "Create a free account to continue reading"),
])
def test_a_registration_wall_is_the_paywall_not_story(wall_class, header):
    wall = (f"<div class='{wall_class}'><h2>Enjoying the Courier? <br/>{header}</h2>"
            "<ul><li>Read the newest reporting from our harbour desk</li><li>Explore the archive of ferry timetables</li></ul>"
            "<a href='/login'>Access through your library</a><p>or</p><a href='/signin'>Sign in or create an account</a></div>")
    rec = _page(f"<article><h1>Ferry cancelled</h1>{_STORY}{wall}</article>")
    assert rec.body == [f"Paragraph {i} of the ferry story, long enough to be kept as story text by any reader here."
                        for i in range(5)]
    assert rec.paywall is not None and rec.paywall.meter_message == header
    assert rec.access == "metered"


@pytest.mark.parametrize("line", ["Register now to continue the fight, the union told its members.",
                                  "Log in", "Sign in to keep reading lists in sync across devices"])
def test_a_sign_in_sentence_is_no_wall_header(line):
    from newsbot.core.extract.paywall import is_header
    assert not is_header(line)


@pytest.mark.parametrize("pitch, price, currency, months", [
    # Moneycontrol's pitch at the end of every story, in the story's own paragraphs.
    ("Get access to the valley's fastest growing subscription service Courier Pro for as little as Rs 599 for "
     "first year. Use the code \"HARBOUR\". Courier Pro offers you research and analysis. For more information, "
     "check out the Courier website or app.", 599.0, "INR", 12.0),
    ("Subscribe to Courier Digital for just \u00a31 a week. Cancel any time.", 1.0, "GBP", 0.23),
])
def test_a_subscription_pitch_in_the_story_is_a_site_offer_not_story(pitch, price, currency, months):
    rec = _page(f"<article><h1>Ferry cancelled</h1>{_STORY}<p>{pitch}</p></article>")
    assert rec.body == [f"Paragraph {i} of the ferry story, long enough to be kept as story text by any reader here."
                        for i in range(5)]
    assert pitch in rec.unclassified
    (offer,) = rec.paywall.offers
    assert (offer.price, offer.currency, offer.term_months) == (price, currency, months)
    assert "site_promo" in offer.flags
    assert rec.access == "free"  # a pitch walls no story


@pytest.mark.parametrize("line", [
    "Investors can try the new fund for just Rs 500 a month, the company said in its filing on Monday.",
    "Subscribers to the premium plan pay more, the regulator found, and the company denied it.",
    "Join the protest, the union said; its premium members marched for just an hour before the rain.",
])
def test_a_story_sentence_about_prices_is_no_pitch(line):
    rec = _page(f"<article><h1>Ferry cancelled</h1>{_STORY}<p>{line}</p></article>")
    assert line in rec.body
    assert rec.paywall is None or not rec.paywall.offers



_PART = ("<div class='body articleBody'>" + "".join(
    f"<p class='articleBodyBlock'>Part {{n}}, paragraph {i}: the harbour board met again over the ferry contract "
    f"and the tenders that the port authority had received.</p>" for i in range(4)) + "</div>")


def _with_named_part(html: str, selector: str, found: str) -> list[str]:
    """The story lines once the named part is read in, the extractor having found `found`'s lines."""
    from parsel import Selector
    from newsbot.core.extract import _with_paywalled_part
    from newsbot.core.extract.blocks import STORY, blockify
    sel = Selector(text=html)
    blocks = blockify(sel.css(found)[0].root, STORY)
    return [b.text for b in _with_paywalled_part(sel, selector, blocks) if b.zone == STORY]


def test_a_story_split_into_several_named_parts_between_ads_is_read_whole():
    # Google's paywall markup names ".articleBody"; the page splits its story into several
    # such blocks between ad rows (Rzeczpospolita), a later one holding a related-story card.
    card = ("<div class='article--featured'><div class='overline'><a href='/opinion'>Opinion</a></div>"
            "<a class='title' href='/opinion/a2'>Why the ferry contract matters to every island household</a>"
            "<p class='lead'>A teaser of the other story.</p></div>")
    second = _PART.format(n=2).replace("</div>", card + "</div>", 1)
    ads = "<div class='row'><aside class='advert'><div>Advertisement</div></aside></div>"
    html = (f"<html><body><article id='a'><h1>Ferry contract</h1>{_PART.format(n=1)}</article>{ads}"
            f"<section>{second}</section>{ads}<section>{_PART.format(n=3)}</section></body></html>")
    lines = _with_named_part(html, ".articleBody", "#a .articleBody")
    assert [p[:6] for p in lines if p.startswith("Part")] == ["Part 1"] * 4 + ["Part 2"] * 4 + ["Part 3"] * 4
    assert "Opinion" not in lines and not any("Why the ferry contract" in p for p in lines)


@pytest.mark.parametrize("html, selector", [
    # A selector naming the page's wrapper: it holds the story, and what the extractor left out.
    ("<html><body><div class='page'><nav><a href='/s'>Sections</a></nav><div id='a'>" + _PART.format(n=1)
     + "</div><footer><p>Contact the newsroom</p></footer></div></body></html>", ".page"),
    # A selector naming each paragraph (NZZ's p.regwalled), a teaser of another make among them.
    ("<html><body><div id='a'>" + _PART.format(n=1).replace("articleBodyBlock", "text walled")
     + "</div><div class='teaser walled'><a href='/b'>Another story entirely</a></div></body></html>", ".walled"),
])
def test_a_named_part_holding_the_story_adds_nothing(html, selector):
    assert _with_named_part(html, selector, "#a") == _with_named_part(html, "#none", "#a")
