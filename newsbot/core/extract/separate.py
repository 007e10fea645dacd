"""The separation: a page's text blocks -> body, wire, disclaimer, paywall, unclassified.

Every path (a publisher profile, the generic trafilatura path, plain text) ends here with
the page's blocks in reading order, each tagged with the region it came from. Each block
lands in exactly one field; what fits none is unclassified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsbot.core.record import Paywall, Wire
from . import wire as wires
from .agencies import names_unnamed_agencies
from .blocks import AFTER, BYLINE, NOISE, PAYWALL, STORY, Block
from .disclaimer import is_disclaimer
from .paywall import is_cta, parse_paywall, pitch_offer, starts_paywall
from .text import fold

# Page furniture: lines that are never story. One table of the phrases a line starts with,
# by kind; the pattern is generated from it. Applies to lines shorter than FURNITURE_MAX.
FURNITURE_STARTS: dict[str, tuple[str, ...]] = {
    "related stories": (
        "also read", "read also", "read more", "recommended for you", "recommended:", "recommended stories",
        "recommended reading", "related:", "related stories", "related articles", "related news",
        "related coverage", "related content", "related links", "related reading", "related videos", "more from",
        "more on this",
        "you may also like", "you might also like", "you may like", "most read", "most popular", "trending now",
        "see also", "also see", "read next", "up next", "must read", "don't miss", "more stories",
        "le puede interesar", "lea también", "lee también", "leia também", "veja também", "lesen sie auch",
        "mehr zum thema", "à lire aussi", "lire aussi", "czytaj także", "les også", "läs också", "leggi anche",
        "czytaj więcej", "czytaj dalej", "zobacz też", "zobacz także", "weiterlesen", "lire la suite", "leia mais", "leer más",
        "lee más", "continua a leggere", "les mer", "läs mer", "you can also check", "you may also check",
        "also check:", "also watch", "watch more", "explore more", "explore further", "you might like",
        "you might be interested in", "you may be interested in", "editors' recommendations", "editor's picks",
        "editors' picks",
        # Hindi sites' (BBC Hindi, Zee, Dainik Bhaskar): "also read", "also see".
        "ये भी पढ़ें", "यह भी पढ़ें", "इसे भी पढ़ें", "ये भी देखें", "यह भी देखें",
        # Chinese sites' (Xinhua, People's Daily): "related reading", "further reading", "recommended".
        "相关阅读", "延伸阅读", "推荐阅读", "相关新闻",
        # "Read also" / "see also" / "related articles" where news sites print it before a link:
        # Indonesian, Russian, Ukrainian, Dutch, Danish, Finnish, Vietnamese, Arabic, Spanish,
        # Korean, Japanese (scrapers' junk lists and sites' related-link headings).
        "baca juga", "simak juga", "lihat juga", "читайте также", "смотрите также", "читайте також",
        "дивіться також", "lees ook", "lees meer", "bekijk ook", "læs også", "læs mere", "lue myös", "lue lisää",
        "xem thêm", "đọc thêm", "اقرأ أيضا", "اقرأ ايضا", "te puede interesar", "también te puede interesar",
        "también le puede interesar", "관련기사", "関連記事",
        # Czech, Greek, Hebrew, Romanian (with its colon: "citește și" also opens sentences).
        "čtěte také", "přečtěte si také", "mohlo by vás zajímat", "dále čtěte", "διαβάστε επίσης", "δείτε επίσης",
        "קראו גם", "citește și:",
    ),
    "advertising": (
        "advertisement", "sponsored:", "ad:", "story continues below", "article continues below",
        "continue reading below", "scroll to continue", "content continues below", "(story continues below",
        "- advertisement -", "paid content", "tired of too many ads", "go ad free", "go ad-free",
    ),
    "page notes": (
        "first published", "last updated", "updated on", "topics :", "topics:", "tags :", "tags:", "filed under",
        "copyright ©", "all rights reserved", "our standards:", "the thomson reuters trust principles",
        "(this story has not been edited", "catch all the", "check out our",
        "this material may not be published", "this document is subject to copyright", "journal information:",
        # Chinese sites' footer: the correction and print buttons, the editor in charge.
        "【纠错】", "【打印】", "【关闭】", "责任编辑", "【责任编辑", "（责任编辑", "(责任编辑",
        # Japanese sites' reuse notices (Nikkei's "about the article-use service"; "no reproduction").
        "日経の記事利用サービスについて", "企業での記事共有や会議資料への転載", "無断転載", "記事の無断転載",
    ),
    "prompts": (
        "click here", "share this", "print this", "follow us on", "get them on our telegram", "dear reader",
        "support quality journalism", "we want to hear", "submit your letter", "submit a letter",
        "send us a letter", "have a news tip", "got a news tip", "continue reading", "keep reading",
        "read the full story", "read the full article", "follow our live coverage", "follow live",
        "live updates:", "watch:", "listen:", "join our whatsapp", "join our telegram", "download the",
        "get the app", "open in app", "sign up for", "subscribe to our", "get our", "want more stories",
        "enjoy unlimited", "create a free account", "log in to continue", "register to continue",
        "create an account", "create your free account", "sign up to", "sign up now", "sign up here", "sign up today",
        "sign in to", "log in to", "register for free to", "register for free and",
        "register now", "follow us", "subscribe now", "subscribe today", "subscribe for", "become a member",
        "join us on", "like us on", "to continue reading", "subscribe to ", "get alerts", "get real-time",
        "get breaking", "get the latest", "get access to", "get notified", "get unlimited", "want to bookmark",
        "post your comment", "post a comment", "leave a comment", "add a comment", "thanks for signing up",
        "thank you for signing up", "thanks for subscribing", "thank you for subscribing",
        "read the latest from", "more from this author", "more articles by", "listen to this article",
        "follow him on", "follow her on", "follow them on", "follow me on",
        # Archive links: WordPress's "View all posts by <author>", "See all stories by ...",
        # a column's "See all “Dear Abby” columns".
        "see all", "view all", "browse all",
        # Hindi: "read the full story (on the app)", "to download the app".
        "पूरी खबर पढ़ें", "पढ़ें पूरी खबर", "ऐप डाउनलोड करने के लिए", "ऐप डाउनलोड करें", "अधूरा नहीं! पढ़िए पूरा",
    ),
    "player messages": (
        "your browser does not support", "your browser doesn't support", "this browser does not support",
        "to view this video please enable javascript", "please enable javascript", "javascript is disabled",
        "we apologize, but this video has failed to load", "this video has failed to load", "try refreshing your browser",
        "video loading", "this video is unavailable", "video unavailable",
        # Condé Nast sites' placeholder for an embedded post (Vogue, Wired, GQ, The New Yorker).
        "this content can also be viewed on the site it originates from",
    ),
    "other languages": (
        "read in ", "read this story in", "read this article in", "also read in", "lire en ", "leer en ",
        "this story is also available in", "auch auf englisch",
    ),
    "labels": ("related", "recommended", "sponsored", "ad", "premium", "exclusive", "subscribers only", "subscriber only",
               "members only", "sponsored content", "promoted", "advert", "anzeige", "werbung", "publicité",
               "publicidad", "pubblicità", "reklama", "iklan", "loading", "close", "share", "more", "more info",
               "learn more", "topics", "latest", "latest news", "trending", "trending this week", "most viewed",
               "must watch", "about the author", "about the authors", "end of article", "end of story",
               "purchase licensing rights", "purchase licensing rights, opens new tab",
               "maybe later", "no thanks", "no, thanks", "not now", "allow notifications", "be first!",
               "readmore", "shop similar look", "shop the look",
               # An advertising or funding label over the story: the New York Times's "Supported
               # by" (its ad slot's heading), the Guardian's "Supported by" and "About this content".
               "supported by", "about this content", "विज्ञापन", "और पढ़ें", "कॉपी लिंक", "纠错", "上一篇", "下一篇", "返回首页", "返回顶部",
               # Arabic "advertisement", "related"; Korean "advertisement", "previous/next article",
               # "most read", "recommended", "popular", "top stories".
               "إعلان", "ذات صلة", "광고", "이전기사", "다음기사", "많이 본 기사", "추천기사", "인기기사", "주요 기사",
               # Page controls printed as text: table-of-contents toggles, expanders, the
               # article's tool row, sign-in links, a cookie dialog's buttons.
               "in this article", "jump to", "skip to content", "skip to main content", "show more", "show less",
               "read less", "back to top", "view comments", "sign in", "log in", "next article", "previous article",
               "next story", "previous story", "open in new tab", "cookie settings", "reject all", "accept all",
               "manage preferences", "font size", "text size", "print", "email", "comments", "menu",
               # The heading over that placeholder.
               "instagram content", "twitter content", "x content", "tiktok content", "youtube content",
               "facebook content"),
    "summary boxes": ("highlights", "key points", "key takeaways", "quick read", "story highlights",
                      "top takeaways", "tl;dr", "in short:", "the big picture", "key highlights", "top highlights", "at a glance", "what to know", "kortversjonen",
                      "das wichtigste in kürze", "en bref", "en resumen"),
}
FURNITURE_MAX = 200
_WHOLE_LINE_KINDS = ("labels", "summary boxes")
"""Kinds whose phrases are furniture only as a whole line ("Highlights", not "Highlights of the budget ...")."""
_FURNITURE = re.compile(
    "^(?:" + "|".join(re.escape(p) + (r"\b" if p[-1].isalnum() else "")
                      for kind, phrases in FURNITURE_STARTS.items() if kind not in _WHOLE_LINE_KINDS
                      for p in sorted(phrases, key=len, reverse=True)) + ")",
    re.I,
)
_SUMMARY_HEADINGS = re.compile(
    r"^(?:" + "|".join(re.escape(p) for kind in _WHOLE_LINE_KINDS for p in FURNITURE_STARTS[kind]) + r")\W*$", re.I)
_SOCIAL = re.compile(
    r"^(?:(?:share|follow|on|via|us|email|e-mail|print|copy|link|facebook|twitter|x|linkedin|whatsapp|telegram|"
    r"reddit|pinterest|instagram|youtube|flipboard|threads|bluesky|tumblr|messenger|comments?|sms|save|gift|"
    r"article|this|story)\b\W*){2,}$", re.I)
_PUBLICATION_NOTE = re.compile(
    r"^(?:this (?:article|story|post|piece) )?(?:was )?(?:first|originally) (?:appeared|published|ran) (?:on|in|at)\b|"
    # McClatchy's "This story was originally published December 22, 2023, 12:20 PM."
    r"^this (?:article|story|post|piece) was (?:first|originally) published (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})\b|"
    # Future plc's review pledge: "Why you can trust TechRadar We spend hours testing every product ...".
    r"^why you can trust .{2,40}\bwe spend hours testing\b|"
    r"^the post .{1,200} appeared first on .{1,100}$|"
    # A research site's citation and reuse notice under the story (phys.org, Medical Xpress,
    # Tech Xplore): "Citation: <title> (2023, December 20) retrieved 23 December 2023 from
    # https://...", "This document is subject to copyright. Apart from any fair dealing ...".
    r"^citation: .{10,400}\bretrieved\b.{0,60}\bfrom https?://\S+$|^this document is subject to copyright\b|"
    # A print-edition note: "A version of this article appears in print on April 3, 2025, Section
    # A, Page 1 of the New York edition ...", "This article appeared in the Leaders section of the
    # print edition under the headline ...".
    r"^(?:a version of )?this (?:article|story|piece|column|interview|review|essay|report) (?:originally |first )?"
    r"(?:appears|appeared|was published|ran)\b.{0,200}\b(?:print|edition|issue|page \w+|section)\b", re.I)
"""A publisher's note about the story, not the story: where and when it first appeared, in
print or elsewhere, how to cite it, the review pledge. Read on lines of up to 300 characters
(a print note with its headline runs past FURNITURE_MAX)."""
_DISCLOSURE = re.compile(
    r"\b(?:(?:we|i)\s+(?:may|might|could|can|will|would|also|sometimes|often)?|may|might)\s*(?:earn|receive|get|make)\b"
    r".{0,40}\b(?:commissions?|compensation|a share of (?:the )?(?:sales?|revenue))\b|"
    r"\baffiliate (?:links?|commissions?)\b|\bas an amazon associate\b|"
    # Hearst's: "We may earn revenue from the products available on this page and participate
    # in affiliate programs."
    r"\bwe (?:may )?earn revenue from the products\b.{0,80}\baffiliate programs?\b")
_DISCLOSURE_CONTEXT = re.compile(r"\blinks?\b|\baffiliate\b|\bamazon associate\b|"
                                 # The note addressing the reader: "If you buy something through
                                 # this post, IGN may get a share of the sale", "... on qualifying
                                 # purchases at no extra cost to you".
                                 r"\bif you (?:buy|purchase|shop|click|sign up)\b|\bqualifying purchases\b|"
                                 r"\bat no (?:extra|additional) cost to you\b|\bthrough (?:this|our) (?:post|page|site|article)\b")
_HOLDINGS_DISCLOSURE = re.compile(
    # "The author or authors do not own shares in any securities mentioned in this article"
    # (Morningstar), "Ann Lee has no position in any of the stocks mentioned" and "Longtime
    # contributor Ann Lee owns shares of ..." (the Motley Fool), "I/we have no stock, option or
    # similar derivative position in any of the companies mentioned" (Seeking Alpha), "On the date
    # of publication, Ann Lee did not have ... any positions in the securities mentioned".
    r"\b(?:ha(?:s|ve|d)|holds?|held|owns?|owned|did not have|do(?:es)? not (?:own|hold|have))\s+"
    r"(?:\([^)]{0,60}\)\s*)?(?:no\s+|any\s+)?"
    r"(?:(?:direct|indirect|beneficial|financial|long|short|stock|option|similar|derivative|or)[\s,]+)*"
    r"(?:positions?|shares|stakes?|interests?)\b.{0,80}\b(?:stocks?|securities|companies|funds?|shares) "
    r"(?:mentioned|discussed|named|covered)(?:\s+(?:in|on)\s+(?:this|the)\s+(?:article|story|post|report|piece|page))?"
    r"\s*(?:[.,;:)]|$)|"
    r"\bhas positions in and recommends\b|\bhas a disclosure policy\W*$")
"""A writer's holdings disclosure under a finance story: the writer owns, holds or has no
shares or positions in the securities the story mentions. A story sentence about funds'
holdings names no "stocks mentioned" closing a clause ("... the stocks mentioned by the
minister" is a story's sentence)."""
_ENDS_IN_PROMPT = re.compile(r"[.!?]\s+(?:learn more|read more|find out more|click here)\W*$")
"""A blurb whose last sentence is only a link prompt ("AP's Role: The Associated Press is the most
trusted source ... Learn more."): a promo, at any length up to DISCLOSURE_MAX."""
_FORM_CONSENT = re.compile(r"^by (?:signing up|clicking|tapping|pressing|submitting|subscribing|registering|entering)\b"
                           r"[^.]{0,60}?,? you (?:agree|accept|consent|acknowledge)\b")
"""A sign-up form's consent line, of any length up to DISCLOSURE_MAX ("By clicking subscribe,
you agree to the Fox News Privacy Policy and Terms of Use, and agree to receive content ...",
Top Gear's "By clicking subscribe, you agree to receive news, promotions and offers by email
...")."""
_DISCLOSURE_WORDS = ("commission", "compensation", "affiliate", "amazon associate", "a share of")
"""One of these is in every line _DISCLOSURE matches: substring tests first, the pattern after."""
_ENJOYED_PROMPT = re.compile(
    r"^(?:thanks?(?: you)? for (?:reading|visiting)\b[^.!?]{0,40}[.!?]\s+)?"
    r"if you (?:enjoyed|liked|loved|appreciated|valued|found)\s+(?:reading\s+)?this "
    r"(?:article|story|piece|post|read|content|column|newsletter|guide|interview|report|blog|episode)\b")
"""The appeal after a story, of any length up to DISCLOSURE_MAX: "If you enjoyed this article, we have a
proposition for you: Join NRPLUS", "If you liked this story, sign up for the weekly features
newsletter", "If you enjoyed this article, please consider sharing it!"."""
_SHORTCODE = re.compile(r"^\[(\w+)\b[^\]]*\].*\[/\1\]\W*$", re.S)
"""A WordPress shortcode printed unrendered as a whole line ("[button link=...]Send us your
review[/button]", "[caption id=...]...[/caption]", "[embed]https://...[/embed]"): a template
placeholder, not story."""
DISCLOSURE_MAX = 500
"""An affiliate disclosure ("When you purchase through links on our site, we may earn an
affiliate commission", "If you buy through affiliate links, we may earn commissions", "...
through a link on our site, we may receive compensation. By using this site, you consent to
..."): the publisher's note on shopping links, no story. The publisher's commission (we, or
"may earn") and its links are both named, in a line of at most DISCLOSURE_MAX characters."""
_NEWSLETTER = re.compile(r"^(?:please )?(?:subscribe|sign up|signup|get|join|register)\b.*\bnewsletters?\b|^newsletter\b|"
                         # The same call as a later sentence: "You're reading the X newsletter.
                         # Sign up to get it in your inbox."
                         r"[.?!]\s+(?:subscribe|sign up|signup|register|join)\b[^.?!]{0,80}\b(?:newsletters?|mailing list|inbox)\b|"
                         r"delivered (?:straight )?to your inbox|never miss (?:a|our|an)\b|by signing up,? you agree|"
                         # The box's promise and its confirmation: "Get all the latest news, reviews and
                         # exclusives, direct to your inbox.", "Your subscription has been confirmed."
                         r"^(?:get|sign up|subscribe|receive|have|the best of|all the latest)\b.{0,120}"
                         r"\b(?:direct(?:ly)?|straight|right|sent) to your inbox\b|"
                         r"^(?:your )?subscription (?:has been |is )?confirmed\b|\bkeep an eye on your inbox\b|"
                         r"\bby email\b.*\bnever miss\b", re.I)


PAYWALL_LINE_MAX = 2000
"""Meters, paywall headers and calls to action are short lines; a longer block is never one
(and a story of one huge text node is not scanned for them over and over)."""
TAIL_SCAN = 1000
"""A wire tag closing the last paragraph sits in its last characters: only those are read."""


_OPENING_MARKS = "[({*_-\u2013\u2014\u2022>|~ \u00d7\u2715"
"""Marks a prompt is wrapped in ("[Sign up for ...]", "(Follow us on ...)", "*Create an account*"):
the furniture phrases are matched after them."""
_PROMPT_INSIDE = re.compile(r"\b(?:click|tap|clicking|tapping) here\b|\bsign up here\b|\bsubscription today\b|"
                            r"\bsubscribe (?:now|today)\b|\bstart your .{0,40}subscription\b", re.I)
"""A short line carrying a call to click or subscribe anywhere in it ("Get X on the go by
clicking here", "... Sign up here.") is a prompt."""
_LINK_PROMPT = re.compile(r"^(?:follow|read|see|visit|watch|listen|get|download|find|for more|more)\b.{0,150}"
                          r"\bhttps?://\S+\W*$", re.I)
"""A line sending the reader to an address ("Follow our full coverage at https://...")."""
_CONTACT_LINE = re.compile(r"^\W*(?:e-?mail|contact|write to)\b\W{0,3}(?:\w+\W{1,3}){0,6}?\S+@\S+\W*$", re.I)
"""A writer's contact line ("Email: jroe@example.com"), no story."""
_CONTACT_SENTENCE = re.compile(r"\b(?:can|may) be (?:reached|contacted|emailed) at\s+\S+@\S+|"
                               r"\breach (?:him|her|them|me|us) at\s+\S+@\S+|\be-?mail (?:him|her|them|me|us) at\s+\S+@\S+")
"""A writer's or desk's contact sentence anywhere in a short line ("Staff writer Jo Roe can be
reached at jroe@example.com. Follow her on X", "Email us at desk@example.org"): the address is
the publisher's furniture, a quoted address ("write to info@council.gov") has no such frame."""
SOCIAL_PLATFORMS = ("twitter", "x", "instagram", "facebook", "threads", "bluesky", "linkedin", "tiktok", "youtube",
                    "mastodon", "snapchat", "whatsapp", "telegram")
_PLATFORM = "(?:" + "|".join(SOCIAL_PLATFORMS) + ")"
_FOLLOW_ON_PLATFORMS = re.compile(
    rf"^follow (?!up\b).{{1,60}}\bon {_PLATFORM}(?:(?:,? (?:and |or )?{_PLATFORM})+\b|"
    # One platform, then nothing but a handle or the prompt's reason: "Follow the Mirror US News
    # page on Facebook", "... on Instagram at @nickstecher", "... to make sure you're not missing out".
    r"(?: (?:at )?@\w+(?: and @\w+)?| for .{1,60}| to (?:make sure|stay|keep|get|see|never)\b.{0,80})?\W*$)")
"""A social prompt naming two platforms or more ("Follow Newsbeat on Instagram, Facebook, Twitter
and YouTube"), or one as the line's end; "Follow the signs on the A9" names none."""
_QUESTION_PREFIX = re.compile(r"^[^.?!]{3,100}\?\s+")
"""A teaser question before a prompt ("Want more movie news? Sign up for ...", "Have a tip?
..."): the prompt is read after it, as after a label."""
_COPYRIGHT_LINE = re.compile(r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:19|20)\d{2}\b")
"""A copyright notice ("Copyright 2024 Example Media Inc. All rights reserved.", "© 2023 Example
Network"): the page's, not the story's (an agency's notice is read as its credit first)."""
_COPYRIGHT_HOLDER_LINE = re.compile(r"^(?:[Cc]opyright\s*)?(?:©|\([cC]\)|[Cc]opyright|COPYRIGHT)\s*"
                                    r"(?:[A-Z][\w&'’.-]*\s+){1,6}(?:19|20)\d{2}(?:\s*[-–|.,]\s*\S.{0,50})?\W*$")
"""The same notice naming its holder before the year ("© Telegraph Media Group Limited 2024",
"copyright Inexhibit 2019 - ISSN: ..."): read as printed, every word of the name a capital's
("Copyright law changed in 2019" is a sentence)."""
RIGHTS_RESERVED = ("all rights reserved", "tous droits réservés", "todos los derechos reservados",
                   "alle rechte vorbehalten", "tutti i diritti riservati", "todos os direitos reservados",
                   "wszelkie prawa zastrzeżone", "alle rechten voorbehouden", "版权所有", "版權所有")
""""All rights reserved" in the publishers' languages, as a copyright notice ends."""
NO_REUSE_ENDS_JA = ("禁じます", "禁止します", "禁止いたします", "禁止", "ご遠慮ください", "ご遠慮下さい")
"""How a Japanese page's no-reproduction notice ends ("無断転載を禁じます", "... はご遠慮ください")."""
_RIGHTS = "|".join(re.escape(p) for p in RIGHTS_RESERVED)
_REUSE_NOTICE = re.compile(
    rf"(?:©|\(c\)|ⓒ|\bcopyright\b|\b(?:19|20)\d{{2}}\b).{{0,150}}(?:{_RIGHTS})\W*$|^\W*(?:{_RIGHTS})\W*$|"
    # Korean news's closing notice: "<저작권자 © 게임뷰, 무단 전재 및 재배포 금지>" ("no reproduction or
    # redistribution"; "무단전재-재배포, AI 학습 및 활용 금지").
    r"무단\s?전재.{0,40}(?:금지|금합니다)\W*$|"
    # Chinese: "未经授权禁止转载" ("no reprinting without authorisation"), "未经许可，禁止转载。",
    # "转载请注明出处" ("to reprint, credit the source").
    r"(?:未经|非经|未获|非)[^。\n]{0,8}?(?:授权|许可|允许|同意)[^。\n]{0,6}?(?:禁止|不得|严禁)转载|转载请(?:注明|联系|务必)|"
    # Japanese: "無断転載・複製を禁じます" ("no reproduction without permission"), as the line ends.
    r"無断(?:転載|複製|転用)[^。\n]{0,30}?(?:" + "|".join(NO_REUSE_ENDS_JA) + r")[。.！!]?\W*$", re.I)
"""A reuse notice: a line that ends in "All rights reserved" (or another language's) beside a
copyright sign, the word or a year ("Photo: Jo Roe (c) 2024 Example News. All rights
reserved.", "© 2025 Exemple. Tous droits réservés."), or a Korean, Chinese or Japanese
no-reproduction notice. A sentence about reproduction ("무단 전재를 금지하는 법안이 통과됐다", "無断転載を禁止する
法律") does not end in one."""
_PODCAST_PROMPT = re.compile(r"^(?:listen|subscribe|follow|find)\b.{0,150}\b(?:apple podcasts|spotify|google podcasts|"
                             r"podcast app|wherever you get your podcasts)|^(?:also )?available on (?:apple podcasts|spotify)"
                             r"|\bwherever you get your podcasts\W*$")
"""A podcast's prompt ("Listen to Example Hour on Spotify, Apple Podcasts and Google Podcasts",
"Subscribe wherever you get your podcasts")."""
_BARE_NUMBER = re.compile(r"^\W*\d{1,3}(?:\s*/\s*\d{1,3})?\W*$|^[\W_]+$")
"""A line that is only a number or a counter ("10", "01/7": a list's rank, a slide counter) or
only marks ("___", "* * *": a separator)."""
_LABEL_PREFIX = re.compile(r"^[^\W\d][\w'\u2019 -]{0,30}:\s+")
"""A short label before a prompt ("Ground Game: Sign up for ..."): the prompt is read after it."""
_READ_PROGRESS = re.compile(r"^(?:you have |there is |there's )?(?:only )?\d{1,3}(?:[.,]\d{1,2})? ?% (?:of (?:this|the) "
                            r"(?:article|story|piece) )?(?:is )?(?:left|remaining|still) (?:to read|unread)?|"
                            r"^pozostało (?:jeszcze )?\d{1,3} ?% (?:artykułu|tekstu)", re.I)
"""A paywall's reading-progress chrome ("62% of this article left to read"; Polish "Pozostało
jeszcze 89% artykułu"): never story."""
TIMESTAMP_LEADS = ("published", "updated", "posted", "modified", "last updated", "first published", "last modified",
                   "veröffentlicht", "aktualisiert", "publicado", "actualizado", "publié", "mis à jour", "pubblicato",
                   "aggiornato", "opublikowano", "zaktualizowano", "gepubliceerd", "bijgewerkt")
"""The words a page's own timestamp line opens with ("Published 11:11 PM EST Nov 19, 2019")."""
_DATE_TOKEN = (r"(?:\d{1,4}(?!\d)(?:(?:st|nd|rd|th)(?![a-z])|(?!st|nd|rd|th))|"
               r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
               r"|[ap]\.?m\.?|utc|[a-z]{1,3}[sd]?t|uhr|h|on|le|el|il)(?![a-z]))")
"""One word of a date line. Each token ends where its run of digits or letters ends, and no two
alternatives take the same word ("at", "am", "gmt" are the zone and clock forms'): a line can be
cut into tokens one way only, so a hostile line of digits fails in linear time (the looser
tokens took seconds a line, the number of ways to cut a run of digits into 14 tokens)."""
_TIMESTAMP_LINE = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in sorted(TIMESTAMP_LEADS, key=len, reverse=True)) + r")\b\s*:?\s*"
    rf"(?=[^\d]*\d)(?:{_DATE_TOKEN}[\s,.:/|()+-]*){{2,14}}$", re.I)
"""A line that is only the page's timestamp: a lead word, then nothing but a date and a time
(numbers, English month and weekday names, am/pm, a zone): "Updated on 19.11.2019 um 10:15
Uhr". A sentence that opens so ("Published in 2019, the report ...") has other words."""
_DATE_TIME_LINE = re.compile(
    rf"^(?=.*\b(?:19|20)\d\d\b)(?=.*\b\d{{1,2}}(?::\d{{2}}\b|[.]\d{{2}}\s*(?:[ap]\.?m\b|uhr\b|h\b)))(?:{_DATE_TOKEN}[\s,.:/|()+-]*){{3,14}}"
    r"(?:,?\s*[a-z]{2,4})?$", re.I)
"""A line that is only a timestamp with no lead word: a date with a year and a clock, and at
most a zone or country code after it ("Sunday 17 December 2023 17:23, UK" under Sky News's
standfirst, TMZ's "9/8/2015 12:15 PM PT"). A line of dates alone ("29 November 2018 | 20
January 2019", an exhibition's run) is story, so the clock is required, written with a colon
or with its am/pm ("12.50" alone is a table's figure)."""


READING_TIME_LEADS = ("reading time", "read time", "estimated reading time", "lesezeit", "lesedauer",
                      "temps de lecture", "tiempo de lectura", "tempo di lettura", "tempo de leitura", "czas czytania",
                      "leestijd")
READING_TIME_ENDS = ("read", "lesezeit", "de lecture", "de lectura", "di lettura", "de leitura", "czytania", "leestijd")
_MINUTES = r"\d{1,3}\s*-?\s*(?:min(?:ute|uto|uti|uten|utos|uty|ut)?s?)\.?"
_READING_TIME = re.compile(
    rf"^(?:{'|'.join(map(re.escape, READING_TIME_LEADS))})\W*(?:ca\.?\s*)?{_MINUTES}\W*$|"
    rf"^{_MINUTES}\s+(?:{'|'.join(map(re.escape, READING_TIME_ENDS))})\W*$", re.I)
"""A page's reading-time note ("5 min read", "Reading time: 4 minutes", "Lesezeit: 3 Min."), never
story; a recipe's "Prep Time: 20 mins" names no reading."""


_DISCLAIMER_LABEL = re.compile(r"^disclaimer\s*:\s*", re.I)


@dataclass
class Parts:
    """What the separation found."""

    body: list[str] = field(default_factory=list)
    wire: Wire | None = None
    disclaimer: str | None = None
    paywall: Paywall | None = None
    unclassified: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    """What the separation could not settle, e.g. "wire_agency_unnamed"."""
    promos: list = field(default_factory=list)
    """Offers of subscription pitches set in the story (paywall.pitch_offer): the publisher's
    prices, no wall; their lines are in unclassified."""


def is_furniture(text: str, extra: tuple[re.Pattern, ...] = ()) -> bool:
    """True for a line of page furniture (FURNITURE_STARTS, social rows, "first appeared on"
    trailers, newsletter boxes, affiliate disclosures) or one a publisher's profile names."""
    if len(text) > DISCLOSURE_MAX:
        return False
    key = fold(text)
    if (any(word in key for word in _DISCLOSURE_WORDS) and _DISCLOSURE.search(key)
            and _DISCLOSURE_CONTEXT.search(key)):
        return True
    if ("mentioned" in key or "disclosure" in key or "recommends" in key) and _HOLDINGS_DISCLOSURE.search(key):
        return True
    if key.endswith(("more.", "more", "here.", "here")) and _ENDS_IN_PROMPT.search(key):
        return True
    if key.startswith("by ") and _FORM_CONSENT.match(key):
        return True
    if key.startswith(("if you", "thank")) and _ENJOYED_PROMPT.match(key):
        return True
    if "[/" in text and _SHORTCODE.match(text.strip()):
        return True
    if len(text) > 300:
        return False
    if any(p.match(text) for p in extra):
        return True  # a profile's furniture: lines that start so
    if _PUBLICATION_NOTE.search(key) or ("@" in key and _CONTACT_SENTENCE.search(key)):
        return True
    if len(text) > FURNITURE_MAX:
        return False
    bare = key.lstrip(_OPENING_MARKS)
    if (_FURNITURE.match(bare) or _SOCIAL.match(bare) or _NEWSLETTER.search(bare) or _SUMMARY_HEADINGS.match(bare)
            or _READ_PROGRESS.match(bare) or _TIMESTAMP_LINE.match(bare) or _DATE_TIME_LINE.match(bare)
            or _READING_TIME.match(bare)
            or _PROMPT_INSIDE.search(bare) or _LINK_PROMPT.match(bare)
            or _CONTACT_LINE.match(bare) or _BARE_NUMBER.match(key) or _COPYRIGHT_LINE.match(bare)
            or _PODCAST_PROMPT.search(bare) or _REUSE_NOTICE.search(bare) or _FOLLOW_ON_PLATFORMS.match(bare)
            or (("20" in key or "19" in key) and _COPYRIGHT_HOLDER_LINE.match(text.strip()))):
        return True
    labelled = _LABEL_PREFIX.sub("", bare, count=1)
    if labelled == bare:
        labelled = _QUESTION_PREFIX.sub("", bare, count=1)
    return labelled != bare and bool(_NEWSLETTER.search(labelled) or _FURNITURE.match(labelled))


def is_summary_heading(text: str) -> bool:
    """A summary box's heading as a whole line ("Key highlights", "What to know")."""
    return len(text) <= 60 and bool(_SUMMARY_HEADINGS.match(fold(text).lstrip(_OPENING_MARKS)))


def separate(blocks: list[Block], authors: list[str] | None = None,
             disclaimers: tuple[re.Pattern, ...] = (), furniture: tuple[re.Pattern, ...] = (),
             dollar: str | None = None) -> Parts:
    """Assign every block to one field of the record. dollar: the currency a bare "$" means
    on this page (offers.dollar_for)."""
    n = len(blocks)
    label: list[str | None] = [None] * n
    hits: list[tuple[int, wires.WireHit]] = []
    disclaimers_found: list[str] = []
    loose: list[tuple[int, wires.WireHit]] = []
    promos: list = []

    # 1. Where the paywall starts: its own widget, or (plain text, story regions) the first
    #    line that opens one; from there on the story is over.
    story_pw_start = None
    for i, b in enumerate(blocks):
        if b.zone == STORY and len(b.text) <= PAYWALL_LINE_MAX and starts_paywall(blocks, i):
            story_pw_start = i
            break

    # 2. Whole-line recognisers, block by block.
    last_credit = -10
    for i, b in enumerate(blocks):
        t = b.text
        if b.zone == PAYWALL or (story_pw_start is not None and i >= story_pw_start and b.zone == STORY
                                 and not _credit_or_disclaimer(t, disclaimers)):
            label[i] = "paywall"
            continue
        if is_disclaimer(t, disclaimers):
            label[i] = "disclaimer"
            # The "Disclaimer:" label is the page's heading for the text, not the text.
            disclaimers_found.append(_DISCLAIMER_LABEL.sub("", t))
            continue
        caption = wires.is_caption(t)  # asked once: a caption is no credit, and unclassified
        hit = None if caption else wires.uncaptioned_line_credit(t, byline=b.zone == BYLINE)
        if hit is None and b.zone in (STORY, AFTER) and i - last_credit <= 2:
            desk = wires.desk_initials(t)
            if desk:
                hit = wires.WireHit(None, t, desk=desk)
        if hit is not None and not (hit.agency or hit.desk):
            # A credit naming no agency ("Additional reporting by <Name>", "With inputs from
            # agencies"): not story. It joins the wire credit when the page has one, else it
            # is kept as unclassified text.
            label[i] = "credit"
            loose.append((i, hit))
            continue
        if hit is not None:
            label[i] = "wire"
            hits.append((i, hit))
            last_credit = i
            continue
        if b.zone == STORY and (offer := pitch_offer(t, dollar)) is not None:
            # Asked before the furniture table, which holds the pitch's opening ("subscribe to").
            label[i] = "unclassified"
            promos.append(offer)
            continue
        if b.zone in (NOISE, AFTER, BYLINE) or caption or is_furniture(t, furniture):
            label[i] = "unclassified"
            continue
        # No meter or header line is left here: step 1 asked every story line up to the first
        # one (starts_paywall), and every story line from it on is paywall or credit above.
        label[i] = "body"

    # IANS prints its desk initials right after the sign-off; a desk line before any sign-off
    # (e.g. "qd/" first) is only credit when a sign-off follows within two lines.
    for i, b in enumerate(blocks):
        if label[i] == "body" and wires.desk_initials(b.text) and any(
            label[k] == "wire" for k in range(i + 1, min(n, i + 3))
        ):
            label[i] = "wire"
            hits.append((i, wires.WireHit(None, b.text, desk=wires.desk_initials(b.text))))

    # 3. The paywall's lines, parsed together.
    pw_blocks = [i for i in range(n) if label[i] == "paywall"]
    paywall = None
    if pw_blocks:
        paywall, used = parse_paywall([blocks[i] for i in pw_blocks], dollar)
        for k, i in enumerate(pw_blocks):
            if not used[k]:
                label[i] = "unclassified"

    # 4. The body, with the credits that sit inside its paragraphs taken out.
    body_idx = [i for i in range(n) if label[i] == "body"]
    texts = {i: blocks[i].text for i in body_idx}
    # The dateline opens the story; a kicker, a title line or a standfirst can come before it.
    for i in body_idx[:4]:
        split = wires.split_dateline(texts[i])
        if split:
            hit, rest = split
            hits.append((i, hit))
            texts[i] = rest
            break
    if body_idx:
        last = body_idx[-1]
        head, tail = texts[last][:-TAIL_SCAN], texts[last][-TAIL_SCAN:]
        split = wires.split_tail_tag(tail)
        if split:
            hit, rest = split
            hits.append((last, hit))
            texts[last] = head + rest if head and rest else (head.rstrip() or rest)

    wire = wires.assemble([h for _, h in sorted(hits + loose, key=lambda pair: pair[0])], authors)
    for i, _ in loose:
        label[i] = "wire" if wire is not None else "unclassified"
    if wire is not None and wire.dateline is None:
        wire.dateline = next((d for k, i in enumerate(body_idx[:4]) if (d := wires.bare_dateline(texts[i], colon=k == 0))),
                             None)
    parts = Parts(
        body=[texts[i] for i in body_idx if texts[i]],
        wire=wire,
        disclaimer=" ".join(disclaimers_found) or None,
        paywall=paywall,
        unclassified=[blocks[i].text for i in range(n) if label[i] == "unclassified"],
        promos=promos,
    )
    if wire is None and (any(h.unnamed for _, h in loose) or any(names_unnamed_agencies(a) for a in authors or [])):
        # "With inputs from agencies": agency copy, but which agency cannot be read. The
        # record says so rather than guess; the line stays in unclassified.
        parts.flags.append("wire_agency_unnamed")
    return parts


def _credit_or_disclaimer(text: str, extra) -> bool:
    return is_disclaimer(text, extra) or (wires.line_credit(text) is not None and not is_cta(text))
