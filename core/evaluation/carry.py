"""Do the judgments carry from one meeting to another? The ceiling on feedback learning.

The feedback simulation (``sets.simulate_feedback``) marks the tips shown in each
set's earlier half by that meeting's judgment. Before building a learner that
carries those marks to other meetings, ask the judgments whether they carry at
all: for every tip shown in an earlier meeting that is also a finalist of a later
one, compare the mark it would get with the later meeting's judgment, grouped by
what the two meetings share (the series, the customer, a kind of meeting).

    python -m core.evaluation.carry tests/ranking/datasets/*.json

prints the table quoted in docs/ranking.md ("Do the judgments carry").
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from core.evaluation.sets import LoadedSet, chosen, loaded, shortlists
from core.ranking.brief import Shortlist
from core.ranking.learning import meeting_kinds
from core.ranking.scoring import DEFAULT, Params

RELATIONS = (
    "the series",
    "the customer, not the series",
    "a kind of meeting, not the customer",
    "nothing of these",
)
Counts = dict[tuple[str, bool], list[int]]  # (relation, marked helpful) → [pairs, later relevant]


def relation(earlier: Shortlist, later: Shortlist) -> str:
    if later.profile.series and later.profile.series == earlier.profile.series:
        return RELATIONS[0]
    if later.profile.orgs & earlier.profile.orgs:
        return RELATIONS[1]
    if set(meeting_kinds(later.profile)) & set(meeting_kinds(earlier.profile)):
        return RELATIONS[2]
    return RELATIONS[3]


def count_pairs(item: LoadedSet, params: Params, counts: Counts) -> None:
    """Add this set's (earlier mark, later finalist) pairs to ``counts``."""
    found = shortlists(item)
    shown = chosen(item, found, params)
    judged = item.judged
    earlier, later = item.halves()
    for key in later:
        there = found[key]
        if there is None or not judged[key]:
            continue
        finalists = {item.keys[c.tip.id or 0] for c in there.finalists}
        for before in earlier:
            here = found[before]
            if here is None:
                continue
            for tip in shown[before]:
                if tip in finalists:
                    pair = counts[(relation(here, there), tip in judged[before])]
                    pair[0] += 1
                    pair[1] += tip in judged[key]


def table(paths: list[Path], params: Params = DEFAULT) -> str:
    counts: Counts = defaultdict(lambda: [0, 0])
    for path in paths:  # one set at a time: each loads into its own throwaway database
        with loaded([path]) as sets:
            count_pairs(sets[0], params, counts)
    share = lambda c: f"{c[1] / c[0]:.2f}" if c[0] else "-"  # noqa: E731
    lines = [
        '| the two meetings share | "this helped" marks | later judged relevant '
        '| "not for this meeting" marks | later judged relevant |',
        "|---|---|---|---|---|",
    ]
    for name in RELATIONS:
        helped, not_here = counts[(name, True)], counts[(name, False)]
        lines.append(
            f"| {name} | {helped[0]} | {share(helped)} | {not_here[0]} | {share(not_here)} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table([Path(p) for p in sys.argv[1:]]))
