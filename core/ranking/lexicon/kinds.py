"""Kinds of meeting: with customers (first meeting, negotiation, renewal, tender …) and among
colleagues (forecast review, one-on-one, team meeting, account planning, bid review …).

English and German cues, and the commonest Dutch, Norwegian, Swedish, Danish, French,
Italian, Spanish and Portuguese ones, written from general knowledge of how meetings are named
(docs/ranking.md).
"""

from __future__ import annotations

from core.ranking.lexicon.cues import Facet, facet

KINDS: tuple[Facet, ...] = (
    # --- kinds of customer meeting -------------------------------------------------
    facet(
        "kind:discovery",
        "first meeting",
        """intro=, intro call, introduction, introductory, first call, first meeting,
        first conversation, first contact, discovery, discovery call, needs analysis,
        qualification, qualify, get to know, getting to know, kennenlernen,
        kennenlerntermin,
        kennenlerngespraech, erstgespraech, erstkontakt, erster termin, erstes gespraech,
        bedarfsanalyse, bedarfsermittlung,
        inbound lead, inbound via, inbound from, inbound enquiry, inbound inquiry,
        enquiry via, enquiry from, inquiry via, inquiry from, website enquiry, web enquiry,
        contact form, website form, web form, anfrage ueber, anfrage per, anfrage via,
        anfrage von, anfrage vom, webanfrage, kontaktformular, referral from, referred by,
        referred to us, empfehlung von, empfohlen von, auf empfehlung,
        kennismaking*, eerste gesprek*, intakegesprek*,
        foerste moete*, foerste moede*, foersta moete*, introduksjonsmoete*,
        introduktionsmoete*, introduktionsmoede*, behovsanaly*, kartleggingsmoete*,
        premier rendez vous*, premier rdv, premiere rencontre, premier echange*, premier
        contact, prise de contact, rendez vous decouverte, appel decouverte, entretien
        decouverte, reunion decouverte, analyse des besoins, recueil des besoins, faire
        connaissance,
        primo incontro, primo appuntamento, prima call, prima chiamata, primo contatto,
        presa di contatto, incontro conoscitivo, call conoscitiva, chiamata conoscitiva,
        incontro di conoscenza, analisi dei fabbisogni, analisi delle esigenze,
        primera reunion, primera cita, primera llamada, primer contacto, toma de contacto,
        reunion de descubrimiento, llamada de descubrimiento, reunion introductoria, llamada
        introductoria, analisis de necesidades,
        primeira reuniao, primeira conversa, primeira chamada, primeiro contacto, primeiro
        contato, tomada de contacto, reuniao introdutoria, chamada introdutoria, reuniao de
        descoberta, levantamento de necessidades, analise de necessidades""",
    ),
    facet(
        "kind:demo",
        "product demo",
        """*demo, *demonstration, product tour, live demo, showcase, proof of value,
        vorfuehrung, *vorfuehrung, produktvorstellung, live vorfuehrung, hands on,
        demonstrasjon*,
        dimostrazion*,
        demostracion*,
        demonstracao*, demonstracoes""",
    ),
    facet(
        "kind:presentation",
        "presentation",
        """presentation, presenting, present the, pitch, slide, slides, deck=, decks,
        keynote,
        praesentation, *praesentation, praesentieren, vortrag, folie, folien,
        presentasjon*,
        presentazion*,
        presentacion*,
        apresentacao*, apresentacoes""",
    ),
    facet(
        "kind:negotiation",
        "negotiation",
        """negotiat*, commercial terms, commercials, deal terms, terms and pricing,
        discount,
        concession, haggl*, best and final, bafo, final offer, best offer, counter offer,
        letztes angebot, konditionen=, kondition*,
        *kondition, konditionsgespraech, verhandl*, *verhandlung, rabatt, *rabatt, nachlass,
        *nachlass, preisgespraech, preisrunde*, zugestaendnis*, jahresvereinbarung*,
        preisvereinbarung*,
        annual agreement*, onderhandel*, *onderhandeling*, korting*,
        *forhandling*, *foerhandling*,
        negociation*, renegociation*, negocier, remise commerciale, remise de prix, rabais,
        conditions commerciales, meilleure offre, offre finale, derniere offre, conditions
        tarifaires,
        trattativ*, negoziazion*, negoziar*, negoziato, rinegoziazion*, sconto=, sconti=,
        scontistic*, condizioni commerciali, offerta finale, ultima offerta, migliore
        offerta,
        negociacion*, negociar, renegociacion*, descuento*, condiciones comerciales, oferta
        final, mejor oferta, ultima oferta,
        negociacao*, negociacoes, renegociacao*, renegociacoes, desconto*, condicoes
        comerciais, proposta final, melhor proposta, ultima proposta""",
    ),
    facet(
        "kind:contract",
        "contract terms",
        """contract*, msa, master agreement, redline*, terms and conditions, nda,
        liability, indemnit*, legal review, clause*, vertrag, vertraege, *vertrag,
        *vertraege, vertrags*, agb, haftung*, klausel*, rahmenvertrag*, loi=,
        letter of intent, absichtserklaerung*, vorvertrag*, framework agreement*,
        supply agreement*, rahmenvereinbarung*, liefervereinbarung*,
        *overeenkomst*, raamcontract*,
        kontrakt*, *kontrakt, rammeavtal*, ramavtal*, rammeaftal*,
        contrat*, *contrat, accord cadre*, conditions generales, lettre d
        intention, avenant*,
        contratt*, accordo quadro, condizioni generali, lettera d intenti, clausol*,
        acuerdo marco, clausula*, carta de intencion*,
        avtal=, avtalet=, avtalen=, avtals*, *avtal=, *avtalet=, ansvarsbegransning*,
        ansvarsbegrensning*, ansvarsbegraensning*,
        acordo quadro, condicoes gerais, carta de intencoes, carta de intencao""",
        # A printer's "Kontraktproof" (contract proof) is a colour proof, not a contract.
        unless="kontraktproof*",
    ),
    facet(
        "kind:renewal",
        "renewal",
        """renewal*, renew*, contract extension, extension, upsell, up sell, cross sell,
        churn*, retention, verlaengerung, *verlaengerung, verlaenger*, kuendigung*,
        *kuendigung, laufzeitende, verleng*, *verlenging,
        fornyelse*, *fornyelse, foernyelse*, *foernyelse, forlengelse*, *forlengelse,
        foerlaengning*, *foerlaengning, forlaengelse*, *forlaengelse, oppsigelse*,
        uppsaegning*,
        opsigelse*,
        renouvellement*, reconduction*, resiliation*, fin de contrat, echeance du contrat,
        rinnovo=, rinnovi=, rinnovare, rinnovo contratt*, rinnovo del contratto, proroga*,
        disdetta*, scadenza contratto, scadenza del contratto,
        renovacion del contrato, renovacion de contrato, renovacion contrat*, renovar el
        contrato, renovacion del servicio, renovacion anual, prorroga*, vencimiento del
        contrato,
        renovacao do contrato, renovacao de contrato, renovacao contrat*, renovar o contrato,
        renovacao contratual, renovacao do servico, renovacao anual, prorrogacao do contrato,
        fim do contrato, denuncia do contrato""",
    ),
    facet(
        "kind:business_review",
        "business review",
        """qbr, ebr, business review*, quarterly review, account review, annual review,
        executive review, jahresgespraech, quartalsgespraech, quartalsreview,
        jahresreview, *jahresgespraech, kpi review*, service review*, contract review*,
        performance meeting*, monthly review*, leistungsreview*, servicegespraech*,
        q1 review, q2 review, q3 review, q4 review, quartalsbesprechung*,
        season review*, rueckblick*, *rueckblick,
        jaargesprek*, kwartaalgesprek*, kwartaaloverleg*, kwartaalreview*,
        evaluatiegesprek*,
        kvartalsgjennomgang*, kvartalsgenomgang*, kvartalsmoete*, kvartalsmoede*,
        kvartalsoppfoelging*, kvartalsuppfoeljning*, kvartalsopfoelgning*, arsgjennomgang*,
        arsgenomgang*,
        revue trimestrielle, revue annuelle, revue de compte*, revue d activite*, bilan
        annuel, bilan trimestriel, point trimestriel, point annuel,
        revisione trimestrale, revisione annuale, review trimestrale, review annuale,
        incontro trimestrale, incontro annuale, riunione trimestrale, verifica trimestrale,
        verifica annuale,
        revision trimestral, revision anual, reunion trimestral, reunion anual, seguimiento
        trimestral,
        revisao trimestral, revisao anual, reuniao trimestral, reuniao anual, balanco
        trimestral, balanco anual, acompanhamento trimestral""",
    ),
    facet(
        "kind:kickoff",
        "kickoff and onboarding",
        """kickoff, kick off, kick offs, onboarding, implementation, implementing, rollout,
        roll out, go live, project start, project launch, auftakt*, *auftakt, projektstart,
        einfuehrung*, *einfuehrung, implementierung*, projektbeginn, mobilisation*,
        mobilization*, mobe plan, contract start, vertragsstart, leistungsbeginn,
        startoverleg*, startbijeenkomst*, implementatie*,
        oppstart=, uppstart=, opstart=, oppstartsmoete*, oppstartmoete*, uppstartsmoete*,
        uppstartmoete*, opstartsmoede*, opstartmoede*, implementering*,
        reunion de lancement, lancement du projet, lancement de projet, demarrage du projet,
        demarrage de projet, mise en oeuvre, mise en production, deploiement*,
        avvio progetto, avvio del progetto, avvio lavori, avvio dei lavori, riunione di
        avvio, incontro di avvio, lancio progetto, lancio del progetto, messa in produzione,
        implementazion*,
        reunion de arranque, reunion de lanzamiento, arranque del proyecto, arranque de
        proyecto, inicio del proyecto, inicio de proyecto, lanzamiento del proyecto,
        implantacion*, implementacion*,
        reuniao de arranque, arranque do projeto, arranque do projecto, arranque de projeto,
        inicio do projeto, inicio do projecto, lancamento do projeto, lancamento do projecto,
        implementacao*, implementacoes, implantacao*, entrada em producao""",
    ),
    facet(
        "kind:security",
        "security review",
        """security, secops, infosec, ciso, soc 2, soc2, iso 27001, pentest*, penetration
        test*,
        security questionnaire, encryption, data protection, privacy, gdpr, dsgvo,
        datenschutz*,
        *datenschutz, verschluesselung, auftragsverarbeitung, avv,
        data processing agreement, dpa, sicherheit=, itsicherheit*, informationssicherheit*,
        datensicherheit*, cybersicherheit*, netzwerksicherheit*, sicherheitsfrageb*,
        sicherheitsaudit*, sicherheitsanalyse*, sicherheitspruefung*,
        informasjonssikkerhet*, informationssaekerhet*, informationssikkerhed*, personvern*,
        dataskydd*, databeskyttelse*,
        cybersecurite*, securite informatique, securite de l information, protection des
        donnees, rgpd, chiffrement,
        sicurezza informatica, cybersicurezza, protezione dei dati, protezione dati,
        crittografia,
        seguridad informatica, ciberseguridad, proteccion de datos, cifrado,
        seguranca informatica, ciberseguranca, protecao de dados, proteccao de dados,
        encriptacao""",
    ),
    facet(
        "kind:pilot",
        "pilot or trial",
        """pilot*, poc, proof of concept, trial, trials, test phase, testphase,
        teststellung*,
        *teststellung, erprobung*, probebetrieb, testinstallation,
        essai=, essais=, essai gratuit, phase de test, mise a l essai,
        periodo di prova, fase di test, fase di prova, prova gratuita,
        periodo de prueba, fase de prueba*, prueba gratuita,
        periodo de teste*, fase de teste*, teste gratuito, periodo experimental""",
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
        amostra=, amostras=, aprovacao de amostra*""",
    ),
    facet(
        "kind:partner",
        "partner meeting",
        """partner*, alliance*, reseller*, distributor*, channel, channels,
        co sell, joint venture, haendler*, *haendler, vertriebspartner*, wiederverkaeufer*,
        subcontract*, sub contractor*, subunternehm*, nachunternehm*,
        deal registration*, deal registrier*, deal registered, lead registration*,
        lead registrier*,
        aterfoersaeljare*, underleverandoer*, underleverantoer*,
        partenaire*, revendeur*, distributeur*, integrateur*, sous traitan*,
        rivenditor*, concessionari*, subappalt*,
        distribuidor*, revendedor*, subcontrat*, integrador*,
        parceiro*, parceria*, subempreit*""",
    ),
    facet(
        "kind:reference",
        "reference call",
        """reference*, referenz*, *referenz, testimonial*, case study, case studies,
        referenzkunde*, referenzbesuch*, referentie*,
        referanse*, referens*,
        temoignage*, cas client*,
        caso di successo, casi di successo, testimonianz*,
        cliente de referencia, clientes de referencia, visita de referencia, llamada de
        referencia, caso de exito, casos de exito, testimonio*,
        caso de sucesso, casos de sucesso, testemunho*""",
        # A booking's, a colour's or a price's reference is no reference customer, nor is a
        # reference design or product (what a part is measured against), nor a retailer's listing.
        unless="""buchungsreferenz*, farbreferenz*, referenzpreis*, referenzwert*,
        referenced,
        referencing, reference number*, booking reference*, referentienummer*,
        referansenummer*, referensnummer*, reference price*, reference value*,
        reference product*, reference design*, reference architecture*, reference model*,
        reference material*, reference sample*, reference standard*, reference point*,
        referenzprodukt*, referenzdesign*, referenzarchitektur*, referenzmodell*,
        referenzmaterial*, referenzprobe*, referenzpunkt*, referencement*""",
    ),
    facet(
        "kind:tender",
        "tender",
        """rfp, rfq, rfi, itt=, invitation to tender, tender*, bid, bids, bidding, bidder*,
        sole source, procurement portal,
        ausschreibung*, *ausschreibung, vergabe*, *vergabe, bieter*, submission deadline,
        angebotsfrist, leistungsverzeichnis, leistungsbeschreibung,
        aanbesteding*, *aanbesteding,
        anbud*, *anbud, upphandling*, *upphandling, udbud*, *udbud, konkurransegrunnlag*,
        foerfragningsunderlag*, prequalification*, pre qualification*, praequalifikation*,
        prekvalifiser*, prekvalificer*,
        appel d offres, marche public, cahier des charges,
        dossier de consultation, soumission*,
        gara d appalto, gare d appalto, gara pubblica, gare pubbliche, appalto pubblico,
        appalti pubblici, bando di gara, bandi di gara, capitolat*, aggiudicazion*,
        licitacion*, concurso publico, concursos publicos, pliego*, adjudicacion*,
        caderno de encargos, licitacao*, licitacoes, adjudicacao*, adjudicacoes, consulta ao
        mercado""",
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
        revisao da proposta, revisao de proposta, comite de propostas""",
    ),
    # Surveying the customer's site before an offer or a job: walking it, measuring it,
    # taking stock of what is there. An on-site meeting of its own kind (its tips: what to
    # measure, what to photograph), not every visit: a "site visit" is only in person.
    facet(
        "kind:site_survey",
        "site survey",
        """site survey*, survey visit*, site assessment*, site walk*, walk round*,
        walkround*, walkaround*, shop walk*, store walk*, depot walk*, plant walk*,
        begehung*, *begehung, aufmass*, *aufmass, bestandsaufnahme*, ortstermin*,
        vor ort termin*, ortsbesichtigung*, befaring*, *befaring, inmeting*, opmeting*,
        visite technique*, releve sur site, releves sur site, prise de cotes, prise de
        mesures,
        sopralluog*, rilievo misure, rilievi misure, presa misure, presa delle misure,
        rilievo in cantiere,
        visita tecnica, toma de medidas, levantamiento de medidas, replanteo*,
        levantamento no local, levantamento de medidas, medicoes no local, vistoria*""",
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
        idriftsaettelse*, overlevering*, byggemoete*, byggmoete*, byggemoede*, byggeplass*,
        byggarbetsplats*, byggeplads*,
        mise en service*, reception des travaux, pv de reception, proces verbal de
        reception, reunion de chantier, chantier*,
        installazion*, messa in servizio, collaud*, montaggio*, posa in opera, cantier*,
        consegna lavori, consegna dei lavori,
        instalacion*, puesta en marcha, puesta en servicio, montaje*, recepcion de obra,
        acta de recepcion, entrega de obra, reunion de obra, visita de obra,
        instalacao*, colocacao em servico, entrada em funcionamento, montagem*, rececao da
        obra, recepcao da obra, rececao provisoria, recepcao provisoria, auto de rececao, auto
        de recepcao, reuniao de obra, comissionamento*""",
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
        de formacao, capacitacao*, treinamento*""",
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
        driftsstoerning*, nedetid*, havari*,
        reclamation*, plainte*, panne=, pannes=, dysfonctionnement*, litige*, non
        conformite*, arret
        de production, mecontent*, insatisfait*,
        reclamo=, reclami=, lamentel*, guasto=, guasti=, fermo macchina, fermo impianto,
        fermo produzione, malfunzionament*, disservizi*, non conformita, contestazion*,
        difett*, insoddisfatt*, ritardo di consegna, ritardi di consegna, ritardo
        consegna,
        reclamacion*, queja*, averia*, incidencia*, parada de produccion, parada de linea,
        maquina parada, defecto*, no conformidad*, insatisfech*, descontent*, retraso en la
        entrega, retraso de entrega, retrasos de entrega,
        storingen=, storingsmelding*, storingsdienst*, productiestoring*, spoedoverleg*,
        spoedstoring*,
        reclamacao*, reclamacoes, queixa*, paragem de producao, paragem de linha,
        linha parada, defeito*, nao conformidade*, insatisfeit*, atraso na entrega, atrasos na
        entrega, atraso de entrega""",
        # "Offline" also says a meeting is held in person.
        unless="offline meeting*, offline termin*, offline treffen, offline event*",
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
        substituicao, pecas sobressalentes, reparacao*, reparacoes""",
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
        feira=, exposicao=, dia do cliente, dia aberto, portas abertas""",
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
        conferencia telefonica, conferencias telefonicas""",
    ),
    # --- internal meetings ---------------------------------------------------------
    facet(
        "kind:forecast",
        "forecast review",
        """forecast*, pipeline*, deal review*, deal durchsprache*, commit call, sales
        review,
        revenue review, revenue meeting*, revenue call*, numbers call, numbers review,
        number call, zahlenrunde, zahlen call,
        umsatzrunde, prognose*, *prognose, umsatzplanung, *pipeline,
        prognos=,
        prevision*, previsionnel*, revue du pipe*, revue de pipe*, point pipe*, revue des
        affaires, point chiffres,
        previsioni di vendita, previsione di vendita, previsioni vendite, previsione
        vendite,
        prevision de ventas, previsiones de ventas,
        previsao de vendas, previsoes de vendas""",
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
        reuniao individual, conversa individual, avaliacao anual, avaliacao de desempenho""",
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
        reunion d equipe, point d equipe, point equipe, reunion hebdo*, point hebdo*,
        reunion commerciale, reunion de service,
        riunione di team, riunione del team, riunione team, riunione settimanale, riunione
        commerciale, riunione vendite, riunione di reparto, riunione di allineamento,
        allineamento settimanale, allineamento team,
        reunion de equipo, reunion del equipo, reunion semanal, reunion comercial, reunion
        de ventas, reunion de departamento,
        reuniao de equipa, reuniao da equipa, reuniao de equipe, reuniao da equipe, reuniao
        semanal, reuniao comercial, reuniao de vendas, reuniao de departamento""",
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
        planeamento*, planejamento*, plano de conta*, plano comercial, plano de vendas""",
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
        planificacion de vacaciones, planificacion del viaje, planificacion de la feria,
        planificacion del stand,
        planeamento de ferias, planeamento das ferias, planejamento de ferias, planeamento da
        viagem, planejamento da viagem, planeamento da feira, planejamento da feira,
        planeamento do stand, planejamento do stand""",
    ),
    # Sales asks colleagues to approve a price, a discount or a credit line: the deal desk, a
    # pricing or credit committee. Held without the customer, like a bid review, but its tips
    # ("get the deal desk's sign-off before the price talk") serve the customer meeting too,
    # so it is no internal kind (``scoring.UNINVITED_KINDS``).
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
        aprovacao de desconto*, aprovacao de preco*, comite de precos""",
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
        processo de selecao, processo de recrutamento, recrutamento*""",
    ),
)
