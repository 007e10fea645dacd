"""Wire credits in every form publishers.md lists, one assertion per form."""

import pytest

from newsbot.core.extract import extract
from newsbot.core.extract.wire import line_credit, split_dateline, split_tail_tag


@pytest.mark.parametrize("line,agency", [
    ("--IANS", "IANS"),
    ("-- PTI", "PTI"),
    ("(ANI)", "ANI"),
    ("©AFP", "AFP"),
    ("Powered by Capital Market - Live News.", "Capital Market"),
    ("(With inputs from Reuters)", "Reuters"),
    ("AP Miami", "AP"),
    ("Capital Market", "Capital Market"),
])
def test_sign_offs(line, agency):
    hit = line_credit(line)
    assert hit is not None and hit.agency == agency and hit.credit == line


def test_pti_trailing_initials_give_desk():
    hit = line_credit("PTI ABC DEF")
    assert (hit.agency, hit.desk) == ("PTI", ["ABC", "DEF"])


def test_press_trust_byline_block_gives_dateline():
    hit = line_credit("Press Trust of India Geneva/New Delhi", byline=True)
    assert (hit.agency, hit.dateline) == ("PTI", "Geneva/New Delhi")


def test_ians_byline_with_city():
    hit = line_credit("By IANS, Kolkata :")
    assert (hit.agency, hit.dateline) == ("IANS", "Kolkata")


def test_ap_byline_names_writer():
    hit = line_credit("By Kim Tong-hyung / Associated Press")
    assert hit.agency == "AP"
    assert [(c.role, c.name) for c in hit.contributors] == [("writing", "Kim Tong-hyung")]


def test_reuters_trailer_contributors():
    hit = line_credit("(Reporting by Jane Roe in London; Additional reporting by Tom Doe; "
                      "Editing by Max Poe and Ann Lee)")
    assert hit.agency == "Reuters"
    assert [(c.role, c.name) for c in hit.contributors] == [
        ("reporting", "Jane Roe"), ("additional reporting", "Tom Doe"),
        ("editing", "Max Poe"), ("editing", "Ann Lee")]


def test_bloomberg_trailers():
    assist = line_credit("--With assistance from Jane Roe and Raj Patel.")
    contact = line_credit("To contact the reporter on this story: Tom Doe in Mumbai at tdoe@bloomberg.net")
    assert assist.agency == contact.agency == "Bloomberg"
    assert [c.name for c in assist.contributors] == ["Jane Roe", "Raj Patel"]
    assert [(c.role, c.name) for c in contact.contributors] == [("contact", "Tom Doe")]


@pytest.mark.parametrize("paragraph,agency,credit,city,rest", [
    ("New Delhi, Jun 26 (PTI) The government said on Monday.", "PTI", "New Delhi, Jun 26 (PTI)", "New Delhi",
     "The government said on Monday."),
    ("New Delhi [India], August 14 (ANI): The minister spoke.", "ANI", "New Delhi [India], August 14 (ANI):",
     "New Delhi", "The minister spoke."),
    ("LONDON, Sept 28 (Reuters) - Shares fell.", "Reuters", "LONDON, Sept 28 (Reuters) -", "LONDON", "Shares fell."),
    ("LONDON (Reuters) - Shares fell.", "Reuters", "LONDON (Reuters) -", "LONDON", "Shares fell."),
    ("SEOUL, South Korea (AP) — North Korea fired.", "AP", "SEOUL, South Korea (AP) —", "SEOUL", "North Korea fired."),
    ("Mumbai (AFP) - Markets rose.", "AFP", "Mumbai (AFP) -", "Mumbai", "Markets rose."),
    ("Kolkata, May 6 (IANS) Rain lashed the city.", "IANS", "Kolkata, May 6 (IANS)", "Kolkata", "Rain lashed the city."),
    ("New Delhi, Nov 27 (ANI/NewsVoir): Acme launched.", "ANI", "New Delhi, Nov 27 (ANI/NewsVoir):", "New Delhi",
     "Acme launched."),
    ("Srinagar (Jammu and Kashmir) [India], October 29 (ANI): Snow fell.", "ANI",
     "Srinagar (Jammu and Kashmir) [India], October 29 (ANI):", "Srinagar", "Snow fell."),
    ("Chennai (Tamil Nadu) [India], Nov 3 (ANI/PRNewswire): Acme opened.", "ANI",
     "Chennai (Tamil Nadu) [India], Nov 3 (ANI/PRNewswire):", "Chennai", "Acme opened."),
])
def test_datelines(paragraph, agency, credit, city, rest):
    hit, text = split_dateline(paragraph)
    assert (hit.agency, hit.credit, hit.dateline, text) == (agency, credit, city, rest)


@pytest.mark.parametrize("paragraph", [
    "The Reserve Bank (RBI) raised rates.",
    "New Delhi: The minister said on Monday that talks would go on.",
    "Reuters reported on Monday that the deal was off.",
])
def test_not_datelines(paragraph):
    assert split_dateline(paragraph) is None


def test_trailing_agency_tag_leaves_paragraph():
    hit, text = split_tail_tag("The talks will resume next week, he said. (ANI)")
    assert (hit.agency, hit.credit, text) == ("ANI", "(ANI)", "The talks will resume next week, he said.")


def test_ordinary_sentences_are_not_credits():
    for line in ["The company said profit rose 12 per cent.", "AP Singh, the minister, said so in a long speech today.",
                 "Capital Market regulator Sebi issued new rules on Friday for brokers."]:
        assert line_credit(line) is None


def test_plain_text_dateline_moves_to_wire():
    text = ("Mumbai, Nov 27 (PTI) Shares rose for a third day on Thursday.\n"
            "Analysts said buying was broad.\n-- PTI\n")
    rec = extract(text.encode())
    assert rec.body == ["Shares rose for a third day on Thursday.", "Analysts said buying was broad."]
    assert (rec.wire.agency, rec.wire.credit, rec.wire.dateline) == ("PTI", "Mumbai, Nov 27 (PTI)", "Mumbai")
    assert rec.wire.credits == ["Mumbai, Nov 27 (PTI)", "-- PTI"]


def test_desk_initials_need_a_sign_off_nearby():
    rec = extract(b"The council met on Friday.\nms/vd\nIt adjourned.\n")
    assert rec.wire is None
    assert rec.body == ["The council met on Friday.", "ms/vd", "It adjourned."]


def test_newsvoir_trailer_is_an_ani_credit_not_a_disclaimer():
    from newsbot.core.extract.disclaimer import is_disclaimer

    line = ("This story is provided by NewsVoir. ANI will not be responsible in any way for the "
            "content of this article. (ANI/NewsVoir)")
    assert line_credit(line).agency == "ANI"
    assert not is_disclaimer(line)


def test_text_dateline_wins_over_byline_place():
    from newsbot.core.extract.wire import WireHit, assemble

    wire = assemble([WireHit("PTI", "Press Trust of India Geneva/New Delhi", dateline="Geneva/New Delhi"),
                     WireHit("PTI", "Geneva, Oct 27 (PTI)", dateline="Geneva", in_text=True)])
    assert (wire.credit, wire.dateline) == ("Press Trust of India Geneva/New Delhi", "Geneva")


# --- forms from real pages of publishers with no profile (issue 8) ---------------------------

@pytest.mark.parametrize("line,agency,contributors", [
    ("Associated Press writer Jane Roe in Paris contributed to this report.", "AP", [("contributing", "Jane Roe")]),
    ("Associated Press writers Tom Doe in Chicago and Ann Lee in Denver contributed to this report.", "AP",
     [("contributing", "Tom Doe"), ("contributing", "Ann Lee")]),
    ("— Associated Press writer Raj Patel contributed.", "AP", [("contributing", "Raj Patel")]),
    ("The Associated Press contributed to this report.", "AP", []),
    ("Reuters contributed reporting.", "Reuters", []),
    ("With reporting by Associated Press writer Jane Roe.", "AP", [("reporting", "Jane Roe")]),
    ("Reporting by Jane Roe; Editing by Tom Doe", "Reuters", [("reporting", "Jane Roe"), ("editing", "Tom Doe")]),
    ("Additional reporting from PA", "PA", []),
    ("(with inputs from PTI)", "PTI", []),
    ("Jane Roe and The Associated Press", "AP", [("writing", "Jane Roe")]),
    ("By Jane Roe and Associated Press", "AP", [("writing", "Jane Roe")]),
    ("By The Associated Press", "AP", []),
    ("Copyright 2026 The Associated Press. All rights reserved.", "AP", []),
    ("Copyright © 2026 The Associated Press", "AP", []),
    ("© The Canadian Press", "CP", []),
    ("© 2026 The Canadian Press", "CP", []),
    ("-- AFP-Relaxnews", "AFP", []),
    ("Press Trust of India | New Delhi/Mumbai", "PTI", []),
])
def test_standard_credit_forms(line, agency, contributors):
    hit = line_credit(line)
    assert hit is not None and hit.agency == agency
    assert [(c.role, c.name) for c in hit.contributors] == contributors


@pytest.mark.parametrize("line", [
    "additional reporting by Martin Greaves",
    "(With inputs from agencies)",
    "Additional reporting by Jane Roe in Leeds",
])
def test_credits_naming_no_agency_are_credit_but_not_wire(line):
    hit = line_credit(line)
    assert hit is not None and hit.agency is None
    rec = extract(f"The council met on Friday and agreed the budget.\n{line}\n".encode())
    assert rec.wire is None and rec.body == ["The council met on Friday and agreed the budget."]
    assert rec.unclassified == [line]


@pytest.mark.parametrize("paragraph,agency,city", [
    ("WASHINGTON (AP) — The Senate voted.", "AP", "WASHINGTON"),
    ("WASHINGTON (AP) -- The Senate voted.", "AP", "WASHINGTON"),
    ("ATLANTA, Ga. (AP) — Storms hit.", "AP", "ATLANTA"),
    ("NEW YORK (Reuters) - Stocks fell.", "Reuters", "NEW YORK"),
    ("BEIJING (Xinhua) -- Exports rose.", "Xinhua", "BEIJING"),
])
def test_agency_datelines(paragraph, agency, city):
    hit, _ = split_dateline(paragraph)
    assert (hit.agency, hit.dateline) == (agency, city)


@pytest.mark.parametrize("caption", [
    "File photo of the port in Mumbai. (Reuters)",
    "AFP photo",
    "Workers repair a levee near the river on Friday. (AP Photo/Carla Mendez)",
    "Taiwanese voters queue in Taipei on Saturday. Photo: AP",
    "Representational image",
])
def test_photo_captions_are_not_credits_and_not_body(caption):
    assert line_credit(caption) is None
    rec = extract(f"The council met on Friday and agreed the budget for next year.\n{caption}\n".encode())
    assert rec.wire is None
    assert caption in rec.unclassified and caption not in rec.body


def test_agency_table_is_the_one_vocabulary():
    from newsbot.core.extract.agencies import AGENCIES, agency_of

    # Every printed form in the table resolves, and sign-offs are generated from the same table.
    for agency in AGENCIES:
        for form in (*agency.codes, *agency.names):
            assert agency_of(form) == agency.name, form
        for code in agency.codes:
            hit = line_credit(f"-- {code}")
            assert hit is not None and hit.agency == agency.name, code


def test_sentence_naming_two_agencies_is_not_a_byline():
    assert line_credit("The merger was first reported by Bloomberg, Reuters.") is None or \
        len("The merger was first reported by Bloomberg, Reuters.".split()) <= 6


def test_agency_name_alone_after_the_last_sentence_is_its_credit():
    hit, text = split_tail_tag("The undertaking now runs 237 buses, of which 152 are electric. PTI")
    assert (hit.agency, hit.credit, text) == ("PTI", "PTI", "The undertaking now runs 237 buses, of which 152 are electric.")
    assert split_tail_tag("He met the PTI chief.") is None


# --- forms from real pages of publishers with no profile, round 2 (issue 14) -----------------

@pytest.mark.parametrize("line,agency", [
    ("(dpa)", "dpa"),
    ("Von dpa", "dpa"),
    ("Quelle: dpa", "dpa"),
    ("© dpa-infocom, dpa:240305-99-123456/3", "dpa"),
    ("sak/Reuters", "Reuters"),
    ("dpa/AFP/mrc", "dpa"),
    ("(APA/sda)", "APA"),
    ("-- AFP", "AFP"),
    ("/ritzau/", "Ritzau"),
    ("(NTB)", "NTB"),
    ("(TT)", "TT"),
    ("Źródło: PAP", "PAP"),
    ("Fuente: EFE", "EFE"),
    ("(Lusa)", "Lusa"),
    ("(KNA)", "KNA"),
    ("(epd)", "epd"),
    ("（共同）", "Kyodo"),
    ("Par AFP", "AFP"),
    ("Mit Material von dpa und AFP", "dpa"),
    ("Con información de EFE", "EFE"),
    ("SOURCE: Al Jazeera and Reuters", "Reuters"),
    ("Includes information from The Associated Press", "AP"),
    ("Material from Reuters was used in this report.", "Reuters"),
    ("Information from The Associated Press was used in this report.", "AP"),
    ("Anadolu Agency", "Anadolu"),
    ("By AFP and TOI staff", "AFP"),
    ("Australian Associated Press", "AAP"),
    ("Europa Press", "Europa Press"),
    ("\u2014Field Level Media", "Field Level Media"),
    ("-- Field Level Media", "Field Level Media"),
    ("Source: Saudi Press Agency", "SPA"),
    ("(KUNA)", "KUNA"),
    ("Con información de Notimex", "Notimex"),
    ("Fuente: Prensa Latina", "Prensa Latina"),
])
def test_other_countries_credit_forms(line, agency):
    hit = line_credit(line)
    assert hit is not None and hit.agency == agency


def test_slashed_credit_keeps_desk_initials_and_place():
    hit = line_credit("Reuters/kra Frankfurt")
    assert (hit.agency, hit.desk, hit.dateline) == ("Reuters", ["kra"], "Frankfurt")


@pytest.mark.parametrize("paragraph,agency,city,rest", [
    ("Berlin (dpa) - Die Regierung hat beschlossen.", "dpa", "Berlin", "Die Regierung hat beschlossen."),
    ("Frankfurt/Main (dpa-AFX) - Der Dax stieg.", "dpa", "Frankfurt/Main", "Der Dax stieg."),
    ("München (dpa/lby) - Es schneite.", "dpa", "München", "Es schneite."),
    ("Wien (APA) - Der Nationalrat tagte.", "APA", "Wien", "Der Nationalrat tagte."),
    ("Zürich (awp/sda) - Die Börse schloss tiefer.", "Keystone-SDA", "Zürich", "Die Börse schloss tiefer."),
    ("PARIS, 5 mars (Reuters) - Le CAC 40 a reculé.", "Reuters", "PARIS", "Le CAC 40 a reculé."),
    ("Madrid, 5 mar (EFE).- El Gobierno aprobó el plan.", "EFE", "Madrid", "El Gobierno aprobó el plan."),
    ("Lisboa, 05 mar 2024 (Lusa) - O Governo aprovou.", "Lusa", "Lisboa", "O Governo aprovou."),
    ("MOSCOW, March 5. /TASS/. The Kremlin said.", "TASS", "MOSCOW", "The Kremlin said."),
    ("(ANSA) - ROMA, 5 MAR - Il governo ha approvato.", "ANSA", "ROMA", "Il governo ha approvato."),
    ("TOKYO (Kyodo) -- Japan's exports rose.", "Kyodo", "TOKYO", "Japan's exports rose."),
    ("SEOUL, March 5 (Yonhap) -- North Korea fired.", "Yonhap", "SEOUL", "North Korea fired."),
    ("SYDNEY (AAP) - Shares rose.", "AAP", "SYDNEY", "Shares rose."),
    ("ANKARA (AA) - Turkey's inflation eased.", "Anadolu", "ANKARA", "Turkey's inflation eased."),
    ("BRUXELLES (Belga) - Le gouvernement a démissionné.", "Belga", "BRUXELLES", "Le gouvernement a démissionné."),
    ("RIYADH (SPA) - The ministry said.", "SPA", "RIYADH", "The ministry said."),
    ("HANOI (VNA) - Exports rose.", "VNA", "HANOI", "Exports rose."),
    ("TAIPEI (CNA) - The cabinet met.", "CNA", "TAIPEI", "The cabinet met."),
])
def test_datelines_in_other_languages(paragraph, agency, city, rest):
    hit, text = split_dateline(paragraph)
    assert (hit.agency, hit.dateline, text) == (agency, city, rest)


@pytest.mark.parametrize("paragraph,agency", [
    ("Der Streit geht weiter, sagte er. (dpa)", "dpa"),
    ("Det oplyser politiet. /ritzau/", "Ritzau"),
    ("政府は対策を急ぐ。（共同）", "Kyodo"),
    ("Talks resume next week. (AAP)", "AAP"),
])
def test_tail_tags_of_other_agencies(paragraph, agency):
    hit, _ = split_tail_tag(paragraph)
    assert hit.agency == agency


@pytest.mark.parametrize("line,agency,contributors", [
    ("AP Medical Writer Jane Doe contributed.", "AP", [("contributing", "Jane Doe")]),
    ("Associated Press National Security Writer Tom Roe in Washington contributed to this report.", "AP",
     [("contributing", "Tom Roe")]),
    ("Associated Press writers Ann Lee in Johnstown, Pennsylvania, and Raj Patel in Atlanta contributed to this report.",
     "AP", [("contributing", "Ann Lee"), ("contributing", "Raj Patel")]),
    ("Associated Press writers Ann Lee in Trenton, New Jersey, and Raj Patel contributed.", "AP",
     [("contributing", "Ann Lee"), ("contributing", "Raj Patel")]),
    ("Lee reported from Denver and Patel from Chicago. Associated Press writer Tom Roe in Boise, Idaho, contributed.",
     "AP", [("contributing", "Tom Roe")]),
    ("Reporting by Jane Doe, additional reporting by Tom Roe, writing by Ann Lee, Editing by Max Poe", "Reuters",
     [("reporting", "Jane Doe"), ("additional reporting", "Tom Roe"), ("writing", "Ann Lee"), ("editing", "Max Poe")]),
    ("Reporting by Jane Doe Additional reporting by Tom Roe in Paris and Ann Lee in Bonn Editing by Max Poe", "Reuters",
     [("reporting", "Jane Doe"), ("additional reporting", "Tom Roe"), ("additional reporting", "Ann Lee"),
      ("editing", "Max Poe")]),
    ("By MARY ROE, AP Business Writer", "AP", [("writing", "MARY ROE")]),
    ("Tom Doe, Ap Auto Writer", "AP", [("writing", "Tom Doe")]),
    ("AP Auto Writer", "AP", []),
])
def test_contributor_lines(line, agency, contributors):
    hit = line_credit(line)
    assert hit is not None and hit.agency == agency
    assert [(c.role, c.name) for c in hit.contributors] == contributors


@pytest.mark.parametrize("line,contributors", [
    ("Jane Doe in Paris and John Roe in Bonn contributed to this report.", ["Jane Doe", "John Roe"]),
    ("Jane Doe, Tom Roe and Ann Lee contributed to this report.", ["Jane Doe", "Tom Roe", "Ann Lee"]),
    ("Herald Caribbean correspondent Ann Lee contributed to this story.", ["Ann Lee"]),
    ("Kim Roe reported from Seoul.", []),
])
def test_people_only_contributor_lines_are_credit_without_agency(line, contributors):
    hit = line_credit(line)
    assert hit is not None and hit.agency is None
    assert [c.name for c in hit.contributors] == contributors


@pytest.mark.parametrize("line", [
    "(With inputs from agencies)",
    "SOURCE: News agencies",
    "Guardian staff and agencies",
    "With agency inputs",
    "Agencies",
    "From wire reports",
])
def test_unnamed_agencies_are_flagged_not_guessed(line):
    hit = line_credit(line)
    assert hit is not None and hit.agency is None and hit.unnamed
    rec = extract(f"The council met on Friday and agreed the budget for next year.\n{line}\n".encode())
    assert rec.wire is None and "wire_agency_unnamed" in rec.flags
    assert line in rec.unclassified and line not in rec.body


@pytest.mark.parametrize("line", [
    "Reuters reported on Monday that the deal was off.",
    "The company told Reuters it would appeal.",
    "The AP poll put him ahead.",
    "AP Dhillon performed in Vancouver.",
    "Photo: AFP",
    "Foto: dpa",
    "Bild: Reuters/Kai Roe",
    "picture alliance/dpa | Jan Roe",
    "Cite This Page: MLA APA Chicago",
    "APA",
    "TT",
    "AAP",
    "Source: Bloomberg data",
    "The party, Pakistan Tehreek-e-Insaf (PTI), called a strike.",
    "The company contributed $5 million to the fund.",
    "Federal agencies were told to cut costs.",
    "Reporting from Kyiv was difficult this week.",
])
def test_not_credits(line):
    hit = line_credit(line)
    assert hit is None or hit.agency is None and not hit.unnamed
    rec = extract(f"The council met on Friday and agreed the budget for next year.\n{line}\n".encode())
    assert rec.wire is None and "wire_agency_unnamed" not in rec.flags


@pytest.mark.parametrize("paragraph", [
    "Payments moved to the Unified Payments Interface (UPI).",
    "He joined the Aam Aadmi Party (AAP).",
])
def test_abbreviation_ending_a_sentence_is_not_a_tail_tag(paragraph):
    assert split_tail_tag(paragraph) is None


@pytest.mark.parametrize("ld,agency", [
    ({"author": {"@type": "Organization", "name": "AP"}}, "AP"),
    ({"author": [{"@type": "Person", "name": "Reuters"}]}, "Reuters"),
    ({"author": [{"@type": "Thing", "name": "ANI"}]}, "ANI"),
    ({"author": {"@type": "Person", "name": "By JANE ROE, AP National Political Writer"}}, "AP"),
    ({"author": {"@type": "Person", "name": "Jane Roe"}, "sourceOrganization": {"@type": "Organization",
                                                                                "name": "Deutsche Presse-Agentur"}}, "dpa"),
    ({"author": {"@type": "Person", "name": "Jane Roe"}, "creditText": "Agence France-Presse"}, "AFP"),
    ({"author": {"@type": "Person", "name": "Jane Roe"}}, None),
    ({"author": {"@type": "Person", "name": "Jane Roe"}, "creditText": "AP Photo/Tom Doe"}, None),
])
def test_agency_declared_only_in_json_ld(ld, agency):
    import json

    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council agrees budget", **ld}
    page = (f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head><body><article>'
            '<h1>Council agrees budget</h1><p>' + "The council met on Friday and agreed the budget for next year. " * 4 +
            '</p><p>' + "Members said the plan would cut waiting lists across the county. " * 4 + '</p></article></body></html>')
    rec = extract(page.encode(), url="https://news.example.org/story/1")
    assert (rec.wire.agency if rec.wire else None) == agency


def test_unnamed_agency_page_is_flagged():
    from .conftest import fixture_bytes

    rec = extract(fixture_bytes("wire_in_agencies_unnamed.html"), url="https://www.deccandaily.example/india/monsoon")
    assert rec.wire is None and "wire_agency_unnamed" in rec.flags


def test_staff_page_naming_agencies_is_not_flagged():
    from .conftest import fixture_bytes

    rec = extract(fixture_bytes("wire_staff_mentions_agencies.html"), url="https://www.harbourpost.example/city/bus")
    assert rec.wire is None and "wire_agency_unnamed" not in rec.flags


@pytest.mark.parametrize("paragraph,colon,city", [
    ("SHANGHAI: Police shut down thousands of accounts.", True, "SHANGHAI"),
    ("ATLANTA -- Officials warned the state.", True, "ATLANTA"),
    ("MLB: The league said the deal stands.", True, None),
    ("BREAKING: The minister has resigned.", True, None),
    ("SHANGHAI: Police shut down thousands of accounts.", False, None),
])
def test_bare_datelines(paragraph, colon, city):
    from newsbot.core.extract.wire import bare_dateline

    assert bare_dateline(paragraph, colon=colon) == city


_STORY = "".join(f"<p>{s}</p>" for s in [
    "The hospital said on Tuesday that several boxes of masks had gone missing from a locked storage room. " * 2,
    "Police are examining footage from cameras near the room and questioning staff who had keys to it. " * 2,
    "Officials said the loss would not affect patient care because enough stock was held elsewhere. " * 2,
])


@pytest.mark.parametrize("head,agency", [
    ('<header><h1>Masks stolen from hospital</h1><p class="credit">JIJI</p></header>', "Jiji"),
    ('<h1>Masks stolen from hospital</h1><div class="wp-caption-text"><span>A nurse.</span>'
     '<span class="credit img__credit">AP</span></div>', None),
    ('<header><h1>Masks stolen from hospital</h1><figure><img src="a.jpg"><span class="credit">Reuters</span>'
     '</figure></header>', None),
])
def test_credit_element_in_the_header_is_the_story_credit_not_a_photo_credit(head, agency):
    page = f"<html><body><article>{head}<div class='body'>{_STORY}</div></article></body></html>"
    rec = extract(page.encode(), url="https://news.example.org/national/masks")
    assert (rec.wire.agency if rec.wire else None) == agency


def test_sign_off_element_left_out_by_the_extractor_gives_contributors():
    page = (f"<html><body><article><h1>Masks stolen from hospital</h1><div class='body'>"
            f"<p>KOBE, Feb 18 (Reuters) - {_STORY[3:]}</div><div class='article-body__element'>"
            "<span class='text sign-off__text'>Reporting by Ann Roe, additional reporting by Tom Doe, "
            "Editing by Max Poe</span></div></article></body></html>")
    rec = extract(page.encode(), url="https://news.example.org/world/masks")
    assert (rec.wire.agency, rec.wire.credit) == ("Reuters", "KOBE, Feb 18 (Reuters) -")
    assert [(c.role, c.name) for c in rec.wire.contributors] == [
        ("reporting", "Ann Roe"), ("additional reporting", "Tom Doe"), ("editing", "Max Poe")]


def test_byline_run_into_the_dateline_leaves_the_city():
    hit, _ = split_dateline("By Jane Roe TUPELO, Mississippi (Reuters) - A martial arts instructor was charged.")
    assert (hit.agency, hit.dateline) == ("Reuters", "TUPELO")


@pytest.mark.parametrize("line,agency", [
    ("The Associated Press Religion Department receives support from a foundation through a collaboration. "
     "The AP is solely responsible for all content.", "AP"),
    ("Hannover (dts Nachrichtenagentur) - Der Landtag tagte.", "dts"),
])
def test_more_agency_forms(line, agency):
    hit = line_credit(line) or split_dateline(line)[0]
    assert hit.agency == agency


@pytest.mark.parametrize("line,agency", [("KYODO NEWS", "Kyodo"), ("By KYODO NEWS", "Kyodo"),
                                         ("Jane Roe, ASSOCIATED PRESS", "AP"), ("capital market", None)])
def test_agency_names_in_capitals(line, agency):
    hit = line_credit(line)
    assert (hit.agency if hit else None) == agency


def test_initials_that_spell_an_agency_code_stay_initials():
    hit = line_credit("ap/dpa")
    assert (hit.agency, hit.desk) == ("dpa", ["ap"])


# --- issue 14: the head of text copied from AMP pages, in its variants --------------------------

_AMP_STORY = ("The council on Monday approved the new ferry timetable, officials said, adding two late sailings.\n"
              "The change follows complaints from commuters who work late shifts at the harbour.\n"
              "The operator said it would hire four more crew members before the timetable starts.\n")


@pytest.mark.parametrize("head,field,value", [
    ("Ferry adds late sailings\nCommuters had asked for the change for two years.\nPress Trust of India Kochi\n"
     "Last Updated: Mar 28 2026 | 7:32 AM IST\n", "headline", "Ferry adds late sailings"),
    ("Ferry adds late sailings\nCommuters had asked for the change for two years.\nFile Photo\nPress Trust of India Kochi\n"
     "Updated - March 28, 2026 07:32 IST\n", "standfirst", "Commuters had asked for the change for two years."),
    ("Ferry adds late sailings\nCommuters had asked for the change for two years.\nPress Trust of India Kochi\n"
     "Published — 28.03.2026 07:32 IST\n", "published_at", "2026-03-28T07:32:00+05:30"),
    ("Ferry adds late sailings\nCommuters had asked for the change for two years.\n"
     "Saturday, March 28, 2026, 7:32 AM IST\nIndo-Asian News Service Kochi\n", "published_at", "2026-03-28T07:32:00+05:30"),
    ("Ferry adds late sailings\nCommuters had asked for the change for two years.\nImage: Harbour Authority\n"
     "Press Trust of India Kochi\nUpdated On : Mar 28, 2026 07:32 IST\n", "unclassified", ["Image: Harbour Authority"]),
    ("Ferry adds late sailings\nCommuters had asked for the change for two years.\nPress Trust of India Kochi\n"
     "Updated On : Mar 28, 2026 07:32 IST\n", "wire.dateline", "Kochi"),
])
def test_amp_text_head_variants(head, field, value):
    from newsbot.core.extract import extract
    rec = extract((head + _AMP_STORY).encode(), profile="business_standard").to_dict()
    got = rec["wire"]["dateline"] if field == "wire.dateline" else rec[field]
    assert got == value
    assert rec["body"][0].startswith("The council on Monday")


def test_plain_text_without_a_head_keeps_its_first_lines_as_story():
    from newsbot.core.extract import extract
    text = "March 2026 figures show ferry use up by a tenth.\n" + _AMP_STORY + "--IANS\n"
    rec = extract(text.encode())
    assert rec.headline is None and rec.body[0].startswith("March 2026 figures")


@pytest.mark.parametrize("line", [
    "This article is republished from The Harbour Review under a Creative Commons license. Read the original article.",
    "This story originally appeared in the Whitby Courier and is republished here as part of a news exchange.",
    "Originally published on Coast Science.",
    "This piece originally appeared in The Quay Society",
    "This article 'Why the pier matters to the town' originally appeared on harbournews.example",
    "This article has been adapted from its original source.",
    "This content is republished with permission from the Whitby Courier.",
])
def test_republication_notes_are_disclaimers(line):
    from newsbot.core.extract.disclaimer import is_disclaimer

    assert is_disclaimer(line)


@pytest.mark.parametrize("line", [
    "This story was originally published December 22, 2023, 12:20 PM.",
    "This story was originally published on December 22, 2023.",
    "Originally published on 22 March 2024",
    "The study, originally published in Nature, found that the reef had shrunk.",
    "The report was originally published in 2019 and revised last year.",
    "He said the plan was republished from an earlier draft.",
])
def test_story_lines_and_timestamps_are_no_republication_note(line):
    from newsbot.core.extract.disclaimer import is_disclaimer

    assert not is_disclaimer(line)


def test_a_republication_note_under_the_story_is_the_records_disclaimer():
    story = ["The harbour board voted on Tuesday to rebuild the northern pier before the winter storms.",
             "Engineers said the old timber piles had rotted through in places and could not carry cranes."]
    note = "This article is republished from The Harbour Review under a Creative Commons license."
    page = ("<html><head><title>Pier</title></head><body><article><h1>Pier to be rebuilt</h1>"
            + "".join(f"<p>{p}</p>" for p in [*story, note]) + "</article></body></html>").encode()
    rec = extract(page, url="https://example.org/pier")
    assert rec.body == story and rec.disclaimer == note
