"""The stories of newsbot's bundled sample site: 64 invented articles in Business Standard's
page shapes (see docs/markup.md). Every sentence here is our own; companies such as
"Konkan Shipyards" or "Halvern AG" and all the people quoted or credited are invented.

Each article is a plain dict (built by `_story` so the derived fields stay consistent):

    id            12 digits: "1" + YYMMDD + 5-digit sequence (the date is the publication day, IST)
    section       "world-news", "markets/news", ... or, for the older layout, "news-ians",
                  "pti-stories", "news-cm", "international" (path /article/<section>/...)
    layout        "current" (Next.js) or "old" (/article/ pages)
    slug, path    path = /<section>/<slug>-<id>_1.html or /article/<section>/<slug>-<id>_1.html
    headline, standfirst, author (byline as printed), agency (None for staff copy)
    published, modified   ISO 8601 with +05:30
    topics        list of topic names
    paragraphs    the story's own paragraphs, without dateline or credits
    dateline      text printed before the first paragraph ("New Delhi, Nov 26 (PTI) ") or None
    suffix        text printed at the end of the last paragraph (" (ANI)") or None
    credit_lines  lines printed after the story, each its own paragraph ("--IANS", "qd/",
                  Reuters' "(Reporting by ...)", "Powered by Capital Market - Live News.")
    byline_city   the city in the older layout's byline block, or None
    disclaimer    the Business Standard disclaimer as printed, or None (staff copy)
    access        "free", "metered" (plan widget) or "premium" (2 paragraphs + paywall)
    variant       None, or "client_rendered" (empty story container, story only in __NEXT_DATA__)
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

IST = timezone(timedelta(hours=5, minutes=30))

ONLY_HEADLINE = ("(Only the headline and picture of this report may have been reworked by the Business "
                 "Standard staff; the rest of the content is auto-generated from a syndicated feed.)")
NO_JOURNALIST = "Disclaimer: No Business Standard Journalist was involved in creation of this content"
CM_POWERED = "Powered by Capital Market - Live News."
NEWSVOIR = ("This story is provided by NewsVoir. ANI will not be responsible in any way for the content "
            "of this article. (ANI/NewsVoir)")

BYLINE = {"IANS": "IANS", "PTI": "Press Trust of India", "ANI": "ANI", "Reuters": "Reuters", "AP": "AP",
          "AFP": "AFP", "Capital Market": "Capital Market"}
MONTH_ABBR = {10: "Oct", 11: "Nov"}
MONTH_FULL = {10: "October", 11: "November"}

# Breadcrumb trail (label, path) per section; the last label is the printed section name.
SECTIONS = {
    "world-news": [("World News", "/world-news")],
    "india-news": [("India News", "/india-news")],
    "markets/news": [("Markets", "/markets"), ("Market News", "/markets/news")],
    "markets/capital-market-news": [("Markets", "/markets"), ("Capital Market News", "/markets/capital-market-news")],
    "companies/news": [("Companies", "/companies"), ("Company News", "/companies/news")],
    "economy/news": [("Economy", "/economy"), ("Economy News", "/economy/news")],
    "news-ians": [("News", "/news"), ("IANS News", "/article/news-ians")],
    "pti-stories": [("News", "/news"), ("PTI Stories", "/article/pti-stories")],
    "news-cm": [("Markets", "/markets"), ("Capital Market News", "/article/news-cm")],
    "international": [("International", "/article/international")],
}
OLD_SECTIONS = ("news-ians", "pti-stories", "news-cm", "international")


def article_id(day: datetime, seq: int) -> str:
    return f"1{day:%y%m%d}{seq:05d}"


def article_path(section: str, slug: str, id_: str) -> str:
    prefix = "/article" if section in OLD_SECTIONS else ""
    return f"{prefix}/{section}/{slug}-{id_}_1.html"


def section_name(section: str) -> str:
    return SECTIONS[section][-1][0]


def _dateline(agency: str | None, city: str | None, day: datetime, newsvoir: bool) -> str | None:
    if not city:
        return None
    abbr, full, d = MONTH_ABBR[day.month], MONTH_FULL[day.month], day.day
    if agency == "PTI":
        return f"{city}, {abbr} {d} (PTI) "
    if agency == "ANI":
        return f"{city}, {full} {d} (ANI/NewsVoir): " if newsvoir else f"{city}, {full} {d} (ANI): "
    if agency == "Reuters":
        return f"{city}, {abbr} {d} (Reuters) - "
    if agency == "AP":
        return f"{city} (AP) — "
    if agency == "AFP":
        return f"{city} (AFP) - "
    return None


def _story(agency, when, seq, section, slug, headline, standfirst, paragraphs, topics, *, access="metered",
           city=None, byline_city=None, desk=None, trailer=None, initials=None, newsvoir=False, afp_mark=False,
           author=None, disclaimer=None, edited=4, variant=None):
    published = datetime.fromisoformat(when).replace(tzinfo=IST)
    modified = published + timedelta(minutes=edited)
    layout = "old" if section in OLD_SECTIONS else "current"
    id_ = article_id(published, seq)
    credit_lines: list[str] = []
    suffix = None
    if agency == "IANS":
        credit_lines += ["--IANS", desk or "qd/"]
    elif agency == "PTI" and initials:
        credit_lines.append(initials)
    elif agency == "ANI":
        if newsvoir:
            credit_lines.append(NEWSVOIR)
        else:
            suffix = " (ANI)"
    elif agency == "Reuters" and trailer:
        credit_lines.append(trailer)
    elif agency == "AFP" and afp_mark:
        credit_lines.append("©AFP")
    elif agency == "Capital Market":
        credit_lines.append(CM_POWERED)
    if agency is None:
        disclaimer = None
    elif disclaimer is None:
        disclaimer = NO_JOURNALIST if agency == "Capital Market" else ONLY_HEADLINE
    return {
        "id": id_,
        "section": section,
        "layout": layout,
        "slug": slug,
        "path": article_path(section, slug, id_),
        "headline": headline,
        "standfirst": standfirst,
        "author": author or BYLINE[agency],
        "agency": agency,
        "published": published.isoformat(),
        "modified": modified.isoformat(),
        "topics": list(topics),
        "paragraphs": list(paragraphs),
        "dateline": _dateline(agency, city, published, newsvoir),
        "suffix": suffix,
        "credit_lines": credit_lines,
        "byline_city": byline_city if layout == "old" else None,
        "disclaimer": disclaimer,
        "access": access,
        "variant": variant,
    }


ARTICLES = [
    # ------------------------------------------------------------------ IANS (11)
    _story("IANS", "2026-11-26T08:15", 42, "world-news",
           "china-backs-early-resumption-of-korean-peninsula-talks",
           "China backs early resumption of talks on Korean peninsula",
           "Beijing urges all sides to avoid steps that raise tensions and offers to host preparatory meetings",
           ["China said it supported an early resumption of dialogue on the Korean peninsula and urged all parties "
            "to refrain from actions that could heighten tensions in the region, a foreign ministry spokesperson "
            "told reporters in Beijing.",
            "The spokesperson said Beijing was ready to host preparatory meetings at the working level if the "
            "parties concerned agreed, adding that “dialogue and consultation remain the only realistic way forward”.",
            "The remarks came a day after a regional security forum at which several delegations called for "
            "confidence-building measures along the maritime boundary.",
            "Analysts in Beijing said the offer was aimed at reviving a process that has been stalled for much of "
            "the past two years, though they cautioned that no dates had been proposed."],
           ["China", "North Korea", "Diplomacy"], desk="qd/", disclaimer=NO_JOURNALIST, edited=2),
    _story("IANS", "2026-11-04T10:05", 7, "india-news",
           "kolkata-metro-to-run-late-night-services-during-festive-week",
           "Kolkata Metro to run late-night services during festive week",
           "Last trains on the north-south corridor will leave terminal stations at 11.30 pm for seven days",
           ["The Kolkata Metro will run additional late-night services on its north-south corridor for a week to "
            "handle the expected rush of festival visitors, officials said.",
            "The last trains will leave both terminal stations at 11.30 pm instead of the usual 10 pm, and the "
            "frequency during the evening peak will be raised to one train every five minutes, a spokesperson said.",
            "Extra ticket counters and token vending machines will be opened at six busy stations, and railway "
            "protection personnel will be deployed on platforms to manage crowds."],
           ["Kolkata", "Metro Rail", "Public Transport"], access="free", desk="ms/vd", edited=11),
    _story("IANS", "2026-11-14T16:40", 118, "india-news",
           "himachal-orders-safety-audit-of-retaining-walls-on-hill-roads",
           "Himachal orders safety audit of retaining walls on hill roads",
           "Public works department to inspect walls on 140 km of highways before the winter",
           ["The Himachal Pradesh government has ordered a safety audit of retaining walls along highways that were "
            "damaged during the monsoon, officials said in Shimla.",
            "Engineers of the public works department will inspect walls on about 140 km of state and national "
            "highways and submit reports within three weeks, according to an order issued by the department.",
            "Stretches where cracks or bulging are found will be closed to heavy vehicles until repairs are "
            "complete, the order said.",
            "Officials said the audit was meant to prevent a repeat of the landslips that blocked traffic for "
            "several days in the Kullu and Mandi districts earlier in the year.",
            "The state has set aside an initial Rs 85 crore for the repairs, the officials added."],
           ["Himachal Pradesh", "Infrastructure", "Monsoon"], desk="vc/bg", edited=6),
    _story("IANS", "2026-10-23T12:20", 64, "economy/news",
           "gst-panel-to-review-rates-on-farm-equipment-spare-parts",
           "GST panel to review rates on farm equipment, spare parts",
           "The group of ministers is expected to submit its report before the next council meeting",
           ["A group of state finance ministers will review the goods and services tax rates on tractors, farm "
            "implements and their spare parts, an official familiar with the matter said.",
            "Manufacturers have argued that spare parts attract a higher rate than the machines they are fitted "
            "to, which raises repair costs for small farmers.",
            "The panel is expected to submit its recommendations before the next meeting of the GST Council, the "
            "official said, adding that any change would be revenue-neutral as far as possible."],
           ["GST", "Agriculture", "Taxation"], desk="aal/rad", edited=3),
    _story("IANS", "2026-11-19T21:10", 233, "world-news",
           "nepal-and-bangladesh-sign-pact-on-cross-border-power-trade",
           "Nepal and Bangladesh sign pact on cross-border power trade",
           "The agreement allows Nepal to sell up to 40 MW of hydropower through the Indian grid",
           ["Nepal and Bangladesh have signed an agreement that allows Nepal to sell up to 40 megawatts of "
            "hydropower to Bangladesh during the monsoon months, officials said in Kathmandu.",
            "The electricity will be routed through the Indian grid under a tripartite arrangement, with tariffs "
            "fixed for the first five years.",
            "Officials said the pact could be expanded in later years as new hydropower projects in Nepal come "
            "on stream.",
            "Business groups in both countries welcomed the deal, saying it would help Nepal earn foreign "
            "exchange and ease peak-season shortages in Bangladesh."],
           ["Nepal", "Bangladesh", "Power Sector"], desk="pk/", disclaimer=NO_JOURNALIST, edited=5,
           variant="client_rendered"),
    _story("IANS", "2026-11-25T14:35", 11, "news-ians",
           "bengaluru-startup-fest-draws-record-registrations",
           "Bengaluru startup fest draws record registrations",
           "Organisers say more than 18,000 founders and investors have signed up for the three-day event",
           ["More than 18,000 founders, investors and students have registered for a three-day startup festival in "
            "Bengaluru, the highest since the event began, its organisers said.",
            "The festival will feature sessions on climate technology, agritech and semiconductor design, and about "
            "600 early-stage companies will exhibit their products.",
            "The state's IT department said it would announce a seed fund for deep-technology startups on the "
            "opening day.",
            "Organisers have arranged shuttle buses from three metro stations to the venue to reduce traffic "
            "congestion."],
           ["Bengaluru", "Startups", "Karnataka"], access="free", byline_city="Bengaluru", desk="ksk/pgh", edited=9),
    _story("IANS", "2026-10-28T09:50", 85, "news-ians",
           "assam-tea-growers-seek-support-as-auction-prices-dip",
           "Assam tea growers seek support as auction prices dip",
           "Small growers say green leaf prices have fallen below the cost of production",
           ["Small tea growers in Assam have asked the state government for support after prices of green leaf "
            "fell below the cost of production at several bought-leaf factories.",
            "Representatives of growers' associations said average prices had fallen by nearly a fifth compared "
            "with the same period last year, while the costs of fertiliser and labour had risen.",
            "They have sought a minimum price for green leaf and quicker payment of dues by factories."],
           ["Assam", "Tea", "Agriculture"], access="free", byline_city="Guwahati", desk="qd/", edited=7),
    _story("IANS", "2026-11-10T18:25", 157, "news-ians",
           "goa-to-cap-daily-visitors-at-two-heritage-churches",
           "Goa to cap daily visitors at two heritage churches",
           "Timed entry passes will be introduced from next month to protect ageing structures",
           ["Goa will introduce timed entry passes at two heritage churches in Old Goa from next month to limit "
            "the number of visitors inside at any one time, the state tourism department said.",
            "Conservation architects had warned that heavy footfall and humidity were damaging frescoes and wooden "
            "altars in the buildings.",
            "Passes will be free and can be booked online or at a counter near the site, officials said, adding "
            "that worshippers attending services would not need them.",
            "The department said the cap would be reviewed after three months."],
           ["Goa", "Tourism", "Heritage"], access="free", byline_city="Panaji", desk="vc/bg", edited=14),
    _story("IANS", "2026-11-21T11:05", 61, "news-ians",
           "chennai-port-clears-cargo-backlog-after-cyclone-closure",
           "Chennai port clears cargo backlog after cyclone closure",
           "Vessel waiting time is back to normal, says the port authority",
           ["The Chennai port has cleared the backlog of vessels that built up after operations were suspended "
            "for two days during a cyclone, the port authority said.",
            "The average waiting time for container ships has returned to under a day, it said, after the port "
            "ran extra shifts and opened an additional berth.",
            "Trade bodies said some exporters had missed shipping deadlines because of the closure and sought a "
            "waiver of detention charges."],
           ["Chennai", "Ports", "Cyclone"], access="free", byline_city="Chennai", desk="aal/rad", edited=4),
    _story("IANS", "2026-11-22T13:45", 95, "india-news",
           "odisha-launches-drone-survey-of-mangrove-cover",
           "Odisha launches drone survey of mangrove cover",
           "The survey will map changes along 480 km of coastline",
           ["Odisha's forest department has begun a drone survey to map mangrove cover along the state's 480-km "
            "coastline, officials said in Bhubaneswar.",
            "The survey will compare current cover with satellite images from five years ago to identify areas "
            "that have shrunk or expanded.",
            "Officials said the findings would guide a plantation drive planned for the next monsoon and help "
            "identify illegal encroachments."],
           ["Odisha", "Environment", "Mangroves"], desk="ms/vd", disclaimer=NO_JOURNALIST, edited=8),
    _story("IANS", "2026-10-30T15:30", 122, "companies/news",
           "pune-auto-parts-cluster-plans-shared-testing-centre",
           "Pune auto parts cluster plans shared testing centre",
           "About 90 small suppliers will contribute to a facility for electric vehicle components",
           ["About 90 small auto component makers in Pune have come together to set up a shared testing centre "
            "for electric vehicle parts, an industry association said.",
            "The facility will test battery enclosures, wiring harnesses and motor controllers, which suppliers "
            "now send to laboratories in other states, the association said.",
            "The project is estimated to cost Rs 60 crore, part of which will come from a central scheme for "
            "industrial clusters.",
            "Members expect the centre to cut testing time from weeks to days and help them win orders from "
            "carmakers."],
           ["Auto Components", "Electric Vehicles", "Pune"], desk="pk/", edited=5),

    # ------------------------------------------------------------------ PTI (11)
    _story("PTI", "2026-11-26T19:20", 144, "india-news",
           "centre-notifies-new-rules-for-rooftop-solar-net-metering",
           "Centre notifies new rules for rooftop solar net metering",
           "Distribution companies must connect systems up to 10 kW within 15 days",
           ["The power ministry has notified amended rules under which distribution companies must connect "
            "rooftop solar systems of up to 10 kW within 15 days of an application, officials said.",
            "The rules also cap the fee discoms can charge for a feasibility study and require them to publish the "
            "status of applications online.",
            "Households that face delays beyond the deadline will be entitled to compensation, according to the "
            "notification.",
            "Officials said the changes were aimed at speeding up installations under the government's rooftop "
            "solar programme, which has seen uneven progress across states."],
           ["Solar Power", "Renewable Energy", "Power Ministry"], city="New Delhi", edited=6),
    _story("PTI", "2026-11-24T17:05", 88, "economy/news",
           "core-sector-output-growth-eases-to-3-9-in-october",
           "Core sector output growth eases to 3.9% in October",
           "Cement and steel grew strongly while crude oil and natural gas contracted",
           ["The output of eight core infrastructure sectors grew 3.9 per cent in October, slower than 5.2 per cent "
            "in the previous month, according to official data released.",
            "Cement and steel production rose by 8.1 per cent and 6.4 per cent respectively, while crude oil and "
            "natural gas output contracted.",
            "Electricity generation grew 2.3 per cent as milder weather kept demand in check, the data showed.",
            "The eight sectors make up about 40 per cent of the index of industrial production."],
           ["Core Sector", "Economy", "Infrastructure"], city="New Delhi", edited=12),
    _story("PTI", "2026-11-12T11:40", 73, "companies/news",
           "konkan-shipyards-bags-rs-420-crore-order-for-six-tugboats",
           "Konkan Shipyards bags Rs 420-crore order for six tugboats",
           "Deliveries are scheduled to begin in 18 months",
           ["Konkan Shipyards Ltd said it had won an order worth about Rs 420 crore to build six harbour tugboats "
            "for a port operator.",
            "The vessels will have hybrid propulsion systems, and deliveries are scheduled to begin in 18 months, "
            "the company said in a regulatory filing.",
            "The order takes the company's order book to about Rs 3,100 crore, it said."],
           ["Shipbuilding", "Ports", "Order Win"], access="free", city="Mumbai", edited=3),
    _story("PTI", "2026-10-21T16:15", 39, "markets/news",
           "sensex-ends-310-points-lower-as-it-stocks-drag",
           "Sensex ends 310 points lower as IT stocks drag",
           "The Nifty closed below the 25,900 mark; metal shares gained",
           ["Benchmark indices ended lower as losses in information technology shares outweighed gains in metal "
            "stocks.",
            "The 30-share BSE Sensex fell 310.45 points, or 0.37 per cent, to close at 84,102.60, while the NSE "
            "Nifty declined 88.20 points to 25,871.35.",
            "Traders said weak cues from overseas markets and selling by foreign investors weighed on sentiment.",
            "Among sectoral indices, IT fell the most, while metal and realty indices ended higher."],
           ["Sensex", "Nifty", "Stock Market"], city="Mumbai", edited=9),
    _story("PTI", "2026-11-03T09:30", 26, "india-news",
           "rajasthan-to-set-up-120-cold-storage-units-for-farmers",
           "Rajasthan to set up 120 cold storage units for farmers",
           "Farmer producer organisations will run the units, with the state bearing half the cost",
           ["The Rajasthan government will set up 120 small cold storage units in rural areas to help farmers "
            "store fruit and vegetables, an official said.",
            "The units will be run by farmer producer organisations, and the state will bear half the cost of "
            "construction, the official said.",
            "The first 40 units are expected to be ready before the summer harvest."],
           ["Rajasthan", "Agriculture", "Cold Chain"], city="Jaipur", edited=4),
    _story("PTI", "2026-11-17T20:00", 131, "economy/news",
           "exporters-seek-extension-of-interest-subvention-scheme",
           "Exporters seek extension of interest subvention scheme",
           "The scheme for small exporters is due to lapse at the end of the financial year",
           ["Exporters have asked the government to extend the interest subvention scheme for pre- and "
            "post-shipment credit beyond the end of the current financial year.",
            "An exporters' body said small firms in labour-intensive sectors such as textiles, leather and "
            "handicrafts depended on the scheme to stay competitive.",
            "It also sought an increase in the subvention rate, citing higher borrowing costs.",
            "A commerce ministry official said the request was being examined."],
           ["Exports", "Trade", "MSME"], city="New Delhi", edited=2),
    _story("PTI", "2026-10-27T15:09", 321, "pti-stories",
           "india-pitches-for-safeguards-for-small-fishers-at-wto-meet",
           "India pitches for safeguards for small fishers at WTO meet",
           "New Delhi says any curbs on fisheries subsidies must protect traditional fishing communities",
           ["India told a meeting of World Trade Organization members that any agreement to curb fisheries "
            "subsidies must protect the livelihoods of small and traditional fishers.",
            "An Indian official said developing countries needed adequate policy space to support coastal "
            "communities that fish within their exclusive economic zones.",
            "The official said large industrial fleets that fish in distant waters should bear the greater share "
            "of any subsidy cuts.",
            "Negotiators are expected to meet again next month to work on a revised text."],
           ["WTO", "Fisheries", "Trade"], access="free", city="Geneva", byline_city="Geneva/New Delhi",
           initials="PTI KRH RT", edited=0),
    _story("PTI", "2026-11-06T13:20", 212, "pti-stories",
           "lucknow-gets-new-electric-bus-depot-with-50-charging-points",
           "Lucknow gets new electric bus depot with 50 charging points",
           "The depot will serve routes to the airport and the outer ring road",
           ["A new electric bus depot with 50 charging points has begun operations in Lucknow, officials said.",
            "The depot will serve 80 buses on routes to the airport and along the outer ring road, the city "
            "transport company said.",
            "Officials said the depot had rooftop solar panels that would meet part of its electricity needs."],
           ["Lucknow", "Electric Buses", "Urban Transport"], access="free", city="Lucknow", byline_city="Lucknow",
           initials="PTI SAB NSD", edited=10),
    _story("PTI", "2026-11-19T10:45", 67, "pti-stories",
           "kerala-fishermen-to-get-satellite-distress-beacons",
           "Kerala fishermen to get satellite distress beacons",
           "About 5,000 devices will be distributed to traditional boat owners in the first phase",
           ["The Kerala fisheries department will distribute satellite-linked distress beacons to about 5,000 "
            "traditional fishing boats in the first phase of a safety programme, officials said.",
            "The devices will allow fishermen to send their location and an alert to the coastal police and the "
            "coast guard when in trouble at sea.",
            "The department has also begun training sessions on using the beacons in coastal villages.",
            "Officials said the programme would be extended to all registered boats within two years."],
           ["Kerala", "Fisheries", "Maritime Safety"], access="free", city="Kochi", byline_city="Kochi",
           initials="PTI TGB ROH", edited=5),
    _story("PTI", "2026-11-27T12:55", 19, "companies/news",
           "sahyadri-foods-to-invest-rs-650-crore-in-three-new-plants",
           "Sahyadri Foods to invest Rs 650 crore in three new plants",
           "The packaged foods maker plans to add capacity in Gujarat, Telangana and Assam",
           ["Packaged foods maker Sahyadri Foods Ltd said it would invest about Rs 650 crore over three years to "
            "set up plants in Gujarat, Telangana and Assam.",
            "The company said the new plants would make snacks and ready-to-cook products and create about 2,000 "
            "jobs.",
            "The investment will be funded through internal accruals and debt, its managing director told "
            "reporters.",
            "The company expects the Assam plant to serve markets in the north-east and neighbouring countries.",
            "Shares of the company closed 2.4 per cent higher on the BSE."],
           ["FMCG", "Investment", "Food Processing"], city="New Delhi", edited=7),
    _story("PTI", "2026-11-09T14:10", 103, "markets/news",
           "rupee-settles-12-paise-higher-at-87-94-against-us-dollar",
           "Rupee settles 12 paise higher at 87.94 against US dollar",
           "Forex traders said foreign inflows into equities supported the local unit",
           ["The rupee appreciated 12 paise to settle at 87.94 against the US dollar, supported by foreign fund "
            "inflows into domestic equities.",
            "At the interbank foreign exchange market, the local unit opened at 88.02 and moved in a narrow range "
            "during the session, forex traders said.",
            "A softer dollar overseas also helped, though higher crude oil prices capped the gains, they said."],
           ["Rupee", "Forex", "Currency Markets"], access="free", city="Mumbai", edited=3,
           variant="client_rendered"),

    # ------------------------------------------------------------------ ANI (6, two NewsVoir releases)
    _story("ANI", "2026-11-25T20:40", 177, "india-news",
           "delhi-air-quality-improves-slightly-as-wind-speed-picks-up",
           "Delhi air quality improves slightly as wind speed picks up",
           "The AQI moved from 'severe' to 'very poor' at most monitoring stations",
           ["Air quality in the national capital improved slightly as wind speeds picked up, with most monitoring "
            "stations recording readings in the 'very poor' category instead of 'severe'.",
            "The average air quality index stood at 338 in the evening, compared with 412 a day earlier, "
            "according to official data.",
            "Weather officials said the improvement might be short-lived as wind speeds were expected to drop "
            "again over the weekend.",
            "The city's environment department said restrictions on construction activity would remain in force "
            "until further orders."],
           ["Delhi", "Air Pollution", "Environment"], city="New Delhi [India]", edited=5),
    _story("ANI", "2026-10-29T12:00", 48, "india-news",
           "srinagar-houseboat-owners-upgrade-facilities-ahead-of-winter",
           "Srinagar houseboat owners upgrade facilities ahead of winter season",
           "Owners say bookings for December are higher than last year",
           ["Houseboat owners on Dal Lake are upgrading heating and sanitation facilities ahead of the winter "
            "tourist season, with many reporting higher advance bookings than last year.",
            "An owners' association said about 200 houseboats had installed new heating systems with the help of "
            "a loan scheme run by the tourism department.",
            "Tour operators said visitors from Gujarat, Maharashtra and West Bengal made up a large share of the "
            "bookings for December."],
           ["Jammu and Kashmir", "Tourism", "Srinagar"], access="free",
           city="Srinagar (Jammu and Kashmir) [India]", edited=6),
    _story("ANI", "2026-11-16T15:00", 204, "companies/news",
           "arcvale-learning-opens-12-skilling-centres-in-tier-2-cities",
           "Arcvale Learning opens 12 skilling centres in tier-2 cities",
           "The centres will offer courses in data analytics, logistics and healthcare support",
           ["Arcvale Learning, an education technology company, has opened 12 skilling centres in tier-2 cities "
            "across Maharashtra, Madhya Pradesh and Chhattisgarh.",
            "The centres will offer short courses in data analytics, logistics operations and healthcare support, "
            "with placement assistance for those who complete them, the company said.",
            "“Our aim is to take job-ready training closer to where young people live,” said Neha Sarpotdar, "
            "co-founder of Arcvale Learning.",
            "The company plans to open 30 more centres over the next year."],
           ["Education", "Skilling", "Press Release"], city="Mumbai (Maharashtra) [India]", newsvoir=True, edited=1),
    _story("ANI", "2026-11-08T11:30", 56, "markets/news",
           "greenbridge-finserv-launches-sip-platform-for-first-time-investors",
           "Greenbridge Finserv launches SIP platform for first-time investors",
           "The app offers explainers in eight languages and investments starting at Rs 100",
           ["Greenbridge Finserv has launched a mobile platform for first-time mutual fund investors, with "
            "systematic investment plans starting at Rs 100 a month.",
            "The app offers explainers in eight Indian languages and a goal planner that suggests fund categories "
            "based on the investor's time horizon, the company said.",
            "“Many first-time investors stay away because the process feels complicated. We want to change "
            "that,” said Rakesh Venkatraman, chief executive of Greenbridge Finserv."],
           ["Mutual Funds", "Fintech", "Press Release"], access="free", city="New Delhi [India]", newsvoir=True,
           edited=2),
    _story("ANI", "2026-11-20T09:15", 29, "world-news",
           "sri-lanka-to-expand-logistics-zone-at-colombo-port",
           "Sri Lanka to expand logistics zone at Colombo port",
           "The government has approved 60 acres of additional land for warehousing",
           ["Sri Lanka's cabinet has approved the allocation of 60 acres of additional land for warehousing and "
            "logistics next to the Colombo port, the government said.",
            "Officials said the expansion was aimed at attracting regional distribution centres of shipping lines "
            "and e-commerce companies.",
            "Bids for the development of the zone will be invited early next year, they said."],
           ["Sri Lanka", "Ports", "Logistics"], city="Colombo [Sri Lanka]", edited=4),
    _story("ANI", "2026-10-24T18:30", 91, "economy/news",
           "states-capital-spending-rises-14-in-first-half-says-report",
           "States' capital spending rises 14% in first half, says report",
           "Higher central loans for capital projects helped states step up investment",
           ["Capital expenditure by a group of large states rose about 14 per cent in the first half of the "
            "financial year, helped by interest-free loans from the Centre, according to a report by a rating "
            "agency.",
            "The report said spending on roads, irrigation and urban infrastructure accounted for most of the "
            "increase.",
            "It cautioned that revenue growth in some states had slowed, which could limit capital spending in "
            "the second half.",
            "The agency said states that front-loaded borrowing were better placed to maintain the pace."],
           ["State Finances", "Capital Expenditure", "Economy"], city="New Delhi [India]", edited=8),

    # ------------------------------------------------------------------ Reuters (7, two premium)
    _story("Reuters", "2026-11-26T18:50", 160, "world-news",
           "uk-retail-sales-volumes-rise-more-than-expected-in-october",
           "UK retail sales volumes rise more than expected in October",
           "Early holiday shopping and discounts lifted sales of clothing and household goods",
           ["British retail sales volumes rose by more than expected in October as early holiday shopping and heavy "
            "discounting lifted sales of clothing and household goods, official figures showed.",
            "Sales volumes increased 0.8% from September, compared with a forecast of 0.3% in a poll of "
            "economists.",
            "Compared with October last year, volumes were 2.1% higher.",
            "Economists said the figures suggested consumer spending was holding up despite a cooling labour "
            "market, but warned that retailers had front-loaded promotions."],
           ["UK Economy", "Retail Sales", "Consumer Spending"], city="LONDON",
           trailer="(Reporting by Tom Halloran in London; Editing by Mark Pettigrew and Susan Ferrante)", edited=5),
    _story("Reuters", "2026-11-23T22:10", 140, "markets/news",
           "wall-street-ends-mixed-as-investors-weigh-rate-outlook",
           "Wall Street ends mixed as investors weigh rate outlook",
           "Tech shares rose while banks and energy stocks slipped",
           ["U.S. stocks ended mixed as investors weighed comments from central bank officials on the outlook for "
            "interest rates against a run of strong corporate results.",
            "The Dow Jones Industrial Average fell 0.2%, the S&P 500 gained 0.1% and the Nasdaq Composite rose "
            "0.4%.",
            "Technology shares led gains, while banks and energy companies were among the biggest decliners as "
            "oil prices fell.",
            "Trading volumes were lighter than average ahead of a holiday-shortened week.",
            "Investors will look to minutes of the central bank's last policy meeting for further clues on the "
            "timing of rate cuts."],
           ["Wall Street", "US Stocks", "Interest Rates"], access="premium", city="NEW YORK",
           trailer="(Reporting by Dana Whitcombe in New York; Editing by Peter Castellano)", edited=6),
    _story("Reuters", "2026-11-13T10:25", 84, "world-news",
           "japans-machinery-orders-fall-for-second-straight-month",
           "Japan's machinery orders fall for second straight month",
           "Weak demand from manufacturers weighed on capital spending",
           ["Japan's core machinery orders fell for a second straight month in September, government data showed, "
            "in a sign that companies were holding back on capital spending amid uncertain global demand.",
            "Core orders, a leading indicator of capital spending over the coming six to nine months, fell 1.6% "
            "from the previous month.",
            "Orders from manufacturers declined 3.2%, while those from non-manufacturers rose slightly.",
            "The Cabinet Office kept its assessment that machinery orders were showing signs of picking up."],
           ["Japan", "Economy", "Capital Spending"], access="premium", city="TOKYO",
           trailer="(Reporting by Kenji Matsuda; Writing by Ellen Marchetti; Editing by Raju Gopalan)", edited=3),
    _story("Reuters", "2026-10-22T07:40", 33, "markets/news",
           "oil-steadies-as-traders-weigh-supply-outlook",
           "Oil steadies as traders weigh supply outlook",
           "Brent crude held near $71 a barrel in early Asian trade",
           ["Oil prices steadied in early Asian trade as investors weighed expectations of higher output from "
            "major producers against signs of firm fuel demand.",
            "Brent crude futures were little changed at $71.05 a barrel, while U.S. West Texas Intermediate crude "
            "futures edged up 6 cents to $67.40.",
            "Analysts said the market was looking for direction from weekly inventory data due later in the day."],
           ["Crude Oil", "Commodities", "Brent"], city="SINGAPORE",
           trailer="(Reporting by Lim Wei Ting; Editing by Sonali Raghavan)", edited=4),
    _story("Reuters", "2026-11-18T19:35", 197, "companies/news",
           "german-engineering-group-halvern-cuts-outlook-on-weak-orders",
           "German engineering group Halvern cuts outlook on weak orders",
           "The company expects full-year revenue at the lower end of its range",
           ["German engineering group Halvern AG cut its full-year outlook, saying weak orders from the automotive "
            "and chemicals industries would weigh on revenue.",
            "The company now expects revenue at the lower end of its range of 4.2 billion to 4.5 billion euros, "
            "it said in a statement.",
            "Its shares fell 5% in early trading in Frankfurt.",
            "Halvern said it would speed up cost cuts, including a hiring freeze at its European plants."],
           ["Germany", "Engineering", "Earnings"], city="FRANKFURT",
           trailer="(Reporting by Klaus Brenner; Additional reporting by Anja Vogt; Editing by Miriam Holt and "
                   "Jonas Ferreira)", edited=9),
    _story("Reuters", "2026-11-02T16:30", 150, "international",
           "eu-agrees-to-simplify-customs-rules-for-small-exporters",
           "EU agrees to simplify customs rules for small exporters",
           "Member states back a single online portal for customs declarations",
           ["European Union countries agreed to simplify customs procedures for small exporters, backing a single "
            "online portal for declarations across the bloc.",
            "The portal is expected to be phased in over four years and would replace separate national systems, "
            "diplomats said.",
            "Business groups welcomed the move but said the timeline was too long."],
           ["European Union", "Trade", "Customs"], access="free", city="BRUSSELS", byline_city="Brussels",
           trailer="(Reporting by Ines Delcourt; Editing by Owen Pritchard)", edited=2),
    _story("Reuters", "2026-11-27T06:20", 5, "world-news",
           "us-weekly-jobless-claims-edge-lower",
           "US weekly jobless claims edge lower",
           "Initial claims fell by 4,000 to 221,000, the Labor Department said",
           ["The number of Americans filing new claims for unemployment benefits edged lower last week, suggesting "
            "layoffs remained low even as hiring slowed.",
            "Initial claims for state unemployment benefits fell 4,000 to a seasonally adjusted 221,000, the "
            "Labor Department said.",
            "Economists polled had forecast 225,000 claims for the latest week."],
           ["US Economy", "Jobs", "Labour Market"], access="free", city="WASHINGTON",
           trailer="(Reporting by Andrea Shalcross; Editing by Tomasz Reyes)", edited=3),

    # ------------------------------------------------------------------ AP (5)
    _story("AP", "2026-11-26T12:30", 77, "world-news",
           "south-korea-unveils-plan-to-support-small-chip-suppliers",
           "South Korea unveils plan to support small chip suppliers",
           "The package includes low-interest loans and shared clean-room facilities",
           ["South Korea's government unveiled a support package for small suppliers to the country's "
            "semiconductor industry, including low-interest loans and access to shared clean-room facilities.",
            "Officials said the package was meant to help suppliers of materials and equipment keep pace with the "
            "large chipmakers they serve.",
            "The plan also includes funding for training technicians at vocational colleges near the main "
            "manufacturing hubs.",
            "Industry groups welcomed the measures but said power supply to new factory sites remained a concern."],
           ["South Korea", "Semiconductors", "Industry"], city="SEOUL, South Korea", edited=7),
    _story("AP", "2026-11-15T14:50", 109, "world-news",
           "kenya-opens-new-wildlife-corridor-near-amboseli",
           "Kenya opens new wildlife corridor near Amboseli",
           "The corridor lets elephants move between the park and community conservancies",
           ["Kenya has opened a wildlife corridor that allows elephants and other animals to move between "
            "Amboseli National Park and neighbouring community conservancies, wildlife officials said.",
            "The corridor was created after landowners agreed to lease parcels of land for conservation in return "
            "for annual payments.",
            "Officials said the arrangement would reduce conflict between wildlife and farmers, whose crops are "
            "often raided by elephants."],
           ["Kenya", "Wildlife", "Conservation"], access="free", city="NAIROBI, Kenya", edited=5),
    _story("AP", "2026-10-25T08:05", 58, "international",
           "mexico-city-expands-cable-car-network-to-hillside-neighbourhoods",
           "Mexico City expands cable car network to hillside neighbourhoods",
           "The new line cuts commutes for thousands of residents",
           ["Mexico City opened a new cable car line connecting hillside neighbourhoods on its eastern edge to the "
            "metro system, cutting commute times for thousands of residents.",
            "The line has seven stations and can carry about 4,000 passengers an hour in each direction, city "
            "officials said.",
            "Residents said the journey to the nearest metro station, which once took more than an hour by "
            "minibus, now takes about 20 minutes.",
            "The city plans a fourth line in the south."],
           ["Mexico", "Urban Transport", "Infrastructure"], access="free", city="MEXICO CITY",
           byline_city="Mexico City", edited=6),
    _story("AP", "2026-11-07T19:15", 171, "world-news",
           "germany-approves-funds-to-repair-ageing-rail-bridges",
           "Germany approves funds to repair ageing rail bridges",
           "Parliament's budget committee cleared 3.4 billion euros for the programme",
           ["Germany's parliamentary budget committee approved 3.4 billion euros for repairing ageing rail "
            "bridges, part of a wider effort to improve the reliability of the country's trains.",
            "The rail network operator has said that hundreds of bridges need repairs or replacement in the "
            "coming decade.",
            "Passenger groups welcomed the funding but said the work would cause further disruption in the short "
            "term."],
           ["Germany", "Railways", "Infrastructure"], city="BERLIN", edited=4),
    _story("AP", "2026-11-21T22:45", 188, "world-news",
           "chiles-lithium-output-rises-as-new-plant-starts-production",
           "Chile's lithium output rises as new plant starts production",
           "The plant in the Atacama region adds about 20,000 tonnes of annual capacity",
           ["Chile's lithium production rose in the third quarter as a new processing plant in the Atacama region "
            "began operations, the country's mining ministry said.",
            "The plant adds about 20,000 tonnes of annual capacity of lithium carbonate, officials said.",
            "Environmental groups have raised concerns about water use in the region, and the ministry said it "
            "would publish monitoring data every quarter.",
            "Chile is one of the world's largest producers of the metal, used in batteries for electric vehicles."],
           ["Chile", "Lithium", "Mining"], city="SANTIAGO, Chile", edited=8),

    # ------------------------------------------------------------------ AFP (5)
    _story("AFP", "2026-11-24T23:05", 215, "world-news",
           "france-to-extend-night-train-network-to-three-new-cities",
           "France to extend night train network to three new cities",
           "New routes will link Paris with Toulouse, Nice and Strasbourg by the end of next year",
           ["France will add three new night train routes from Paris by the end of next year, the transport "
            "ministry said, as it seeks to offer travellers an alternative to short-haul flights.",
            "The routes will link the capital with Toulouse, Nice and Strasbourg, with refurbished sleeper "
            "carriages.",
            "Night trains were largely phased out in France in the 2010s but have made a comeback in recent "
            "years."],
           ["France", "Railways", "Travel"], city="Paris", edited=6),
    _story("AFP", "2026-11-11T13:25", 166, "india-news",
           "mumbais-dabbawalas-try-out-electric-cargo-bikes",
           "Mumbai's dabbawalas try out electric cargo bikes",
           "A three-month trial covers routes in the western suburbs",
           ["Mumbai's famous lunchbox carriers are testing electric cargo bikes on routes in the city's western "
            "suburbs, in a trial that could change how some of their deliveries are made.",
            "The dabbawalas have for more than a century relied on bicycles, suburban trains and handcarts to "
            "deliver home-cooked meals to office workers.",
            "Members of the association said the bikes could help older carriers on longer routes, but added that "
            "trains would remain the backbone of the system.",
            "The three-month trial is backed by a local startup that makes the bikes."],
           ["Mumbai", "Electric Vehicles", "Urban Life"], access="free", city="Mumbai", edited=4),
    _story("AFP", "2026-10-31T10:10", 97, "international",
           "indonesia-tests-new-flood-barrier-on-jakarta-coast",
           "Indonesia tests new flood barrier on Jakarta coast",
           "The section of sea wall is part of a larger project to protect the sinking capital",
           ["Indonesia has begun testing a new section of sea wall on Jakarta's northern coast, part of a "
            "long-term project to protect the sinking city from tidal flooding.",
            "Parts of north Jakarta are sinking by several centimetres a year, largely because of groundwater "
            "extraction, according to researchers.",
            "Officials said the new section would be monitored through the rainy season before the next phase "
            "begins."],
           ["Indonesia", "Climate", "Flooding"], access="free", city="Jakarta", byline_city="Jakarta",
           afp_mark=True, edited=5),
    _story("AFP", "2026-11-05T17:55", 139, "world-news",
           "bangladesh-garment-exports-rise-in-october-on-new-orders",
           "Bangladesh garment exports rise in October on new orders",
           "Shipments to Europe and the United States both increased",
           ["Bangladesh's garment exports rose in October as factories shipped new orders from European and "
            "American retailers, an industry association said.",
            "Exports to the European Union, the country's biggest market, grew faster than shipments to the "
            "United States, the association said.",
            "Factory owners said higher costs for energy and wages were squeezing margins despite the increase in "
            "orders.",
            "Garments account for more than 80 percent of Bangladesh's export earnings."],
           ["Bangladesh", "Garments", "Exports"], city="Dhaka", edited=3),
    _story("AFP", "2026-11-26T10:40", 96, "world-news",
           "australian-survey-finds-partial-coral-recovery-on-parts-of-reef",
           "Australian survey finds partial coral recovery on parts of reef",
           "Scientists say the recovery is uneven and vulnerable to future heatwaves",
           ["Coral cover has partially recovered on parts of Australia's Great Barrier Reef after recent bleaching "
            "events, a government-funded survey found, though scientists warned the gains were fragile.",
            "The survey found higher coral cover on the northern and central sections than a year earlier, while "
            "the southern section saw little change.",
            "Researchers said fast-growing corals accounted for much of the recovery, and these species are "
            "particularly vulnerable to heat stress and storms."],
           ["Australia", "Coral Reefs", "Climate"], city="Sydney", afp_mark=True, edited=9),

    # ------------------------------------------------------------------ Capital Market (9)
    _story("Capital Market", "2026-11-26T15:45", 170, "markets/capital-market-news",
           "nifty-ends-above-26000-bank-shares-gain",
           "Nifty ends above 26,000; bank shares gain",
           "Market breadth was positive; the India VIX fell 3%",
           ["The key equity benchmarks ended with modest gains, led by bank and financial shares. The Nifty "
            "settled above the 26,000 level.",
            "The barometer BSE Sensex rose 204.18 points or 0.24% to 84,566.10. The Nifty 50 index added 61.75 "
            "points or 0.24% to 26,018.40.",
            "The broader market outperformed the frontline indices. The BSE Mid-Cap index rose 0.58% and the BSE "
            "Small-Cap index added 0.71%.",
            "The market breadth was positive. On the BSE, 2,312 shares rose and 1,604 shares fell. A total of 151 "
            "shares were unchanged.",
            "The NSE's India VIX, a gauge of the market's expectation of volatility over the near term, fell 3.02% "
            "to 11.84."],
           ["Sensex", "Nifty", "Market Wrap"], edited=4),
    _story("Capital Market", "2026-11-20T11:20", 75, "markets/capital-market-news",
           "tarapur-chemicals-gains-after-q2-profit-jumps-38",
           "Tarapur Chemicals gains after Q2 profit jumps 38%",
           "Revenue from operations rose 12% year on year",
           ["Tarapur Chemicals rose 4.6% to Rs 512.30 after the company's consolidated net profit jumped 38% to "
            "Rs 46.20 crore on a 12% increase in revenue from operations to Rs 388.50 crore in Q2 FY27 over Q2 FY26.",
            "Profit before tax stood at Rs 61.70 crore in the quarter, up 36% from the year-ago period.",
            "Tarapur Chemicals makes specialty intermediates for the agrochemical and pharmaceutical industries."],
           ["Tarapur Chemicals", "Q2 Results", "Specialty Chemicals"], edited=2),
    _story("Capital Market", "2026-11-13T09:40", 22, "markets/capital-market-news",
           "vedant-infra-wins-rs-212-crore-road-project",
           "Vedant Infra wins Rs 212-crore road project",
           "The project is to be completed within 24 months",
           ["Vedant Infraprojects has received a letter of acceptance for a road widening project worth Rs 212.40 "
            "crore from a state public works department.",
            "The project involves widening a 38-km stretch of state highway to four lanes and is to be completed "
            "within 24 months.",
            "Shares of Vedant Infraprojects rose 2.1% to Rs 148.75 on the BSE."],
           ["Vedant Infraprojects", "Order Win", "Infrastructure"], access="free", edited=1),
    _story("Capital Market", "2026-11-04T16:05", 145, "markets/capital-market-news",
           "volumes-spurt-at-nilgiri-textiles-counter",
           "Volumes spurt at Nilgiri Textiles counter",
           "The stock traded 11.4 times its two-week average volume",
           ["Nilgiri Textiles Ltd saw volume of 6.12 lakh shares by 15:00 IST on BSE, an 11.4-fold surge over the "
            "two-week average daily volume of 53,680 shares. The stock rose 7.9% to Rs 96.40.",
            "Orient Bearings Ltd notched up volume of 1.84 lakh shares, a 6.2-fold spurt over the two-week average "
            "daily volume of 29,710 shares. The stock slipped 1.3% to Rs 1,204.55.",
            "Kalinga Cement Ltd recorded volume of 3.37 lakh shares, a 4.8-fold rise over the two-week average "
            "daily volume of 70,120 shares. The stock gained 3.2% to Rs 233.10."],
           ["Volume Spurt", "Stocks"], edited=3),
    _story("Capital Market", "2026-10-26T12:35", 31, "markets/capital-market-news",
           "pharma-shares-rise-on-export-optimism",
           "Pharma shares rise on export optimism",
           "The Nifty Pharma index gained 1.2%",
           ["Pharma stocks advanced, with the Nifty Pharma index rising 1.2% to 23,118.60. The index has gained "
            "2.6% in the past three trading sessions.",
            "Aravali Lifesciences (up 3.1%), Sunderban Pharma (up 2.4%) and Medivale Labs (up 1.9%) were the top "
            "gainers in the pharma segment.",
            "Analysts said expectations of steady demand in regulated export markets supported the sector."],
           ["Pharma", "Sectoral Indices"], edited=2),
    _story("Capital Market", "2026-11-10T10:00", 14, "markets/capital-market-news",
           "board-of-ratnagiri-power-approves-fund-raising-up-to-rs-500-crore",
           "Board of Ratnagiri Power approves fund raising up to Rs 500 crore",
           "Funds may be raised through non-convertible debentures",
           ["The board of Ratnagiri Power Ltd at its meeting held on 10 November 2026 has approved raising funds up "
            "to Rs 500 crore through non-convertible debentures on a private placement basis.",
            "The company said the proceeds would be used to refinance existing loans and fund capital expenditure "
            "at its hydro projects.",
            "Shares of Ratnagiri Power were little changed at Rs 71.85 on the BSE."],
           ["Ratnagiri Power", "Fund Raising", "NCD"], edited=1),
    _story("Capital Market", "2026-10-20T17:20", 210, "news-cm",
           "sensex-nifty-end-flat-ahead-of-festive-holiday",
           "Sensex, Nifty end flat ahead of festive holiday",
           "Trading was subdued through the session",
           ["The benchmark indices ended flat in subdued trade ahead of a market holiday. The Nifty settled near the "
            "25,950 level.",
            "The barometer BSE Sensex slipped 18.35 points or 0.02% to 84,385.50. The Nifty 50 index edged up 4.10 "
            "points or 0.02% to 25,954.75.",
            "Auto shares gained while FMCG stocks declined."],
           ["Sensex", "Nifty", "Market Wrap"], access="free", edited=3),
    _story("Capital Market", "2026-11-18T14:15", 112, "news-cm",
           "sindhu-cables-q2-net-profit-rises-21-05",
           "Sindhu Cables Q2 net profit rises 21.05%",
           "Sales rise 17.62% to Rs 214.36 crore",
           ["Net profit of Sindhu Cables rose 21.05% to Rs 18.40 crore in the quarter ended September 2026 as "
            "against Rs 15.20 crore during the previous quarter ended September 2025.",
            "Sales rose 17.62% to Rs 214.36 crore in the quarter ended September 2026 as against Rs 182.25 crore "
            "during the previous quarter ended September 2025.",
            "The company makes power and control cables for the infrastructure and real estate sectors."],
           ["Sindhu Cables", "Q2 Results"], access="free", edited=0),
    _story("Capital Market", "2026-11-24T09:55", 49, "news-cm",
           "deccan-agro-allots-12-lakh-equity-shares-on-preferential-basis",
           "Deccan Agro allots 12 lakh equity shares on preferential basis",
           "The shares were issued at Rs 86 each",
           ["Deccan Agro Industries has allotted 12 lakh equity shares of face value Rs 10 each at Rs 86 per share "
            "on a preferential basis to promoter group entities.",
            "Following the allotment, the paid-up equity capital of the company has increased to Rs 38.40 crore.",
            "The company said the funds would be used for working capital and the expansion of its seed "
            "processing capacity."],
           ["Deccan Agro", "Preferential Issue"], access="free", edited=2),

    # ------------------------------------------------------------------ Business Standard staff (10, six premium)
    _story(None, "2026-11-25T06:45", 18, "markets/news",
           "why-mid-cap-funds-are-trimming-their-cash-holdings",
           "Why mid-cap funds are trimming their cash holdings",
           "Fund managers are putting money to work after a correction in smaller stocks",
           ["Mid-cap mutual funds have cut their cash holdings over the past two months, putting money to work "
            "after a correction in smaller stocks made valuations look less stretched, according to portfolio "
            "disclosures.",
            "Average cash levels in the category fell to about 4 per cent of assets at the end of October from "
            "nearly 7 per cent in August, the disclosures show.",
            "Fund managers said they had added to positions in industrial, capital goods and financial companies "
            "where earnings visibility had improved.",
            "“Valuations are still not cheap, but the gap between price and earnings has narrowed,” said the chief "
            "investment officer of a mid-sized fund house.",
            "Some advisers cautioned that inflows into the category could slow if the market stayed volatile."],
           ["Mutual Funds", "Mid-caps", "Stock Market"], access="premium", author="Ananya Kulkarni", edited=35),
    _story(None, "2026-11-21T07:10", 8, "companies/news",
           "inside-the-race-to-build-indias-battery-recycling-capacity",
           "Inside the race to build India's battery recycling capacity",
           "A dozen companies are setting up plants, but collecting used batteries remains the bottleneck",
           ["At least a dozen companies are setting up plants to recover lithium, cobalt and nickel from used "
            "batteries, betting that India's growing fleet of electric two-wheelers will generate a steady stream "
            "of scrap.",
            "Executives at three of them said collection, not processing, was their biggest challenge, as most "
            "used batteries still go to informal dismantlers.",
            "Extended producer responsibility rules require battery makers to meet recycling targets, but "
            "enforcement has been uneven, they said.",
            "Plant capacity announced so far would be enough to process more than 100,000 tonnes of batteries a "
            "year by 2030.",
            "Industry officials said a deposit-refund system could improve collection.",
            "Investors, meanwhile, are watching whether recovered metals can be sold at prices that justify the "
            "capital outlay."],
           ["Battery Recycling", "Electric Vehicles", "Manufacturing"], access="premium", author="Rohit Bhaskar",
           edited=50),
    _story(None, "2026-11-16T06:30", 4, "economy/news",
           "the-fiscal-arithmetic-behind-the-centres-capex-push",
           "The fiscal arithmetic behind the Centre's capex push",
           "Higher non-tax revenue has given the government room to keep spending",
           ["The Centre's capital expenditure in the first seven months of the year has kept pace with its budget "
            "target, helped by higher non-tax revenue that offset slower growth in tax collections.",
            "Officials say the government remains committed to its fiscal deficit target, though economists point "
            "to risks from lower disinvestment receipts.",
            "Dividends from public sector companies and the central bank have been higher than budgeted, giving "
            "the finance ministry a cushion.",
            "Economists said the quality of spending — the share going to roads, railways and defence — had "
            "improved.",
            "The next test will come in the final quarter, when spending usually accelerates."],
           ["Fiscal Deficit", "Capital Expenditure", "Budget"], access="premium", author="Meera Iyengar", edited=20),
    _story(None, "2026-11-09T07:00", 12, "india-news",
           "how-tier-2-cities-are-reshaping-office-leasing",
           "How tier-2 cities are reshaping office leasing",
           "Global capability centres are looking beyond the metros for talent and lower rents",
           ["Office leasing in cities such as Coimbatore, Indore and Kochi has risen sharply this year as global "
            "capability centres look beyond the big metros for talent and lower rents.",
            "Property consultants estimate that tier-2 cities accounted for about a tenth of new office leasing in "
            "the first nine months of the year, double the share three years ago.",
            "Developers are building smaller, flexible campuses to suit tenants who want to start with a few "
            "hundred seats.",
            "State governments have offered incentives, including subsidised power and faster approvals, to "
            "attract such centres.",
            "Consultants cautioned that infrastructure gaps, especially airport connectivity, could limit growth "
            "in some cities."],
           ["Real Estate", "Office Leasing", "GCC"], access="premium", author="Siddharth Rane", edited=15),
    _story(None, "2026-11-02T06:50", 15, "markets/news",
           "what-the-bond-market-is-pricing-in-for-interest-rates",
           "What the bond market is pricing in for interest rates",
           "Yields suggest traders expect at most one more cut this cycle",
           ["Government bond yields have edged higher over the past month, suggesting traders expect at most one "
            "more interest rate cut in the current cycle.",
            "The benchmark 10-year yield rose about 12 basis points in October, while shorter-tenure yields were "
            "broadly stable.",
            "Bond dealers attributed the move to higher supply from state governments and steady foreign "
            "portfolio selling.",
            "“The market has moved from pricing in two cuts to one,” said a treasury head at a private bank.",
            "Inflation data due later in the month will be closely watched."],
           ["Bond Market", "Interest Rates", "RBI"], access="premium", author="Farah Qureshi", edited=25),
    _story(None, "2026-10-31T06:40", 3, "companies/news",
           "why-quick-commerce-firms-are-rethinking-dark-stores",
           "Why quick commerce firms are rethinking dark stores",
           "Rising rents and thin margins are pushing companies towards larger, fewer warehouses",
           ["Quick commerce companies are rethinking their network of small neighbourhood warehouses, known as dark "
            "stores, as rising rents and thin margins push them towards fewer, larger sites.",
            "Executives at two firms said larger stores allowed them to stock more items, which increased order "
            "values, while delivery times rose only slightly.",
            "Landlords in some cities have raised rents for ground-floor spaces used as dark stores by as much as "
            "30 per cent.",
            "Analysts said the shift could favour companies with stronger balance sheets.",
            "Smaller players may look for partnerships with grocery chains to share space."],
           ["Quick Commerce", "Retail", "E-commerce"], access="premium", author="Vikram Oberoi", edited=40),
    _story(None, "2026-11-27T08:10", 24, "markets/news",
           "regulator-proposes-tighter-rules-for-sme-ipos",
           "Regulator proposes tighter rules for SME IPOs",
           "Higher minimum application sizes and stricter use-of-proceeds disclosure are on the table",
           ["The markets regulator has proposed raising the minimum application size for initial public offerings "
            "on SME platforms and tightening disclosure of how companies use the money raised.",
            "In a consultation paper, the regulator said the changes were meant to ensure that only investors able "
            "to bear the risks took part in such offerings.",
            "Merchant bankers said the proposals could reduce retail participation in SME IPOs, which have drawn "
            "heavy subscriptions over the past two years.",
            "Comments on the proposals have been invited within three weeks."],
           ["IPO", "SME", "Capital Markets"], author="Ananya Kulkarni", edited=30),
    _story(None, "2026-11-11T08:20", 35, "economy/news",
           "retail-inflation-seen-easing-in-october-economists-say",
           "Retail inflation seen easing in October, economists say",
           "Lower vegetable prices likely offset higher costs of edible oils",
           ["Retail inflation likely eased in October as vegetable prices fell after a good monsoon harvest, "
            "according to economists surveyed ahead of the official release.",
            "The median estimate of economists points to inflation of about 3.1 per cent, compared with 3.6 per "
            "cent in September.",
            "Higher prices of edible oils and some pulses partly offset the fall in vegetable prices, they said.",
            "Core inflation, which excludes food and fuel, is expected to have stayed broadly stable."],
           ["Inflation", "CPI", "Economy"], author="Meera Iyengar", edited=12),
    _story(None, "2026-10-22T19:25", 72, "companies/news",
           "airlines-add-winter-flights-to-regional-airports",
           "Airlines add winter flights to regional airports",
           "Carriers are betting on demand from smaller cities as metros near capacity",
           ["Domestic airlines have added flights to regional airports in their winter schedules, betting on "
            "demand from smaller cities as slots at the largest metro airports near capacity.",
            "The number of weekly departures from regional airports is set to rise by about 9 per cent compared "
            "with the summer schedule, according to schedule data.",
            "Airline executives said turboprop aircraft were being redeployed to routes connecting state capitals "
            "with tourist destinations.",
            "Airport operators have extended operating hours at several smaller airports to accommodate evening "
            "flights."],
           ["Aviation", "Airlines", "Regional Connectivity"], author="Rohit Bhaskar", edited=18),
    _story(None, "2026-11-18T08:35", 41, "india-news",
           "states-race-to-set-up-semiconductor-skilling-labs",
           "States race to set up semiconductor skilling labs",
           "Engineering colleges in five states will get chip design and testing labs",
           ["Five states have announced plans to set up semiconductor design and testing labs at engineering "
            "colleges, as they compete to attract chip packaging and assembly units.",
            "The labs will train students in chip design software, testing equipment and clean-room practices, "
            "officials said.",
            "Companies that have announced packaging units have said the availability of trained technicians will "
            "shape where they expand next.",
            "Some states have also offered stipends to students who take up apprenticeships at such units."],
           ["Semiconductors", "Skilling", "States"], author="Siddharth Rane", edited=22),
]


def _check(articles: list[dict]) -> None:
    ids = [a["id"] for a in articles]
    assert len(articles) == 64, len(articles)
    assert len(set(ids)) == len(ids), "duplicate ids"
    assert len({a["path"] for a in articles}) == len(articles), "duplicate paths"
    for a in articles:
        day = a["published"][:10]
        assert "2026-10-20" <= day <= "2026-11-27", a["id"]
        assert a["id"] == "1" + day[2:4] + day[5:7] + day[8:10] + a["id"][7:], a["id"]
        assert 3 <= len(a["paragraphs"]) <= 7, a["id"]
        assert a["access"] in ("free", "metered", "premium")
        assert (a["disclaimer"] is None) == (a["agency"] is None), a["id"]
        if a["access"] == "premium":
            assert a["agency"] in (None, "Reuters") and a["layout"] == "current", a["id"]
    by_agency = Counter(a["agency"] for a in articles)
    for agency, least in {"IANS": 10, "PTI": 10, "ANI": 6, "Reuters": 6, "AP": 5, "AFP": 5,
                          "Capital Market": 8, None: 6}.items():
        assert by_agency[agency] >= least, (agency, by_agency[agency])
    assert sum(NEWSVOIR in a["credit_lines"] for a in articles) == 2


_check(ARTICLES)
