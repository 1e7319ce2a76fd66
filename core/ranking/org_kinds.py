"""What kind of organisation a customer is, read from the tips written for it.

A partner or a dairy says so in its own account tips ("kind:partner", "industry:dairy")
when the meeting's title does not: a facet that at least half of an organisation's tips
have is the organisation's. The brief asks this twice per meeting, first whether every
known organisation that attends is a partner (then the customer it comes about is named
in the title), then what all the meeting's customers are; ``OrgKinds`` reads each
organisation's tips once for both.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from core.models import TipOrg, TipProfile
from core.ranking import lexicon

PARTNER = "kind:partner"
GROUPS = ("industry:", PARTNER)  # the facets that say what kind of organisation it is
SHARE = 0.5  # of an organisation's tips that must have the facet
MIN_TIPS = 1
STRENGTH = 0.5  # the facet's strength in the meeting's profile
TIPS_READ = 60  # the newest tips speak for an organisation

_Row = tuple[int, dict[str, float]]  # (tip id, its facets)


@dataclass
class OrgKinds:
    """Each organisation's newest tips' facets, read on first use."""

    session: Session
    # Organisations known to have no tips (attending, but not among the known customers).
    without_tips: set[str] = field(default_factory=set)
    _rows: dict[str, list[_Row]] = field(default_factory=dict)

    def of(self, names: set[str]) -> dict[str, float]:
        """Facets at least half of the newest tips written for any of ``names`` have."""
        newest = heapq.merge(*(self._read(name) for name in sorted(names)), key=lambda r: -r[0])
        rows = [facets for _, facets in newest][:TIPS_READ]
        if len(rows) < MIN_TIPS:
            return {}
        counts: dict[str, int] = {}
        for facets in rows:
            for name, strength in facets.items():
                if name.startswith(GROUPS) and strength >= 0.5 and name in lexicon.BY_NAME:
                    counts[name] = counts.get(name, 0) + 1
        least = max(MIN_TIPS, SHARE * len(rows))
        return {name: STRENGTH for name, count in counts.items() if count >= least}

    def all_partners(self, names: set[str]) -> bool:
        """Whether every one of ``names`` is a partner, each by its own tips.

        A reseller comes about a customer: "Licitación Valdeaurora - aclaraciones" with the
        reseller MedTec is the hospital's tender, and the hospital's tips belong there.
        """
        return all(PARTNER in self.of({name}) for name in names)

    def _read(self, name: str) -> list[_Row]:
        if name in self.without_tips:
            return []
        if name not in self._rows:
            found = self.session.exec(
                select(TipProfile.tip_id, TipProfile.facets)
                .join(TipOrg, col(TipOrg.tip_id) == TipProfile.tip_id)
                .where(TipOrg.org == name)
                .order_by(col(TipProfile.tip_id).desc())
                .limit(TIPS_READ)
            ).all()
            self._rows[name] = [(tip_id, dict(facets or {})) for tip_id, facets in found]
        return self._rows[name]
