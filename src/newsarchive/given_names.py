"""Given names that tell a person's name: the US census lists of the `names` package and common
names of the world's news, less those that are more often words or places in news text.
"""

from __future__ import annotations

import functools
import importlib.resources

from .entity_words import CALENDAR, GIVEN_MONTHS, STOP


def _words(text: str) -> frozenset[str]:
    """Return the lowercased words of a word-list literal."""
    return frozenset(text.lower().split())


FIRST_NAMES = _words("""john james michael david robert william richard joseph thomas charles
mark paul peter george steven stephen andrew daniel matthew anthony donald joe barack bill mike
tom tony boris vladimir xi emmanuel angela olaf justin rishi keir narendra recep benjamin
volodymyr jair luiz andrés andres manuel felipe enrique carlos juan josé jose luis jorge miguel
pedro francisco antonio alejandro fernando javier ricardo roberto rafael sergio eduardo joaquín
joaquin ovidio jesús jesus maría maria ana carmen claudia marcelo gabriela rosa elena isabel
mohammed muhammad mohamed ahmed ali hassan hussein omar abdul abdullah khalid ibrahim yusuf
mustafa ismail ivan sergei dmitry alexei olga anna elizabeth mary sarah jennifer linda susan
margaret emma olivia sophie laura julia catherine kate jane nicola ursula marine giorgia nicolas
jean pierre françois jacques marie hans karl wolfgang kim shinzo fumio jacinda scott malcolm
theresa liz jeremy nancy mitch chuck ron ted elon jeff warren bernie kamala hillary victoria""")
# Common given names of the world's news (the US census names below are mostly English).
WORLD_NAMES = _words("""nigel gerhard helmut yasuhiro kiichi satoshi noboru hajime jacques
francois françois edouard édouard valery valéry lionel alain michel jean-claude jean-pierre
jean-marie dominique laurent nicolas ségolène segolene wim ruud frans willy wilfried jean-luc
karl-otto otto hans-dietrich ignaz klaus franz manfred jürgen jurgen gerd horst heinz rudolf
wolfgang norbert martin theo ursula angela gerhard kurt bernd uwe dieter yasuo ryutaro shinzo
junichiro taro toshiki tomiichi morihiro keizo hashimoto masao masaru akio yoshio takeshi
kazuo hiroshi ichiro koichi zhao deng li wang hu jiang wen mikhail boris nikolai eduard yegor
andrei viktor vladimir dmitry dmitri sergei igor yuri gennady yevgeny mikhail leonid nursultan
lech wojciech tadeusz vaclav václav jozef giulio giovanni bettino ciriaco carlo silvio romano
massimo giuliano felipe josé jose luiz fernando lula anibal aníbal mario raul raúl carlos
alan rajiv indira narendra manmohan atal benazir nawaz pervez imran zia hosni anwar mahathir
lee goh suharto corazon fidel ernesto hugo evo nestor néstor cristina dilma michelle hillary
bill tony gordon margaret neville ken nigel norman geoffrey denis leon malcolm douglas robin
ruhollah akbar hashemi ali mahmoud hassan mohammad mohammed muammar saddam yasser hafez
bashar yitzhak shimon benjamin ariel ehud menachem golda nelson thabo jacob kofi boutros
ban javier perez ayman osama abu kim jong hun recep turgut bulent bülent kemal tansu""")
# Given names that are much more often English words, places or something else in news text.
_NOT_GIVEN = _words("""will may june april august rose grace hope faith joy ruby
pearl iris lily ivy royal major rich king price young long sterling chase grant
miles cliff bud sherman jordan israel dallas austin houston georgia florence
sydney paris chelsea virginia carolina lincoln washington jackson madison chandler hunter
taylor wilson marshall clark lewis morgan stanley ford lloyd lloyds barclay du pont dow
christian angel rich sun china india asia summer autumn winter
dawn sky crystal star golden amber marine fair ruth""")


@functools.cache
def first_names() -> frozenset[str]:
    """Return given names, lowercased: the common US census ones and common world ones."""
    census = importlib.resources.files("names")
    found: set[str] = set()
    for file, count in (("dist.male.first", 600), ("dist.female.first", 600)):
        lines = (census / file).read_text(encoding="ascii").splitlines()[:count]
        found.update(line.split()[0].lower() for line in lines if line.strip())
    months = CALENDAR - {m.lower() for m in GIVEN_MONTHS}  # "Jan de Vries"
    return frozenset((found | FIRST_NAMES | WORLD_NAMES) - _NOT_GIVEN - STOP - months)


@functools.cache
def census_surnames() -> frozenset[str]:
    """Return the US census surnames, lowercased (88,799: "anderson", "andersen" and "nielsen"
    among them)."""
    census = importlib.resources.files("names")
    lines = (census / "dist.all.last").read_text(encoding="ascii").splitlines()
    return frozenset(line.split()[0].lower() for line in lines if line.strip())
