"""Public tenders and the bid review that answers one among colleagues.

A tender is named by its procedure and its documents, in the languages the lexicon reads
(``kinds``): the invitation, the specification, the portal, the request for quotation.
A buyer's market consultation before it publishes is not read as the tender: the judges of
five sets want the account's tips there (docs/ranking-rounds.md, thirty-fifth round).
"""

from __future__ import annotations

from core.ranking.lexicon.cues import Facet, facet

TENDER: tuple[Facet, ...] = (
    facet(
        "kind:tender",
        "tender",
        """rfp, rfq, rfi, itt=, invitation to tender, tender*, bid, bids, bidding, bidder*,
        sole source, procurement portal,
        ausschreibung*, *ausschreibung, vergabe*, *vergabe, bieter*, submission deadline,
        angebotsfrist, leistungsverzeichnis, leistungsbeschreibung, verhandlungsverfahren*,
        aanbesteding*, *aanbesteding,
        anbud*, *anbud, upphandling*, *upphandling, udbud*, *udbud, konkurransegrunnlag*,
        tilbydere=, tilbyderne=, tilbudsgiver*, anbydere=, anbyderne=, bydende=, nota van
        inlichtingen, nota s van inlichtingen, konkurranse med forhandling,
        foerfragningsunderlag*, prequalification*, pre qualification*, praequalifikation*,
        prekvalifiser*, prekvalificer*,
        appel d offres, marche public, cahier des charges,
        dossier de consultation, soumission*,
        gara d appalto, gare d appalto, gara pubblica, gare pubbliche, appalto pubblico,
        appalti pubblici, bando di gara, bandi di gara, capitolat*, aggiudicazion*,
        licitacion*, concurso publico, concursos publicos, pliego*, adjudicacion*,
        caderno de encargos, licitacao*, licitacoes, adjudicacao*, adjudicacoes, consulta ao
        mercado,
        przetarg*, zamowieni* publiczn*, siwz=, swz=, postepowani* przetargow*,
        verejn* zakazk*, vyberov* rizeni, zadavac* dokumentac*, zadavac* rizeni, verejn*
        obstaravan*, verejn* sutaz*,
        kilpailutu*, tarjouskilpailu*, tarjouspyynn*, tarjoaja=, tarjoajat=, tarjoajan=,
        tarjoajien=, tarjoajille=, hankintayksik*, julkinen hankinta, julkiset hankinnat,
        julkisen hankinnan, hankintailmoitu*, tarjouspyyntoe*, riigihange*, riigihank*,
        hankedokumen*, hange=, hanked=, hankemenetlu*, koezbeszerzes*,
        ajanlatteteli felhivas*,
        ajanlatkeres*, licitatie*, licitatii*, achizitie publica, achizitii publice,
        achizitia publica, caiet de sarcini, caietul de sarcini, seap=, procedura de
        atribuire, procedura de atribuire,
        dce=, zapytani* ofertow*, zapytan* ofertow*, oferent*""",
    ),
    # A bid review decides, among colleagues, whether and how to answer a tender: its tips
    # are for that room, not for the customer's bidders' conference or clarification call
    # (``INTERNAL_KINDS``). "Go/no-go" alone is also a pilot's verdict with the customer.
    facet(
        "kind:bid_review",
        "bid review",
        """bid review*, bidreview*, bid no bid*, bid nobid*, bid or no bid, bid go no go,
        go no go bid*, bid decision*, bid approval*, bid board*, bid committee*,
        bid qualification*, bid sign off*, angebotsreview*, ausschreibungsreview*,
        anbudsgjennomgang*, anbudsgenomgang*,
        revue d offre*, revue de l offre, comite d offre*, revue go no go, decision go no
        go,
        revisione offerta, revisione dell offerta, riesame offerta, riesame dell offerta,
        comitato offerte,
        revision de oferta, revision de la oferta, comite de ofertas,
        revisao da proposta, revisao de proposta, comite de propostas,
        przeglad oferty przetargowej, decyzja o udziale w przetargu,
        tarjouskatselmointi*, tarjouksen katselmointi, tarjouksen katselmus, pakkumise
        uelevaatus, analiza ofertei, revizuirea ofertei""",
    ),
)
