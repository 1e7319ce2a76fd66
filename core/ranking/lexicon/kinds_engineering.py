"""The engineering meeting with a customer: a technical clarification or a design review.

Wherever a seller builds to the customer's order (moulds, pumps, machines, stands,
signalling, water plants) the engineers of both sides meet to settle the design before it
is built: "Technische Klärung", "DFM review", "design freeze", "revue technique", "riunione
tecnica". Its tips are their own (get the design signed off, put a price on every change,
fix the interfaces early); the lexicon read no kind there, so only shared words found them.

A "technical" alone is no kind (a technical buyer, a technical question, a tech stack), nor
is a review alone: the cues name the meeting. A design review among colleagues is an
internal meeting like any other customer kind held without the customer.
"""

from __future__ import annotations

from core.ranking.lexicon.cues import Facet, facet

ENGINEERING: tuple[Facet, ...] = (
    facet(
        "kind:technical",
        "technical clarification or design review",
        """technical clarification*, technical meeting*, technical review*, tech review*,
        technical workshop*, tech workshop*, technical alignment*, technical deep dive*,
        tech deep dive*, architecture review*, architekturreview*, design review*, designreview*,
        design freeze*, designfreeze*, design sign off*, dfm=, drawing review*,
        drawing approval*, engineering review*, spec review*, specification review*,
        technische klaerung*, techn klaerung*, technischen klaerung*, technische abstimmung*,
        technikabstimmung*, technische besprechung*, technikbesprechung*, technischer workshop*,
        technik workshop*, konstruktionsbesprechung*, konstruktionsreview*,
        konstruktionsfreigabe*, zeichnungsfreigabe*, zeichnungspruefung*,
        technisch overleg*, technische afstemming*, ontwerpreview*, ontwerpbespreking*,
        teknisk avklaring*, tekniskt moete*, teknisk moete*, tekniske moete*, teknisk
        gennemgang*, teknisk gjennomgang*, teknisk genomgang*, tekniska genomgang*,
        designgennemgang*, designgjennomgang*,
        clarification technique*, clarifications techniques, reunion technique*, revue
        technique*, revue de conception*, revue de design*, point technique*, atelier
        technique*,
        riunione tecnica, riunioni tecniche, chiarimento tecnico, chiarimenti tecnici,
        incontro tecnico, incontri tecnici, tavolo tecnico, revisione del progetto,
        reunion tecnica, reuniones tecnicas, aclaracion tecnica, aclaraciones tecnicas,
        revision de diseno*, revision tecnica, taller tecnico, talleres tecnicos, workshop
        tecnico, workshops tecnicos,
        reuniao tecnica, reunioes tecnicas, esclarecimento tecnico, esclarecimentos
        tecnicos, revisao de projeto*, revisao de design*, revisao tecnica,
        spotkanie techniczne, spotkania techniczne, uzgodnienia techniczne, przeglad projektu,
        technicka schuzka, technicke vyjasneni, tekninen palaveri*, tekninen katselmointi*,
        suunnittelukatselmu*, muszaki egyeztetes*, sedinta tehnica""",
    ),
)
