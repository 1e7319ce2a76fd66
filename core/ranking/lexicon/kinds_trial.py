"""Trying before buying: a pilot or field trial, and the samples, mock-ups or tastings that
the physical trades approve before an order.

Both are their own meetings with their own tips (agree the success criteria before the
trial starts; get the sample signed off), in every trade and language. ``kinds`` places
them among the kinds of customer meeting, after the security review.
"""

from __future__ import annotations

from core.ranking.lexicon.cues import Facet, facet

TRIAL: tuple[Facet, ...] = (
    facet(
        "kind:pilot",
        "pilot or trial",
        """pilot*, poc, proof of concept, trial, trials, test phase, testphase,
        teststellung*,
        *teststellung, erprobung*, probebetrieb, testinstallation,
        essai=, essais=, essai gratuit, phase de test, mise a l essai,
        periodo di prova, fase di test, fase di prova, prova gratuita,
        periodo de prueba, fase de prueba*, prueba gratuita,
        periodo de teste*, fase de teste*, teste gratuito, periodo experimental,
        pilotaz*, okres probny, faza testow*, wersja testowa, field test*, field trial*,
        feldversuch*, feldtest*, praxistest*, praxisversuch*, zkusebni provoz*, prova sul
        campo, prove sul campo, test sul campo, prueba de campo, pruebas de campo, prueba en
        campo, essai terrain, essais terrain, essai sur site, teste de campo, testes de campo,
        probn* spawan*, probn* produkcj*, probn* montaz*, testy u klienta, zkusebni*,
        zkousk* u zakaznik*, skusobn*, skusk* u zakaznik*, probauezem*, tesztuezem*,
        probagyartas*, perioada de proba, perioada de testare, productie de proba, koekaeytt*,
        koeajo*, kokeilujakso*, testijakso*, provkoerning*, testkoerning*, provperiod*,
        provdrift*, proevekjoering*, testperiode*, proeveperiode*, proevedrift*, *forsoek*,
        *forsoeg*, *foersoek*, proefperiode*, proefproject*, proefopstelling*,
        proefinstallatie*, *proef=, pokus=, pokusu=, pokusy=, pokusne*, krmny pokus*,
        polni pokus*, prueba industrial*, pruebas industriales, prueba en linea, pruebas en
        linea, prueba en maquina, pruebas en maquina, prueba de produccion, pruebas de
        produccion, prova in macchina, prove in macchina, prova industriale, prove
        industriali, prova di produzione, prove di produzione, prova in linea, prove in linea,
        teste industrial, testes industriais, ensaio industrial, ensaios industriais""",
    ),
    # Approving samples, a mock-up or a first print is its own step in the physical trades.
    facet(
        "kind:sampling",
        "samples or mock-up",
        """bemusterung*, *bemusterung, musterflaeche*, *musterflaeche, musterabnahme*,
        musterfreigabe*, erstmuster*, mock up, mockup*, sample approval*, sample review*,
        sampling, ppap, first article*, andruck*, proof approval*, probeverlegung*,
        echantillon*, validation des echantillons, bon a tirer,
        campionatur*, campioni=, approvazione campion*,
        muestras=, aprobacion de muestra*, maqueta*,
        amostra=, amostras=, aprovacao de amostra*,
        probki=, probek=, zatwierdzeni* probek,
        tasting*, *tasting, verkostung*, *verkostung, degustac*, degustat*, degustaz*,
        ochutnavk*, maistatu*, maistelu*, maitsmi*, proeverij*, *proeverij, smagning*, *smagning,
        provsmakning*, cata de*""",
    ),
)
