"""A general lexicon of meeting facets in English and German; Dutch, Nordic and French for the
commonest.

A *facet* is one thing a meeting can be about and a tip can be for: a kind of
meeting (first call, price negotiation, renewal, installation, forecast
review, one-on-one …), a topic (pricing, competition, budget), who attends
(finance, IT, legal, clinicians …), the customer's industry (healthcare,
public sector …), the setting (in person) — and, on the meeting side only,
things that are not work at all (personal errands, travel, focus blocks).

The list is written from general knowledge of how B2B sales, service and
internal sales meetings are named, across industries, not from any data set:
see docs/ranking.md. Cue syntax (matched against ``text.fold``-ed text):

- ``word``   the word, or the word plus a common English/German ending
             (``demo`` matches "demos", ``vertrag`` "vertrages")
- ``word=``  exactly that word
- ``word*``  any word starting with it (``negotiat*``)
- ``*word``  a word ending in it, i.e. the head of a German compound
             (``*verhandlung`` matches "preisverhandlung")
- ``*word*`` a word containing it
- ``?``      any one letter or digit standing alone (``terminal= ?``: "Terminal 2",
             "Terminal B")
- several words: each word by the rules above, in sequence
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

_V = TypeVar("_V")
_ENDINGS = r"(?:s|es|e|en|n|er|ern|ing|ed|ung|ungen)?"


@dataclass(frozen=True)
class Facet:
    name: str  # "kind:negotiation": the group before the colon
    label: str  # how a reason names it: "price negotiation"
    cues: tuple[str, ...]
    # Phrases whose words are not this facet's cue there: a "works council" is no council.
    unless: tuple[str, ...] = ()

    @property
    def group(self) -> str:
        return self.name.split(":", 1)[0]

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(_cue_regex(cue) for cue in self.cues))

    @cached_property
    def mask(self) -> re.Pattern[str] | None:
        return re.compile("|".join(_cue_regex(c) for c in self.unless)) if self.unless else None


def _word_regex(word: str) -> str:
    if word == "?":
        return "[a-z0-9]"
    exact = word.endswith("=")
    core = word.strip("*=")
    body = re.escape(core)
    if word.startswith("*"):
        body = r"[a-z0-9]*" + body
    if word.endswith("*"):
        return body + r"[a-z0-9]*"
    return body if exact else body + _ENDINGS


def _cue_regex(cue: str) -> str:
    return r"(?<![a-z0-9])" + " ".join(_word_regex(w) for w in cue.split()) + r"(?![a-z0-9])"


def _facet(name: str, label: str, cues: str, unless: str = "") -> Facet:
    return Facet(name, label, _split(cues), _split(unless))


def _split(cues: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in cues.split(",") if c.strip())


# Group weights: how much a shared facet of each group says about fit.
GROUP_WEIGHT = {
    "kind": 1.0,
    "topic": 0.7,
    "role": 0.8,
    "industry": 0.9,
    "setting": 0.7,
}

FACETS: tuple[Facet, ...] = (
    # --- kinds of customer meeting -------------------------------------------------
    _facet(
        "kind:discovery",
        "first meeting",
        """intro=, intro call, introduction, introductory, first call, first meeting,
        first conversation, first contact, discovery, discovery call, needs analysis,
        qualification, qualify, get to know, getting to know, kennenlernen, kennenlerntermin,
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
        connaissance""",
    ),
    _facet(
        "kind:demo",
        "product demo",
        """*demo, *demonstration, product tour, live demo, showcase, proof of value,
        vorfuehrung, *vorfuehrung, produktvorstellung, live vorfuehrung, hands on,
        demonstrasjon*""",
    ),
    _facet(
        "kind:presentation",
        "presentation",
        """presentation, presenting, present the, pitch, slide, slides, deck=, decks, keynote,
        praesentation, *praesentation, praesentieren, vortrag, folie, folien,
        presentasjon*""",
    ),
    _facet(
        "kind:negotiation",
        "negotiation",
        """negotiat*, commercial terms, commercials, deal terms, terms and pricing, discount,
        concession, haggl*, best and final, bafo, final offer, best offer, counter offer,
        letztes angebot, konditionen=, kondition*,
        *kondition, konditionsgespraech, verhandl*, *verhandlung, rabatt, *rabatt, nachlass,
        *nachlass, preisgespraech, zugestaendnis*, jahresvereinbarung*, preisvereinbarung*,
        annual agreement*, onderhandel*, *onderhandeling*, korting*,
        *forhandling*, *foerhandling*,
        negociation*, renegociation*, negocier, remise commerciale, remise de prix, rabais,
        conditions commerciales, meilleure offre, offre finale, derniere offre, conditions
        tarifaires""",
    ),
    _facet(
        "kind:contract",
        "contract terms",
        """contract*, msa, master agreement, redline*, terms and conditions, nda,
        liability, indemnit*, legal review, clause*, vertrag, vertraege, *vertrag,
        *vertraege, vertrags*, agb, haftung*, klausel*, rahmenvertrag*, loi=,
        letter of intent, absichtserklaerung*, vorvertrag*, framework agreement*,
        supply agreement*, rahmenvereinbarung*, liefervereinbarung*,
        *overeenkomst*, raamcontract*,
        kontrakt*, *kontrakt, rammeavtal*, ramavtal*, rammeaftal*,
        contrat*, *contrat, accord cadre*, contrat cadre*, conditions generales, lettre d
        intention, avenant*""",
        # A printer's "Kontraktproof" (contract proof) is a colour proof, not a contract.
        unless="kontraktproof*",
    ),
    _facet(
        "kind:renewal",
        "renewal",
        """renewal*, renew*, contract extension, extension, upsell, up sell, cross sell,
        churn*, retention, verlaengerung, *verlaengerung, verlaenger*, kuendigung*,
        *kuendigung, laufzeitende, verleng*, *verlenging,
        fornyelse*, *fornyelse, foernyelse*, *foernyelse, forlengelse*, *forlengelse,
        foerlaengning*, *foerlaengning, forlaengelse*, *forlaengelse, oppsigelse*, uppsaegning*,
        opsigelse*,
        renouvellement*, reconduction*, resiliation*, fin de contrat, echeance du contrat""",
    ),
    _facet(
        "kind:business_review",
        "business review",
        """qbr, ebr, business review*, quarterly review, account review, annual review,
        executive review, jahresgespraech, quartalsgespraech, quartalsreview,
        jahresreview, *jahresgespraech, kpi review*, service review*, contract review*,
        performance meeting*, monthly review*, leistungsreview*, servicegespraech*,
        q1 review, q2 review, q3 review, q4 review, quartalsbesprechung*,
        season review*, rueckblick*, *rueckblick,
        jaargesprek*, kwartaalgesprek*, kwartaaloverleg*, kwartaalreview*, evaluatiegesprek*,
        kvartalsgjennomgang*, kvartalsgenomgang*, kvartalsmoete*, kvartalsmoede*,
        kvartalsoppfoelging*, kvartalsuppfoeljning*, kvartalsopfoelgning*, arsgjennomgang*,
        arsgenomgang*,
        revue trimestrielle, revue annuelle, revue de compte*, revue d activite*, bilan
        annuel, bilan trimestriel, point trimestriel, point annuel""",
    ),
    _facet(
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
        demarrage de projet, mise en oeuvre, mise en production, deploiement*""",
    ),
    _facet(
        "kind:security",
        "security review",
        """security, secops, infosec, ciso, soc 2, soc2, iso 27001, pentest*, penetration test*,
        security questionnaire, encryption, data protection, privacy, gdpr, dsgvo, datenschutz*,
        *datenschutz, verschluesselung, auftragsverarbeitung, avv,
        data processing agreement, dpa, sicherheit=, itsicherheit*, informationssicherheit*,
        datensicherheit*, cybersicherheit*, netzwerksicherheit*, sicherheitsfrageb*,
        sicherheitsaudit*, sicherheitsanalyse*, sicherheitspruefung*,
        informasjonssikkerhet*, informationssaekerhet*, informationssikkerhed*, personvern*,
        dataskydd*, databeskyttelse*,
        cybersecurite*, securite informatique, securite de l information, protection des
        donnees, rgpd, chiffrement""",
    ),
    _facet(
        "kind:pilot",
        "pilot or trial",
        """pilot*, poc, proof of concept, trial, trials, test phase, testphase, teststellung*,
        *teststellung, erprobung*, probebetrieb, testinstallation,
        essai=, essais=, essai gratuit, phase de test, mise a l essai""",
    ),
    # Approving samples, a mock-up or a first print is its own step in the physical trades.
    _facet(
        "kind:sampling",
        "samples or mock-up",
        """bemusterung*, *bemusterung, musterflaeche*, *musterflaeche, musterabnahme*,
        musterfreigabe*, erstmuster*, mock up, mockup*, sample approval*, sample review*,
        sampling, ppap, first article*, andruck*, proof approval*, probeverlegung*,
        echantillon*, validation des echantillons, bon a tirer""",
    ),
    _facet(
        "kind:partner",
        "partner meeting",
        """partner*, alliance*, reseller*, distributor*, channel, channels,
        co sell, joint venture, haendler*, *haendler, vertriebspartner*, wiederverkaeufer*,
        subcontract*, sub contractor*, subunternehm*, nachunternehm*,
        deal registration*, deal registrier*, deal registered, lead registration*,
        lead registrier*,
        aterfoersaeljare*, underleverandoer*, underleverantoer*,
        partenaire*, revendeur*, distributeur*, integrateur*, sous traitan*""",
    ),
    _facet(
        "kind:reference",
        "reference call",
        """reference*, referenz*, *referenz, testimonial*, case study, case studies,
        referenzkunde*, referenzbesuch*, referentie*,
        referanse*, referens*,
        temoignage*, cas client*, client de reference, visite de reference""",
        # A booking's, a colour's or a price's reference is no reference customer, nor is a
        # reference design or product (what a part is measured against), nor a retailer's listing.
        unless="""buchungsreferenz*, farbreferenz*, referenzpreis*, referenzwert*, referenced,
        referencing, reference number*, booking reference*, referentienummer*,
        referansenummer*, referensnummer*, reference price*, reference value*,
        reference product*, reference design*, reference architecture*, reference model*,
        reference material*, reference sample*, reference standard*, reference point*,
        referenzprodukt*, referenzdesign*, referenzarchitektur*, referenzmodell*,
        referenzmaterial*, referenzprobe*, referenzpunkt*, referencement*""",
    ),
    _facet(
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
        appel d offres, appels d offres, marche public, marches publics, cahier des charges,
        dossier de consultation, soumission*""",
    ),
    # A bid review decides, among colleagues, whether and how to answer a tender: its tips
    # are for that room, not for the customer's bidders' conference or clarification call
    # (``INTERNAL_KINDS``). "Go/no-go" alone is also a pilot's verdict with the customer.
    _facet(
        "kind:bid_review",
        "bid review",
        """bid review*, bidreview*, bid no bid*, bid nobid*, bid or no bid, bid go no go,
        go no go bid*, bid decision*, bid approval*, bid board*, bid committee*,
        bid qualification*, bid sign off*, angebotsreview*, ausschreibungsreview*,
        anbudsgjennomgang*, anbudsgenomgang*,
        revue d offre*, revue de l offre, comite d offre*, revue go no go, decision go no go""",
    ),
    # Surveying the customer's site before an offer or a job: walking it, measuring it,
    # taking stock of what is there. An on-site meeting of its own kind (its tips: what to
    # measure, what to photograph), not every visit: a "site visit" is only in person.
    _facet(
        "kind:site_survey",
        "site survey",
        """site survey*, survey visit*, site assessment*, site walk*, walk round*,
        walkround*, walkaround*, shop walk*, store walk*, depot walk*, plant walk*,
        begehung*, *begehung, aufmass*, *aufmass, bestandsaufnahme*, ortstermin*,
        vor ort termin*, ortsbesichtigung*, befaring*, *befaring, inmeting*, opmeting*,
        visite technique*, releve sur site, releves sur site, prise de cotes, prise de
        mesures""",
    ),
    _facet(
        "kind:installation",
        "installation",
        """install=, installs=, installed=, installing=, installation*, installatie*,
        installier*, commissioning, site acceptance, factory acceptance, fat=,
        acceptance test, handover, hand over, inbetriebnahme*, *inbetriebnahme, ibn=,
        aufbau, montage, *montage, abnahme*, *abnahme, uebergabe*, *uebergabe,
        inbetriebsetzung*, *inbetriebsetzung,
        site meeting, construction site, construction meeting, baustelle*, *baustelle,
        baubesprechung*, bauleitung*, oplevering*, *oplevering, ingebruikname*,
        installasjon*, montering*, *montering, idriftsettelse*, idriftsetting*, driftsaettning*,
        idriftsaettelse*, overlevering*, byggemoete*, byggmoete*, byggemoede*, byggeplass*,
        byggarbetsplats*, byggeplads*,
        mise en service*, reception des travaux, pv de reception, proces verbal de
        reception, reunion de chantier, chantier*""",
    ),
    _facet(
        "kind:training",
        "training",
        """training, trainings, train the, enablement, webinar*, lunch and learn, coaching,
        schulung*, *schulung, einweisung*, *einweisung, unterweisung*, *unterweisung,
        fortbildung*, weiterbildung*, toolbox talk*, safety briefing*,
        opplaering*, *opplaering, utbildning*, *utbildning, uddannelse*, skolering*,
        formation=, formations=, session de formation*, formateur*, formatrice*""",
    ),
    _facet(
        "kind:support",
        "complaint or escalation",
        """complaint*, escalat*, incident*, outage*, defect*, malfunction*, breakdown,
        reklamation*, *reklamation, beschwerde*, *beschwerde, stoerung*, *stoerung,
        eskalation*, eskalier*, ausfall, ausfaelle, fehlalarm*, maengelruege*, downtime,
        standstill,
        line down, machine down, production stop*, stillstand*, *stillstand, produktionsausfall,
        troubleshoot*, fehlersuche, root cause*, out of spec*, oos=, *problem, *probleme,
        non conformance*, nonconformance*, ncr=, 8d=, massabweichung*, farbabweichung*,
        qualitaetsabweichung*, toleranzabweichung*, fehllieferung*, falschlieferung*,
        minderlieferung*, ersatzlieferung*, transportschaden*, short delivery, short shipment*,
        wrong delivery, damaged in transit,
        offline, out of order, not working, is down, are down, went down, ausser betrieb,
        defekt*, kaputt, funktioniert nicht, geht nicht, ausgefallen, faellt aus, fallen aus,
        fiel aus, broke down, broken down, broken, veraergert, verstimmt, angry customer*,
        unhappy about, unhappy with, unzufrieden*, dissatisfied, beschwert sich,
        beschweren sich, vorfall, vorfaelle, lieferverzug*, lieferengpass*, terminverzug*,
        fehlteil*, backorder*, supply shortage*, parts shortage*, component shortage*,
        klacht*, *klacht, escalatie*,
        reklamasjon*, *reklamasjon, klagomal*, eskalering*, driftsstans*, driftsstopp*,
        driftsstoerning*, nedetid*, havari*,
        reclamation*, plainte*, panne=, pannes=, dysfonctionnement*, litige*, non conformite*, arret
        de production, mecontent*, insatisfait*""",
        # "Offline" also says a meeting is held in person.
        unless="offline meeting*, offline termin*, offline treffen, offline event*",
    ),
    _facet(
        "kind:service",
        "service and maintenance",
        """service*, *service, maintenance, maintain*, repair*, spare part*, uptime, call out*,
        callout*, field service, wartung*, *wartung, instandhaltung*, inspektion*, reparatur*,
        ersatzteil*, kundendienst*, techniker*, onderhoud*, *onderhoud,
        vedlikehold*, *vedlikehold, underhall*, *underhall, vedligehold*, *vedligehold,
        contrat d entretien*, contrat de maintenance, entretien preventif*, visite d
        entretien*, depannage*, sav=, piece de rechange, pieces de rechange, pieces
        detachees, reparation*""",
        # Putting a plant into operation ("mise en service") is its installation.
        unless="mise en service*",
    ),
    _facet(
        "kind:retrofit",
        "retrofit or upgrade",
        """retrofit*, modernis*, moderniz*, upgrade*, overhaul*, refurbish*, umbau*, *umbau,
        modernisierung*, nachruest*, ertuechtigung*, generalueberholung*,
        oppgradering*, uppgradering*, opgradering*,
        renovation*, mise a niveau, remplacement du parc""",
    ),
    _facet(
        "kind:event",
        "trade show or event",
        """trade show*, tradeshow*, trade fair*, expo, exhibition, booth, conference,
        summit, congress, messe*, *messe, messestand, standdienst, kongress*, *kongress,
        konferenz*, *konferenz, veranstaltung*, field day*, feldtag*, *feldtag, roadshow*,
        customer day*, kundentag*, hausausstellung*, infotag*,
        maessa*, *maessa, konferanse*, *konferanse, konferens*, *konferens, konference*,
        *konference, kundedag*, kunddag*,
        salon professionnel*, salon= du, salon= de, congres=, exposition, journee client*,
        journee portes ouvertes, portes ouvertes""",
        # Measuring and knives are no trade fair; a bidders' conference is the tender's, and a
        # conference call or room is where any meeting happens.
        unless="""*gemessen, vermessen*, nachmessen, aufmessen, abmessen, ausmessen, messer*,
        messung*, bieterkonferenz*, bidders conference*, bidder conference*,
        telefonkonferenz*, videokonferenz*, webkonferenz*, onlinekonferenz*,
        conference call*, conference room*, conference line*, konferenzraum*, konferenzsaal*,
        telefonkonferanse*, videokonferanse*, telefonkonferens*, videokonferens*,
        telefonkonference*, videokonference*""",
    ),
    # --- internal meetings ---------------------------------------------------------
    _facet(
        "kind:forecast",
        "forecast review",
        """forecast*, pipeline*, deal review*, deal durchsprache*, commit call, sales review,
        revenue review, revenue meeting*, revenue call*, numbers call, numbers review,
        number call, zahlenrunde, zahlen call,
        umsatzrunde, prognose*, *prognose, umsatzplanung, *pipeline,
        prognos=,
        prevision*, previsionnel*, revue du pipe*, revue de pipe*, point pipe*, revue des
        affaires, point chiffres""",
    ),
    _facet(
        "kind:one_on_one",
        "one-on-one",
        """one on one, jour fixe, jourfixe, coaching, mitarbeitergespraech*,
        einzelgespraech*, personal development, entwicklungsgespraech*, with your manager,
        with my manager, skip level,
        medarbeidersamtale*, medarbetarsamtal*, medarbejdersamtale*,
        point individuel, entretien individuel, tete a tete, entretien annuel""",
    ),
    _facet(
        "kind:team",
        "team meeting",
        """standup, stand up, team meeting, team sync, team weekly, weekly sync,
        daily sync*, daily scrum*, daily stand*, daily meeting*, daily call*, daily huddle*,
        team daily, retro, retrospective, teammeeting, teambesprechung,
        team runde, teamrunde, abteilungsmeeting, abteilungsrunde, vertriebsrunde,
        teamoverleg*, werkoverleg*,
        teammoete*, teammoede*, avdelingsmoete*, avdelningsmoete*, afdelingsmoede*, salgsmoete*,
        saeljmoete*, salgsmoede*,
        reunion d equipe, point d equipe, point equipe, reunion hebdo*, point hebdo*,
        reunion commerciale, reunion de service""",
        # A call on Microsoft Teams is no team meeting; "daily" alone is mostly an adjective in
        # a tip ("daily rates", "check the portal daily"), so only a daily meeting counts.
        unless="teams meeting*, microsoft teams, ms teams, teams call*, via teams, per teams",
    ),
    _facet(
        "kind:planning",
        "account planning",
        """account plan*, territory plan*, planning, business plan*, strategy, strategie*,
        planung, planungsrunde*, planungsmeeting*, planungsgespraech*, planungstermin*,
        planungsworkshop*, accountplanung, kundenplanung, gebietsplanung, vertriebsplanung,
        absatzplanung, umsatzplanung, budgetplanung, jahresplanung, quartalsplanung,
        kapazitaetsplanung, mengenplanung, bedarfsplanung, strategieplanung,
        planlegging*, planering*, planlaegning*, strategi=, strategimoete*, strategimoede*,
        plan de compte*, planification*, plan d action commercial*, plan d affaires""",
        # Planning one's own leave, trip or wedding is not planning work, nor is planning a
        # trade-fair stand (and the French "planning" is a schedule). (German compounds
        # in "-planung" are listed above: most plan a room, a building or a job, not accounts.)
        unless="""vacation planning, holiday planning, leave planning, travel planning,
        trip planning, wedding planning, party planning, partyplanung, feierplanung,
        stand planning, booth planning, event planning, trade fair planning,
        trade show planning, exhibition planning, planning salon*, planning du salon,
        planning des salons, planning de salon, planning stand*, planning du stand""",
    ),
    # Sales asks colleagues to approve a price, a discount or a credit line: the deal desk, a
    # pricing or credit committee. Held without the customer, like a bid review, but its tips
    # ("get the deal desk's sign-off before the price talk") serve the customer meeting too,
    # so it is no internal kind (``scoring.UNINVITED_KINDS``).
    _facet(
        "kind:deal_desk",
        "deal desk",
        """deal desk*, dealdesk*, deal approval*, pricing approval*, price approval*,
        discount approval*, pricing committee*, credit committee*, angebotsfreigabe*,
        preisfreigabe*, rabattfreigabe*, margenfreigabe*, konditionsfreigabe*,
        konditionenfreigabe*, kalkulationsfreigabe*, freigabe rabatt*, freigabe der rabatt*,
        freigabe sonderkondition*, freigabe der sonderkondition*, kreditkomitee*,
        kreditausschuss*, kreditvorlage*,
        validation de remise*, validation des remises, validation des prix, validation
        tarifaire, comite de credit, comite des prix""",
    ),
    _facet(
        "kind:interview",
        "interview",
        """interview*, candidate*, hiring, recruit*, bewerb*, vorstellungsgespraech*,
        einstellungsgespraech*,
        intervju*, rekrutter*, rekryter*,
        entretien d embauche, entretien de recrutement, candidat=, candidats=, candidate=,
        recrutement*, embauche*""",
    ),
    # --- topics --------------------------------------------------------------------
    _facet(
        "topic:pricing",
        "pricing",
        """price, prices, pricing, priced, list price, quote, quotes, quotation*, proposal*,
        cost, costs, total cost, tco, preis*, *preis, angebot*, *angebot,
        kosten, *kosten, kalkulation, offert*, *offert*, kostenvoranschlag*, estimate,
        estimates, fee, fees, honorar*, *honorar,
        pris=, priser, prisene, prislist*, tilbud*, kostnad*, *kostnad, omkostning*,
        prix=, tarif=, tarifs=, tarification*, devis, offre=, offres=, proposition
        commerciale*, chiffrage*, cout=, couts=, cout total""",
        # A call for tenders is the tender, not its offer's price.
        unless="appel d offres, appels d offres",
    ),
    _facet(
        "topic:competition",
        "competition",
        """competit*, rival*, bake off, bakeoff, shootout, vs=, versus, compar*, differentiat*,
        how we differ, incumbent*, wettbewerb*, *wettbewerb, konkurren*, vergleich*, *vergleich,
        mitbewerb*,
        concurrence*, concurrents=, concurrentiel*, comparatif*""",
    ),
    _facet(
        "topic:budget",
        "budget and business case",
        """budget*, *budget, roi, return on investment, business case, payback, financing,
        leasing, wirtschaftlichkeit*, amortis*, finanzierung*, *finanzierung, investition*,
        funding, subsidy, subsidies, subsidis*, subsidiz*, grant application*, foerderung*,
        foerdermittel*, foerderantrag*, foerderaufruf*, foerderprogramm*, foerderkredit*,
        foerdergeld*, foerderfaehig*, foerderzusage*, foerderbescheid*, investitionszuschuss*,
        budsjett*, *budsjett, finansiering*, investering*, tilskud*,
        financement*, subvention*, retour sur investissement, rentabilite*, investissement*""",
    ),
    _facet(
        "topic:compliance",
        "compliance",
        """compliance, compliant, audit*, *audit, regulat*, certif*, gxp, gmp, hipaa, baa, mdr,
        ivdr,
        fda, ethics, validation, zertifi*, richtlinie*, konformit*, vorschrift*,
        medizinprodukte*, mpbetreibv, hygiene*, *hygiene, haccp, food safety,
        lebensmittelsicherheit, lebensmittelaufsicht, arbeitssicherheit, health and safety,
        risk assessment*, method statement*, rams=, permit to work, permits to work,
        gefaehrdungsbeurteilung*, zulassung*, *zulassung, homologat*, type approval*,
        hse=, ehs=, sheq=, hms=, revisjon*, sertifi*, arbeidsmiljoe*, arbetsmiljoe*,
        arbejdsmiljoe*,
        conformite*, reglementaire*, reglementation*""",
    ),
    _facet(
        "topic:works_council",
        "works council",
        """works council, staff council, employee representative*, betriebsrat*, *betriebsrat,
        personalrat*, *personalrat, mitbestimmung*, betriebsvereinbarung*,
        *betriebsvereinbarung, dienstvereinbarung*, arbeitnehmervertret*""",
    ),
    _facet(
        "topic:integration",
        "integration",
        """integration*, integrate*, interface*, api, apis, schnittstelle*, *schnittstelle,
        anbindung*, hl7, fhir,
        integrasjon*, grensesnitt*, graenssnitt*,
        interfacage*, connecteur*""",
    ),
    _facet(
        "topic:stakeholders",
        "decision makers",
        """stakeholder*, buying committee, decision maker*, decision making, economic buyer,
        champion*, sponsor*, entscheider*, entscheidungstraeger*, buying center,
        decideur*, comite de decision, parties prenantes""",
    ),
    _facet(
        "topic:follow_up",
        "follow-up",
        """follow up, followup, recap, next steps, nachbereitung, naechste schritte,
        nachfassen, nachfasstermin,
        oppfoelging*, uppfoeljning*, opfoelgning*,
        point de suivi, reunion de suivi, prochaines etapes, compte rendu""",
    ),
    # --- who attends ---------------------------------------------------------------
    _facet(
        "role:finance",
        "finance",
        """cfo, fd=, finance director, financial director, finance, financial, controller,
        controlling, treasurer, commercial director, finanzleiter*, finanzchef*,
        finanz*, *finanz, kaufmaennisch*, kaufm,
        oekonomisjef*, ekonomichef*, oekonomichef*, finansdirektoer*, oekonomiavdeling*,
        ekonomiavdelning*, oekonomiafdeling*,
        daf=, directeur financier, directrice financiere, direction financiere, financier*,
        comptab*, controleur de gestion""",
    ),
    _facet(
        "role:it",
        "IT",
        """cio, cto, itdept, architect*, architecture, infrastructure,
        edv, informatik,
        dsi=, informatique=, service informatique, direction informatique""",
        # Architectural lighting, glass or practices are buildings, not IT.
        unless="""architectural*, landscape architect*, interior architect*,
        architecture firm*, architecture practice*""",
    ),
    # The planners who specify what gets built: architects, consulting engineers, designers.
    _facet(
        "role:planner",
        "architects and planners",
        """architekt, architektin*, *architekt, *architekten, architekturbuero*,
        *architekturbuero, architectural practice*, architecture firm*, architecture practice*,
        landscape architect*, interior architect*, interior designer*, lighting designer*,
        consulting engineer*, specifier*, fachplaner*, *fachplaner, planer, planungsbuero*,
        *planungsbuero, ingenieurbuero*, *ingenieurbuero""",
        unless="""itdept architekt*, it architekt*, software architekt*, enterprise architekt*,
        solution architekt*, solutions architekt*, cloud architekt*, daten architekt*""",
    ),
    _facet(
        "role:executive",
        "executive",
        """executive*, exec, execs, ceo, coo, cmo, cro, c level, vp=, vps, vice president,
        president, managing director, board meeting, board member*, geschaeftsfuehr*,
        geschaeftsleitung, vorstand*, *vorstand, management,
        administrerende direktoer*, styremoete*, styrelsemoete*, bestyrelsesmoede*,
        konsernsjef*, koncernchef*, ledergruppe*, ledningsgrupp*,
        pdg=, directeur general, directrice generale, direction generale, comite de
        direction, codir=, comex=""",
    ),
    _facet(
        "role:procurement",
        "procurement",
        """procurement, purchasing, purchaser*, buyer, buyers, purchase order, sourcing,
        einkauf=, einkaufs*, einkaeufer*, beschaffung*, *beschaffung, *einkauf=, inkoop*,
        inkoper*,
        innkjoep*, inkoep*, indkoeb*, anskaffelse*,
        achat*, acheteur*, acheteuse*, approvisionnement*""",
    ),
    _facet(
        "role:legal",
        "legal",
        """legal, counsel, lawyer*, attorney*, jurist*, rechtsabteilung, anwalt, *anwalt,
        syndikus,
        advokat*,
        juridique*, avocat*, service juridique""",
    ),
    _facet(
        "role:clinical",
        "clinicians",
        """physician*, clinician*, clinical, doctors, nurse*, nursing, surgeon*, chefarzt*,
        oberarzt*, aerzte, aerztin*, pflege*, *pflege, stationsleitung, klinisch*,
        medecin*, infirmier*, infirmiere*, chirurgien*, cadre de sante, soignant*, bloc
        operatoire""",
    ),
    # --- the customer's industry ---------------------------------------------------
    _facet(
        "industry:healthcare",
        "healthcare",
        """health, healthcare, hospital*, clinic*, klinik*, *klinik, klinikum*, *klinikum,
        krankenhaus*, *krankenhaus, kliniken, medical, medizin*, patient*, hipaa, praxis=,
        arztpraxis, *praxis,
        sykehus*, *sykehus, sjukhus*, *sjukhus, sygehus*, *sygehus, helseforetak*,
        clinique*, hopital*, hopitaux, sante=, chu=, ehpad*, centre hospitalier*,
        hospitalier*, hospitaliere*""",
        # Hotels and catering, and safety at work.
        unless="hospitality, health and safety, health safety",
    ),
    _facet(
        "industry:public_sector",
        "public sector",
        """government*, public sector, government agency, government agencies, public agency,
        federal agency, state agency, executive agency, ministry, municipal*, municipality,
        council, city of, county, federal, public authorit*, behoerde*, *behoerde,
        ministerium, *ministerium, kommune*, kommunal*, gemeinde*, stadtverwaltung,
        landratsamt, landkreis, oeffentliche hand, oeffentlicher auftraggeber,
        *kommune, kommun=, kommunen, *kommun, fylkeskommun*, myndighet*, myndighed*,
        direktorat*, *direktoratet, offentlig sektor,
        collectivite*, mairie*, municipalite*, administration publique, service public""",
        unless="works council, staff council, employee council",
    ),
    _facet(
        "industry:education",
        "education",
        """university, universities, universitaet*, college*, school district, campus,
        hochschule*, *hochschule, faculty,
        universitet*, hoegskole*, hoegskola*, hoejskole*,
        universite*, haute ecole*""",
    ),
    _facet(
        "industry:pharma",
        "pharma",
        """pharma*, biotech*, life science*, gxp, gmp, clinical trial*""",
    ),
    _facet(
        "industry:financial",
        "financial services",
        """bank, banks, banking, insurance, insurer*, fintech, financial services,
        versicherung*, *versicherung, sparkasse*,
        forsikring*, *forsikring, foersaekring*, *foersaekring,
        banque*, assureur*, compagnie d assurance*""",
    ),
    _facet(
        "industry:manufacturing",
        "manufacturing",
        """manufactur*, factory, factories, production line*, industrial, fertigung*,
        produktion*, maschinenbau, fabrik*, industrie*, metallbau, stahlbau, anlagenbau,
        werkzeugbau, formenbau, giesserei*, spritzguss*, kunststofftechnik, zerspanung*,
        metal fabrication, machining, foundry, foundries,
        fabrikk*, *fabrikk, produksjon*, industri=,
        usine*, fabricant*, industriel*, industrielle*""",
    ),
    _facet(
        "industry:automotive",
        "automotive",
        """automotive, automobil*, autozuliefer*, autoindustrie, auto=,
        autos=, autohaus*, autohaeuser, kfz*, carmaker*, car maker*, car dealer*""",
        # A contract that renews itself is no car.
        unless="auto renew*, auto verlaenger*",
    ),
    _facet(
        "industry:food",
        "food and beverage",
        """food, foods, beverage*, brewery, breweries, dairy, dairies, bakery, bakeries,
        snack*, confectioner*, brauerei*, molkerei*, getraenk*, lebensmittel*, nahrungsmittel*,
        baeckerei*, fleischwaren*, suesswaren*, *brauerei, *molkerei, feinkost*, delicatessen*,
        meat, meats, poultry, fleisch, fleischerei*, metzgerei*, schlachthof*, gefluegel*,
        naeringsmiddel*, livsmedel*, foedevare*, bakeri*, meieri*, mejeri*, bryggeri*,
        slakteri*,
        alimentaire*, agroalimentaire*, boulangerie*, laiterie*, fromagerie*""",
    ),
    _facet(
        "industry:retail",
        "retail",
        """retail*, retailer*, stores, supermarket*, e commerce, ecommerce, einzelhandel*,
        filiale*, handelskette*,
        dagligvare*, detaljhandel*,
        magasin*, grande distribution, commerce de detail""",
    ),
    _facet(
        "industry:logistics",
        "logistics",
        """logistic*, shipping, shipment*, freight, warehouse*, fleet, spedition*,
        lager=, lagerhaus*, fuhrpark,
        entrepot*, transporteur*""",
    ),
    # --- setting -------------------------------------------------------------------
    _facet(
        "setting:onsite",
        "in person",
        """onsite, on site, site visit, visit, visiting, besuch, *besuch, vor ort,
        bezoek*, *bezoek, rondleiding*,
        in person, walkthrough, parking, park=, parken, parkplatz*, *parkplatz,
        entrance, eingang, *eingang, reception, empfang, lobby, visitor*, besucher*, badge*,
        check in at, security desk, loading dock, directions, anfahrt, wegbeschreibung,
        pforte, werksbesichtigung, besichtigung*, *besichtigung, walkround*,
        walk round*, walkaround*, site walk*, begehung*, *begehung, rundgang*, *rundgang,
        shop walk*, store walk*, floor walk*, plant tour*, factory tour*, site tour*,
        werksfuehrung*, betriebsfuehrung*,
        befaring*, *befaring, besoek*, *besoek, besoeg*, *besoeg, omvisning*, rundvisning*,
        sur site, sur place, en presentiel, accueil=""",
        # Orders, payments and mail come in too ("Auftragseingang"); lobbying is no lobby;
        # parking a question (on a facilitator's "parking lot") is putting it off.
        unless="""auftragseingang*, zahlungseingang*, rechnungseingang*, posteingang*,
        lobbying, lobbyist*, park it, park them, park that, park this, park anything,
        park everything, park detail*, park question*, park issue*, park topic*, park off,
        park the topic*, park the question*, keep a parking lot, use a parking lot,
        booth visitor*, stand visitor*, visitor count*, visitor number*, badge scan*,
        besucherzahl*, messebesucher*, standbesucher*""",
    ),
    # --- not work (meeting side only) ----------------------------------------------
    _facet(
        "offwork:personal",
        "personal",
        """dentist*, orthodont*, doctor s, doctor appointment, physio*, therapy, therapist,
        gym, workout, yoga, fitness, haircut, hairdresser, barber, lunch=, lunch break,
        dinner=, breakfast=, brunch, coffee break, birthday, wedding, funeral, vacation,
        holiday*, day off, out of office, ooo, pto, sick leave, errand*, pick up, drop off,
        school run, kids, childcare, daycare, vet, private, privat, personal=,
        doctor=, optician, gp appointment, arzt=, zahnarzt*, arzttermin*, hausarzt*, tierarzt*,
        augenarzt*, kinderarzt*, frauenarzt*, hautarzt*, optiker, kieferorthop*, physiotherap*,
        friseur*, frisoer*, mittag=, mittagessen, mittagspause, abendessen, fruehstueck,
        kaffeepause, geburtstag*, hochzeit*, beerdigung, urlaub*, *urlaub, feiertag*,
        krank=, krankmeldung, abholen, *abholen, kita, kindergarten, elternabend,
        besorgung*, einkaufen=, reifenwechsel, umzug,
        ersatzwagen*, leihwagen*, courtesy car*, loan car*,
        tandarts*, huisarts*, vakantie*, verjaardag*,
        tannlege*, tandlaege*, tandlaekar*, legetime*, legebesoek*, laegetid*, laegebesoeg*,
        laekarbesoek*, laekare*, laekartid*, fysioterap*, trening=, treningsstudio*, ferie=,
        ferien, bursdag*, foedselsdag*, foedelsedag*, bryllup*, broellop*, begravelse*,
        begravning*, barnehage*, foerskola*, boernehave*, foreldremoete*, foeraeldramoete*,
        foraeldremoede*, lunsj=, middag=, frokost=, dekkskift*, daeckbyte*, hjulskift*,
        sykemelding*, sjukskriv*, sygemeld*, flytting=, flytning=,
        dentiste*, rdv medecin, rendez vous medecin, chez le medecin, medecin traitant,
        kine=, kinesitherap*, osteopath*, ophtalmo*, pediatre*, gynecolog*, coiffeur*,
        coiffure*, salle de sport, dejeuner=, petit dejeuner, diner=, anniversaire*,
        mariage*, enterrement*, obseques, vacances, conge=, conges=, jour ferie*, rdv
        perso*, perso=, creche*, garderie*, reunion parents*, veterinaire*, changement de
        pneus, controle technique, demenagement*""",
        # Business that calls itself private.
        unless="""private offer*, private equity, private cloud, private label*, private sector,
        private bank*, private beta, private preview, private market*, privatkund*""",
    ),
    # One's own home, and the insurance of one's home and car: whatever the title says about
    # contracts, renewals, handovers or a service, it is the seller's own life (see
    # ``meeting.profile_meeting``).
    _facet(
        "offwork:home",
        "at home",
        """at home, my place, zu hause, zuhause, daheim, wohnung=, wohnungs*, my flat,
        our flat, my apartment, our apartment, flat viewing, apartment viewing,
        flat handover, home insurance, house insurance, contents insurance, car insurance,
        motor insurance, hausrat*, privathaftpflicht*, private haftpflicht*,
        kfz versicherung*, autoversicherung*, vollkasko*, teilkasko*, kfz vertrag*,
        kfz police*, kfz polizze*,
        hjemme=, hemma=, bilforsikring*, husforsikring*, innboforsikring*, indboforsikring*,
        hemfoersaekring*, bilfoersaekring*,
        a la maison, chez moi, mon appartement, notre appartement, assurance habitation,
        assurance auto*, assurance voiture""",
        # Working from home is work; the housing trade is a trade.
        unless="""home office, homeoffice, from home, wfh, wohnungswirtschaft*,
        wohnungsunternehm*, wohnungsgenossenschaft*, wohnungsbau*, wohnungsverwalt*,
        wohnungsbestand*, wohnungsmarkt*""",
    ),
    _facet(
        "offwork:travel",
        "travel",
        """flight*, flug, *flug, fluege, train= to, train= from, zug nach, zugfahrt, bahnfahrt,
        bahn=, ice=, railjet, rj=, tgv, eurostar, nightjet, thalys, westbahn, hotel*,
        airport, flughafen, taxi, uber, commute, pendeln, layover, boarding,
        terminal= ?,
        check out, anreise, abreise, rueckreise, hinreise, reise=, travel*, drive to,
        fahrt nach, rueckfahrt, hinfahrt,
        flyreise*, flyresa*, flyrejse*, togreise*, togrejse*, tagresa*, hotell*, lufthavn*,
        flygplats*, avreise*, hjemreise*, hemresa*, hjemrejse*, afrejse*,
        vol=, vols=, train= pour, train= vers, train= retour, aeroport*, gare de, a la gare,
        en gare, aller retour, voyage*""",
        unless="pflug*, pfluege",  # a plough is no flight
    ),
    _facet(
        "offwork:company",
        "company event",
        """all hands, all hand, town hall, townhall, company meeting, company event,
        company update, staff meeting, christmas party, holiday party, summer party,
        team event, team building, teambuilding, offsite, off site, sales kick off, sko=,
        kick off party, weihnachtsfeier, sommerfest, betriebsausflug, firmenfeier,
        betriebsversammlung, mitarbeiterversammlung, teamevent, firmenevent,
        christmas do, christmas lunch, christmas dinner, christmas social, xmas party, xmas do,
        team social, staff social, summer social, weihnachtsessen, personalanlass,
        julebord*, julbord*, julfest*, julefest*, julefrokost*, allmoete*, personalmoete*,
        personalmoede*, firmafest*, personalfest*,
        soiree de noel, fete de noel, repas de noel, fete de fin d annee, soiree d
        entreprise, seminaire d entreprise, apero d equipe, apero de noel, afterwork*,
        pleniere*""",
    ),
    _facet(
        "offwork:focus",
        "focus time",
        """focus*, fokus*, deep work, heads down, do not book, dont book, nicht buchen,
        no meetings, blocker, blocked, block=, hold=, admin time, email time, busy=,
        placeholder, platzhalter, reserviert, blockiert, geblockt, keine termine,
        opptatt=, upptagen=, optaget=,
        temps de concentration, bloc concentration, ne pas reserver, ne pas planifier, pas
        de reunion, temps admin""",
        # A focus group is market research with people in the room.
        unless="focus group*, fokusgruppe*",
    ),
    # --- what a meeting among colleagues does (meeting side only) ---------------------
    _facet(
        "internal:prep",
        "preparation",
        """prep=, preps=, prepare, preparing, preparation*, vorbereitung*, *vorbereitung,
        vorbereiten, dry run, rehearsal*, probelauf, generalprobe, pitch practice,
        run through,
        forberedelse*, foerberedelse*, forberede*, foerbered*,
        preparer=, repetition*""",
    ),
    # Sales handing a won customer to the people who deliver: the customer's work, prepared
    # among colleagues. Not a handover to a deputy before a holiday.
    _facet(
        "internal:handover",
        "handover to delivery",
        """handover to cs, handover to customer success, handover to service*,
        handover to delivery, handover to professional service*, handover to ps,
        handover to project*, handover to the project*, handover to implementation,
        handover to onboarding, sales handover, sales to delivery handover, sales to cs,
        uebergabe an ps, uebergabe an cs, uebergabe an service*, uebergabe an den service*,
        uebergabe an professional service*, uebergabe an delivery, uebergabe an projekt*,
        uebergabe an das projekt*, uebergabe an die projekt*, uebergabe an implementier*,
        uebergabe vertrieb*, uebergabe an die abwicklung, uebergabe an innendienst""",
    ),
)

BY_NAME = {facet.name: facet for facet in FACETS}
# Kinds of meeting held among colleagues. With someone from outside in the room they are not
# what the meeting is: a "jour fixe" or "weekly sync" with a customer is a customer meeting.
# The routine ones may name any other kind on their agenda ("Teamrunde: Messe, Ausschreibung
# Klinikum") and stay what they are; a bid review's agenda is always some tender.
ROUTINE_INTERNAL_KINDS = frozenset(
    {"kind:forecast", "kind:one_on_one", "kind:team", "kind:planning", "kind:interview"}
)
INTERNAL_KINDS = ROUTINE_INTERNAL_KINDS | {"kind:bid_review"}
WORK_GROUPS = frozenset(GROUP_WEIGHT)


def of_groups(facets: Mapping[str, _V], groups: frozenset[str]) -> dict[str, _V]:
    """The facets (or hit counts) whose group is one of ``groups``: ``WORK_GROUPS`` drops
    the off-work and internal markers that only decide whether a meeting is work."""
    return {name: value for name, value in facets.items() if BY_NAME[name].group in groups}


def facet_hits(folded_text: str) -> dict[str, int]:
    """How often each facet's cues occur in already folded text."""
    return facet_hits_per_field([folded_text])[0]


def facet_hits_per_field(folded_texts: list[str]) -> list[dict[str, int]]:
    """``facet_hits`` for several fields at once: one scan per facet over all of them."""
    joined = " | ".join(folded_texts)
    starts = []
    offset = 0
    for text in folded_texts:
        starts.append(offset)
        offset += len(text) + 3
    out: list[dict[str, int]] = [{} for _ in folded_texts]
    if not joined.strip(" |"):
        return out
    for facet in FACETS:
        text = joined
        if facet.mask is not None:  # blank out the phrases that only look like a cue
            text = facet.mask.sub(lambda m: " " * len(m.group()), joined)
        for match in facet.pattern.finditer(text):
            field = bisect_right(starts, match.start()) - 1
            hits = out[field]
            hits[facet.name] = hits.get(facet.name, 0) + 1
    return out


def combine(fields: list[tuple[dict[str, int], float]]) -> dict[str, float]:
    """Facet strengths in [0, 1] from hit counts per field and each field's weight.

    Each hit is independent evidence: strength = 1 - Π (1 - weight)^hits, so one
    tag says more than one mention in a long body, and repeats add up slowly.
    """
    missing: dict[str, float] = {}
    for hits, weight in fields:
        for name, count in hits.items():
            missing[name] = missing.get(name, 1.0) * (1.0 - weight) ** min(count, 3)
    return {name: round(1.0 - rest, 3) for name, rest in missing.items() if rest < 1.0}
