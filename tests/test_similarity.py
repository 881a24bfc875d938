"""Tests for newsarchive.similarity: terms, fingerprints, related, near-duplicates, clusters."""

from __future__ import annotations

import collections
import itertools
import json
import os
import pickle
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsarchive
from newsarchive.clusters import STORY_CAP, STORY_WINDOW_DAYS, clusters
from newsarchive.minhash import (
    NEAR_DUPLICATE_THRESHOLD,
    SIGNATURE_BINS,
    estimated_jaccard,
    fingerprint,
    near_duplicates,
)
from newsarchive.neighbour_table import Neighbour, NeighbourTable
from newsarchive.similarity import (
    SAME_STORY_THRESHOLD,
    max_df,
    pack_counts,
    related,
    related_with_scores,
    terms,
    unpack_counts,
)

SAMPLES = Path(__file__).resolve().parent / "fixtures" / "standins"
AFP = (SAMPLES / "001_mexico-army-culiacan.txt").read_text(encoding="utf-8")
REUTERS = (SAMPLES / "002_el-chapo-son-captured.txt").read_text(encoding="utf-8")
UNRELATED = {
    "football_derby": """Manchester City beat Liverpool 2-1 at the Etihad on Sunday to move three
        points clear at the top of the Premier League. Erling Haaland headed the opener from a
        corner before Mohamed Salah levelled early in the second half. Phil Foden scored the winner
        in stoppage time after a swift counter-attack. Pep Guardiola praised his midfield, while
        Jurgen Klopp complained about a late Liverpool goal disallowed for offside.""",
    "tennis_final": """Carlos Alcaraz won his first Wimbledon title, beating Novak Djokovic in five
        sets on Centre Court. The Spanish world number one recovered from losing the opening set and
        broke serve twice in the decider. Djokovic, chasing a record-equalling eighth title at the
        All England Club, smashed his racket against the net post. The crowd gave both players a
        standing ovation after nearly five hours of tennis.""",
    "heatwave_europe": """Temperatures soared above 40 degrees Celsius across southern Europe as a
        heatwave tightened its grip on Italy, Spain and Greece. Meteorologists warned that the hot
        spell, driven by an anticyclone from North Africa, could last into next week. Hospitals in
        Rome reported a rise in heatstroke, and authorities in Athens closed the Acropolis during
        the afternoon. Firefighters battled wildfires on Rhodes, where tourists were evacuated.""",
    "hurricane_florida": """Hurricane Idalia made landfall on Florida's Gulf Coast as a category
        three storm, bringing winds of 125 miles per hour and a dangerous storm surge. Forecasters
        at the National Hurricane Center urged residents of low-lying coastal areas to evacuate.
        More than 250,000 homes lost power, and flooding submerged streets in Tampa. The governor
        said rescue crews would search flooded neighbourhoods once the winds dropped.""",
    "ecb_rates": """The European Central Bank raised its key interest rate by a quarter of a
        percentage point, its tenth consecutive increase, as it tries to bring eurozone inflation
        back to its two percent target. Christine Lagarde told a news conference in Frankfurt that
        policymakers had not decided whether rates had peaked. The euro fell against the dollar
        after the announcement, while bond yields edged lower.""",
    "oil_prices": """Oil prices climbed to their highest level in ten months after Saudi Arabia and
        Russia extended their voluntary cuts to crude production until the end of the year. Brent
        futures rose above 90 dollars a barrel, and analysts warned that tighter supply could push
        fuel prices higher this winter. Shares in energy companies rose in London and New York,
        while airline stocks fell on concerns about jet fuel costs.""",
    "jobs_report": """American employers added 187,000 jobs in August, slightly more than
        economists had expected, while the unemployment rate rose to 3.8 percent as more people
        looked for work. Wage growth slowed, easing pressure on the Federal Reserve. Hiring was
        strongest in health care, leisure and construction, the Labor Department said. Stocks on
        Wall Street rose after the report, and Treasury yields fell.""",
    "italy_mafia_arrest": """Italian police arrested Matteo Messina Denaro, the country's most
        wanted Mafia boss, at a private clinic in Palermo, ending three decades on the run.
        Carabinieri officers surrounded the clinic and detained him without a struggle. Messina
        Denaro had been convicted in his absence of the 1992 bombings that killed the prosecutors
        Giovanni Falcone and Paolo Borsellino. Prime Minister Giorgia Meloni called the arrest a
        great victory for the state, and investigators searched his hideout in Sicily.""",
    "brazil_gang_raid": """Brazilian police killed at least 16 suspected gang members during a raid
        on a favela in Rio de Janeiro, officials said. Hundreds of officers backed by armoured
        vehicles and helicopters entered the Vila Cruzeiro community before dawn, sparking hours of
        gunfire. Residents said schools and clinics were closed and buses stopped running. Human
        rights groups condemned the violence, while the state governor defended the police.""",
    "moon_landing": """India landed a spacecraft near the south pole of the Moon, becoming the first
        country to reach the unexplored region. The Chandrayaan-3 lander touched down shortly after
        six in the evening, and scientists at mission control in Bengaluru erupted in cheers. The
        rover will study the lunar surface for two weeks, searching for frozen water. Prime
        Minister Narendra Modi said the success belonged to all of humanity.""",
    "vaccine_approval": """Regulators approved an updated vaccine against the latest coronavirus
        variants, clearing the way for a vaccination campaign this autumn. Health officials
        recommended the shots for everyone aged six months and older, and pharmacies will offer them
        within days. Hospital admissions have risen over the summer. Doctors urged older people and
        those with weakened immune systems to get vaccinated before the flu season.""",
    "cannes_festival": """The French courtroom drama Anatomy of a Fall won the Palme d'Or at the
        Cannes Film Festival, making Justine Triet the third woman to take the top prize. The jury,
        led by the Swedish director Ruben Östlund, praised the film's performances. In her speech
        Triet criticised the government's pension reform. The Grand Prix went to The Zone of
        Interest, a Holocaust drama by the British director Jonathan Glazer.""",
    "bavaria_election": """Voters in the German state of Bavaria handed the Christian Social Union a
        narrow victory in regional elections, though the party recorded its worst result in more
        than seventy years. The far-right Alternative for Germany made strong gains, while the
        Greens and the Social Democrats lost ground. Chancellor Olaf Scholz said the results were a
        signal for his coalition in Berlin to focus on migration and the economy.""",
}
CORPUS = [AFP, REUTERS, *UNRELATED.values()]
AFP_EDITED = AFP.replace("set off hours of violence", "set off a night of violence").replace(
    "for information leading to his arrest", "for his capture"
)


def shingle_jaccard(first: str, second: str) -> float:
    """Return the exact Jaccard similarity of two texts' 3-word shingle sets."""

    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}

    a, b = shingles(first), shingles(second)
    return len(a & b) / len(a | b)


# terms


def test_terms_fold_case_and_accents() -> None:
    assert terms("Joaquín GUZMÁN López, Culiacán") == ("joaquin", "guzman", "lopez", "culiacan")


def test_terms_drop_stop_words_numbers_and_wire_credits() -> None:
    assert terms("The 3 men were arrested in 2019, AFP / STR reported (Reuters).") == (
        "men",
        "arrested",
        "reported",
    )


def test_terms_split_on_non_ascii_punctuation() -> None:
    assert terms("café—bar “quoted” it’s naïve Straße Øresund") == (
        "cafe",
        "bar",
        "quoted",
        "naive",
        "strasse",
        "oresund",
    )


def test_terms_keep_words_of_other_scripts() -> None:
    assert terms("Москва, 東京。") == ("москва", "東京")


def test_terms_of_empty_text_are_empty() -> None:
    assert terms("") == ()
    assert terms("  2019 -- the  ") == ()


def test_terms_pickle_with_repeats_shared() -> None:
    result = terms("Guzman said Guzman and Guzman")
    assert result == ("guzman", "guzman", "guzman")
    copy = pickle.loads(pickle.dumps(result))
    assert copy == result
    assert len({id(word) for word in copy}) == 1  # pickled once, referenced thrice


def test_packed_counts_group_terms_by_count_and_unpack_to_the_same_counts() -> None:
    words = terms("Guzman met Guzman and Guzman, police met army")
    packed = pack_counts(words)
    assert packed == "1 police army\t2 met\t3 guzman"
    assert unpack_counts(packed) == collections.Counter(words)
    assert unpack_counts("") == {} and pack_counts(()) == ""


def test_related_is_the_same_from_counts_or_packed_strings_as_from_words() -> None:
    docs = [terms(text) for text in (AFP, AFP + " cartel", "cartel police army", "army police")]
    from_words = related_with_scores(docs, 3)
    assert any(from_words)
    counted = [unpack_counts(pack_counts(doc)) for doc in docs]
    assert related_with_scores(counted, 3) == from_words
    assert related_with_scores([pack_counts(doc) for doc in docs], 3) == from_words


# fingerprint


def test_fingerprint_has_one_small_int_per_bin() -> None:
    signature = fingerprint(AFP)
    assert len(signature) == SIGNATURE_BINS
    assert all(0 <= value < 256 for value in signature)
    assert len(set(signature)) > 32


def test_fingerprint_ignores_case_accents_and_punctuation() -> None:
    assert fingerprint("Culiacán, Sinaloa — “state”!") == fingerprint("culiacan sinaloa state")


def test_fingerprint_of_empty_text_is_empty() -> None:
    assert fingerprint("") == ()
    assert fingerprint(" ... ") == ()


def test_fingerprint_of_one_word_is_full_width() -> None:
    assert len(fingerprint("Culiacán")) == SIGNATURE_BINS
    assert fingerprint("Culiacán") != fingerprint("Sinaloa")


# related


def test_sample_articles_list_each_other_first() -> None:
    rows = related([terms(text) for text in CORPUS], 5)
    assert rows[0][0] == 1
    assert rows[1][0] == 0


def test_related_never_lists_a_doc_itself() -> None:
    rows = related([terms(text) for text in CORPUS], len(CORPUS))
    assert all(doc not in row for doc, row in enumerate(rows))
    assert all(len(set(row)) == len(row) for row in rows)


def test_related_respects_k() -> None:
    docs = [terms(text) for text in CORPUS]
    for k in (0, 1, 3):
        assert all(len(row) <= k for row in related(docs, k))
    assert max(len(row) for row in related(docs, 3)) == 3


def test_related_scores_are_best_first_with_ties_to_the_lower_index() -> None:
    docs = [("storm", "flood"), ("storm", "flood"), ("storm", "wind"), ("storm", "flood")]
    rows = related_with_scores(docs, 3)
    assert [n.doc for n in rows[0]] == [1, 3, 2]
    assert rows[0][0].score == pytest.approx(rows[0][1].score)
    assert rows[0][0].score > rows[0][2].score > 0.0


def test_related_handles_empty_and_one_word_docs() -> None:
    docs = [(), ("storm",), ("storm",), ("flood",), ()]
    assert related(docs, 3) == [(), (2,), (1,), (), ()]


def test_related_ignores_terms_in_more_than_max_df_docs() -> None:
    docs = [("common", f"only{doc}") for doc in range(10)] + [("common", "pair"), ("pair",)]
    assert max_df(len(docs)) < 12
    rows = related(docs, 3)
    assert rows[:10] == [()] * 10
    assert rows[10:] == [(11,), (10,)]


def test_related_of_no_docs_or_only_empty_docs_is_empty() -> None:
    assert related([], 5) == []
    assert related([(), ()], 5) == [(), ()]


def test_related_rejects_negative_k() -> None:
    with pytest.raises(ValueError, match="k must be 0 or more"):
        related([("storm",)], -1)


# near-duplicates


def test_edited_copy_is_a_near_duplicate_with_its_estimate() -> None:
    pairs = near_duplicates([fingerprint(text) for text in [*CORPUS, AFP_EDITED]])
    assert [(i, j) for i, j, _ in pairs] == [(0, len(CORPUS))]
    estimate = pairs[0][2]
    assert NEAR_DUPLICATE_THRESHOLD <= estimate < 1.0
    assert estimate == pytest.approx(shingle_jaccard(AFP, AFP_EDITED), abs=0.08)


def test_sample_articles_are_not_near_duplicates() -> None:
    assert near_duplicates([fingerprint(AFP), fingerprint(REUTERS)]) == []
    assert estimated_jaccard(fingerprint(AFP), fingerprint(REUTERS)) < 0.1


def test_identical_texts_estimate_one() -> None:
    assert near_duplicates([fingerprint(AFP), fingerprint(AFP)]) == [(0, 1, 1.0)]


def test_every_pair_of_a_duplicate_group_is_reported() -> None:
    signatures = [fingerprint(AFP), fingerprint(REUTERS), fingerprint(AFP), fingerprint(AFP)]
    assert near_duplicates(signatures) == [(0, 2, 1.0), (0, 3, 1.0), (2, 3, 1.0)]


def test_signatures_kept_as_bytes_give_the_same_pairs_as_tuples() -> None:
    texts = [*CORPUS, AFP_EDITED, AFP]
    as_tuples = [fingerprint(text) for text in texts]
    as_bytes = [bytes(signature) for signature in as_tuples]  # as the loader keeps them
    assert near_duplicates(as_bytes) == near_duplicates(as_tuples)
    assert len(near_duplicates(as_bytes)) == 3  # the edited copy, the copy, and each other


def test_near_duplicates_skip_empty_signatures() -> None:
    assert near_duplicates([(), fingerprint(""), ()]) == []


def test_near_duplicates_reject_mixed_lengths() -> None:
    with pytest.raises(ValueError, match=r"signatures have lengths \[2, 128\]"):
        near_duplicates([fingerprint(AFP), (1, 2)])


def test_near_duplicates_reject_a_threshold_out_of_range() -> None:
    with pytest.raises(ValueError, match="threshold must be in"):
        near_duplicates([fingerprint(AFP)], threshold=0.0)


# clusters


def test_sample_articles_share_a_cluster_that_nothing_else_joins() -> None:
    ids = clusters(related_with_scores([terms(text) for text in CORPUS], 10))
    assert ids[0] == ids[1] == 0
    assert all(cluster != 0 for cluster in ids[2:])


def test_cluster_id_is_the_smallest_member() -> None:
    neighbours = [(), (Neighbour(3, 0.9),), (), (Neighbour(0, 0.5),), ()]
    assert clusters(neighbours) == [0, 0, 2, 0, 4]


def test_clusters_ignore_links_below_the_threshold() -> None:
    weak = SAME_STORY_THRESHOLD / 2
    assert clusters([(Neighbour(1, weak),), (Neighbour(0, weak),)]) == [0, 1]
    assert clusters([(Neighbour(1, weak),), ()], threshold=weak) == [0, 0]


def test_a_chain_of_pairwise_links_does_not_grow_one_story() -> None:
    # each doc links only to the next: no doc of a longer run is linked to most of the others
    chain = [
        tuple(Neighbour(other, 0.9) for other in (doc - 1, doc + 1) if 0 <= other < 12)
        for doc in range(12)
    ]
    sizes = collections.Counter(clusters(chain))
    assert max(sizes.values()) <= 3


def test_a_story_holds_at_most_the_cap() -> None:
    size = STORY_CAP * 3
    everyone = [
        tuple(Neighbour(other, 0.9) for other in range(size) if other != doc) for doc in range(size)
    ]
    sizes = collections.Counter(clusters(everyone))
    assert max(sizes.values()) == STORY_CAP


def test_a_story_stays_within_its_time_window() -> None:
    pair = [(Neighbour(1, 0.9),), (Neighbour(0, 0.9),)]
    assert clusters(pair, days=[100.0, 100.0 + STORY_WINDOW_DAYS]) == [0, 0]
    assert clusters(pair, days=[100.0, 101.0 + STORY_WINDOW_DAYS]) == [0, 1]
    assert clusters(pair, days=[100.0, None]) == [0, 0]


# determinism


def test_results_are_the_same_under_other_hash_seeds() -> None:
    script = """if True:
        import json, sys
        from newsarchive.clusters import *
        from newsarchive.minhash import *
        from newsarchive.similarity import *
        texts = json.load(sys.stdin)
        neighbours = related_with_scores([terms(t) for t in texts], 5)
        signatures = [fingerprint(t) for t in texts]
        print(json.dumps([list(neighbours), signatures, near_duplicates(signatures),
                          clusters(neighbours)], default=lambda n: [n.doc, n.score]))
        """
    texts = [*CORPUS, AFP_EDITED]
    source = str(Path(newsarchive.__file__).resolve().parent.parent)
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": source},
        ).stdout
        for seed in ("1", "2", "random")
    }
    assert len(outputs) == 1
    neighbours, signatures, pairs, ids = json.loads(outputs.pop())
    expected = related_with_scores([terms(text) for text in texts], 5)
    assert neighbours == [[[n.doc, n.score] for n in row] for row in expected]
    assert signatures == [list(fingerprint(text)) for text in texts]
    assert ids == clusters(expected)
    assert pairs == [list(pair) for pair in near_duplicates([fingerprint(t) for t in texts])]


# scale


def synthetic_corpus(n: int, seed: int = 7) -> tuple[list[str], list[tuple[int, int]]]:
    """Return n generated ~120-word articles and the (source, copy) near-duplicate pairs planted."""
    rng = random.Random(seed)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    vocabulary = sorted({"".join(rng.choices(syllables, k=3)) for _ in range(30_000)})
    rng.shuffle(vocabulary)
    background, names = vocabulary[:20_000], vocabulary[20_000:]
    zipf = list(itertools.accumulate(1 / rank for rank in range(1, len(background) + 1)))
    stories = [rng.sample(names, 8) for _ in range(n // 3)]
    texts: list[str] = []
    planted: list[tuple[int, int]] = []
    for index in range(n):
        if index % 100 == 99:
            words = texts[index - 1].split()
            for position in rng.sample(range(len(words)), 2):
                words[position] = rng.choice(background)
            planted.append((index - 1, index))
        else:
            words = rng.choices(["the", "of", "said", "and", "in", "was", "2023"], k=40)
            words += rng.choices(background, cum_weights=zipf, k=60)
            words += rng.choices(rng.choice(stories), k=20)
            rng.shuffle(words)
        texts.append(" ".join(words))
    return texts, planted


def test_twenty_thousand_docs_are_linked_sanely() -> None:
    texts, planted = synthetic_corpus(20_000)
    docs = [terms(text) for text in texts]
    neighbours = related_with_scores(docs, 10)
    pairs = near_duplicates([fingerprint(text) for text in texts])
    ids = clusters(neighbours)

    assert len(neighbours) == len(ids) == len(texts)
    for doc, row in enumerate(neighbours):
        assert 0 < len(row) <= 10
        assert all(0 <= n.doc < len(texts) and n.doc != doc for n in row)
        assert [n.score for n in row] == sorted((n.score for n in row), reverse=True)
    found = {(i, j) for i, j, _ in pairs}
    assert set(planted) <= found
    assert all(i < j and NEAR_DUPLICATE_THRESHOLD <= estimate <= 1.0 for i, j, estimate in pairs)
    assert all(neighbours[copy][0].doc == source for source, copy in planted)
    assert all(ids[source] == ids[copy] for source, copy in planted)
    assert all(ids[ids[doc]] == ids[doc] <= doc for doc in range(len(ids)))
    sizes = collections.Counter(ids)
    assert len(sizes) > len(texts) // 10
    assert max(sizes.values()) < 100  # stories of a few docs each, not one chained blob


def test_a_neighbour_table_reads_as_the_rows_it_was_made_of() -> None:
    # more rows than the table reads at once when iterated, rows of every length, empty ones
    rows = [
        tuple(Neighbour((doc * 7 + n) % 2500, 1.0 / (n + 1 + doc % 3)) for n in range(doc % 4))
        for doc in range(2500)
    ]
    table = NeighbourTable.of(rows)
    assert len(table) == 2500 and list(table) == rows and table == rows
    assert table[5] == rows[5] and table[-1] == rows[-1] and table[4:9] == rows[4:9]
    assert table != rows[:-1] and table != [*rows[:-1], (Neighbour(0, 0.5),)]
    with pytest.raises(IndexError):
        table[2500]
    assert NeighbourTable.of(table) is table
