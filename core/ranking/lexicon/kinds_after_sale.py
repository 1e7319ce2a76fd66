"""Kinds of customer meeting on site and after the sale (site survey, installation, training,
support, service, retrofit) and events such as trade fairs.

Written like every cue in the lexicon: the commonest wording per language, from general
knowledge of how such meetings are named (``cues`` says how a cue is matched).
"""

from __future__ import annotations

from core.ranking.lexicon.cues import Facet, facet

AFTER_SALE: tuple[Facet, ...] = (
    # Surveying the customer's site before an offer or a job: walking it, measuring it,
    # taking stock of what is there. An on-site meeting of its own kind (its tips: what to
    # measure, what to photograph, what to wear), not every visit: a "visit" is only in
    # person, but a "site visit" goes to see the site.
    facet(
        "kind:site_survey",
        "site survey",
        """site survey*, survey visit*, technical survey*, site assessment*, site walk*,
        site visit=, site visits=, visita ao local, visita al sitio,
        walk round*, walkround*, walkaround*, shop walk*, store walk*, depot walk*, plant walk*,
        begehung*, *begehung, aufmass*, *aufmass, bestandsaufnahme*, ortstermin*,
        vor ort termin*, ortsbesichtigung*, befaring*, *befaring, inmeting*, opmeting*,
        visite technique*, releve sur site, releves sur site, prise de cotes, prise de
        mesures,
        sopralluog*, rilievo misure, rilievi misure, presa misure, presa delle misure,
        rilievo in cantiere,
        visita tecnica, toma de medidas, levantamiento de medidas, replanteo*,
        levantamento no local, levantamento de medidas, medicoes no local, vistoria*,
        wizja lokalna, wizji lokalnej, wizje lokalne, obmiar*, pomiary na miejscu, oglednin*,
        ogledziny, ogledzin=, besigtigelse*, *besigtigelse, platsbesiktning*, opmaling*,
        oppmaling*, uppmaetning*,
        obhlidk*, obhliadk*, prohlidk* mist*, prohliadk* miest*,
        kohdekaeynti*, tyoemaakaeynti*, mittauskaeynti*, kartoituskaeynti*, katselmu*,
        objekti uelevaatus*, objektikuelastus*, asukoha uelevaatus*, asukohtade
        uelevaatus*, koha uelevaatus*, paikvaatlus*, helyszini bejaras*, helyszini szemle*,
        helyszinbejaras*, helyszini felmeres*, releveu*, inspectie la fata locului, evaluare
        la fata locului, obchod hal*, obchod zaklad*, obchod po hal*, obchod po zaklad*,
        prohlidk* provoz*, prohlidk* hal*, prohlidk* zavod*, prehliadk* prevadzk*,
        prehliadk* hal*, prohlidk* strojovn*, prehliadk* strojovn*, uezembejaras*, bejaras*,
        *bejaras""",
        # A car's inspection in Latvian and Lithuanian (``baltic``) is an errand.
        unless="tehniska apskate*, auto apskate*, technine apziur*",
    ),
    facet(
        "kind:installation",
        "installation",
        """install=, installs=, installed=, installing=, installation*, installatie*,
        installier*, commissioning, site acceptance, factory acceptance, fat=,
        acceptance test, handover, hand over, inbetriebnahme*, *inbetriebnahme, ibn=,
        aufbau, montage, *montage, abnahme*, *abnahme, uebergabe*, *uebergabe,
        inbetriebsetzung*, *inbetriebsetzung,
        site meeting, construction site, construction meeting, baustelle*, *baustelle,
        baubesprechung*, bauleitung*, oplevering*, *oplevering, ingebruikname*,
        installasjon*, montering*, *montering, idriftsettelse*, idriftsetting*,
        driftsaettning*,
        idriftsaettelse*, overlevering*, overtakelse*, overtakelsesforretning*,
        afleveringsforretning*, slutbesiktning*, overlaemning*, byggemoete*, byggmoete*,
        byggemoede*, byggeplass*, byggarbetsplats*, byggeplads*,
        mise en service*, reception des travaux, pv de reception, proces verbal de
        reception, reunion de chantier, chantier*,
        installazion*, messa in servizio, collaud*, montaggio*, posa in opera, cantier*,
        consegna lavori, consegna dei lavori,
        instalacion*, puesta en marcha, puesta en servicio, montaje*, recepcion de obra,
        acta de recepcion, entrega de obra, reunion de obra, visita de obra,
        instalacao*, colocacao em servico, entrada em funcionamento, montagem*, rececao da
        obra, recepcao da obra, rececao provisoria, recepcao provisoria, auto de rececao, auto
        de recepcao, reuniao de obra, comissionamento*,
        montaz*, instalacj*, rozruch*, odbior techniczny, odbior koncowy, protokol odbioru,
        odbior prac, odbior robot, narada budowy, spotkanie na budowie,
        predani dila, predavac* rizeni, prejimac* rizeni, prevzeti dila, odovzdani* diela,
        odovzdanie=, odovzdavac* protokol*, predavaci protokol*, preberac*
        konani*,
        asennu*, luovutu*, vastaanottotarkastu*, kaeyttoeoenottotarkastu*, paigaldu*,
        ueleandmi*, telepites*, uezembe helyezes*, uezembehelyezes*, muszaki atadas*, atadas
        atvetel*, instalare*, instalarea=, montaj=, montajul=, punere in functiune, punerea
        in functiune, predare primire, receptia lucrarilor, receptie lucrari*, proces verbal
        de receptie""",
    ),
    facet(
        "kind:training",
        "training",
        """training, trainings, train the, enablement, webinar*, lunch and learn, lunch learn,
        coaching,
        schulung*, *schulung, einweisung*, *einweisung, unterweisung*, *unterweisung,
        fortbildung*, weiterbildung*, toolbox talk*, safety briefing*,
        opplaering*, *opplaering, utbildning*, *utbildning, uddannelse*, skolering*,
        formation=, formations=, session de formation*, formateur*, formatrice*,
        formazione=, corso di formazione, corsi di formazione, addestrament*, sessione
        formativa,
        formacion=, curso de formacion, cursos de formacion, capacitacion*, sesion de
        formacion,
        formacao=, formacoes=, acao de formacao, accao de formacao, sessao de formacao, curso
        de formacao, capacitacao*, treinamento*,
        szkoleni*, warsztat szkoleniowy, warsztaty szkoleniowe,
        skoleni=, skolenie=, zaskoleni=, zaskolenie=,
        koulutu*, koulutuks*, perehdytys*, perehdytyks*, koolitus*, oktatas*, kepzes*,
        betanitas*, instruire*, instruirea=, scolarizare*, sesiune de instruire""",
    ),
    facet(
        "kind:support",
        "complaint or escalation",
        """complaint*, escalat*, incident*, outage*, defect*, malfunction*, breakdown,
        reklamation*, *reklamation, beschwerde*, *beschwerde, stoerung*, *stoerung,
        eskalation*, eskalier*, ausfall, ausfaelle, fehlalarm*, maengelruege*, downtime,
        standstill,
        line down, machine down, production stop*, stillstand*, *stillstand,
        produktionsausfall,
        troubleshoot*, fehlersuche, root cause*, out of spec*, oos=, *problem, *probleme,
        non conformance*, nonconformance*, ncr=, 8d=, massabweichung*, farbabweichung*,
        qualitaetsabweichung*, toleranzabweichung*, fehllieferung*, falschlieferung*,
        minderlieferung*, ersatzlieferung*, transportschaden*, short delivery, short
        shipment*,
        wrong delivery, damaged in transit,
        offline, out of order, not working, is down, are down, went down, ausser betrieb,
        defekt*, kaputt, funktioniert nicht, geht nicht, ausgefallen, faellt aus, fallen
        aus,
        fiel aus, broke down, broken down, broken, veraergert, verstimmt, angry customer*,
        unhappy about, unhappy with, unzufrieden*, dissatisfied, beschwert sich,
        beschweren sich, vorfall, vorfaelle, lieferverzug*, lieferengpass*, terminverzug*,
        fehlteil*, backorder*, supply shortage*, parts shortage*, component shortage*,
        klacht*, *klacht, escalatie*,
        reklamasjon*, *reklamasjon, klagomal*, eskalering*, driftsstans*, driftsstopp*,
        driftsstoerning*, nedetid*, havari*, haveri*, nedbrud*, *nedbrud, driftstop*,
        staet stille, star stille, stod stille, star still, stod still,
        reclamation*, plainte*, panne=, pannes=, dysfonctionnement*, litige*, non
        conformite*, arret
        de production, mecontent*, insatisfait*, retard de livraison*, retards de livraison,
        livraison en retard, delayed deliver*, late deliver*, delivery delay*,
        ritardo nella consegna, ritardi nella consegna, leveringsvertraging*, vertraagde
        levering*, forsinket levering*, forsinkede leveranc*, foersenad leverans*, foersenade
        leveranser, leveransfoersening*, zpozdeni dodavk*, zpozdena dodavk*,
        reclamo=, reclami=, lamentel*, guasto=, guasti=, fermo macchina, fermo impianto,
        fermo produzione, malfunzionament*, disservizi*, non conformita, contestazion*,
        difett*, insoddisfatt*, ritardo di consegna, ritardi di consegna, ritardo
        consegna,
        reclamacion*, queja*, averia*, incidencia*, parada de produccion, parada de linea,
        maquina parada, defecto*, no conformidad*, insatisfech*, descontent*, retraso en la
        entrega, retraso de entrega, retrasos de entrega,
        storingen=, storingsmelding*, storingsdienst*, productiestoring*, spoedoverleg*,
        spoedstoring*, storingsanalyse*, storingsevaluatie*, grote storing, evaluatie storing,
        na de storing, na een storing, uitval=,
        reclamacao*, reclamacoes, queixa*, paragem de producao, paragem de linha,
        linha parada, defeito*, nao conformidade*, insatisfeit*, atraso na entrega, atrasos na
        entrega, atraso de entrega,
        reklamacj*, skarg*, awari*, usterk*, uszkodzeni*, uszkodzon*, eskalacj*, przestoj*,
        wada=, wady=, niezgodnosc*,
        opoznieni* dostaw*, niezadowolon*,
        reklamac*, stiznost*, staznost*, zarucn* oprav*, v ramci zaruky,
        reklamaatio*, takuukorjau*, vikailmoitu*, pretensioon*, reklamatsioon*, kaebus=,
        kaebuse=, garantiiremont*, panasz*, garancialis javitas*, hibabejelentes*,
        reclamatie*, reclamatia=, reclamatii=, plangere*, reparatie in garantie, reparatie
        in garantie,
        vika=, viat=, vikaa=, vikoja=, haeirioe*, seisokki*, tuotantokatko*, eskalaatio*,
        tyytymaetoen*, toimitusviive*, rike=, rikke*, torge=, torke=, torked=, torkeid=, seisak*,
        eskalatsioon*, rahulolematu*, hiba=, hibak=, hibat=, meghibasodas*, leallas*,
        uezemzavar*, eszkalacio*, elegedetlen*, szallitasi keses*, defectiune*, defectiuni*,
        avarie=, avarii=, oprire producti*, neconformitat*, nemultumi*, intarziere livrar*,
        intarzieri livrar*, escaladare*, fermi macchina, fermi impianto,
        star stille, star stilla, ligger nede, ligger nere, er nede, aer nere, stopp=,
        stoppet=, feil pa, fel pa, fejl pa, feilmelding*, felanmaelan*, fejlmelding*,
        avaria=, avarias=, poruch*, vypadek=, vypadky=, vypadok=, nefunguj*, nie dziala,
        nem mukodik, nu functioneaza, ei toimi, avvik=, avvikene=, *avvik, avvikelse*,
        *avvikelse, afvigelse*, *afvigelse""",
        # "Offline" also says a meeting is held in person. (A call marked urgent is read as
        # this kind on the meeting side only: ``offwork``'s "said:urgent".)
        unless="""offline meeting*, offline termin*, offline treffen, offline event*,
        budsjettavvik*, budgetavvik*, budgetafvigelse*""",
    ),
    facet(
        "kind:service",
        "service and maintenance",
        """service*, *service, maintenance, maintain*, repair*, spare part*, uptime, call
        out*,
        callout*, field service, wartung*, *wartung, instandhaltung*, inspektion*,
        reparatur*,
        ersatzteil*, kundendienst*, techniker*, onderhoud*, *onderhoud,
        vedlikehold*, *vedlikehold, underhall*, *underhall, vedligehold*, *vedligehold,
        contrat d entretien*, contrat de maintenance, entretien preventif*, visite d
        entretien*, depannage*, sav=, piece de rechange, pieces de rechange, pieces
        detachees, reparation*,
        manutenzion*, assistenza tecnica, servizio assistenza, post vendita, postvendita,
        ricambi*, pezzi di ricambio, riparazion*, intervento tecnico, interventi tecnici,
        mantenimiento*, servicio tecnico, asistencia tecnica, repuesto*, recambio*,
        reparacion*, posventa, postventa,
        manutencao*, assistencia tecnica, servico tecnico, pos venda, posvenda, pecas de
        substituicao, pecas sobressalentes, reparacao*, reparacoes,
        serwis*, przeglad serwisowy, konserwacj*, naprawa=, naprawy=, naprawie=, czesci
        zamienne, serwisant*,
        udrzb*, servisni smlouv*, servisn* zmluv*,
        huoltosopimu*, maeaeraeaikaishuolto*, kunnossapito*, huoltokaeynti*, huolto=,
        huollon=, huoltoa=, hooldus=, hoolduse=, hooldusleping*, karbantartas*,
        szervizszerzodes*, mentenanta*, contract de service, contractul de service,
        intretinere*""",
        # Putting a plant into operation ("mise en service") is its installation.
        unless="mise en service*",
    ),
    facet(
        "kind:retrofit",
        "retrofit or upgrade",
        """retrofit*, modernis*, moderniz*, upgrade*, overhaul*, refurbish*, umbau*, *umbau,
        modernisierung*, nachruest*, ertuechtigung*, generalueberholung*,
        oppgradering*, uppgradering*, opgradering*,
        renovation*, mise a niveau, remplacement du parc,
        ammodernament*, revamping""",
    ),
    # A project's steering committee: the customer's sponsors hear status, risks and the
    # decisions they must take. Its tips (one page, the few decisions, no surprises) fit no
    # other kind of meeting, and it is named the same way in every industry.
    facet(
        "kind:steering",
        "steering committee",
        """steering committee*, steering group*, steering meeting*, steerco*, steer co,
        project board*, programme board*, program board*,
        lenkungskreis*, lenkungsausschuss*, lenkungsgremium*, steuerkreis*, steuerungskreis*,
        steuerungsgruppe*, steuerungsausschuss*, steuerungsgremium*,
        comite de pilotage, comites de pilotage, comite de direction du projet,
        comitato guida, comitato di pilotaggio, comitato direttivo di progetto,
        comite de direccion del proyecto, comite directivo del proyecto, comite de
        seguimiento, comite diretivo, comite de direcao do projeto,
        stuurgroep*, stuurgroepoverleg*, styrgrupp*, styringsgruppe*, styregruppe*,
        ohjausryhma*, juhtruehm*, juhtkomitee*, komitet sterujacy, komitetu sterujacego,
        ridici vybor, riadiaci vybor, iranyito bizottsag*, comitet de coordonare,
        comitetul de coordonare, comitet director, upravni odbor projekta, upravljacki odbor,
        yoenlendirme komitesi, proje yoenlendirme""",
    ),
    facet(
        "kind:event",
        "trade show or event",
        """trade show*, tradeshow*, trade fair*, expo, exhibition, booth, conference,
        summit, congress, messe*, *messe, messestand, standdienst, kongress*, *kongress,
        konferenz*, *konferenz, veranstaltung*, field day*, feldtag*, *feldtag, roadshow*,
        customer day*, kundentag*, hausausstellung*, infotag*,
        maessa*, *maessa, konferanse*, *konferanse, konferens*, *konferens, konference*,
        *konference, kundedag*, kunddag*,
        salon professionnel*, salon= du, salon= de, congres=, exposition, journee client*,
        journee portes ouvertes, portes ouvertes,
        fiera=, fiere=, congresso=, congressi=, convegn*, conferenza=, conferenze=, giornata
        clienti, evento clienti, porte aperte,
        feria=, ferias=, congreso=, congresos=, jornada de puertas abiertas, puertas
        abiertas, jornada de clientes, exposicion=, conferencia=, conferencias=,
        beurs*, vakbeurs*,
        feira=, exposicao=, dia do cliente, dia aberto, portas abertas,
        targi=, targach=, stoisko targowe, stoisku targowym, dzien otwarty, dni otwarte,
        konferencj*, kongres*,
        at our stand, at the stand, on our stand, visited our stand, an unserem stand,
        an unseren stand, allo stand=, al nostro stand, sul nostro stand, sur notre stand,
        sur le stand, op onze stand, op de stand, en nuestro stand, no nosso stand, no
        stand=, na stoisku,
        veletrh*, veltrh*,
        messut=, messuilla=, messuille=, messuosasto*, messil=, messile=, kiallitas*,
        szakvasar*, vasar=, vasaron=, targ=, targul=, targului=, expozitie*, expozitia=,
        ze stanku, na stanku, na nasem stanku, na nasom stanku, a standon,
        standunkon, standunknal, la standul, standul nostru, osastollamme, osastoltamme,
        stand prep*, stand planning, stand plan=, stand design,
        i montern, i var monter, pa standen, pa var stand, en el stand,
        en nuestro stand""",
        # Measuring and knives are no trade fair; a bidders' conference is the tender's, and a
        # conference call or room is where any meeting happens.
        unless="""*gemessen, vermessen*, nachmessen, aufmessen, abmessen, ausmessen,
        messer*,
        messung*, bieterkonferenz*, bidders conference*, bidder conference*,
        telefonkonferenz*, videokonferenz*, webkonferenz*, onlinekonferenz*,
        conference call*, conference room*, conference line*, konferenzraum*,
        konferenzsaal*,
        telefonkonferanse*, videokonferanse*, telefonkonferens*, videokonferens*,
        telefonkonference*, videokonference*,
        conferenza telefonica, conferenze telefoniche,
        conferencia telefonica, conferencias telefonicas,
        telekonferencj*, wideokonferencj*,
        stand up=, standup*""",
    ),
)
