"""Cues in Icelandic and Faroese.

Written in their own spelling, so a reader can check them, and folded when the lexicon
loads the way ``text.fold`` folds every text ("Endurnýjun samnings" becomes "endurnyjun
samnings", "ð" a "d", "þ" a "th"). The cue syntax is the lexicon's (``cues``); both
languages inflect the noun ("samningur", "samning", "samnings", "samningi"), so most cues
are stems with ``*`` or the few forms a calendar uses, written out.

Written from general knowledge of how meetings are named in Iceland and the Faroe Islands,
not from any data set, for the commonest kinds of meeting, topics and off-work entries, as
the other languages' cues were. Words with a second everyday meaning are left out or pinned
down: "endurnýjun" is also a passport's renewal, so only a contract's or an agreement's
counts; "heimsókn" is any visit, as "visit" is, and reads as in person only; "viðhald" is
also one's car's or house's upkeep, so only a service agreement or visit counts.
"""

from __future__ import annotations

from core.ranking.lexicon.cues import language_table

_CUES: dict[str, str] = {
    "kind:discovery": """
        fyrsti fundur, fyrsta fundi, kynningarfund*, þarfagreining*""",
    "kind:demo": """
        sýnikennsl*, vörukynning*, prufukeyrsl*""",
    "kind:presentation": """
        kynning=, kynningu=, kynningar=, glærukynning*""",
    "kind:negotiation": """
        samningaviðræð*, verðviðræð*, samningafund*, lokatilboð*, besta tilboð""",
    "kind:contract": """
        samningur=, samning=, samnings=, samningi=, samningar=, samninga=, samningsdrög*,
        rammasamning*, sáttmáli=, sáttmála=""",
    "kind:renewal": """
        endurnýjun samnings, endurnýjun samningsins, endurnýjun rammasamnings,
        framlenging samnings*, framlenging á samningi, endurnýggjan av sáttmála*""",
    "kind:business_review": """
        ársyfirferð*, ársfjórðungsfund*, ársfjórðungsyfirferð*, árleg yfirferð""",
    "kind:kickoff": """
        upphafsfund*, verkefnisræs*""",
    "kind:site_survey": """
        vettvangsskoðun*, skoðunarferð*, vettvangsferð*""",
    "setting:onsite": """
        heimsókn*, vitjan=, vitjanin=, á staðnum""",
    "kind:installation": """
        uppsetning*, gangsetning*""",
    "kind:training": """
        þjálfun*, námskeið*, venjing=""",
    "kind:support": """
        kvörtun*, kvartan*, bilun=, bilunar=""",
    "kind:service": """
        þjónustuheimsókn*, þjónustusamning*, viðhaldssamning*, þjónustuskoðun*""",
    "kind:event": """
        vörusýning*, sjávarútvegssýning*, ráðstefn*""",
    "kind:tender": """
        útboð*, útboðsgögn*, tilboðsgögn*""",
    "kind:team": """
        teymisfund*, deildarfund*, sölufund*, starfsmannafund*""",
    "kind:forecast": """
        söluspá*""",
    "kind:one_on_one": """
        starfsmannasamtal*""",
    "kind:planning": """
        áætlanagerð*, söluáætlun*""",
    "topic:pricing": """
        verð=, verði=, verðs=, verðlist*, verðtilboð*, tilboð=, tilboði=, tilboðs=,
        afslátt*, prísur=, prísir=, prísar=, prísin=""",
    "topic:competition": """
        samkeppn*, keppinaut*""",
    "topic:payment": """
        greiðsl*, greiðsluskilmál*, reikningur=, reikninga=""",
    "topic:compliance": """
        vottun*, eftirlit*""",
    "topic:follow_up": """
        eftirfylgni*, framhaldsfund*""",
    "offwork:personal": """
        tannlækn*, læknir=, lækni=, læknis=, klipping*, afmæli*, foreldrafund*,
        líkamsrækt*, sumarfrí*, jarðarför*, brúðkaup*, bifreiðaskoðun*""",
    "offwork:home": """
        heimilistrygging*, bílatrygging*, húsatrygging*""",
    "offwork:travel": """
        flug=, flugi=, flugið=, flugvöll*, flugstöð*, hótel=, hóteli=, gisting*, flogfar*,
        flogvøll*""",
    "offwork:company": """
        jólahlaðborð*, árshátíð*, jólagleði*, starfsmannaferð*""",
}

CUES = language_table(_CUES)
