"""Meeting-side markers only: what is not work at all (one's own errands and home, travel,
company events, focus blocks), what a meeting among colleagues does (preparing,
handing a won customer to delivery) and what a meeting says of itself (urgent). No tip is
ever *for* these.
"""

from __future__ import annotations

from core.ranking.lexicon.cues import Facet, facet

NOT_WORK: tuple[Facet, ...] = (
    # --- not work (meeting side only) ----------------------------------------------
    facet(
        "offwork:personal",
        "personal",
        """dentist*, orthodont*, doctor s, doctor appointment, physio*, therapy, therapist,
        gym, workout, yoga, fitness, haircut, hairdresser, barber, lunch=, lunch break,
        dinner=, breakfast=, brunch, coffee break, birthday, wedding, funeral, vacation,
        holiday*, day off, out of office, ooo, pto, sick leave, errand*, pick up, drop off,
        school run, kids, childcare, daycare, vet, private, privat, personal=,
        doctor=, optician, gp appointment, arzt=, zahnarzt*, arzttermin*, hausarzt*,
        tierarzt*,
        augenarzt*, kinderarzt*, frauenarzt*, hautarzt*, optiker, kieferorthop*,
        physiotherap*,
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
        pneus, controle technique, demenagement*,
        dentista*, dal medico, visita medica, appuntamento medico, medico di base,
        fisioterap*, osteopat*, oculista*, pediatra*, parrucchier*, barbiere, palestra,
        pranzo=, cena=, colazione, compleanno*, matrimonio*, funerale*, vacanz*, permesso=,
        malattia, asilo nido, asilo=, colloquio con gli insegnanti, riunione genitori,
        veterinari*, cambio gomme, cambio pneumatici, revisione auto, tagliando auto,
        trasloco*,
        cita medica, cita con el medico, consulta medica, medico de cabecera, peluqueria*,
        gimnasio*, almuerzo=, comida=, desayuno*, cumpleanos, boda=, bodas=, vacaciones, dia
        libre, baja medica, guarderia*, cambio de neumaticos, mudanza*,
        medico de familia, cabeleireir*, barbearia*, ginasio*, almoco=,
        jantar=, pequeno almoco, aniversario*, casamento*, em ferias, dia de folga, folga=,
        baixa medica, infantario*, reuniao de pais, troca de pneus, mudanca de pneus,
        inspecao do carro, inspecao automovel, revisao do carro, mudanca de casa,
        dentyst*, lekarz rodzinny, wizyta u lekarza, wizyta lekarska, fizjoterap*, fryzjer*,
        silownia, silowni, obiad=, kolacja=, sniadanie=, urodzin*, slub=, slubie=, pogrzeb*,
        urlop*, dzien wolny, zwolnienie lekarskie, przedszkol*, zlobek, zlobka, wywiadowk*,
        weterynarz*, wymiana opon, przeglad samochodu, przeglad auta, przeprowadzk*, odbior
        dziecka,
        hammaslaeaekaeri*, laeaekaeri*, kampaaja*, parturi*, lounas=, lounaalla=,
        syntymaepaeivae*, haeaet=, hautajaiset*, loma=, lomalla=, lomaa=, vapaapaeivae*,
        sairausloma*, paeivaekoti*, paeivaekotiin=, vanhempainilta*, neuvola*,
        renkaanvaihto*, rengasvaihto*, muutto=, hambaarst*, arsti juurde, arsti vastuvott*,
        perearst*, juuksur*, louna=, suennipaeev*, pulmad=, matused=, puhkus*, lasteaed*,
        lasteaeda=, lastevanemate koosolek, rehvivahetus*, fogorvos*, haziorvos*, orvosi
        rendeles, orvoshoz=, fodrasz*, ebed=, ebedszuenet*, szueletesnap*, eskuevo*,
        temetes*, szabadsag=, szabadsagon=, ovoda*, boelcsode*, szueloi ertekezlet*,
        gumicsere*, koeltoezes*, programare la medic, la medic, stomatolog*, frizer*,
        coafor*, pranz=, ziua de nastere, nunta=, nunta=, inmormantare*, concediu=,
        concediul=, gradinita*, sedinta cu parintii, sedinta cu parintii, schimb anvelope,
        schimbare anvelope,
        schwimmen=, uszas=, plavani=, plavanie=, plywanie=""",
        # Business that calls itself private.
        # A lunch and learn is a talk over lunch, given or attended at work. "Personal" is the
        # staff in Spanish, Swedish and German ("formación del personal", "ny personal").
        unless="""private offer*, private equity, private cloud, private label*, private
        sector,
        private bank*, private beta, private preview, private market*, privatkund*,
        lunch and learn, lunch learn,
        personal de, personal del, de personal, del personal, el personal, al personal, su personal,
        nuestro personal, nuevo personal, personal sanitario, personal medico, personal
        tecnico, personal docente, personal interno, personal externo, ny personal, all
        personal, personal och, personal pa, personal und""",
    ),
    # One's own home, and the insurance of one's home and car: whatever the title says about
    # contracts, renewals, handovers or a service, it is the seller's own life (see
    # ``meeting.profile_meeting``).
    facet(
        "offwork:home",
        "at home",
        """at home, my place, zu hause, zuhause, daheim, wohnung=, wohnungs*, my flat,
        our flat, my apartment, our apartment, flat viewing, apartment viewing,
        flat handover, home insurance, house insurance, contents insurance, car insurance,
        motor insurance, hausrat*, privathaftpflicht*, private haftpflicht*,
        kfz versicherung*, autoversicherung*, vollkasko*, teilkasko*, kfz vertrag*,
        kfz police*, kfz polizze*, stellplatz=, tiefgaragenstellplatz=, garagenstellplatz=,
        garagenplatz=, stellplatzmiete*, my parking space, parking space lease, parking space
        rental,
        hjemme=, hemma=, bilforsikring*, husforsikring*, innboforsikring*, indboforsikring*,
        hemfoersaekring*, bilfoersaekring*,
        a la maison, chez moi, mon appartement, notre appartement, assurance habitation,
        assurance auto*, assurance voiture,
        a casa, casa mia, assicurazione casa, assicurazione auto, rc auto, polizza auto,
        en casa, mi casa, seguro de hogar, seguro del hogar, seguro de coche, seguro del
        coche, seguro hogar, seguro coche,
        pojistk* aut*, pojisteni aut*, havarijni pojisteni, povinne ruceni, pojisteni
        domacnost*, pojistk* domacnost*, poistk* aut*, poistenie aut*, havarijne poistenie,
        em casa, minha casa, seguro da casa, seguro de casa, seguro do carro, seguro automovel,
        seguro residencial, seguro auto, seguro do apartamento, do meu apartamento,
        seguro casa, seguros casa, seguros da casa, seguros de casa, seguro carro, seguros
        carro, seguros do carro, seguros auto, seguros hogar, seguros coche,
        w domu, moje mieszkanie, ubezpieczeni* samochod*, ubezpieczeni* auta, ubezpieczeni*
        mieszkani*, ubezpieczeni*
        domu, polisa oc, polisy oc, oc ac, auta prywatnego, samochodu prywatnego,
        kotivakuutu*, autovakuutu*, liikennevakuutu*, katsastu*, auton huolto*, autohuolto*,
        asuntolaina*, kodukindlustu*, liikluskindlustu*, kaskokindlustu*, tehnouelevaatu*,
        autoremont*, kodulaen*, lakasbiztositas*, koetelezo biztositas*, kgfb=, muszaki
        vizsga*, autoszerviz*, lakashitel*, asigurare locuinta, asigurarea locuintei,
        asigurare casa, itp=, service auto, revizie auto, revizia masinii, credit ipotecar""",
        # Working from home is work; the housing trade is a trade.
        unless="""home office, homeoffice, from home, wfh, wohnungswirtschaft*,
        wohnungsunternehm*, wohnungsgenossenschaft*, wohnungsbau*, wohnungsverwalt*,
        wohnungsbestand*, wohnungsmarkt*,
        lavoro da casa, smart working""",
    ),
    facet(
        "offwork:travel",
        "travel",
        """flight*, flug, *flug, fluege, train= to, train= from, zug nach, zugfahrt,
        bahnfahrt,
        bahn=, ice=, railjet, rj=, tgv, eurostar, nightjet, thalys, westbahn, hotel*,
        airport, flughafen, taxi, uber, commute, pendeln, layover, boarding,
        terminal= ?,
        check out, anreise, abreise, rueckreise, hinreise, reise=, travel*, drive to,
        fahrt nach, rueckfahrt, hinfahrt,
        flyreise*, flyresa*, flyrejse*, togreise*, togrejse*, tagresa*, hotell*, lufthavn*,
        flygplats*, avreise*, hjemreise*, hemresa*, hjemrejse*, afrejse*,
        vol=, vols=, train= pour, train= vers, train= retour, aeroport*, gare de, a la gare,
        en gare, aller retour, voyage*,
        volo=, voli=, treno=, aeroporto*, in stazione, alla stazione, stazione centrale,
        albergo*, viaggio*, trasferta*, frecciarossa, frecciargento, trenitalia,
        vuelo*, tren= a, aeropuerto*, estacion de tren, en la estacion, viaje*, renfe,
        voo=, voos=, comboio*, estacao de comboios, na estacao, viagem*, viagens, alfa
        pendular,
        lot do, lot z, lotnisk*, pociag*, podroz*, wyjazd do, powrot z, przejazd*,
        lentokenttae*, lento=, lennolle=, junamatka*, lennujaam*, lennuk*, repueloter*,
        repuelojarat*, repueles=, vonat=, vonattal=, zbor=, zborul=, aeroport*""",
        unless="pflug*, pfluege",  # a plough is no flight
    ),
    facet(
        "offwork:company",
        "company event",
        """all hands, all hand, town hall, townhall, company meeting, company event,
        company update, staff meeting, christmas party, holiday party, summer party,
        team event, team building, teambuilding, offsite, off site, sales kick off, sko=,
        kick off party, weihnachtsfeier, sommerfest, betriebsausflug, firmenfeier,
        betriebsversammlung, mitarbeiterversammlung, teamevent, firmenevent,
        christmas do, christmas lunch, christmas dinner, christmas social, xmas party, xmas
        do,
        team social, staff social, summer social, weihnachtsessen, personalanlass,
        julebord*, julbord*, julfest*, julefest*, julefrokost*, allmoete*, personalmoete*,
        personalmoede*, firmafest*, personalfest*,
        soiree de noel, fete de noel, repas de noel, fete de fin d annee, soiree d
        entreprise, seminaire d entreprise, apero d equipe, apero de noel, afterwork*,
        pleniere*,
        festa di natale, cena di natale, pranzo di natale, aperitivo aziendale, evento
        aziendale, cena aziendale, festa aziendale, convention aziendale, brindisi di
        natale, auguri di natale, riunione plenaria, plenaria,
        cena de navidad, comida de navidad, fiesta de navidad, copa de navidad, evento de
        empresa, fiesta de empresa,
        jantar de natal, almoco de natal, festa de natal, festa da empresa, evento da empresa,
        jantar da empresa, reuniao geral,
        wigilia firmowa, wigilia=, impreza firmowa, spotkanie wigilijne, wyjazd integracyjny,
        spotkanie ogolnofirmowe,
        pikkujoulu*, kesaejuhla*, henkiloestoeinfo*, joulupidu*, suvepaeevad*, karacsonyi
        buli*, ceges buli*, evzaro*, csapatepito*, petrecere de craciun, petrecerea de
        craciun""",
    ),
    facet(
        "offwork:focus",
        "focus time",
        """focus*, fokus*, deep work, heads down, do not book, dont book, nicht buchen,
        no meetings, blocker, blocked, block=, hold=, admin time, email time, busy=,
        placeholder, platzhalter, reserviert, blockiert, geblockt, keine termine,
        opptatt=, upptagen=, optaget=,
        temps de concentration, bloc concentration, ne pas reserver, ne pas planifier, pas
        de reunion, temps admin,
        tempo di concentrazione, lavoro concentrato, non prenotare, blocco agenda, blocco
        calendario, nessuna riunione,
        tiempo de concentracion, no reservar, bloqueado, sin reuniones, bloqueo de agenda,
        tempo de foco, nao marcar, sem reunioes, bloqueio de agenda,
        czas na skupienie, nie rezerwowac, bez spotkan, blokada kalendarza,
        foco=, nao agendar, nao reservar""",
        # A focus group is market research with people in the room.
        # "Block C" is a building's wing, "Block 2" a lot: no one is blocking time.
        unless="focus group*, fokusgruppe*, block= ?",
    ),
    # --- what a meeting among colleagues does (meeting side only) ---------------------
    facet(
        "internal:prep",
        "preparation",
        """prep=, preps=, prepare, preparing, preparation*, vorbereitung*, *vorbereitung,
        vorbereiten, dry run, rehearsal*, probelauf, generalprobe, pitch practice,
        run through, vorbesprechung*, voorbespreking*, voorbereiding*, pre call*, precall*,
        pre meeting*, premeeting*, prebrief*, pre brief*,
        forberedelse*, foerberedelse*, forberede*, foerbered*,
        preparer=, repetition*,
        preparazion*, preparare, prepararsi, prova generale,
        preparacion*, preparar, ensayo*,
        preparacao*,
        przygotowani*""",
    ),
    # Sales handing a won customer to the people who deliver: the customer's work, prepared
    # among colleagues. Not a handover to a deputy before a holiday.
    facet(
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
    # --- what a meeting says of itself (meeting side only) ----------------------------
    # A customer's call marked urgent is a complaint or a breakdown, in every trade: the
    # meeting reads it as one (``meeting.URGENT_IS``). Not a tip: "however urgent the need"
    # in a tip about budgets is no complaint. An urgent care clinic is a place.
    facet(
        "said:urgent",
        "urgent",
        """urgent=, urgente=, urgentes=, dringend=, dringende=, dringender=, pilne=, pilna=,
        pilny=, nalehav*, urgentni=, bradskande=, haster=, kiireellinen=, surgos=, skubu=,
        skubus=, skubi=, skubiai=, steidzami=, steidzams=, steidzama=, nujno=, hitno=""",
        unless="urgent care, how urgent, wie dringend",
    ),
)
