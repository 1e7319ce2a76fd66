"""Kinds of meeting held among colleagues: forecast review, one-on-one, team meeting,
account planning, deal desk, interview.

They decide more than a tip's fit: with no one from outside, a meeting of one of these kinds
gets only the internal tips written for it (``lexicon.INTERNAL_KINDS``).
"""

from __future__ import annotations

from core.ranking.lexicon.cues import Facet, facet

INTERNAL: tuple[Facet, ...] = (
    facet(
        "kind:forecast",
        "forecast review",
        """forecast*, pipeline*, deal review*, deal durchsprache*, commit call, sales
        review,
        revenue review, revenue meeting*, revenue call*, numbers call, numbers review,
        deals at risk, at risk deals, deals a risque, affaires a risque, deals a rischio,
        trattative a rischio, deals en riesgo, oportunidades en riesgo,
        number call, zahlenrunde, zahlen call,
        umsatzrunde, prognose*, *prognose, umsatzplanung, *pipeline,
        prognos=,
        prevision*, previsionnel*, revue du pipe*, revue de pipe*, point pipe*, revue des
        affaires, point chiffres, revue des deals, revue de mes deals, revue de deals, point deals,
        previsioni di vendita, previsione di vendita, previsioni vendite, previsione
        vendite,
        prevision de ventas, previsiones de ventas,
        previsao de vendas, previsoes de vendas,
        prognoz*, lejek sprzedazy, lejka sprzedazy, przeglad lejka,
        lejek=,
        ennuste*, myyntiennuste*, prognoos*, mueuegiprognoos*, elorejelzes*, prognoza*,
        prognoza=""",
    ),
    facet(
        "kind:one_on_one",
        "one-on-one",
        """one on one, jour fixe, jourfixe, coaching, mitarbeitergespraech*,
        einzelgespraech*, personal development, entwicklungsgespraech*, with your manager,
        with my manager, skip level,
        medarbeidersamtale*, medarbetarsamtal*, medarbejdersamtale*,
        point individuel, entretien individuel, tete a tete, entretien annuel,
        one to one, colloquio individuale, incontro individuale, colloquio annuale,
        colloquio di valutazione,
        reunion individual, uno a uno, evaluacion anual,
        reuniao individual, conversa individual, avaliacao anual, avaliacao de desempenho,
        rozmowa indywidualna, spotkanie indywidualne, rozmowa roczna, ocena roczna, rozmowa
        oceniajaca,
        kehityskeskustelu*, arenguvestlus*, teljesitmenyertekeles*""",
    ),
    facet(
        "kind:team",
        "team meeting",
        """standup, stand up, team meeting, team sync, team weekly, weekly sync,
        daily sync*, daily scrum*, daily stand*, daily meeting*, daily call*, daily huddle*,
        team daily, retro, retrospective, teammeeting, teambesprechung,
        team runde, teamrunde, abteilungsmeeting, abteilungsrunde, vertriebsrunde,
        teamoverleg*, werkoverleg*,
        teammoete*, teammoede*, avdelingsmoete*, avdelningsmoete*, afdelingsmoede*,
        salgsmoete*,
        saeljmoete*, salgsmoede*,
        reunion d equipe, reunion equipe, reunion de l equipe, point d equipe, point equipe,
        reunion hebdo*, point hebdo*,
        reunion commerciale, reunion de service,
        riunione di team, riunione del team, riunione team, riunione settimanale, riunione
        commerciale, riunione vendite, riunione di reparto, riunione di allineamento,
        allineamento settimanale, allineamento team,
        reunion de equipo, reunion del equipo, reunion semanal, reunion comercial, reunion
        de ventas, reunion de departamento,
        reuniao de equipa, reuniao da equipa, reuniao de equipe, reuniao da equipe, reuniao
        semanal, reuniao comercial, reuniao de vendas, reuniao de departamento,
        spotkanie zespolu, spotkanie zespolowe, zebranie zespolu, odprawa handlowa, odprawa
        zespolu, poranna odprawa, odprawa tygodniowa, spotkanie dzialu,
        narada handlowa, spotkanie sprzedazowe, spotkanie tygodniowe, cotygodniowe spotkanie,
        porada obchod*, obchodni porad*, porada tym*, tymova porad*, porada oddeleni, porada vedeni,
        porada timu, timova porad*,
        myyntipalaveri*, tiimipalaveri*, viikkopalaveri*, myyntikokou*, osastokokou*,
        mueuegikoosolek*, meeskonnakoosolek*, iganaedalane koosolek, ertekesitesi
        megbeszeles*, csapatmegbeszeles*, heti megbeszeles*, heti ertekezlet*, ertekesitesi
        ertekezlet*, csapatertekezlet*, sedinta de vanzari, sedinta de vanzari, sedinta
        echipei, sedinta de echipa, sedinta saptamanala, sedinta saptamanala""",
        # A call on Microsoft Teams is no team meeting; "daily" alone is mostly an adjective in
        # a tip ("daily rates", "check the portal daily"), so only a daily meeting counts.
        unless="teams meeting*, microsoft teams, ms teams, teams call*, via teams, per teams",
    ),
    facet(
        "kind:planning",
        "account planning",
        """account plan*, territory plan*, planning, business plan*, strategy, strategie*,
        planung, planungsrunde*, planungsmeeting*, planungsgespraech*, planungstermin*,
        planungsworkshop*, accountplanung, kundenplanung, gebietsplanung, vertriebsplanung,
        absatzplanung, umsatzplanung, budgetplanung, jahresplanung, quartalsplanung,
        kapazitaetsplanung, mengenplanung, bedarfsplanung, strategieplanung,
        planlegging*, planering*, planlaegning*, strategi=, strategimoete*, strategimoede*,
        plan de compte*, planification*, plan d action commercial*, plan d affaires,
        pianificazion*, piano commerciale, piano vendite, piano account, strategia=,
        planificacion*, plan de cuenta*, plan comercial, plan de ventas, estrategia=,
        planeamento*, planejamento*, plano de conta*, plano comercial, plano de vendas,
        planowani*, plan sprzedazy, plan handlowy,
        planovani*, planovanie*, obchodni plan*, obchodny plan*,
        accountplan*,
        asiakassuunnitelm*, asiakassuunnittelu*, vuosisuunnittelu*, kliendiplaan*,
        uegyfelterv*, plan de cont, planificare=, planificarea=, planificari=, kontoplan=,
        kundeplan=, kundeplaner=,
        kontoplanlegging*, kundeplanlegging*, salgsplanlegging*, kontoplanering*,
        kundplanering*, saeljplanering*, kontoplanlaegning*, kundeplanlaegning*,
        salgsplanlaegning*""",
        # Planning one's own leave, trip or wedding is not planning work, nor is planning a
        # trade-fair stand (and the French "planning" is a schedule). (German compounds
        # in "-planung" are listed above: most plan a room, a building or a job, not accounts.)
        unless="""vacation planning, holiday planning, leave planning, travel planning,
        trip planning, wedding planning, party planning, partyplanung, feierplanung,
        stand planning, booth planning, event planning, trade fair planning,
        trade show planning, exhibition planning, planning salon*, planning du salon,
        planning de salon, planning stand*, planning du stand,
        pianificazione ferie, pianificazione delle ferie, pianificazione viaggi*,
        pianificazione del viaggio, pianificazione stand, pianificazione fiera,
        pianificazione della fiera,
        planificare concediu, planificarea concediului, planificare vacanta, planificarea
        vacantei, planificarea calatoriei, planificare nunta, planificarea nuntii,
        planificacion de vacaciones, planificacion del viaje, planificacion de la feria,
        planificacion del stand,
        planeamento de ferias, planeamento das ferias, planejamento de ferias, planeamento da
        viagem, planejamento da viagem, planeamento da feira, planejamento da feira,
        planeamento do stand, planejamento do stand,
        planowanie urlopu, planowanie wyjazdu, planowanie podrozy, planowanie stoiska,
        planowanie targow,
        planovani dovolen*, planovani cesty, planovani svatby, planovani stanku,
        planovanie dovolenk*, planovanie cesty, planovanie svadby, planovanie stanku""",
    ),
    # Sales asks colleagues to approve a price, a discount or a credit line: the deal desk, a
    # pricing or credit committee. Held without the customer, like a bid review, but its tips
    # ("get the deal desk's sign-off before the price talk") serve the customer meeting too,
    # so it is no internal kind (``scope.UNINVITED_KINDS``).
    facet(
        "kind:deal_desk",
        "deal desk",
        """deal desk*, dealdesk*, deal approval*, pricing approval*, price approval*,
        discount approval*, pricing committee*, credit committee*, angebotsfreigabe*,
        preisfreigabe*, rabattfreigabe*, margenfreigabe*, konditionsfreigabe*,
        konditionenfreigabe*, kalkulationsfreigabe*, freigabe rabatt*, freigabe der rabatt*,
        freigabe sonderkondition*, freigabe der sonderkondition*, kreditkomitee*,
        kreditausschuss*, kreditvorlage*,
        validation de remise*, validation des remises, validation des prix, validation
        tarifaire, comite de credit, comite des prix,
        approvazione sconto, approvazione sconti, approvazione prezzi, approvazione prezzo,
        approvazione offerta, comitato crediti, comitato prezzi,
        aprobacion de descuento*, aprobacion de precio*, comite de credito, comite de
        precios,
        aprovacao de desconto*, aprovacao de preco*, comite de precos,
        akceptacja rabatu, zatwierdzenie rabatu, zatwierdzenie ceny, akceptacja ceny, komitet
        kredytowy""",
    ),
    facet(
        "kind:interview",
        "interview",
        """interview*, candidate*, hiring, recruit*, bewerb*, vorstellungsgespraech*,
        einstellungsgespraech*,
        intervju*, rekrutter*, rekryter*,
        entretien d embauche, entretien de recrutement, candidat=, candidats=,
        recrutement*, embauche*,
        colloquio di lavoro, colloquio di selezione, colloqui di selezione, candidato=,
        candidati=, candidata=, selezione del personale,
        entrevista*, candidatos=, candidatas=, proceso de seleccion,
        processo de selecao, processo de recrutamento, recrutamento*,
        rozmowa kwalifikacyjna, rozmowa rekrutacyjna, rekrutacj*, kandydat*""",
    ),
)
