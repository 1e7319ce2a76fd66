"""Cues in Croatian, Serbian and Bosnian (in Latin letters), and in Slovenian.

Written in their own spelling, so a reader can check them, and folded when the lexicon loads
the way ``text.fold`` folds every text ("obnova ugovora", "pogajanja", "sajmu"). The cue
syntax is the lexicon's (``cues``); these languages inflect, so many cues are stems with
``*`` or the few case forms a calendar uses, written out.

Written from general knowledge of how meetings are named in these languages, not from any
data set, for the commonest kinds of meeting, topics and off-work entries, as the other
languages' cues were. Words with a second everyday meaning are left out or pinned down:
"ogled" is also a flat viewing, so only a site's "ogled lokacije" counts; "tehnički
pregled" is a car's roadworthiness test, an errand, not a technical meeting; "cena" (a
price in Serbian and Slovenian) is a dinner in Italian, so only Croatian "cijena" and the
words built on "cen-" count.
"""

from __future__ import annotations

from core.ranking.lexicon.cues import language_table

_CUES: dict[str, str] = {
    "kind:discovery": """
        prvi sastanak, prvog sastanka, prvi sestanek, uvodni sastanak, uvodni sestanek,
        upoznavanje=, upoznavanja=, upoznavni sastanak, spoznavni sestanek, prvi kontakt,
        prvi razgovor, analiza potreba, analiza potreb""",
    "kind:demo": """
        demonstracij*, prikaz rada, prikaz sustava, prikaz sistema, predstavitev izdelka,
        predstavitev sistema""",
    "kind:presentation": """
        prezentacij*, predstavitev*, predstavljanje=""",
    "kind:negotiation": """
        pregovor*, pregovaranj*, pogajanj*, pogajal*, konačna ponuda, konačnu ponudu,
        završna ponuda, završnu ponudu, končna ponudba, končno ponudbo""",
    "kind:contract": """
        ugovor=, ugovora=, ugovoru=, ugovori=, nacrt ugovora, potpisivanje ugovora,
        pogodba=, pogodbe=, pogodbo=, osnutek pogodbe, podpis pogodbe""",
    "kind:renewal": """
        obnova ugovora, obnovu ugovora, obnove ugovora, produljenje ugovora, produženje
        ugovora, istek ugovora, obnova licenc*, produljenje licenc*, podaljšanje pogodbe,
        podaljšanje licenc*, obnova pogodbe, potek pogodbe""",
    "kind:business_review": """
        godišnji pregled, kvartalni pregled, polugodišnji pregled, letni pregled, četrtletni
        pregled, polletni pregled""",
    "kind:kickoff": """
        početni sastanak, pokretanje projekta, početak projekta, početak implementacije,
        zagon projekta, začetek projekta, uvodni sestanek projekta""",
    "kind:reference": """
        referentni posjet, referentna posjeta, referentni poziv, referenčni obisk,
        referenčni klic""",
    "kind:site_survey": """
        obilazak*, obilaska=, obilaska lokacije, obilazak lokacije, pregled lokacije,
        pregled terena, pregled objekta, terenski pregled, ogled lokacije, ogled objekta,
        ogled terena, ogled gradbišča""",
    "kind:installation": """
        montaža=, montaže=, montažu=, montaži=, ugradnja=, ugradnje=, ugradnju=, puštanje u
        rad, puštanje u pogon, primopredaj*, tehnički prijem, vgradnja=, vgradnje=, zagon
        sistema, zagon naprave""",
    "kind:training": """
        obuka=, obuke=, obuku=, obuci=, edukacij*, izobraževanj*, usposabljanj*""",
    "kind:support": """
        reklamacij*, pritužb*, pritožb*, kvar=, kvara=, kvaru=, kvarovi=, kvarova=, okvara=,
        okvare=, eskalacij*""",
    "kind:service": """
        servis=, servisa=, servisu=, servisni*, servisn*, održavanj*, vzdrževanj*""",
    "kind:event": """
        sajam=, sajma=, sajmu=, sajmovi=, sajmova=, sejem=, sejma=, sejmu=, sejmi=, na
        standu, na našem standu, konferencij*""",
    "kind:tender": """
        javna nabava, javne nabave, javnu nabavu, javnoj nabavi, javna nabavka, javne
        nabavke, javni natječaj, javnog natječaja, natječajn* dokumentacij*, prethodno
        savjetovanje, javno naročilo, javnega naročila, javni razpis, javnega razpisa,
        razpisn* dokumentacij*""",
    "kind:bid_review": """
        pregled ponude, interni pregled ponude, pregled ponudbe""",
    "kind:technical": """
        tehnički sastanak, tehnička razrada, tehničko usklađivanje, tehnički sestanek,
        tehnično usklajevanje""",
    "kind:team": """
        sastanak tima, timski sastanak, sastanak prodaje, sestanek ekipe, sestanek prodaje,
        kolegij=""",
    "kind:forecast": """
        pregled prodaje, pregled pipelinea, napoved prodaje, prodajna prognoza""",
    "kind:interview": """
        razgovor za posao, razgovor s kandidat*, zaposlitveni razgovor""",
    "topic:pricing": """
        cijena=, cijene=, cijenu=, cjenik*, cjenovn*, cenik*, cenovn*,
        ponuda=, ponude=, ponudu=, ponudba=, ponudbe=, ponudbo=, popust*""",
    "topic:competition": """
        konkurencij*, konkurent*""",
    "topic:budget": """
        proračun*, budžet*, financiranj*, kredit=, kredita=, kreditu=,
        subvencij*, bespovratn*, eu fondov*, eu fondovi""",
    "topic:payment": """
        plaćanj*, plačil*, uplat*, isplat*, rok plaćanja, rok plačila""",
    "topic:integration": """
        integracij*, povezivanje sustava, povezovanje sistema""",
    "topic:migration": """
        migracij*, prijenos podataka, prenos podatkov, preuzimanje podataka""",
    "offwork:personal": """
        zubar*, zobozdravnik*, liječnik*, lekar*, zdravnik*, frizer*, rođendan*, rojstni dan,
        servis auta, servis avta, tehnički pregled, godišnji odmor, dopust=, vrtić*,
        roditeljski sastanak, roditeljski sestanek, teretana=""",
    "offwork:travel": """
        trajekt=, trajektom=, trajekta=, zračna luka, aerodrom=, vlak=, vlakom=, let za,
        polazak za""",
    "offwork:company": """
        božićna zabava, božićni domjenak, novogodišnji domjenak, domjenak*, božična zabava,
        novoletna zabava, novoletni sprejem""",
}

CUES = language_table(_CUES)
