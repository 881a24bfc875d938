"""Tests for newsarchive.stories: the evidence a same-story link needs beyond wording.

Each routine-item fixture is a pair of short wire items written in the Reuters style: the
template twins a wire sends by the dozen, and the copies and updates that are one story.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsarchive.headlines import figures
from newsarchive.minhash import fingerprint
from newsarchive.neighbour_table import Neighbour
from newsarchive.stories import ROUTINE_WORDS, Cues, story_links


def cues(headline: str, actors: int, places: int = 0, words: int = 200) -> Cues:
    entities = [("organisation", f"Company {n}") for n in range(actors)]
    entities += [("place", f"Town {n}") for n in range(places)]
    return Cues.of(headline, entities, words)


@pytest.mark.parametrize(
    ("first", "second", "score", "linked"),
    [
        (cues("Acme sells notes", 1), cues("Acme sells bonds", 1), 0.65, True),
        (cues("Acme sells notes", 1), cues("Acme sells bonds", 1), 0.5, False),
        (cues("Acme sells notes", 2), cues("Acme sells bonds", 2), 0.4, True),
        (cues("Acme sells notes", 1, 3), cues("Acme sells bonds", 1, 3), 0.3, True),
        (cues("Acme sells notes", 0, 4), cues("Acme sells bonds", 0, 4), 0.5, False),
        (cues("Acme sells notes", 3), cues("Storm hits coast", 3), 0.65, False),
        (cues("Acme sells notes", 3, words=12), cues("Acme sells bonds", 3), 0.9, False),
        (cues("Acme sells notes", 0), cues("Acme selling notes", 0), 0.75, True),
    ],
)
def test_story_links_need_evidence_beyond_similar_wording(
    first: Cues, second: Cues, score: float, linked: bool
) -> None:
    assert is_linked(first, second, score) is linked


# routine items: notices, price sheets and rate tables on one template


@dataclass(frozen=True)
class Item:
    """A wire item as the catalogue knows it."""

    headline: str
    body: str
    names: tuple[tuple[str, str], ...] = ()
    tables: int = 0
    day: float = 725_463.0  # 1987-04-07

    def cues(self) -> Cues:
        # as the loader gives them: none to a table, whose figures are all that differ
        signature = () if self.tables else fingerprint(f"{self.headline}\n{self.body}")
        words = len(self.body.split())
        lead = self.body.split(". ")[0]  # the summary the loader gives: the first sentence
        return Cues.of(self.headline, self.names, words, self.tables, signature, self.day, lead)


def is_linked(first: Cues, second: Cues, score: float, others: tuple[Cues, ...] = ()) -> bool:
    """Say whether story_links keeps a link of cosine `score` between two docs."""
    rows = story_links([(Neighbour(1, score),), (Neighbour(0, score),)], [first, second, *others])
    return rows[0] == (Neighbour(1, score),)


def silver(time: str, prices: str) -> Item:
    return Item(
        f"NY COMEX SILVER {time}",
        f"Silver futures on the New York Commodity Exchange at {time} EDT, in cents per troy "
        f"ounce, with the change from the previous close. {prices}",
        tables=1,
    )


SILVER_1100 = silver("11:00", "MAY 657.0 UP 4.5 JUL 662.5 UP 4.6 SEP 668.0 UP 4.4 DEC 676.2 UP 4.5")
SILVER_1130 = silver("11:30", "MAY 659.5 UP 7.0 JUL 665.0 UP 7.1 SEP 670.5 UP 6.9 DEC 678.0 UP 6.3")
COPPER_1100 = Item(
    "NY COMEX COPPER 11:00",
    "Copper futures on the New York Commodity Exchange at 11:00 EDT, in cents per pound, with "
    "the change from the previous close. MAY 62.10 UP 0.35 JUL 62.45 UP 0.30 SEP 62.80 UP 0.30",
    tables=1,
)


def test_updates_of_one_price_sheet_through_the_day_are_one_story() -> None:
    assert is_linked(SILVER_1100.cues(), SILVER_1130.cues(), 0.95)


def test_price_sheets_for_other_contracts_are_not_one_story() -> None:
    assert not is_linked(SILVER_1100.cues(), COPPER_1100.cues(), 0.95)


def payout(fund: str, cents: str) -> Item:
    return Item(
        f"FRANKLIN {fund.upper()} SETS MONTHLY PAYOUT",
        f"Franklin {fund} Tax-Free Income Fund said it set a monthly dividend of {cents} cts a "
        "share, payable April 30 to holders of record April 15. Reuter",
        tables=1,
    )


def test_one_family_s_funds_payout_notices_are_not_one_story() -> None:
    assert not is_linked(payout("Ohio", "6.2").cues(), payout("Michigan", "6.5").cues(), 0.9)


def tokyo_close(day: float, date: str, rate: str) -> Item:
    return Item(
        f"TOKYO EXCH CLSG - APRIL {date}",
        f"The dollar closed at {rate} yen in Tokyo, against the previous close. Mark "
        f"{rate[:3]}.10/15, sterling 234.60/70, Swiss franc 97.10/20. Reuter",
        tables=1,
        day=day,
    )


def test_rate_tables_of_other_days_are_not_one_story() -> None:
    first = tokyo_close(725_463.0, "07", "145.20/25")
    assert not is_linked(first.cues(), tokyo_close(725_464.0, "08", "145.40/45").cues(), 0.95)


def guesstimates(day: float, figures: tuple[str, ...]) -> Item:
    hogs, hogs_ago, cattle, cattle_ago = figures
    return Item(
        "HOG AND CATTLE SLAUGHTER GUESSTIMATES",
        f"Chicago Mercantile Exchange floor traders are guesstimating today's hog slaughter at "
        f"about {hogs} head versus {hogs_ago} week ago. Cattle slaughter is guesstimated at "
        f"about {cattle} head versus {cattle_ago} week ago. Reuter",
        day=day,
    )


MONDAY = guesstimates(725_530.0, ("250,000 to 270,000", "249,000", "126,000 to 131,000", "126,000"))


def test_a_daily_report_of_another_day_is_another_story() -> None:
    thursday = ("262,000 to 275,000", "278,000", "124,000 to 129,000", "131,000")
    assert not is_linked(MONDAY.cues(), guesstimates(725_533.0, thursday).cues(), 0.95)


def test_a_re_sent_report_under_the_next_day_is_one_story() -> None:
    resent = Item(MONDAY.headline, MONDAY.body, day=725_531.0)
    assert is_linked(MONDAY.cues(), resent.cues(), 0.95)


GOULD = (("organisation", "Gould Inc"), ("organisation", "GNB Inc"))
GOULD_SELLS = Item(
    "GOULD <GLD> SELLS FRENCH BATTERY UNIT",
    "Gould Inc said it sold its French battery unit to GNB Inc for about 20 mln dlrs, ending "
    "its interest in the European battery business. Reuter",
    GOULD,
)


def test_a_re_headlined_copy_is_one_story() -> None:
    copy = Item("GOULD <GLD> COMPLETES SALE OF FRENCH BATTERY UNIT", GOULD_SELLS.body, GOULD)
    assert is_linked(GOULD_SELLS.cues(), copy.cues(), 0.8)


def test_one_company_s_follow_up_on_one_deal_is_one_story() -> None:
    follow_up = Item(
        "GOULD <GLD> COMPLETES SALE OF FRENCH BATTERY UNIT",
        "Gould Inc said it has completed the sale of its French battery unit, which GNB Inc "
        "agreed to buy last month, and will book a small gain in the quarter. Reuter",
        GOULD,
    )
    assert is_linked(GOULD_SELLS.cues(), follow_up.cues(), 0.65)


def test_one_company_s_separate_announcements_are_not_one_story() -> None:
    names = (("organisation", "Hanover Insurance Co"),)
    split = Item(
        "HANOVER INSURANCE <HINS> GETS SPLIT APPROVAL",
        "Hanover Insurance Co said its shareholders approved a two-for-one stock split payable "
        "May 15 to holders of record April 30. Reuter",
        names,
    )
    dividend = Item(
        "HANOVER INSURANCE <HINS> RAISES DIVIDEND",
        "Hanover Insurance Co said it raised its quarterly dividend to 35 cts a share from 32 "
        "cts, payable May 15 to holders of record April 30. Reuter",
        names,
    )
    assert not is_linked(split.cues(), dividend.cues(), 0.75)


def test_two_parties_to_one_deal_are_one_story() -> None:
    names = (("organisation", "Chrysler Corp"), ("organisation", "American Motors Corp"))
    deal = Item(
        "CHRYSLER <C> IN DEAL TO BUY AMC <AMO>",
        "Chrysler Corp said it agreed to buy American Motors Corp from Renault for about 1.5 "
        "billion dlrs in cash, stock and debt. Reuter",
        names,
    )
    studying = Item(
        "AMC <AMO> STUDYING CHRYSLER <C> PROPOSAL",
        "American Motors Corp said its board is studying the Chrysler Corp proposal to buy the "
        "company and will comment when its review is complete. Reuter",
        names,
    )
    assert is_linked(deal.cues(), studying.cues(), 0.6)


def hogs(market: str, prices: str, receipts: str) -> Item:
    return Item(
        f"{market} HOGS UP 1.00/1.50 DLR - USDA",
        f"{market.title()} hogs were up 1.00 to 1.50 dlrs in moderate trade, the USDA said. "
        f"U.S. 1-2 220-250 lbs {prices}. Receipts {receipts} head. Reuter",
        (("organisation", "USDA"),),
    )


def test_a_source_named_in_many_items_does_not_join_them() -> None:
    # the USDA names dozens of markets' reports a day: naming it says nothing of the subject
    others = tuple(hogs(f"MARKET {n}", "49.00-50.00", f"{n},000").cues() for n in range(6))
    peoria, omaha = hogs("PEORIA", "50.00-50.50", "3,500"), hogs("OMAHA", "49.50-50.25", "8,000")
    assert not is_linked(peoria.cues(), omaha.cues(), 0.7, others)


def bonus(country: str, tonnes: str, dlrs: str, exporter: str, shipment: str) -> Item:
    return Item(
        f"CCC ACCEPTS BONUS BID FOR WHEAT TO {country.upper()}",
        f"The Commodity Credit Corporation accepted a bid for an export bonus to cover a sale "
        f"of {tonnes} tonnes of wheat to {country}, the USDA said. The bonus was {dlrs} dlrs "
        f"per tonne and was made to {exporter}. The wheat is for shipment {shipment}. Reuter",
        (("organisation", "CCC"), ("place", country)),
    )


def test_routine_items_naming_other_places_are_not_one_story() -> None:
    iraq = bonus("Iraq", "50,000", "38.50", "Continental Grain Co", "May 1-15")
    jordan = bonus("Jordan", "30,000", "41.27", "Louis Dreyfus Corp", "June 10-30")
    assert not is_linked(iraq.cues(), jordan.cues(), 0.8)


NIGERIA = (("place", "Nigeria"), ("organisation", "Paris Club"))
WITH_FRANCE = Item(
    "NIGERIA, FRANCE TO RESCHEDULE OFFICIAL DEBT",
    "Nigeria and France signed an agreement in Lagos to reschedule about 260 mln dlrs of "
    "official debt over ten years, under the accord Nigeria reached with the Paris Club of "
    "creditor nations in December, the French embassy said. The agreement covers medium and "
    "long term debt falling due between October 1986 and September 1987. French officials said "
    "trade credit insurance for Nigeria would resume once the rescheduling was in force, and "
    "that French companies owed money on past contracts would be paid in instalments from next "
    "year. Reuter",
    (*NIGERIA, ("place", "France")),
)
WITH_BRITAIN = Item(
    "NIGERIA, BRITAIN TO RESCHEDULE OFFICIAL DEBT",
    "Britain will reschedule some 400 mln stg of Nigerian official debt, the Export Credits "
    "Guarantee Department said, the largest of the bilateral accords that follow Nigeria's "
    "Paris Club agreement in December. Repayments will be spread over ten years with five "
    "years' grace, and the department will reopen cover for short term trade with Nigeria, a "
    "spokesman told reporters in London. Talks with the other creditor governments continue, "
    "and Nigeria hopes to complete them by the end of June, before its commercial bank "
    "creditors meet again. Reuter",
    (*NIGERIA, ("place", "Britain")),
)


def test_items_whose_headlines_name_other_parties_are_not_one_story() -> None:
    assert min(len(item.body.split()) for item in (WITH_FRANCE, WITH_BRITAIN)) >= ROUTINE_WORDS
    assert not is_linked(WITH_FRANCE.cues(), WITH_BRITAIN.cues(), 0.6)


def bill_sale(day: float, amount: str) -> Item:
    body = (
        f"The Bank of Japan will sell {amount} billion yen of financing bills tomorrow under a "
        "29-day repurchase agreement to roll over bills maturing and absorb a projected money "
        "market surplus, money traders said. The yield on the bills for sales to banks and "
        "securities houses is 3.8498 pct. The operation will put the outstanding bill supply "
        "at about 1,600 billion yen, they said. Reuter "
    )
    return Item(
        f"BANK OF JAPAN TO SELL {amount} BILLION YEN IN BILLS",
        body * 2,
        (("organisation", "Bank of Japan"),),
        day=day,
    )


def test_reports_of_other_days_with_other_figures_are_not_one_story() -> None:
    first, second = bill_sale(725_450.0, "300"), bill_sale(725_451.0, "400")
    assert not is_linked(first.cues(), second.cues(), 0.9)


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("NY COMEX SILVER 11:00", set()),
        ("NY COCOA 1000", set()),
        ("CBT SILVER CLSG (2) 7-APR", {"7", "apr"}),
        ("TOKYO EXCH CLSG - APRIL 07", {"7", "apr"}),
        ("BANK OF JAPAN TO SELL 300 BILLION YEN", {"300"}),
        ("ST LOUIS HOGS UP 1.00/1.25 DLR - USDA", {"1.00/1.25"}),
        ("MOODY'S MAY LOWER GAF <GAF> DEBT", set()),
    ],
)
def test_figures_are_a_headline_s_numbers_and_months_but_not_its_times(
    headline: str, expected: set[str]
) -> None:
    assert figures(headline) == expected


# one company's, one template's or one person's separate news


def nyse_query(company: str, symbol: str, day: float, reply: str) -> Item:
    return Item(
        f"NYSE SAYS {company.upper()} <{symbol}> DECLINES COMMENT",
        f"{company} Inc said it is against company policy to comment on unusual market activity "
        f"or rumors, according to the New York Stock Exchange. {reply} The exchange said it "
        "had contacted the company and requested a public statement indicating whether there "
        "are any corporate developments which may explain the unusual activity. Reuter",
        (("organisation", f"{company} Inc"), ("organisation", "New York Stock Exchange")),
        day=day,
    )


def test_one_template_s_notices_on_other_listed_companies_are_not_one_story() -> None:
    advest = nyse_query("Advest", "ADV", 725_489.0, "The stock closed up 1-1/2 to 15.")
    genrad = nyse_query("Genrad", "GEN", 725_490.0, "Genrad stock closed at 12-1/2, up 1-1/4.")
    assert not is_linked(advest.cues(), genrad.cues(), 0.8)


def load_factor(airline: str, headline: str, factor: str) -> Item:
    return Item(
        headline,
        f"{airline} said its February load factor was {factor} pct, compared with 56.2 pct a "
        "year earlier. Revenue passenger miles rose 10.1 pct to 1.84 billion from 1.67 billion "
        "and available seat miles rose 7.9 pct to 3.12 billion. For the year to date, the load "
        f"factor was {factor} pct against 55.0 pct, the airline said. Reuter",
        (("organisation", airline),),
        day=725_434.0,
    )


def test_one_template_s_reports_on_other_firms_are_not_one_story() -> None:
    usair = load_factor("USAir Group Inc", "USAIR FEBRUARY LOAD FACTOR RISES", "58.1")
    continental = load_factor("Continental Airlines Inc", "CONTINENTAL AIR LOAD FACTOR", "57.4")
    assert not is_linked(usair.cues(), continental.cues(), 0.95)


PENNZOIL = (("organisation", "Pennzoil Co"), ("person", "J. Hugh Liedtke"))
SETTLEMENT = Item(
    "PENNZOIL <PZL> WILL CONSIDER SETTLEMENT OFFER",
    "Pennzoil Co Chairman J. Hugh Liedtke told a meeting of securities analysts that the company "
    "will consider any realistic settlement offer in its 11 billion dlr judgment against Texaco "
    "Inc, but that any settlement would have to be above two billion dlrs. Liedtke said Pennzoil "
    "had received no offer since the Texas appeals court upheld the judgment in February, and "
    "that the company would not ask the court to cut the bond Texaco must post while it "
    "appeals. He declined to say how the two companies' talks had gone. Reuter",
    (*PENNZOIL, ("organisation", "Texaco Inc")),
)


def test_another_company_s_reaction_that_names_the_first_is_one_story() -> None:
    reaction = Item(
        "TEXACO <TX> NO COMMENT ON SETTLEMENT STATEMENT",
        "Texaco Inc said that it had no comment in response to a statement by Pennzoil Co "
        "chairman J. Hugh Liedtke that any settlement with Texaco must be above two billion "
        "dlrs. A Texaco spokesman said the company had nothing to add to its earlier statements "
        "on the judgment and the appeal, and that it was still studying its options in the "
        "courts and with its bankers. Texaco stock closed down 1/4 at 31-3/8 after Liedtke "
        "spoke to the analysts in New York. Reuter",
        (*PENNZOIL, ("organisation", "Texaco Inc")),
    )
    assert is_linked(SETTLEMENT.cues(), reaction.cues(), 0.6)


CHRYSLER = ("organisation", "Chrysler Corp")
CHRYSLER_SALES = Item(
    "CHRYSLER <C> LATE MARCH U.S. CAR SALES UP",
    "Chrysler Corp said car sales for the March 21-31 period rose 20.2 pct to 40,454 from 33,669 "
    "a year earlier. For the month of March, it said auto sales increased 6.3 pct to 96,649. "
    "Reuter",
    (CHRYSLER,),
)


def test_a_unit_s_announcement_is_not_its_parent_s_story() -> None:
    canada = Item(
        "CHRYSLER <C> CANADA MARCH CAR SALES UP 9.7 PCT",
        "Chrysler Canada Ltd, wholly owned by Chrysler Corp, said it sold 16,484 passenger cars "
        "in March, a 9.7 pct increase over the 15,024 sold in the same month of last year. "
        "Reuter",
        (CHRYSLER, ("organisation", "Chrysler Canada Ltd")),
    )
    assert not is_linked(CHRYSLER_SALES.cues(), canada.cues(), 0.9)


def test_a_company_named_long_and_short_in_two_headlines_is_one_story() -> None:
    bank = (("organisation", "Royal Bank of Canada"),)
    losses = Item(
        "ROYAL BANK/CANADA SEES HIGHER 1987 LOAN LOSSES",
        "Royal Bank of Canada said it estimates 1987 loan losses at one billion dlrs, a 25 mln "
        "dlr increase over last year, as it reported first quarter earnings. Reuter",
        (*bank, ("organisation", "Royal Bank")),
    )
    outlook = Item(
        "ROYAL BANK SEES IMPROVED RESULTS",
        "Royal Bank of Canada, in reporting a 19 pct drop in first quarter earnings, said it "
        "expects improved results in future periods despite higher loan losses. Reuter",
        (*bank, ("organisation", "Royal Bank")),
    )
    assert is_linked(losses.cues(), outlook.cues(), 0.7)


CYCLOPS = (("organisation", "Oppenheimer Group Inc"), ("organisation", "Cyclops Corp"))


def test_one_holder_s_purchase_and_sale_of_a_stake_are_not_one_story() -> None:
    bought = Item(
        "OPPENHEIMER HAS SIX PCT OF CYCLOPS <CYL>",
        "Oppenheimer told the Securities and Exchange Commission it has acquired 243,400 shares "
        "of Cyclops Corp, or 6.0 pct of the total outstanding. It said it bought the stake in "
        "the ordinary course of business. Reuter",
        CYCLOPS,
        day=725_459.0,
    )
    sold = Item(
        "OPPENHEIMER SELLS SIX PCT CYCLOPS <CYL> STAKE",
        "Oppenheimer told the Securities and Exchange Commission it sold its entire 6.0 pct "
        "stake of Cyclops Corp. It said it initially bought the stock in the ordinary course "
        "of business. Reuter",
        CYCLOPS,
        day=725_460.0,
    )
    assert not is_linked(bought.cues(), sold.cues(), 0.9)


def test_the_seller_and_the_buyer_of_one_deal_are_one_story() -> None:
    bought = Item(
        "GNB BUYS GOULD <GLD> FRENCH BATTERY UNIT",
        "GNB Inc said it bought the French battery unit of Gould Inc for about 20 mln dlrs, "
        "adding to its European battery business. Reuter",
        GOULD,
    )
    assert is_linked(GOULD_SELLS.cues(), bought.cues(), 0.65)


def reserves(day: float, amount: str) -> Item:
    return Item(
        "FED ADDS RESERVES VIA CUSTOMER REPURCHASES",
        f"The Federal Reserve entered the government securities market to arrange {amount} "
        "billion dlrs of customer repurchase agreements, a Fed spokesman said. Dealers said "
        "federal funds were trading at 6-1/8 pct when the Fed began its temporary and indirect "
        "supply of reserves to the banking system. Reuter",
        (("organisation", "Federal Reserve"),),
        day=day,
    )


def test_a_regular_report_of_another_day_is_another_story() -> None:
    # sent day after day: a re-send and the next edition differ by a figure, if at all
    days = tuple(reserves(725_450.0 + n, "1.5").cues() for n in range(3))
    monday, tuesday = reserves(725_460.0, "1.5"), reserves(725_461.0, "2.0")
    assert not is_linked(monday.cues(), tuesday.cues(), 0.95, days)


def test_a_regular_report_re_sent_on_another_day_is_one_story() -> None:
    days = tuple(reserves(725_450.0 + n, "1.5").cues() for n in range(3))
    monday = reserves(725_460.0, "1.5")
    resent = Item(f"RPT - {monday.headline}", monday.body, monday.names, day=725_461.0)
    assert is_linked(monday.cues(), resent.cues(), 0.95, days)


BUREAU = (("organisation", "American Bureau of Metal Statistics"),)


def test_reports_for_other_months_are_not_one_story() -> None:
    january = Item(
        "U.S. REFINERY COPPER STOCKS FALL IN JANUARY",
        "Refined copper stocks held by U.S. refineries fell to 109,200 short tons at the end of "
        "January from 145,400 short tons at the end of December, the American Bureau of Metal "
        "Statistics said. Stocks of blister copper at the refineries were little changed, and "
        "stocks held by fabricators and merchants fell slightly over the month, the bureau said "
        "in its monthly report on the domestic industry. Refinery output fell as two plants "
        "stayed shut for maintenance, while shipments to wire rod mills rose. Reuter",
        BUREAU,
    )
    december = Item(
        "COPPER STOCKS OUTSIDE U.S. INCREASE IN DECEMBER",
        "Refined copper stocks held by refineries outside the U.S. increased to a preliminary "
        "277,500 short tons at the end of December from a preliminary 270,000 tons a month "
        "earlier, the American Bureau of Metal Statistics said. Output of refined copper "
        "outside the U.S. rose in the month while deliveries to fabricators were steady, and "
        "the November figures were revised lower, the bureau said. Chile and Zambia accounted "
        "for most of the rise in output, and stocks held in Japan and Europe were little "
        "changed from November. Reuter",
        BUREAU,
    )
    assert not is_linked(january.cues(), december.cues(), 0.9)


def shutdown(day: float, lead: str, rest: str) -> Item:
    return Item(
        "FPL GROUP <FPL> NUCLEAR REACTOR SHUT DOWN",
        f"{lead}. {rest} Reuter",
        (("organisation", "FPL Group Inc"), ("organisation", "Turkey Point Unit")),
        day=day,
    )


HATCH = shutdown(
    725_441.0,
    "A pressure leak in a containment building hatch at FPL Group Inc's Turkey Point nuclear "
    "plant has forced a brief reactor shutdown, a Nuclear Regulatory Commission spokesman said",
    "No radioactivity escaped during the incident last night, which the spokesman described "
    "as a relatively minor problem that poses no safety hazard to the plant or the public. "
    "Repairs were under way and Turkey Point Unit 4, one of two nuclear reactors at the site "
    "south of Miami, was expected to be reactivated later today, the spokesman said.",
)


def test_a_second_incident_under_the_same_headline_is_another_story() -> None:
    vessel = shutdown(
        725_443.0,
        "FPL Group Inc shut down a nuclear reactor at its Turkey Point power plant after "
        "engineers discovered a tiny leak of radioactive water from the pressure vessel",
        "A company spokeswoman said the leak was a tablespoon of water that never posed any "
        "danger to the plant or the public. The reactor, one of two at the site south of Miami, "
        "was already partly shut down for the repair of a leaky valve found on Wednesday, and "
        "Turkey Point Unit 4 is expected to be back on line in about a week, she said.",
    )
    assert not is_linked(HATCH.cues(), vessel.cues(), 0.5)


def test_a_re_filed_item_under_the_same_headline_and_lead_is_one_story() -> None:
    refiled = shutdown(
        725_442.0,
        HATCH.body.split(". ")[0],
        "Ken Clark, the commission's representative in Atlanta, said nothing escaped when the "
        "hatch seal failed, calling it a minor problem that posed no hazard. The unit, one of "
        "two reactors that FPL runs at the site, restarted overnight after repairs, and the "
        "commission has asked the utility for a report on the seal within thirty days.",
    )
    assert is_linked(HATCH.cues(), refiled.cues(), 0.5)


SUMITA = (("person", "Satoshi Sumita"), ("organisation", "Bank of Japan"))


def test_a_speaker_s_statements_on_two_occasions_are_not_one_story() -> None:
    testimony = Item(
        "SUMITA SAYS HE DOES NOT EXPECT FURTHER DOLLAR FALL",
        "Bank of Japan governor Satoshi Sumita told a parliamentary committee he does not expect "
        "the dollar to remain unstable and fall further, as the major nations are cooperating "
        "to stabilise exchange rates under the Paris accord. He said the central bank would "
        "keep intervening in the market when needed and that there was no need to change "
        "monetary policy now, although it would watch money supply growth carefully. Members "
        "of the committee asked whether another cut in the discount rate was planned, and "
        "Sumita said none was being considered. Reuter",
        SUMITA,
        day=725_460.0,
    )
    statement = Item(
        "CURRENCY INSTABILITY WILL NOT LAST - SUMITA",
        "Bank of Japan governor Satoshi Sumita told reporters the present foreign exchange "
        "market instability will not last long as there is caution in the market about the "
        "dollar's further fall. Speaking after a meeting with bankers in Tokyo, he said the "
        "leading nations had reaffirmed their will to cooperate, and that Japan would take "
        "steps to expand domestic demand. He declined to say whether the bank had bought "
        "dollars this week, and said there was no change in its stance on interest rates or "
        "on the yen. Reuter",
        SUMITA,
        day=725_462.0,
    )
    assert not is_linked(testimony.cues(), statement.cues(), 0.5)


# Wire items of 80 words or more, so that the routine-item rules are not what tells them apart.
CONFERENCE = (
    "The engineering group's orders rose in the first half of the year, with more work from "
    "power station builders in the Middle East and at home, although margins on large "
    "contracts are still thin and the plant division made a loss, he told the conference in "
    "Oberhausen, adding that staff numbers would stay near 30,000. Reuter"
)
PORTS = (
    "Its container terminals in Kwai Chung handled more boxes than ever, and the group's "
    "retail chains and its telephone paging venture grew fast, he told reporters after the "
    "annual results meeting, adding that the spin-off of Cavendish International would go "
    "ahead in the spring and that Husky Oil of Canada still needed time to recover from the "
    "fall in oil prices. Reuter"
)
HONGKONG_ELECTRIC = (
    "Its stake in Hongkong Electric Holdings Ltd earned more than expected, and property "
    "sales in the territory held up well in the second half, he told reporters after the "
    "annual results meeting, adding that the group would keep looking for investments in "
    "Britain, Canada and the United States when prices are right. Its container port and "
    "hotel businesses also did well. Reuter"
)
NORTHAIR_MINE = (
    "Northair owns the Willa gold mine in British Columbia, which started production last "
    "year and is expected to produce about 30,000 ounces of gold this year at a cash cost "
    "near 250 dlrs an ounce, with silver and copper as by-products from the mill near "
    "Nakusp, and holds claims near Stewart, which it plans to drill this summer. Reuter"
)


BABCOCK = (("organisation", "Deutsche Babcock AG"), ("person", "Helmut Wiehn"))
BABCOCK_DIVIDEND = Item(
    "DEUTSCHE BABCOCK TO INCREASE DIVIDEND IN 1986/87",
    "Deutsche Babcock AG <DBCG.F> will increase its dividend on results in the year ending "
    "September 30, 1987, chief executive Helmut Wiehn said. He told a news conference the "
    "company paid five marks a share last year and would pay more this time. " + CONFERENCE,
    BABCOCK,
)


def test_one_company_s_announcements_of_two_kinds_are_not_one_story() -> None:
    rights = Item(
        "DEUTSCHE BABCOCK RIGHTS ISSUE PRICED AT 165 MARKS",
        "Deutsche Babcock AG <DBCG.F> said an issue price of 165 marks had been set on a "
        "two-for-five rights issue of shares, chief executive Helmut Wiehn said. The shares "
        "can be subscribed from March 26 to April 8. The issue will raise nominal capital by "
        "100 mln marks to 350 mln marks, and a bank consortium led by Deutsche Bank has "
        "underwritten it, the company said in a statement in Oberhausen. Veba AG, which holds "
        "a stake, has said it will take up its rights, and Iranian shareholders are expected "
        "to do the same. Reuter",
        BABCOCK,
    )
    assert not is_linked(BABCOCK_DIVIDEND.cues(), rights.cues(), 0.65)


def test_a_re_headlined_item_whose_lead_names_the_other_kind_is_one_story() -> None:
    payout = Item(
        "DEUTSCHE BABCOCK SEES RIGHTS ISSUE IN 1986/87",
        "Deutsche Babcock AG <DBCG.F> will increase its dividend on results in the year ending "
        "September 30, 1987 and plans a rights issue, chief executive Helmut Wiehn said. He "
        "told a news conference the company paid five marks a share last year. " + CONFERENCE,
        BABCOCK,
    )
    assert is_linked(BABCOCK_DIVIDEND.cues(), payout.cues(), 0.65)


LI_KA_SHING = (("person", "Li Ka-shing"), ("organisation", "Hongkong Electric Holdings Ltd"))


def test_two_companies_whose_leads_open_with_their_names_are_not_one_story() -> None:
    hutchison = Item(
        "HUTCHISON SEES HIGHER PAYOUT, SATISFACTORY PROFITS",
        "Hutchison Whampoa Ltd <HWHH.HK> expects satisfactory profits in 1987 and will pay a "
        "higher dividend for the year, chairman Li Ka-shing said. " + PORTS,
        LI_KA_SHING,
    )
    cheung_kong = Item(
        "CHEUNG KONG CHAIRMAN SEES STRONG RESULTS IN 1987",
        "Cheung Kong (Holdings) Ltd <CKGH.HK> is expecting strong results this year after "
        "better than expected profits in 1986, chairman Li Ka-shing said. " + HONGKONG_ELECTRIC,
        LI_KA_SHING,
    )
    assert not is_linked(hutchison.cues(), cheung_kong.cues(), 0.65)


def test_a_company_s_reply_whose_lead_names_the_first_is_one_story() -> None:
    names = (("organisation", "Nor-Quest Resources Inc"), ("organisation", "Northair Mines Ltd"))
    bid = Item(
        "NOR-QUEST <NQR> MAKES BID FOR NORTHAIR",
        "Nor-Quest Resources Inc <NQR> said it will offer one share plus one dlr for every two "
        "shares of Northair Mines Ltd, valuing the company at about 20 mln dlrs. " + NORTHAIR_MINE,
        names,
    )
    reply = Item(
        "NORTHAIR OPPOSES BID",
        "Northair Mines Ltd <NRM> said its board opposes the bid by Nor-Quest Resources Inc, "
        "one share plus one dlr for every two shares, as too low. " + NORTHAIR_MINE,
        names,
    )
    assert is_linked(bid.cues(), reply.cues(), 0.65)


def test_reports_for_other_years_are_not_one_story() -> None:
    names = (("place", "Argentina"), ("place", "Brazil"), ("place", "Chile"), ("place", "Peru"))
    year = Item(
        "ARGENTINE MEAT EXPORTS LOWER IN 1986",
        "Argentine meat exports fell to 320,000 tonnes in 1986 from 345,000 tonnes in 1985, the "
        "national meat board said. Beef shipments to Brazil and Chile dropped by a third as "
        "both countries rebuilt their own herds, while sales to Peru were steady. Canned "
        "corned beef sold less well in the United States, and horse meat exports to Europe "
        "were lower because of quotas. The board blamed a strong austral for part of the "
        "fall, and said that the trade talks with the European Community over the Hilton beef "
        "quota had not been settled by the end of the year, which kept some buyers away. Reuter",
        names,
    )
    months = Item(
        "ARGENTINE MEAT EXPORTS HIGHER IN JAN/FEB 1987",
        "Argentina exported 52,000 tonnes of meat in January and February 1987 against 47,000 "
        "a year earlier, according to board figures. Chile and Peru bought more chilled beef "
        "and Brazil took frozen cuts again after a pause in December, the figures showed. "
        "Offal and cooked meat shipments rose slightly, and exporters expect the Middle East "
        "to buy more this year if prices hold near present levels. Meat packers in Buenos Aires "
        "said the rise came mostly from contracts signed late last year with buyers in "
        "Singapore, Israel and Switzerland. Reuter",
        names,
    )
    assert not is_linked(year.cues(), months.cues(), 0.9)


def tapioca(date: str) -> Item:
    return Item(
        f"BANGKOK TAPIOCA - {date} Thai pellets (62 min starch, five pc",
        "max fibre, three pc max sand, 14 pc max moisture) Apr/Sept 255 sellers, D-marks per "
        "tonne CIF Euro ports (prev 255).",
    )


def test_a_report_s_editions_headed_with_other_dates_are_not_one_story() -> None:
    # filed on one day with the same prices: only the headline's date tells the editions apart
    assert not is_linked(tapioca("APRIL 7").cues(), tapioca("APRIL 8").cues(), 1.0)
    assert is_linked(tapioca("APRIL 7").cues(), tapioca("APRIL 7").cues(), 1.0)


def supply_demand(crop: str) -> Cues:
    # a long table keeps its fingerprint, and its rows' labels make two crops' tables copies
    rows = " ".join(f"{country} 1985/86 1986/87 1987/88" for country in COUNTRIES)
    body = f"Supply and demand by country, in million tonnes, USDA estimates. {rows}"
    headline = f"{crop} SUPPLY/DEMAND BY COUNTRY -- USDA"
    return Cues.of(headline, (("organisation", "USDA"),), 150, 1, fingerprint(body), 725_465.0)


COUNTRIES = [
    "United States",
    "Canada",
    "Argentina",
    "Brazil",
    "EC",
    "Soviet Union",
    "China",
    "Japan",
]


def test_tables_for_other_crops_are_not_one_story_though_copies() -> None:
    assert not is_linked(supply_demand("CORN"), supply_demand("SOYBEAN"), 0.8)
    assert not is_linked(supply_demand("SOYBEAN"), supply_demand("SOYBEAN MEAL"), 0.8)
    assert is_linked(supply_demand("CORN"), supply_demand("CORN"), 0.8)


def export_bonus(goods: str, details: str) -> Item:
    return Item(
        f"CCC ACCEPTS EXPORT BONUS ON {goods.upper()} TO EGYPT",
        f"The Commodity Credit Corporation, CCC, has accepted a bid for an export bonus to cover "
        f"the sale of {goods} to Egypt, the U.S. Agriculture Department said. {details} Reuter",
        (("organisation", "Commodity Credit Corporation"), ("place", "Egypt")),
    )


def test_one_source_s_reports_on_other_goods_are_not_one_story() -> None:
    semolina = export_bonus(
        "semolina",
        "The bonus of 82.50 dlrs per tonne was made to International Multifoods Corp on a "
        "sale of 2,000 tonnes for shipment in April and May, and will be paid in commodities "
        "from CCC stocks. An additional 98,000 tonnes of semolina is still available to Egypt "
        "under the Export Enhancement Program initiative announced last August.",
    )
    cattle = export_bonus(
        "cattle",
        "First Interstate Trading Co won a bonus of 1,000 dlrs a head on 500 dairy heifers to "
        "be delivered by June, to be paid in wheat, corn or sorghum from the government's "
        "inventory, officials said. Egypt may buy up to 10,000 more head under the program "
        "this year, and more sales are expected once the breeding season ends.",
    )
    assert not is_linked(semolina.cues(), cattle.cues(), 0.64)


def magma(move: str, moving: str, price: str) -> Item:
    return Item(
        f"MAGMA {move} COPPER PRICE 0.50 CT TO {price} CTS",
        f"Magma Copper Co, a subsidiary of Newmont Mining Corp, said it is {moving} its "
        f"copper cathode price by 0.50 cent to {price} cents a lb, effective immediately. Reuter",
        (("organisation", "Magma Copper Co"), ("organisation", "Newmont Mining Corp")),
    )


def test_a_price_raised_and_cut_is_two_stories_though_the_items_are_copies() -> None:
    raised, cut = magma("RAISES", "raising", "66.00"), magma("LOWERS", "lowering", "65.50")
    assert not is_linked(raised.cues(), cut.cues(), 0.91)


BANK = (("organisation", "Bank of England"),)
MARKET_FACTORS = (
    "Bills maturing in official hands and the treasury bill take-up would drain {drain} mln stg "
    "from the system while a rise in the note circulation and below target bankers' balances "
    "would take out {notes} mln stg and 180 mln stg respectively, the bank said. Against this, "
    "exchequer transactions would add a net {add} mln stg to the system today, the Bank of "
    "England said in its first estimate of the day. Reuter"
)


def deficit(day: float, amount: str) -> Item:
    """The Bank of England's daily forecast, on the template seen day after day."""
    return Item(
        f"U.K. MONEY MARKET DEFICIT FORECAST AT {amount} MLN STG",
        f"The Bank of England said it forecast a liquidity shortage of around {amount} mln stg "
        "in the money market today. " + MARKET_FACTORS.format(drain=amount, notes="265", add="535"),
        BANK,
        day=day,
    )


SHORTAGE = Item(
    "U.K. MONEY MARKET SHORTAGE FORECAST AT 300 MLN STG",
    "The Bank of England said it forecast a liquidity shortage of around 300 mln stg in the "
    "money market today. " + MARKET_FACTORS.format(drain="957", notes="15", add="640"),
    BANK,
    day=725_441.0,  # 1987-03-11
)
EARLY_HELP = Item(
    "BANK OF ENGLAND OFFERS EARLY HELP IN MONEY MARKET",
    "The Bank of England said it had invited the discount houses to make an early round of "
    "bill offers to help offset a large liquidity shortage in the money market. "
    + MARKET_FACTORS.format(drain="1,210", notes="25", add="10"),
    BANK,
    day=725_442.0,
)
DEFICITS = tuple(
    deficit(725_430.0 + n, amount).cues() for n, amount in enumerate(["800", "350", "450"])
)


def test_a_report_on_a_daily_template_of_another_day_is_another_story() -> None:
    # "SHORTAGE" is on two days only, but one word swapped it is the daily "DEFICIT" forecast
    assert is_linked(SHORTAGE.cues(), EARLY_HELP.cues(), 0.75)
    assert not is_linked(SHORTAGE.cues(), EARLY_HELP.cues(), 0.75, DEFICITS)


def test_a_report_on_a_daily_template_re_filed_next_day_is_one_story() -> None:
    # its lead re-filed next day under another headline and figures: one item, not an edition
    lead = SHORTAGE.body.split(". ")[0]
    refiled = Item(
        "BANK OF ENGLAND SEES MONEY MARKET SHORTAGE",
        f"{lead}. " + MARKET_FACTORS.format(drain="1,210", notes="25", add="10"),
        BANK,
        day=725_442.0,
    )
    assert is_linked(SHORTAGE.cues(), refiled.cues(), 0.75, DEFICITS)


def kerbs(session: str, copper: str) -> Item:
    return Item(
        f"LME METAL KERBS {session} - APR 7",
        f"COPPER Grade A {copper} tonnes cash 917.00 16.00 3months 882.00 81.00 close 881.00 "
        "LEAD 2400 tonnes cash 305.00 6.00 3months 300.00 1.00 close 300.50 ZINC High grade "
        "1500 tonnes cash 460.00 62.00 3months 457.00 58.00 close 457.00 NICKEL 240 tonnes",
        tables=1,
    )


def test_one_report_s_editions_of_two_sessions_are_two_stories() -> None:
    morning, afternoon = kerbs("MORNING", "3600"), kerbs("AFTERNOON", "5025")
    assert not is_linked(morning.cues(), afternoon.cues(), 0.95)
    assert is_linked(morning.cues(), kerbs("MORNING", "3650").cues(), 0.95)


HONG_KONG_FIRMS = tuple(
    ("organisation", name)
    for name in ("Hopewell Holdings Ltd", "Jardine Matheson and Co Ltd", "Swire Pacific Ltd")
)


def test_two_companies_one_unlisted_whose_leads_open_with_their_names_are_two_stories() -> None:
    # Reuters marks an unlisted company in angle brackets with no symbol: <Jardine ...>
    jardine = Item(
        "JARDINE TO JOIN CONSORTIUM FOR HK SECOND AIRPORT",
        "The Bermuda registered <Jardine Matheson and Co Ltd> has indicated it would participate "
        "in a local consortium which has proposed to build the second airport here. The "
        "consortium, led by Hopewell Holdings, plans the airport on reclaimed land off Lantau "
        "Island, a Hopewell statement said, and Jardine would take a stake of up to a fifth. "
        "Hopewell chairman Gordon Wu said talks with other local and foreign groups were going "
        "on, and the cost of the project, put at some 30 billion H.K. Dlrs, would be shared "
        "among the members of the group. Reuter",
        HONG_KONG_FIRMS,
    )
    swire = Item(
        "SWIRE UNCOMMITTED ON PROPOSED NEW H.K. AIRPORT",
        "Swire Pacific Ltd <SWPC.HKG> is still undecided whether it would participate in the "
        "proposed new airport for Hong Kong, its chairman told a news conference. Michael Miles "
        "said the group would study the plans for Chek Lap Kok once the government had decided "
        "on the site and its cost, and Cathay Pacific needed a new airport by the mid-1990s. "
        "He said Swire had been approached by several groups but would not commit itself "
        "before the terms were known, adding that the present Kai Tak airport would reach its "
        "full capacity within a decade. Reuter",
        HONG_KONG_FIRMS,
    )
    assert not is_linked(jardine.cues(), swire.cues(), 0.65)


PHELAN = (("person", "John Phelan"), ("organisation", "NYSE"))


def phelan(headline: str, said: str, day: float) -> Item:
    return Item(
        headline,
        f"New York Stock Exchange chairman John Phelan said {said} Reuter",
        PHELAN,
        day=day,
    )


def test_a_speaker_quoted_in_the_leads_on_two_days_is_two_stories() -> None:
    # the headlines share only the exchange they open with; the leads quote one chairman
    crash = phelan(
        "NYSE CHAIRMAN SAYS MARKET DECLINE NOT A CRASH",
        "the stock market underwent a significant correction today but he did not call it a "
        "crash. He also said the NYSE will open tomorrow on time. Speaking after the close, "
        "he said the exchange's systems handled record volume of 604 mln shares without "
        "breaking down, and that he had talked to the White House, the Securities and Exchange "
        "Commission and the Federal Reserve during the day. Phelan said he did not know of any "
        "member firm in trouble, but could not rule out that some would need more capital.",
        725_663.0,
    )
    curbs = phelan(
        "NYSE WILL CONTINUE TO CURB PROGRAM TRADING",
        "the NYSE will continue to ask member firms to refrain from using its order-delivery "
        "systems for program trading until volume returns to normal. At a news conference he "
        "said specialist firms that ran short of capital would get help from larger members, "
        "and that two of them had already merged their books with bigger firms. He would not "
        "name them. Asked whether the exchange would close early, Phelan said there was no "
        "plan to shorten the session, as that would only add to investors' uncertainty.",
        725_664.0,
    )
    assert not is_linked(crash.cues(), curbs.cues(), 0.5)
    same_day = Item(curbs.headline, curbs.body, PHELAN, day=crash.day)
    assert is_linked(crash.cues(), same_day.cues(), 0.5)


LOCKHEED = ("organisation", "Lockheed Corp")
GRUMMAN = ("organisation", "Grumman Corp")


def sdi_contract(
    headline: str, unit: str, amount: str, aside: str, names: tuple[tuple[str, str], ...]
) -> Item:
    return Item(
        headline,
        f"{unit} is being awarded a {amount} mln dlr Air Force contract for work related to the "
        f"Strategic Defense Initiative (SDI), the Defense Department said. It said the work{aside} "
        "is a 34 month SDI Boost Surveillance and Tracking System demonstration and validation "
        "effort which is expected to be completed in January 1990. The department said 34.3 mln "
        "dlrs of the contract funds will expire at the end of the current fiscal year. It added "
        "that 38 bids for the work were solicited and three proposals were received. Reuter",
        names,
    )


def test_two_listed_companies_news_is_two_stories_though_one_names_the_other() -> None:
    lockheed = sdi_contract(
        "LOCKHEED <LK> UNIT GETS 304 MLN DLR SDI CONTRACT",
        "Lockheed Corp's Lockheed Missiles and Space Co Inc",
        "304",
        "",
        (LOCKHEED,),
    )
    grumman = sdi_contract(
        "GRUMMAN<GQ> UNIT GETS 303.9 MLN DLR SDI CONTRACT",
        "The Grumman Space Systems division of Grumman Corp",
        "303.9",
        ", similar to a contract awarded to Lockheed Corp,",
        (GRUMMAN, LOCKHEED),
    )
    # one template but for the names: the symbols tell two companies' contracts apart
    assert not is_linked(lockheed.cues(), grumman.cues(), 0.8)
    reply = Item(
        "LOCKHEED <LK> SAYS GRUMMAN <GQ> AWARD EXPECTED",
        "Lockheed Corp said it had expected the Defense Department to award a second SDI "
        "contract to Grumman Corp, as the department had said it would pick two of the three "
        "bidders for the boost surveillance and tracking work. " + grumman.body,
        grumman.names,
    )
    assert is_linked(reply.cues(), grumman.cues(), 0.8)
