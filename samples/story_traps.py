"""The sample site's story traps (issue 16): stories that look alike and are not one story,
and stories that look different and are one. Each is an invented wire story (every sentence
our own) that only the other publishers carry, with the truth written into their manifests:
`story_id` (the story a record belongs to), `story_relation` (first, copy, edited, partial)
and `story_trap` (the trap's name, for records that must stay apart from its other records).

    template_day       a PTI market close on two consecutive days: the same sentences, other figures
    two_agencies       PTI's and IANS's own reports of one event (same facts, same figures)
    follow_up          a PTI story and its follow-up the next day, repeating a background paragraph
    shared_background  two IANS stories on different subjects ending with one background paragraph
    partial            ThePrint's own story reusing two paragraphs of a PTI story ("With inputs from PTI")
    wire_update        PTI's updated version of a story (two paragraphs added), run by another publisher
"""

from __future__ import annotations

from articles import _story

# One paragraph of background that two unrelated IANS stories both end with.
KERALA_BACKGROUND = ("Kerala received about 2.2 crore domestic visitors and 6.5 lakh foreign tourists last year, "
                     "according to the state tourism department, and the sector accounts for roughly a tenth of "
                     "the state's economic output.")

# The market close template: PTI files the same sentences every evening with the day's figures.
def _close(when, seq, points, direction, close, nifty, nifty_close, leaders, laggards, breadth):
    verb = "higher" if direction == "up" else "lower"
    moved = "gained" if direction == "up" else "shed"
    return _story(
        "PTI", when, seq, "markets/news", f"sensex-ends-{points}-points-{verb}-as-{leaders.split()[0].lower()}-move",
        f"Sensex ends {points} points {verb} as {leaders} move the market",
        f"The Nifty {moved} {nifty} points to close at {nifty_close}",
        [f"The BSE Sensex {moved} {points} points to settle at {close} on the day, as {leaders} led the "
         f"market while {laggards} lagged, traders said.",
         f"The broader NSE Nifty {moved} {nifty} points to close at {nifty_close}, with {breadth} of its 50 "
         f"constituents ending in the green.",
         f"Among Sensex shares, {leaders} were the biggest movers, while {laggards} were the main drags on "
         f"the index, according to exchange data.",
         "Foreign institutional investors were net sellers in the previous session, according to "
         "provisional exchange data, and the rupee traded in a narrow range against the US dollar."],
        ["Sensex", "Nifty", "Stock Market"], city="Mumbai", initials="PTI SR HVA", access="free")


TEMPLATE_DAY_1 = _close("2026-11-24T16:05", 901, 284, "up", "80,912.45", 91, "24,506.10", "banking stocks",
                        "IT shares", 34)
TEMPLATE_DAY_2 = _close("2026-11-25T16:10", 902, 517, "down", "80,395.20", 163, "24,343.35", "metal stocks",
                        "auto shares", 12)

AGENCY_PTI = _story(
    "PTI", "2026-11-18T14:20", 903, "india-news", "mumbai-civic-body-clears-coastal-road-extension",
    "Mumbai civic body clears Rs 1,200 crore coastal road extension",
    "The northern arm will link Versova to Dahisar by 2029",
    ["The Brihanmumbai Municipal Corporation on Wednesday cleared a Rs 1,200 crore proposal to extend the "
     "coastal road northwards from Versova to Dahisar, officials said.",
     "The 19-km stretch will be built in three packages and is scheduled to open to traffic by 2029, a civic "
     "official said, adding that tenders would be floated next month.",
     "Residents' groups in the western suburbs have raised concerns over mangrove cover along the route, "
     "which the corporation said would be compensated by planting elsewhere."],
    ["Mumbai", "Infrastructure", "BMC"], city="Mumbai", initials="PTI KK NSK", access="free")
AGENCY_IANS = _story(
    "IANS", "2026-11-18T14:45", 904, "india-news", "bmc-approves-northern-coastal-road-arm",
    "BMC approves northern arm of coastal road at Rs 1,200 crore cost",
    "Versova-Dahisar link to come up in three packages",
    ["Mumbai's civic administration has given its approval to the northern extension of the coastal road, "
     "estimated to cost Rs 1,200 crore and running from Versova up to Dahisar.",
     "According to the BMC, work on the 19-km link will be split among three contractors, and the road should "
     "be ready for motorists in 2029; bids will be invited in the coming weeks.",
     "Environmental activists have objected to the loss of mangroves on the alignment, while the civic body "
     "has promised compensatory plantation at other sites."],
    ["Mumbai", "Coastal Road"], desk="sks/dan", access="free")

FOLLOW_UP_DAY_1 = _story(
    "PTI", "2026-11-20T09:30", 905, "india-news", "pune-announces-two-day-water-cut-for-pipeline-repairs",
    "Pune announces two-day water cut for pipeline repairs",
    "Supply to be suspended in eastern wards on Friday and Saturday",
    ["The Pune Municipal Corporation has announced that water supply to its eastern wards will be suspended on "
     "Friday and Saturday for repairs to a main pipeline, officials said.",
     "Residents of Kharadi, Viman Nagar and Wadgaonsheri have been asked to store water, and tankers will be "
     "deployed at housing societies that request them, the corporation said.",
     "The 1,200 mm pipeline carries water from the Khadakwasla dam to the eastern parts of the city and "
     "developed a leak near the Mundhwa bridge last week.",
     "Officials said the repairs would also allow workers to replace two ageing valves on the line."],
    ["Pune", "Water Supply"], city="Pune", initials="PTI SPK RSY", access="free")
FOLLOW_UP_DAY_2 = _story(
    "PTI", "2026-11-21T18:40", 906, "india-news", "pune-water-supply-to-resume-sunday-after-early-repair",
    "Pune water supply to resume on Sunday after repairs end early",
    "Civic body says the leak was sealed a day ahead of schedule",
    ["Water supply to Pune's eastern wards will resume on Sunday morning after repair crews finished work on "
     "the damaged main a day earlier than planned, the civic body said on Saturday.",
     "Pressure will be low for the first few hours as the line refills, and residents of higher floors may "
     "get water only by the afternoon, an engineer of the water department said.",
     "The 1,200 mm pipeline carries water from the Khadakwasla dam to the eastern parts of the city and "
     "developed a leak near the Mundhwa bridge last week.",
     "The corporation thanked residents for their patience and said tanker trips would continue in two "
     "societies where storage tanks had run dry."],
    ["Pune", "Water Supply"], city="Pune", initials="PTI SPK NSK", access="free")

BACKGROUND_A = _story(
    "IANS", "2026-11-16T11:10", 907, "india-news", "kerala-launches-houseboat-safety-rating",
    "Kerala launches safety rating for Alappuzha houseboats",
    "Boats will display a star rating after inspection",
    ["The Kerala tourism department has launched a safety rating for houseboats operating in Alappuzha, under "
     "which each boat will display a star rating after an inspection of its fire, life-saving and waste "
     "equipment.",
     "Operators will have six months to get their boats inspected, and boats without a rating will not be "
     "allowed to take bookings through the department's portal, an official said.",
     KERALA_BACKGROUND],
    ["Kerala", "Tourism"], desk="ksk/vd", access="free")
BACKGROUND_B = _story(
    "IANS", "2026-11-17T15:25", 908, "india-news", "kerala-plans-heli-tourism-circuit-in-idukki",
    "Kerala plans heli-tourism circuit linking Idukki hill stations",
    "Helipads at Munnar and Vagamon among the first stops",
    ["The Kerala government is planning a heli-tourism circuit that would connect the hill stations of Idukki "
     "district, with helipads proposed at Munnar, Vagamon and Thekkady.",
     "A private operator will run the flights under a revenue-sharing agreement, and the first sorties are "
     "expected before the summer holidays, according to a government note.",
     KERALA_BACKGROUND],
    ["Kerala", "Tourism", "Aviation"], desk="ksk/pgh", access="free")

PARTIAL_SOURCE = _story(
    "PTI", "2026-11-22T12:00", 909, "india-news", "goa-to-ban-single-use-plastic-on-beaches-from-january",
    "Goa to ban single-use plastic on beaches from January",
    "Shacks and vendors will have to switch to compostable packaging",
    ["The Goa government will ban single-use plastic items on all its beaches from January 1, the state's "
     "environment minister said on Sunday.",
     "Beach shacks, hawkers and water sports operators will have to switch to compostable cutlery and "
     "packaging, and violators will face fines of up to Rs 25,000, the minister said.",
     "The state pollution control board will set up collection points at 40 beaches so that visitors can "
     "deposit plastic they bring with them, he added.",
     "Tourism bodies have welcomed the move but asked for a grace period for small vendors."],
    ["Goa", "Environment", "Plastic Ban"], city="Panaji", initials="PTI RPS NSK", access="free")
# ThePrint's own story: its reporter's text around two of PTI's paragraphs.
PARTIAL_OWN = dict(_story(
    None, "2026-11-23T10:15", 910, "india-news", "why-goas-beach-plastic-ban-will-be-hard-to-enforce",
    "Why Goa's beach plastic ban will be hard to enforce",
    "Vendors on the busiest beaches say compostable packaging costs three times as much",
    ["On the sands of Calangute on a Saturday evening, the plastic problem is plain to see: water bottles, "
     "chips packets and straws collect along the tide line faster than the cleaning crews can pick them up.",
     PARTIAL_SOURCE["paragraphs"][1],
     PARTIAL_SOURCE["paragraphs"][2],
     "Vendors ThePrint spoke to said compostable containers cost them nearly three times as much as plastic "
     "ones, and that few suppliers in north Goa stock them in bulk.",
     "Enforcement has been the weak link before: an earlier ban on plastic bags in markets lapsed within a "
     "year for want of inspectors, according to officials of the pollution control board."],
    ["Goa", "Environment"], author="Ananya Rao", access="free"), credit_lines=["With inputs from PTI"])

UPDATE_FIRST = _story(
    "PTI", "2026-11-26T07:45", 911, "india-news", "cyclone-alert-issued-for-odisha-coast",
    "Cyclone alert issued for Odisha coast, fishermen told to return",
    "IMD expects the depression to intensify over the next 48 hours",
    ["The India Meteorological Department has issued a cyclone alert for the Odisha coast as a depression over "
     "the Bay of Bengal is likely to intensify over the next 48 hours.",
     "Fishermen have been advised not to venture into the sea until Friday, and those already out have been "
     "asked to return to the shore, the department said in a bulletin.",
     "The system is expected to move north-westwards and may cross the coast between Gopalpur and Puri, "
     "officials said."],
    ["Odisha", "Cyclone", "Weather"], city="Bhubaneswar", initials="PTI AAM RG", access="free")
# The wire's own update two hours later: the same paragraphs and two new ones.
UPDATE_SECOND = dict(UPDATE_FIRST, published="2026-11-26T09:50:00+05:30", modified="2026-11-26T09:55:00+05:30",
                     headline="Odisha begins evacuation in coastal districts as cyclone alert is raised",
                     paragraphs=UPDATE_FIRST["paragraphs"][:1] + [
                         "The state government has begun moving about 11,000 people from low-lying villages in "
                         "Ganjam and Puri districts to cyclone shelters, the special relief commissioner said.",
                     ] + UPDATE_FIRST["paragraphs"][1:] + [
                         "Schools in the two districts will remain closed on Thursday and Friday, the government said."])

# (story, publisher, relation, trap, story id it belongs to)
PLACEMENTS = [
    (TEMPLATE_DAY_1, "ndtv", "first", "template_day", TEMPLATE_DAY_1["id"]),
    (TEMPLATE_DAY_1, "theprint", "copy", "template_day", TEMPLATE_DAY_1["id"]),
    (TEMPLATE_DAY_2, "ndtv", "first", "template_day", TEMPLATE_DAY_2["id"]),
    (TEMPLATE_DAY_2, "free_press_journal", "copy", "template_day", TEMPLATE_DAY_2["id"]),
    (AGENCY_PTI, "ndtv", "first", "two_agencies", AGENCY_PTI["id"]),
    (AGENCY_IANS, "free_press_journal", "first", "two_agencies", AGENCY_IANS["id"]),
    (FOLLOW_UP_DAY_1, "theprint", "first", "follow_up", FOLLOW_UP_DAY_1["id"]),
    (FOLLOW_UP_DAY_2, "ndtv", "first", "follow_up", FOLLOW_UP_DAY_2["id"]),
    (FOLLOW_UP_DAY_2, "theprint", "copy", "follow_up", FOLLOW_UP_DAY_2["id"]),
    (BACKGROUND_A, "ndtv", "first", "shared_background", BACKGROUND_A["id"]),
    (BACKGROUND_B, "free_press_journal", "first", "shared_background", BACKGROUND_B["id"]),
    (PARTIAL_SOURCE, "ndtv", "first", None, PARTIAL_SOURCE["id"]),
    (PARTIAL_SOURCE, "theprint", "copy", None, PARTIAL_SOURCE["id"]),
    (PARTIAL_OWN, "theprint", "partial", None, PARTIAL_SOURCE["id"]),
    (UPDATE_FIRST, "ndtv", "first", None, UPDATE_FIRST["id"]),
    (UPDATE_SECOND, "free_press_journal", "edited", None, UPDATE_FIRST["id"]),
]


def placements_for(publisher: str) -> list[tuple[dict, str, str | None, str]]:
    """(story, relation, trap, story id) for the traps one publisher carries."""
    return [(a, rel, trap, sid) for a, pub, rel, trap, sid in PLACEMENTS if pub == publisher]
