"""Cues in Latvian and Lithuanian (Estonian, a Finnic language, is in the main tables).

Written in their own spelling, so a reader can check them, and folded when the lexicon
loads the way ``text.fold`` folds every text ("līguma pagarināšana" becomes "liguma
pagarinasana", "sutarties pratęsimas" "sutarties pratesimas"). The cue syntax is the
lexicon's (``cues``); both languages inflect the noun, so most cues are stems with ``*``.

Written from general knowledge of how meetings are named in Latvia and Lithuania, not from
any data set, for the commonest kinds of meeting, topics and off-work entries, as the other
languages' cues were. Words with a second everyday meaning are left out or pinned down:
Latvian "cena" is the Spanish and Italian dinner, so only its other forms are price;
"apskate" is also a car's inspection ("tehniskā apskate"), which ``kind:site_survey``
leaves to the personal errands; "apkope" is also a car's service, so only a service
contract counts.
"""

from __future__ import annotations

from core.ranking.lexicon.cues import language_table

_CUES: dict[str, str] = {
    "kind:discovery": """
        iepazīšanās tikšanās, pirmā tikšanās, vajadzību analīze, pirmasis susitikimas,
        įžanginis susitikimas, pažintinis susitikimas""",
    "kind:demo": """
        demonstrācij*, produkta demonstrācij*, demonstravim*""",
    "kind:presentation": """
        prezentācij*, prezentacij*, pristatym*""",
    "kind:negotiation": """
        pārrunas=, pārrunām=, cenu sarunas, sarunas par cen*, derybos=, derybų=, derybas=,
        kainų derybos, galīgais piedāvājums, galutinis pasiūlymas""",
    "kind:contract": """
        līgum*, sutartis=, sutarties=, sutartį=, sutarčių=, sutarties projekt*,
        pamatlīgum*, preliminarioji sutartis""",
    "kind:renewal": """
        līguma pagarināšan*, līguma atjaunošan*, pagarinājum*, sutarties pratęsim*,
        pratęsimas=, sutarties atnaujinim*""",
    "kind:business_review": """
        ceturkšņa pārskat*, gada pārskata tikšanās, metinė apžvalga, metinės apžvalgos,
        ketvirčio apžvalg*""",
    "kind:kickoff": """
        projekta uzsākšan*, ievadsanāksm*, projekto pradžia, projekto pradžios,
        įžanginis posėdis""",
    "kind:site_survey": """
        apskate=, apskati=, apskates=, objekta apskat*, objekto apžiūr*, apžiūra=,
        apžiūros=""",
    "setting:onsite": """
        apmeklējum*, vizīte=, vizītē=, vizīti=, vizitas=, vizito=, apsilankym*""",
    "kind:installation": """
        uzstādīšan*, montāž*, įrengim*, montavim*""",
    "kind:training": """
        apmācīb*, mokym*""",
    "kind:support": """
        sūdzīb*, reklamācij*, pretenzij*, skund*, skundas=""",
    "kind:service": """
        apkopes līgum*, servisa līgum*, techninė priežiūra, techninės priežiūros,
        aptarnavimo sutart*, serviso sutart*""",
    "kind:event": """
        izstāde=, izstādē=, izstādes=, paroda=, parodoje=, parodos=, mugė=, mugėje=""",
    "kind:tender": """
        iepirkum*, iepirkuma dokument*, viešasis pirkimas, viešųjų pirkimų, viešojo
        pirkimo, pirkimo dokument*, pirkimo sąlyg*""",
    "kind:team": """
        komandas sanāksm*, darbinieku sapulc*, pārdošanas sapulc*, komandos susitikim*,
        pardavimų susirinkim*, skyriaus susirinkim*""",
    "kind:forecast": """
        pārdošanas prognoz*, pardavimų prognoz*""",
    "kind:planning": """
        plānošan*, planavim*""",
    "topic:pricing": """
        cenu=, cenām=, cenrād*, piedāvājum*, atlaid*, kaina=, kainos=, kainą=, kainų=,
        kainoraš*, pasiūlym*, nuolaid*""",
    "topic:competition": """
        konkurent*""",
    "topic:payment": """
        maksājum*, rēķin*, mokėjim*, sąskait*""",
    "topic:compliance": """
        sertifikācij*, sertifikavim*""",
    "topic:follow_up": """
        turpinājuma tikšanās, atkārtota tikšanās, tolesni žingsniai, kiti žingsniai""",
    "offwork:personal": """
        zobārst*, ārsts=, ārsta=, pie ārsta, frizier*, dzimšanas dien*, vecāku
        sapulc*, atvaļinājum*, odontolog*, gydytoj*, kirpykl*, gimtadien*, tėvų
        susirinkim*, atostog*, tehniskā apskate, auto apskate, techninė apžiūra""",
    "offwork:travel": """
        lidojum*, lidost*, viesnīc*, skrydis=, skrydžio=, oro uost*, viešbut*""",
    "offwork:company": """
        ziemassvētku ballīt*, korporatīv*, kalėdų vakarėl*, įmonės vakarėl*""",
}

CUES = language_table(_CUES)
