"""The words around a name that the entity rules read: cue words before a name ("brokers
James Capel", "the tanker Sea Isle City") and after it ("the Santana model", "the Paris
accord"); `entity_spans` reads them around each run, `entity_kinds` and `entities` decide by
them."""

from __future__ import annotations

from .entity_words import (
    CHAINS_AFTER,
    EMPLOYER_CUE,
    FACILITY_AFTER,
    FEATURE_AFTER,
    HOLIDAY_AFTER,
    PERSON_CUE,
    PLACE_AFTER,
    PLACE_NEAR,
    ROLES,
    SAID,
    TITLES,
)

# Words before a firm's name that is also a person's: "brokers James Capel".
FIRM_CUE = {(w,) for w in ("brokers", "stockbrokers", "brokerage", "bankers", "auditors")}
# A firm's trade before names "and" joins: "investment banking firm Matthews and Wright" (not
# "firm" alone, which wire copy writes of prices and demand: "firm Japanese demand").
PARTNERS_CUE = {
    (w, "firm") for w in ("banking", "investment", "law", "brokerage", "securities", "accounting")
}
# Words before a ship's name, which is often a place's or a person's: "the battleship Missouri".
SHIP_CUE = {
    (w,)
    for w in (
        *("ship", "tanker", "vessel", "battleship", "frigate", "destroyer", "freighter"),
        *("liner", "ferry"),  # "the liner Empress of Ireland", "the car ferry Herald of ..."
    )
}
# Jobs before a person's name that an employer's name may end with a head word before
ROLE_CUE = {(w,) for w in ("analyst", "economist", "strategist", "spokesman", "spokeswoman")}
# Words after a brand's or a firm's name, which is often a town's: "the Santana model".
BRAND_AFTER = {(w,) for w in ("model", "models", "brand", "brands", "automobiles", "investment")}
# Words after a name that make it a product's name, whatever its words: "a talking Mickey
# Mouse toy", "the Pontiac models". ("Holiday" is not one: "a Hong Kong holiday" is the city's.)
PRODUCT_AFTER = {(w,) for w in ("model", "models", "brand", "brands", "toy", "toys")}
BRAND_AFTER |= PRODUCT_AFTER
# Fruit named after a town as a variety: "Valencia oranges", "Jaffa oranges" (a country's or a
# state's name stays a place: "Florida oranges", "Idaho potatoes").
BRAND_AFTER |= {(w,) for w in ("oranges", "lemons", "grapefruit", "pears", "cherries", "apples")}
NUMBER_AFTER = ("#",)  # what a span is read before when a model's number follows it
REGION_AFTER = (",", "#region")  # what a span is read before when ", Mexico" follows it
# Words after a firm's short name, which is often a small town's: "four mln Corona shares".
SHARES_AFTER = {(w,) for w in ("shares", "shareholders", "stockholders")}
# Words after a central bank's rate or facility named after a town: "the Lombard rate", "the
# Lombard emergency financing rate", "the 5.50 pct Lombard ceiling" (the Bundesbank's).
RATE_AFTER = {(w,) for w in ("rate", "rates", "emergency", "ceiling", "facility")}
# Words after a mining site's name, which is often a town's: "the Richmond Hill deposit".
SITE_AFTER = {(w,) for w in ("deposit", "deposits", "prospect", "prospects", "orebody")}
# Ores between a mining site's name and its word: "its Richmond Hill gold and silver deposit".
ORES = frozenset(
    ("gold", "silver", "copper", "zinc", "lead", "nickel", "uranium", "platinum", "tin", "coal")
)
# A word after a place's name that makes it a round of trade talks' ("the Uruguay round of
# GATT talks", "the Kennedy round"): an event, no place; or a group named after it ("the
# Cartagena group" of debtor countries, "the Santos group" of Santos Ltd).
ROUND_AFTER = {("round",), ("group",)}
# A currency's word after a place's name: "New Zealand dollars", "50 mln U.S. dlrs": what is
# paid in, not where ("payable in either New Zealand or U.S. dollars", St. Louis).
CURRENCY_AFTER = {(w,) for w in ("dollar", "dollars", "dlr", "dlrs", "cents", "cts")}
# "the Paris club" of creditor countries, "the London club" of banks: the body, no place.
CLUB_AFTER = {("club",)}
# An agreement's word after a city's name: "the Paris accord" on currencies, "the Louvre pact":
# named after where it was made, so the story is about the agreement, not the city (a
# country's is a party to it: "the Japan pact" on chips is about Japan).
ACCORD_AFTER = {(w,) for w in ("accord", "accords", "agreement", "pact", "communique")}
ACCORD_KINDS = frozenset({"currency", "monetary"})  # between the city and the accord
# "&" and foreign "and" after or before a name: it goes on ("Bank Mees & Hope", "Bank Mees en
# Hope NV"), so what the run holds is cut short.
GOES_ON = {(w,) for w in ("&", "en", "et", "e", "und")}
# Every word before a name that a rule reads: "in", "president", ...; "," for "Kidder,
# Peabody and Co", a name cut at its comma, and "/" for "MGM/UA Communications Co".
CUES_BEFORE = frozenset(
    w for (w,) in PERSON_CUE | PLACE_NEAR | FIRM_CUE | SHIP_CUE | ROLE_CUE | GOES_ON
)
CUES_BEFORE |= {",", "/"}
# Every word after a name that a rule reads: "state", "said", "canal", ...
CUES_AFTER = frozenset(
    w
    for (w,) in PLACE_AFTER
    | SAID
    | FEATURE_AFTER
    | BRAND_AFTER
    | SHARES_AFTER
    | RATE_AFTER
    | HOLIDAY_AFTER
    | SITE_AFTER
    | ROUND_AFTER
    | CURRENCY_AFTER
    | CLUB_AFTER
    | ACCORD_AFTER
    | FACILITY_AFTER
    | CHAINS_AFTER
)
CUES_AFTER |= EMPLOYER_CUE | {w for (w,) in GOES_ON} | {"/"}
ROLE_AFTER = TITLES | ROLES  # "Beryl Sprinkel, chairman of ..."
