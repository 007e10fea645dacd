"""Page furniture on layouts newsbot has no profile for leaves the body and is kept as unclassified."""

import pytest
from lxml import html as lxml_html

from newsbot.core.extract import extract
from newsbot.core.extract.blocks import blockify
from newsbot.core.extract.separate import is_furniture

STORY = "The council approved the new budget on Friday after a long debate about road repairs."


@pytest.mark.parametrize("line", [
    "Continue reading", "Subscribe to our newsletter for the latest stories",
    "Get the Morning Briefing newsletter delivered to your inbox.", "Article continues below advertisement",
    "Story continues below", "Facebook Twitter LinkedIn Email", "Share this article", "Related: Bridge vote delayed again",
    "You may also like", "Highlights", "Key points", "LIVE UPDATES: Follow our live coverage of the election",
    "Follow our live coverage of the markets here.", "Read in Hindi", "Read this story in Spanish",
    "This article first appeared on Deccan Ledger Business.",
    "The post Ferry returns appeared first on Lakeshore Courier.", "Le puede interesar: Otra noticia",
    "We want to hear what you think about this article.", "Premium",
    # UI labels and section headings as whole lines, in several languages.
    "Loading...", "Close", "Topics", "Learn More", "Latest news", "Trending this week", "Publicit\u00e9", "Anzeige",
    "Iklan", "About the author", "Explore further", "Editors\u2019 Recommendations", "You might be interested in",
    "Post your comment", "Thanks for signing up!",
    "This material may not be published, broadcast, rewritten or redistributed without permission.",
    # Affiliate disclosures, as publishers word them.
    "When you buy through links on this page, we may earn an affiliate commission.",
    "Our editors choose every product on their own. If you shop through our affiliate links, we may earn commissions.",
    "If you sign up or buy something through a link in this guide, we may receive compensation. By using this "
    "site you agree to the terms and privacy rules that apply to it, and to the way we and our partners keep data.",
    "As an Amazon Associate I earn from qualifying purchases.",
    "If you buy something through this post, Harbour Gear may get a share of the sale. For more, read our terms.",
    "We may earn a commission on qualifying purchases at no extra cost to you.",
    "Copyright 2025 Lakeshore Media Group. All rights reserved.", "\u00a9 2024 Valley Courier Network",
    "\u00a9 Lakeshore Media Group Limited 2024", "copyright Harbourview 2019 - ISSN: 1234-5678",
    "Thank you for subscribing to our newsletter.",
    "Your subscription has been confirmed. Keep an eye on your inbox!",
    "If you enjoyed this article, we have a proposition for you: join Harbour Plus. Members get every story, "
    "the print magazine, no meters and no adverts, and a say in what we cover next. Members also get events, "
    "the archive back to 1921, a weekly letter from the editor and a discount in the shop on the quay.",
    "If you liked this story, sign up for the weekly features newsletter.",
    "Thank you for visiting my blog! If you enjoyed this article, please consider supporting my work.",
    "[button link=\u201dhttps://example.org/submit/\u201d type=\u201dbig\u201d] Send us YOUR review[/button]",
    '[caption id="attachment_12" align="alignnone" width="300"] The pier at dawn[/caption]',
    "Get all the latest stories, reviews and offers, direct to your inbox.",
    "Follow the Courier Valley News page on Facebook",
    "Follow the Courier Valley News page on Facebook to make sure you're not missing out.",
    "Follow Features Editor Dana Quill on Instagram at @danaquill and @harbourbites.",
    "Listen to Harbour Hour on Spotify, Apple Podcasts and Google Podcasts.",
    "Subscribe to The Morning Cast wherever you get your podcasts.",
    # What a media player prints where it cannot play.
    "Your browser does not support the video tag.", "This browser does not support the audio element.",
    "To view this video please enable JavaScript, and consider upgrading to a newer web browser.",
    "We apologize, but this video has failed to load.", "Try refreshing your browser, or", "End of Article",
    # A wire agency's licensing link, alone on a line after its story (and with its screen-reader label).
    "Purchase Licensing Rights", "Purchase Licensing Rights, opens new tab",
    # Hindi sites' related links, app prompts and labels; Xinhua's correction button.
    "ये भी पढ़ें: नदी पर नया पुल अगले साल खुलेगा", "यह भी पढ़ें - बजट में स्कूलों के लिए क्या है",
    "पढ़ें पूरी खबर हमारे ऐप पर", "ऐप डाउनलोड करने के लिए QR स्कैन करें", "विज्ञापन", "और पढ़ें", "कॉपी लिंक",
    "【纠错】 责任编辑： 林晓", "【责任编辑:林晓】", "相关阅读：大桥今日通车", "上一篇",
    "Tired of too many ads?go ad free now", "Czytaj dalej. Subskrybuj", "無断転載・複製を禁じます",
    # The page's own timestamp, alone on a line; a paywall's reading progress in Polish.
    "Published 11:11 PM EST Nov 19, 2019", "Updated: Nov 19, 2019 3:04 p.m. ET", "Aktualisiert am 19.11.2019, 10:15 Uhr",
    "Posted on Tuesday, March 3rd, 2026 at 10:15 am", "Pozostało jeszcze 89% artykułu", "readmore", "Shop Similar Look",
    # A research news site's footer; a browser push prompt's buttons; an author box's link.
    "Citation: Pier gates hold back a record surge (2026, March 2) retrieved 3 March 2026 from "
    "https://science-wire.example/news/2026-03-pier-gates.html",
    "This document is subject to copyright. Apart from any fair dealing for the purpose of private study or research, "
    "no part may be reproduced without the written permission. The content is provided for information purposes only.",
    "Journal information: Coastal Engineering Letters", "Maybe Later", "Be First!", "Read the latest from Ann Lee",
    # Reuse notices closing a story, in the shapes Korean, Chinese, Japanese and French sites print them.
    "<저작권자 © 강변일보, 무단 전재 및 재배포 금지>", "ⓒ강변일보 Media Co., Ltd. 무단전재-재배포, AI 학습 및 활용 금지",
    "本文由 @林晓 原创发布于江岸日报。未经许可，禁止转载。", "未经授权 禁止转载", "转载请注明出处：江岸日报",
    "© 2026 川辺新聞。無断転載を禁じます。", "無断転載・二次配布はご遠慮ください。", "© 2026 Courrier du Lac. Tous droits réservés.",
    "Photo: Jo Roe (c) 2026 Lakeshore Media. All Rights Reserved.",
    # "Read also" before a related link, and labels, in more of the languages news sites print them.
    "Baca juga: Jembatan baru dibuka pekan depan", "Читайте также: Мост откроют в мае", "Lees ook: Nieuwe brug gaat open",
    "Læs også: Ny bro åbner i maj", "Lue myös: Uusi silta avataan", "Xem thêm: Cây cầu mới sẽ thông xe",
    "اقرأ أيضاً: افتتاح الجسر الجديد", "También te puede interesar: El puente abre en mayo", "관련기사: 새 다리 다음 달 개통",
    "関連記事：新しい橋が来月開通", "إعلان", "광고", "이전기사", "많이 본 기사",
    "Čtěte také: Nový most otevřou v květnu", "Διαβάστε επίσης: Ανοίγει η νέα γέφυρα", "קראו גם: הגשר החדש נפתח",
    "Citește și: Podul nou se deschide în mai",
    # Page controls printed as text, and reading-time notes.
    "In this article", "Show More", "Back to top", "Skip to main content", "Next article", "Reject all", "Print",
    "Listen to this article", "Listen to this article • 4 min", "5 min read", "12 Min Read", "4-minute read",
    "Reading time: 4 minutes", "Lesezeit: ca. 3 Min.", "Temps de lecture : 6 min", "Tempo de leitura: 1 minuto",
    # A writer's contact sentence, a newsletter call after a teaser question or sentence, a social prompt.
    "Staff writer Jo Roe can be reached at jroe@valleycourier.example. Follow her on X @joroe.",
    "Have a tip? Ann Lee may be reached at alee@lakeshore.example.", "Questions about the bridge? Email us at desk@courier.example.",
    "Want more river news? Sign up for the Valley Courier's free newsletter.",
    "You're reading the Morning Brief newsletter. Sign up to get it in your inbox.",
    "Follow Valley Courier on Instagram, Facebook and YouTube.", "Follow her on Threads @annlee",
    "Follow Lakeshore on Instagram and X, or subscribe to our newsletter for daily stories.",
    "Please sign up for Courier newsletters to keep receiving the latest news.",
    "\u00d7 Subscribe to the Valley Newsletter \u2022 Wake up every Sunday to our best stories.",
    # A print-edition note; the placeholder (and its heading) where an embedded post would be.
    "A version of this article appears in print on March 2, 2026, Section A, Page 12 of the Valley edition "
    "with the headline: Pier Gates Hold.",
    "This article appeared in the Business section of the print edition under the headline \"Gates hold\"",
    "Instagram content", "This content can also be viewed on the site it originates from.",
    "This story was originally published March 2, 2026, 7:00 AM.",
    "Why you can trust Lakeshore Tech We spend hours testing every product or service we review.",
    "We may earn revenue from the products available on this page and participate in affiliate programs. Learn more",
    "By clicking subscribe, you agree to receive news and offers by email from the Courier. Your "
    "information will be used in line with our privacy policy, which you can read on our site, and you can "
    "unsubscribe at any time by following the link at the foot of every email we send you.",
    "Harbour Role: The Courier has counted the town's votes since 1901, and its tallies are the town's record. Learn more.",
    "Supported by", "About this content", "View all posts by Ann Lee", "See all “Harbour Notes” columns",
    # A writer's holdings disclosure under a finance story (Morningstar's, the Motley Fool's,
    # Seeking Alpha's, InvestorPlace's forms).
    "The author does not own shares in any securities mentioned in this article. Read our editorial policies.",
    "Ann Lee has no position in any of the stocks mentioned. Lakeshore Money has a disclosure policy.",
    "I/we have no stock, option or similar derivative position in any of the companies mentioned.",
    "On the date of publication, Ann Lee did not have (either directly or indirectly) any positions in the "
    "securities mentioned in this article.",
    # A timestamp with no lead word: a date with its year and a clock, a zone or country after it.
    "Monday 2 March 2026 09:41, UK", "3/2/2026 9:41 AM PT", "Mar 2, 2026, 09:41 IST", "02.03.2026, 9.41 Uhr",
])
def test_furniture_lines(line):
    assert is_furniture(line)
    rec = extract(f"{STORY}\n{line}\n".encode())
    assert rec.body == [STORY] and line in rec.unclassified


@pytest.mark.parametrize("line", [
    "Highlights of the budget include a new bridge and three schools, the mayor said on Friday.",
    "Related costs rose by 4% last year, according to the council's own figures.",
    "Premium petrol prices rose again in March, the ministry said.",
    "Continue to the next section, the officer told the drivers before closing the road.",
    "Closer ties with the port were the aim of the visit, the minister said.",
    "Latest news from the valley suggests the river has peaked, officials said on Sunday.",
    "Agents may earn commissions when customers buy policies, the regulator said.",
    "Brokers may earn commissions on purchases of the new bonds, the ministry said.",
    "The platform lets creators earn commissions from links they share, its chief executive said.",
    "The council will receive compensation from the builder, the court ruled.",
    "Copyright law changed in 2019, the court noted, and the publishers lost their case.",
    "Copyright cases rose in 2019", "\u00a9 is what the sign on the shop read in 2019",
    "Follow the signs on Twitter to find the protest, the organisers told supporters.",
    "If you enjoyed the concert, the mayor said, you will love the festival next summer.",
    "[1] The council's own figures, published in March, put the cost at twice that [/ see annex].",
    "[Updated] The council met again on Monday and approved the budget.",
    "Scam texts land straight to your inbox every day, police warned.",
    "The latest scam sends fake invoices straight to your inbox, the bank warned customers.",
    "Listeners moved from radio to Spotify in large numbers last year, the survey found.",
    "Your browser history can reveal more than you think, the researchers warned.",
    "End of story, the minister said, and left the room.",
    "Purchase licensing rights for the stadium were sold to a broadcaster, the club said.",
    "और पढ़ें-लिखें बच्चे, यही गांव की सबसे बड़ी मांग है, सरपंच ने कहा।",
    "विज्ञापन पर खर्च इस साल दोगुना हो गया, कंपनी ने बताया।",
    "相关阅读材料显示，这座大桥将于明年通车。",
    "Published in 2019, the report found that the river had risen by a metre.",
    "Updated figures show 20 more cases in the district since Monday.",
    "Updated 2 May 2024 with new figures from the council",
    "Citation: the court cited a 2019 ruling, retrieved from the archive, the judge said.",
    "무단 전재를 금지하는 법안이 국회를 통과했다.", "웹툰 무단 전재 사이트 운영자가 검거됐다고 경찰이 밝혔다.",
    "該网站因未经授权转载新闻被起诉。", "無断転載を禁止する法律が成立した。",
    "In 2019 the band said all of its rights were reserved for the label.",
    "Bacaan doa itu dibacakan di masjid pada hari Jumat, kata pengurus.", "관련기사를 쓴 기자는 경찰에 출석했다.",
    "Leesbaarheid van de nieuwe borden is verbeterd, zegt de gemeente.", "광고비 지출이 올해 두 배로 늘었다고 회사는 밝혔다.",
    "Prep Time: 20 mins", "20 minutes", "Citește și scrisoarea primarului, a spus consilierul.", "Show more patience with new drivers, the police urged on Monday.",
    "Print shops on the high street closed in 2019, the council said.", "Reading time for pupils doubled in a year.",
    "Residents can write to info@council.example to complain, the mayor said.",
    "Follow the signs on the A9 to reach the new bridge.", "Follow instructions posted on Facebook by the council.",
    "Is it safe? Experts say yes, but the council disagrees.",
    "Why did he join? He said the club's newsletter convinced him.",
    "This story appeared to anger the minister, who left the room.",
    "Follow-up posts on Facebook and Twitter showed the claims were false.",
    "Why you can trust the new figures, according to the statistics office.",
    "The retailer said its affiliate programs grew by 20% last year.",
    "Supported by the council's grant, the club rebuilt its stand.",
    "Analysts said pension funds held positions in the stocks mentioned by the minister.",
    "The council wants residents to learn more. It will hold three meetings about the pier.",
    "By clicking the link, readers agreed to nothing, the court found.",
    "The harbour fund has a disclosure policy that it updates every year, its chair said.",
    # Dates without a clock (an exhibition's run), a table row of figures, a sentence with a time.
    "2 March 2026 | 30 April 2026", "2026 | 12.50 | 13.20", "The ferry leaves at 09:41 on 2 March 2026.",
])
def test_story_sentences_that_start_like_furniture_stay(line):
    assert not is_furniture(line)


def test_side_by_side_links_are_not_glued_into_one_word():
    el = lxml_html.fromstring("<div><p>Share: <a>Facebook</a><a>Twitter</a> <a>Email</a></p>"
                              "<p>A <a>link</a>s word stays whole.</p></div>")
    assert [b.text for b in blockify(el)] == ["Share: Facebook Twitter Email", "A links word stays whole."]


def test_furniture_box_lines_leave_a_generic_story():
    paras = "".join(f"<p>{STORY} Paragraph {i} adds more detail about the plan.</p>" for i in range(6))
    page = (f"<html><body><article><h1>Council approves budget</h1>"
            f"<div class='story-highlights'><ul><li>Budget passes 7-2</li><li>Road repairs first</li></ul></div>"
            f"{paras}<div class='related-stories'><ul><li><a>Mayor names new deputy</a></li></ul></div>"
            f"</article></body></html>")
    rec = extract(page.encode(), url="https://example.org/council")
    assert all("Paragraph" in p for p in rec.body) and len(rec.body) == 6
    assert "Budget passes 7-2" not in rec.body


@pytest.mark.parametrize("box", [
    # An editors' note shown on a click (Science X's fact-check popover), a glossary card.
    "<div class='d-none' id='fact-check-popover'><p>This note was reviewed under the Lakeshore "
    "desk's editorial process.</p><p>fact-checked</p><p>proofread</p></div>",
    "<div class='glossary-tooltip'><p>Levy: a charge the council sets on every household each year, "
    "shown when a reader taps the word.</p></div>",
])
def test_popover_and_tooltip_lines_are_not_story(box):
    paras = "".join(f"<p>{STORY} Paragraph {i} adds more detail about the plan.</p>" + (box if i == 2 else "")
                    for i in range(6))
    page = f"<html><body><article><h1>Council approves budget</h1>{paras}</article></body></html>"
    rec = extract(page.encode(), url="https://example.org/council")
    assert len(rec.body) == 6 and all("Paragraph" in p for p in rec.body)


def test_a_box_whose_id_is_a_headline_slug_is_not_furniture_by_its_words():
    # A slideshow's slides are named for their headings: "shared" and "promoted" in such a slug
    # are the story's words, not the names of a share row or a promo box.
    def slide(ident: str, heading: str, n: int) -> str:
        return (f"<div class='slide' id='{ident}'><h2>{heading}</h2>"
                + "".join(f"<p>Slide {n} line {k}: the harbour board showed the plans to the town.</p>"
                          for k in range(2)) + "</div>")
    slides = (slide("the-mayor-shared-her-plans-for-the-pier-1", "The mayor shared her plans for the pier", 1)
              + slide("crews-promoted-the-new-deck-at-the-fair-2", "Crews promoted the new deck at the fair", 2)
              + "".join(slide(f"slide-{n}", f"Step {n} of the rebuild", n) for n in range(3, 7)))
    page = f"<html><body><article><h1>Pier plans in pictures</h1>{slides}</article></body></html>"
    rec = extract(page.encode(), url="https://example.org/pier-slides")
    assert "Slide 1 line 0: the harbour board showed the plans to the town." in rec.body
    assert "Slide 2 line 1: the harbour board showed the plans to the town." in rec.body


@pytest.mark.parametrize("token, slug", [
    ("zendaya-promoted-dune-part-two-in-london-while-wearing-a-plum-colored-suit-1", True),
    ("c-title-social-media-sofia-lee-disappearance-true-crime-mystery-1234932544", True),
    ("block-views-block-related-news-block-related-news", False),
    ("share-list__social-list-icon--first", False),
    ("related-stories", False),
])
def test_prose_slugs_are_told_from_class_names(token, slug):
    from newsbot.core.extract.generic import is_prose_slug

    assert is_prose_slug(token) is slug


@pytest.mark.parametrize("line", [
    "2026 09:41 " + "1" * 150 + "!", "Updated 2026 09:41 " + "1" * 150 + "!", "Updated " + "sat " * 40 + "x",
    "2026 09:41 " + "1st " * 40 + "x",
    # The same for the holdings, consent and link-prompt patterns: long runs of their words.
    "Ann Lee has no " + "direct, indirect, " * 25 + "positions" + " in" * 40 + "!",
    "By clicking " + "subscribe " * 40 + "you agreed", "Harbour notes " + ". Learn more" * 40 + " x",
])
def test_hostile_date_like_lines_are_refused(line):
    # Runs of digits or date words with a stray end: each date pattern cuts a line into tokens
    # one way only, so these are refused at once (the looser patterns took seconds a line).
    assert not is_furniture(line)
    assert extract(f"{STORY}\n{line}\n".encode()).body == [STORY, line]
