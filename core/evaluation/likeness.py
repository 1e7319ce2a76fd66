"""Does the embedding tell relevant tips from the rest within one language? Per language.

``core.ranking.language`` counts the embeddings' likeness of a meeting and a tip written in
one language only when the encoder reads that language (``UNDERSTOOD``): within a language
it lacks, every text looks like every other, because they share unfamiliar word pieces,
not meaning. Which languages it reads is measured here, not assumed: for every finalist
of every judged meeting, the cosine of meeting and tip, grouped by the pair's language
(both in one language, or "cross"), and the AUC of the cosines of the tips judged relevant
against those judged not (0.5: the likeness says nothing; 1.0: it separates them). The
mean cosines show the other half of the harm: a language the encoder lacks lifts every
same-language tip alike, above the tips written in another language.

    python -m core.evaluation.likeness tests/ranking/datasets/*.json

prints the table quoted in docs/ranking.md ("Meaning"). About ten minutes for two hundred
sets on one core.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from pathlib import Path

import numpy as np

from core.evaluation.sets import LoadedSet, loaded, shortlists
from core.ranking.language import UNDERSTOOD

Cosines = dict[str, tuple[list[float], list[float]]]  # language → (relevant, not relevant)
CROSS = "cross"


def add_pairs(item: LoadedSet, cosines: Cosines) -> None:
    """Add the set's (meeting, finalist) cosines to ``cosines``, by the pair's language."""
    for key, found in shortlists(item).items():
        judged = item.judged[key]
        if found is None or not judged:
            continue  # a quiet meeting has no relevant tip to tell apart
        for candidate in found.finalists:
            if candidate.vector is None:
                continue
            same = found.profile.language == candidate.language and candidate.language
            group = cosines[candidate.language if same else CROSS]
            relevant = item.keys[candidate.tip.id or 0] in judged
            group[0 if relevant else 1].append(float(np.dot(found.vector, candidate.vector)))


def auc(relevant: list[float], other: list[float]) -> float | None:
    """The chance that a relevant pair's cosine is above another's (ties count half)."""
    if not relevant or not other:
        return None
    ranked = sorted(other)
    above = sum(bisect_left(ranked, c) + (bisect_right(ranked, c) - bisect_left(ranked, c)) / 2
                for c in relevant)  # fmt: skip
    return above / (len(relevant) * len(ranked))


def table(paths: list[Path]) -> str:
    cosines: Cosines = defaultdict(lambda: ([], []))
    for path in paths:  # one set at a time: each loads into its own throwaway database
        with loaded([path]) as sets:
            add_pairs(sets[0], cosines)
    lines = [
        "| language | read | relevant pairs | other pairs | AUC | mean cosine, relevant / other |",
        "|---|---|---|---|---|---|",
    ]
    for name, (relevant, other) in sorted(cosines.items(), key=lambda kv: -sum(map(len, kv[1]))):
        found = auc(relevant, other)
        read = "-" if name == CROSS else ("yes" if name in UNDERSTOOD else "no")
        mean = lambda xs: f"{sum(xs) / len(xs):.2f}" if xs else "-"  # noqa: E731
        lines.append(
            f"| {name} | {read} | {len(relevant)} | {len(other)} | "
            f"{'-' if found is None else f'{found:.3f}'} | {mean(relevant)} / {mean(other)} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table([Path(p) for p in sys.argv[1:]]))
