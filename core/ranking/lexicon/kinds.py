"""Kinds of meeting: with customers (first meeting, negotiation, renewal, tender …) and among
colleagues (forecast review, one-on-one, team meeting, account planning, bid review …).

English and German cues, and the commonest Dutch, Norwegian, Swedish, Danish, French,
Italian, Spanish, Portuguese, Polish, Czech, Slovak, Finnish, Estonian, Hungarian and Romanian
ones, written from general knowledge of how meetings are named (docs/ranking.md).
"""

from __future__ import annotations

from core.ranking.lexicon.cues import Facet, facet
from core.ranking.lexicon.kinds_after_sale import AFTER_SALE
from core.ranking.lexicon.kinds_engineering import ENGINEERING
from core.ranking.lexicon.kinds_internal import INTERNAL
from core.ranking.lexicon.kinds_tender import TENDER
from core.ranking.lexicon.kinds_trial import TRIAL

# Kinds of customer meeting up to the order; ``kinds_trial`` holds the pilot and the samples,
# ``kinds_tender`` the tender and the bid review that answers it among colleagues,
# ``kinds_after_sale`` and ``kinds_internal`` the rest, and KINDS joins them in this order.
SELLING: tuple[Facet, ...] = (
    # --- kinds of customer meeting -------------------------------------------------
    facet(
        "kind:discovery",
        "first meeting",
        """intro=, intro call, introduction, introductory, first call, first meeting,
        first conversation, first contact, discovery, discovery call, needs analysis,
        lead qualification, qualification call*, qualification meeting*, qualification
        questions, qualify, get to know, getting to know, kennenlernen,
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
        introduktionsmoete*, introduktionsmoede*, intromoede*, intromoete*, behovsanaly*,
        foerstemoete*, foerstemoede*, foerstamoete*,
        kartleggingsmoete*,
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
        descoberta, levantamento de necessidades, analise de necessidades,
        pierwsze spotkanie, pierwsza rozmowa, pierwszy kontakt, spotkanie zapoznawcze, rozmowa
        zapoznawcza, wstepna rozmowa, rozmowa wstepna, wstepne spotkanie, spotkanie wstepne,
        analiza potrzeb, analizy potrzeb,
        uvodni schuzk*, prvni schuzk*, seznamovac* schuzk*, uvodne stretnut*, prve stretnut*,
        zoznamovac* stretnut*,
        ensitapaami*, tutustumistapaami*, tutustumispalaveri*, esittaeytymispalaveri*,
        tarvekartoitu*, tarveanalyysi*, esimene kohtumine, tutvumiskohtumi*,
        tutvumisvestlus*, vajaduste kaardistus*, vajadusanalueues*, elso talalkozo*,
        bemutatkozo talalkozo*, bemutatkozo megbeszeles*, bemutatkozo hivas*, bemutatkozo
        beszelgetes*, ismerkedo hivas*, ismerkedo megbeszeles*, ismerkedo
        talalkozo*, igenyfelmeres*, prima intalnire, prima intalnire, intalnire de
        cunoastere, intalnire introductiva, apel introductiv, analiza nevoilor, analiza
        necesarului, primul apel, primul contact, prima discutie, introsamtal*, foersta
        samtal*""",
        # A follow-up after the first meeting is no first meeting any more.
        unless="""after intro*, after the intro*, after our intro*, after the first meeting,
        after the first call, after our first meeting, after our first call, following the
        intro*, following our intro*, since the intro*, efter intro*, efter foersta
        moetet, etter intro*, etter foerste moete, efter foerste moede, nach intro*, nach
        dem intro*, nach dem erstgespraech*, nach dem kennenlernen*, nach erstgespraech*,
        nach unserem
        erstgespraech*, apres l intro*, apres le premier rendez vous, apres notre premier
        rendez vous, na het intro*, na de intro*, na het kennismakingsgesprek*, na het eerste
        gesprek, dopo l intro*, dopo il primo incontro, tras la intro*, despues de la
        primera reunion, despues de la reunion inicial, apos a intro*, apos a primeira
        reuniao, po uvodni schuzce, po uvodnom stretnuti, po pierwszym spotkaniu""",
    ),
    facet(
        "kind:demo",
        "product demo",
        """*demo, *demonstration, product tour, live demo, showcase, proof of value,
        vorfuehrung, *vorfuehrung, produktvorstellung, live vorfuehrung, hands on,
        demonstrasjon*,
        dimostrazion*,
        demostracion*,
        demonstracao*, demonstracoes,
        demonstracj*, pokaz systemu, pokaz produktu, pokaz na zywo,
        predvedeni*, predvadeni*, predvedenie*, predvadzani*, ukazka=, ukazku=, ukazky=, ukazce=,
        tuote esittely*, jaerjestelmaeesittely*, demotilaisuu*, tooteesitlus*,
        termekbemutato*, rendszerbemutato*, szoftverbemutato*, demonstratie=, demonstratia=,
        demonstratii=, demotermin*, demotag*, demofahrt*, demoflug*, demoflyg*, demoflyv*,
        demovisning*, demomoete*, demomote*, demobesoek*, demokjoering*, demokoerning*,
        demoeinsatz*""",
    ),
    facet(
        "kind:presentation",
        "presentation",
        """presentation, presenting, present the, pitch, slide, slides, deck=, decks,
        keynote, info session*, information session*, information evening*,
        praesentation, *praesentation, praesentieren, vortrag, folie, folien,
        infoveranstaltung*, informationsveranstaltung*, infoabend*, informationsabend*,
        infosessie*, informatiesessie*, informatiebijeenkomst*, seance d information,
        reunion d information, sessione informativa, incontro informativo, sesion
        informativa, sessao informativa, sessao de informacao, spotkanie informacyjne,
        presentasjon*, presentatie*,
        presentazion*,
        presentacion*,
        apresentacao*, apresentacoes,
        prezentacj*,
        prezentace=, prezentaci=, prezentacia=, prezentacie=, prezentaciu=,
        esittely=, esittelyn=, esittelyae=, esitlus=, esitluse=, ettekanne*, prezentacio*,
        bemutato=, bemutatot=, bemutatoja=, prezentare=, prezentarea=, prezentari=""",
    ),
    facet(
        "kind:negotiation",
        "negotiation",
        """negotiat*, commercial terms, commercials, deal terms, terms and pricing,
        discount,
        concession, haggl*, best and final, bafo, final offer, best offer, counter offer,
        letztes angebot, konditionen=, kondition*,
        *kondition, konditionsgespraech, verhandl*, *verhandlung, rabatt*, *rabatt, nachlass,
        *nachlass, preisgespraech, preisrunde*, zugestaendnis*, jahresvereinbarung*,
        preisvereinbarung*,
        annual agreement*, onderhandel*, *onderhandeling*, korting*,
        *forhandling*, *foerhandling*, slutbud*, sluttbud*, endeligt tilbud, endelig tilbud,
        slutligt anbud, slutligt erbjudande,
        negociation*, renegociation*, negocier, remise commerciale, remise de prix, rabais,
        conditions commerciales, meilleure offre, offre finale, derniere offre, conditions
        tarifaires,
        trattativ*, negoziazion*, negoziar*, negoziato, rinegoziazion*, sconto=, sconti=,
        scontistic*, condizioni commerciali, offerta finale, ultima offerta, migliore
        offerta,
        negociacion*, negociar, renegociacion*, descuento*, condiciones comerciales, oferta
        final, mejor oferta, ultima oferta,
        negociacao*, negociacoes, renegociacao*, renegociacoes, desconto*, condicoes
        comerciais, proposta final, melhor proposta, ultima proposta,
        negocjacj*, negocjowa*, renegocjacj*, upust*, warunki handlowe, oferta koncowa,
        ostateczna oferta, najlepsza oferta,
        jednani o cen*, cenov* jednani, vyjednavani*, rokovani* o cen*, cenov* rokovani*,
        vyjednavanie*,
        hintaneuvottelu*, loppuneuvottelu*, tarjousneuvottelu*, laebiraeaekimis*,
        hinnalaebiraeaekimis*, artargyalas*, artargyala*, vegso ajanlat*, negociere*,
        negocieri*, negocierea*, oferta finala,
        final round, last round, letzte runde, finale runde,
        dernier tour, ronda final, rodada final, ultima rodada, ostatnia runda,
        derniere ligne droite, home stretch, final stretch, endspurt, recta final, reta
        final, dirittura d arrivo""",
        # A candidate's last interview is a hiring step, not a price.
        unless="""final round interview*, last round interview*, final round with candidate*,
        letzte runde bewerb*, finale runde bewerb*""",
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
        acordo quadro, condicoes gerais, carta de intencoes, carta de intencao,
        umowa=, umowy=, umowie=, umowe=, umowa ramowa, aneks*, warunki umowy, list intencyjny,
        ogolne warunki,
        smlouv*, zmluv*,
        sopimus*, sopimuks*, puitesopimu*, leping=, lepingu=, lepingut=, lepingud=,
        raamleping*, szerzodes*, *szerzodes, szerzodest=, contractul*, contractului=, acord
        cadru, acordul cadru, avtalsgenomgang*""",
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
        contrato, renovacion suscripcion*, renovacion de suscripcion*, renovacion de la
        suscripcion, renovacion licencia*, renovacion de licencia*, renovacion de la
        licencia, renovacion del mantenimiento, renovacion de mantenimiento,
        renovacao do contrato, renovacao de contrato, renovacao contrat*, renovar o contrato,
        renovacao contratual, renovacao do servico, renovacao anual, prorrogacao do contrato,
        renovacao da assinatura, renovacao de assinatura, renovacao da licenca, renovacao de
        licenca*, renovacao do acordo, renovacao de acordo, renovacao acordo*, renovacion del
        acuerdo, renovacion de acuerdo, renovacion acuerdo*,
        fim do contrato, denuncia do contrato,
        odnowieni* umow*, przedluzeni* umow*, wypowiedzeni* umow*, odnowieni* licencj*,
        przedluzeni* licencj*, koniec umowy,
        prodlouzeni smlouv*, obnoveni smlouv*, obnova smlouv*, obnova zmluv*, predlzeni* zmluv*,
        obnoveni* zmluv*, prodlouzeni ramcov*, predlzeni* ramcov*,
        smlouva konci, smlouva vyprsi, zmluva konci, vypoved smlouv*, vypoved
        zmluv*,
        *sopimuksen uusimi*, *sopimuksen jatka*, *sopimuksen jatko*, jatkosopimu*, *sopimus
        paeaettyy, *sopimus umpeutuu, *sopimuksen irtisano*, lepingu pikendami*,
        lepingu uuendami*, leping lopeb,
        leping aegub, lepingu lopetami*, szerzodeshosszabbitas*, szerzodes hosszabbitas*,
        szerzodes meghosszabbitas*, szerzodes megujitas*, szerzodesmegujitas*, szerzodes
        lejar*, reinnoire contract*, reinnoirea contract*, prelungire contract*, prelungirea
        contract*, contractul expira, reziliere contract*,
        contract expir*, agreement expir*, licence expir*, license expir*, subscription expir*,
        expiring contract*, expiring agreement*, expiring licen*, *vertrag laeuft aus,
        *vertrag endet, *vertraege laufen aus, auslaufend* vertrag*, udloeber=, udloebende,
        utloeper=, utloepende, loeper ut, *avtal gar ut, *avtalet gar ut, umow* wygasa, umow*
        serwisow* wygasa, wygasajac* umow*, contratto in scadenza, contratto scade, contrato
        vence, contrat arrive a echeance, contrat expire, contrato expira, *contract loopt af,
        *overeenkomst loopt af""",
    ),
    facet(
        "kind:business_review",
        "business review",
        """qbr, ebr, business review*, quarterly review, account review, annual review,
        executive review, jahresgespraech, quartalsgespraech, quartalsreview,
        jahresreview, *jahresgespraech, kpi review*, service review*, contract review*,
        performance meeting*, monthly review*, leistungsreview*, servicegespraech*,
        q1 review, q2 review, q3 review, q4 review, quartalsbesprechung*,
        season review*, rueckblick*, *rueckblick, half year review*, half yearly review*,
        semi annual review*, halbjahresgespraech*, halbjahresreview*, halfjaargesprek*,
        revue semestrielle, bilan semestriel, point semestriel, review semestrale,
        revisione semestrale, incontro semestrale, verifica semestrale, revision semestral,
        reunion semestral, revisao semestral, reuniao semestral,
        jaargesprek*, kwartaalgesprek*, kwartaaloverleg*, kwartaalreview*,
        evaluatiegesprek*,
        kvartalsgjennomgang*, kvartalsgenomgang*, kvartalsmoete*, kvartalsmoede*,
        kvartalsoppfoelging*, kvartalsuppfoeljning*, kvartalsopfoelgning*, arsgjennomgang*,
        arsgenomgang*, arsgennemgang*, arlig gennemgang, arlig genomgang, arlig gjennomgang,
        revue trimestrielle, revue annuelle, revue de compte*, revue d activite*, bilan
        annuel, bilan trimestriel, point trimestriel, point annuel,
        revisione trimestrale, revisione annuale, review trimestrale, review annuale,
        incontro trimestrale, incontro annuale, riunione trimestrale, verifica trimestrale,
        verifica annuale,
        revision trimestral, revision anual, reunion trimestral, reunion anual, seguimiento
        trimestral,
        revisao trimestral, revisao anual, reuniao trimestral, reuniao anual, balanco
        trimestral, balanco anual, acompanhamento trimestral,
        przeglad kwartalny, przeglad roczny, spotkanie kwartalne, spotkanie roczne,
        podsumowanie roku, podsumowanie kwartalu, rocni hodnoceni, rocne hodnotenie, ctvrtletni
        hodnoceni, stvrtrocne hodnotenie, kvartalni schuzk*, kvartalne stretnuti*,
        vuosikatsau*, kvartaalikatsau*, vuosipalaveri*, seurantapalaveri*,
        kvartaliuelevaade*, aastauelevaade*, negyedeves attekintes*, eves attekintes*, eves
        ertekeles*, analiza trimestrial*, analiza trimestrial*, analiza anual*, analiza
        anual*""",
    ),
    facet(
        "kind:kickoff",
        "kickoff and onboarding",
        """kickoff, kick off, kick offs, onboarding, implementation, implementing, rollout,
        roll out, go live, project start, project launch, auftakt*, *auftakt, projektstart,
        einfuehrung*, *einfuehrung, implementierung*, projektbeginn, mobilisation*,
        mobilization*, mobe plan, contract start, vertragsstart, leistungsbeginn,
        anlaufbesprechung*, *anlaufbesprechung, baustartbesprechung*, startbesprechung*,
        startoverleg*, startbijeenkomst*, startvergadering*, opstartvergadering*,
        opstartoverleg*, implementatie*,
        oppstart=, uppstart=, opstart=, oppstartsmoete*, oppstartmoete*, uppstartsmoete*,
        uppstartmoete*, opstartsmoede*, opstartmoede*, implementering*,
        reunion de lancement, reunion de demarrage, lancement du projet, lancement de projet,
        demarrage du projet,
        demarrage de projet, mise en oeuvre, mise en production, deploiement*,
        avvio progetto, avvio del progetto, avvio lavori, avvio dei lavori, riunione di
        avvio, incontro di avvio, lancio progetto, lancio del progetto, messa in produzione,
        implementazion*,
        reunion de arranque, reunion de lanzamiento, arranque del proyecto, arranque de
        proyecto, inicio del proyecto, inicio de proyecto, lanzamiento del proyecto,
        implantacion*, implementacion*,
        reuniao de arranque, arranque do projeto, arranque do projecto, arranque de projeto,
        inicio do projeto, inicio do projecto, lancamento do projeto, lancamento do projecto,
        implementacao*, implementacoes, implantacao*, entrada em producao,
        spotkanie otwierajace, spotkanie startowe, start projektu, rozpoczecie projektu, wdrozeni*,
        zahajeni projekt*, zahajovac* schuzk*, zahajenie projekt*, zahajovac* stretnut*,
        aloituspalaveri*, aloituskokou*, projektin aloitu*, kaeynnistyspalaveri*,
        kaeynnistyskokou*, kaeyttoeoenotto*, avakoosolek*, projekti algus*, juurutami*,
        projektindito*, nyitomegbeszeles*, intalnire de start, sedinta de lansare, lansare
        proiect*, lansarea proiect*, demarare proiect*, demararea proiect*""",
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
        encriptacao,
        bezpieczenstwo informacji, cyberbezpieczenstw*, ochrona danych, ochrony danych, rodo""",
    ),
    *TRIAL,  # a pilot and samples (``kinds_trial``), in this place among the kinds
    facet(
        "kind:partner",
        "partner meeting",
        """partner*, alliance*, reseller*, distributor*, channel, channels,
        dealer meeting*, dealer review*, dealer day*, dealerii=,
        dealerilor=, dealerul=, distribuitor*,
        co sell, joint venture, haendler*, *haendler, vertriebspartner*, wiederverkaeufer*,
        subcontract*, sub contractor*, subunternehm*, nachunternehm*,
        deal registration*, deal registrier*, deal registered, lead registration*,
        registered deals, registrierte deals, registrerade affaerer, registrerede deals,
        registrerte deals, dealregistrering*, affaersregistrering*,
        lead registrier*,
        aterfoersaeljar*, underleverandoer*, underleverantoer*, forhandlermoede*,
        forhandlermoete*, forhandleraftal*, forhandleravtal*, forhandlernetvaerk*,
        forhandlernettverk*, jaelleenmyyj*, rejestracj* lead*, projektschutz*,
        projektregistrier*,
        partenaire*, revendeur*, distributeur*, integrateur*, sous traitan*,
        rivenditor*, concessionari*, subappalt*,
        distribuidor*, revendedor*, subcontrat*, integrador*,
        parceiro*, parceria*, subempreit*,
        dystrybutor*, podwykonawc*,
        provision=, provisionen=, provisionsmodell*, provisionssatz*, provisionssaetze*,
        provisionsvereinbarung*, agency commission*, partner commission*, reseller
        commission*, commission model*, commission split*, commission agreement*, referral
        fee*, lead sharing, lead split*, lead handover*, lead uebergabe*, leaduebergabe*,
        leadverteilung*, foerdelning av leads, gebietsaufteilung*, gebietsschutz*,
        territory split*, account split*, channel conflict*, kanalkonflikt*, provvigion*,
        provisjon*, prowizj*""",
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
        referencia, caso de exito, casos de exito, testimonio*, instalacion de referencia,
        instalaciones de referencia, instalacao de referencia, instalacoes de referencia,
        planta de referencia, obra de referencia, proyecto de referencia, projeto de
        referencia,
        caso de sucesso, casos de sucesso, testemunho*,
        referencj*, klient referencyjny, wizyta referencyjna, studium przypadku,
        ref call=, ref calls=, referencni navstev*, referencn* navstev*""",
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
)

KINDS: tuple[Facet, ...] = (*SELLING, *TENDER, *ENGINEERING, *AFTER_SALE, *INTERNAL)
