"""Cues in Bulgarian, where it names a meeting otherwise than Russian (``alphabets``).

Written in Cyrillic, so a reader can check them, and spelled in Latin letters when the
lexicon loads, the way ``text.fold`` spells every text (``core.romanize``): "оглед на
обекта" becomes "ogled na obekta"; the hard sign "ъ" is dropped ("поддръжка" becomes
"poddrzhka"). The cue syntax is the lexicon's (``cues``); Bulgarian adds its article to
the end of the noun ("офертата", "договора"), so many cues are stems with ``*``.

Written from general knowledge of how meetings are named in Bulgarian, not from any data
set, for the commonest kinds of meeting, topics and off-work entries, as the other
languages' cues were. Words with a second everyday meaning are left out or pinned down:
"оглед" is also a flat's viewing, so only a site's, a plant's or an installation's
"оглед на …" is a survey, and a flat's or a house's viewing is a personal errand;
"технически преглед" is a car's roadworthiness test, an errand; "търг" (an auction or
tender) spells "trg", a Croatian square, so only the tender's own phrases count;
"профилактичен преглед" is a medical check-up, so it is no service visit; "представяне"
alone is also introducing a person, so only an offer's, a product's or a company's
"представяне" is a presentation.
"""

from __future__ import annotations

from core.ranking.lexicon.cues import language_table

_CUES: dict[str, str] = {
    "kind:discovery": """
        първи разговор, встъпителна среща, опознавателна среща, среща за запознаване,
        анализ на нуждите""",
    "kind:demo": """
        демо среща, демонстрация на продукт*, демонстрация на систем*""",
    "kind:presentation": """
        представяне на оферт*, представяне на продукт*, представяне на компани*,
        представяне на фирм*, представяне на решени*, представяне на проект*""",
    "kind:negotiation": """
        договаряне=, договаряне на цен*, окончателна оферта, последна оферта""",
    "kind:renewal": """
        удължаване на договор*, продължаване на договор*, изтичане на договор*,
        анекс към договор*""",
    "kind:business_review": """
        тримесечен преглед, годишен преглед на сътрудничеството, преглед на
        сътрудничеството, годишна среща с клиент*""",
    "kind:kickoff": """
        стартова среща, начална среща, старт на проект*, стартиране на проект*""",
    "kind:site_survey": """
        оглед на обект*, огледи на обект*, оглед на място*, оглед на площадк*, оглед на терен*,
        оглед на съществуващ*, оглед на инсталаци*, оглед на съоръжени*, оглед на помещени*,
        оглед на цех*, оглед на завод*, технически оглед, огледи на място""",
    "setting:onsite": """
        посещение=, посещението=, посещение при клиент*, посещение на обект*, на място при
        клиент*, обиколка на завод*, обиколка на цех*""",
    "kind:installation": """
        пускане в експлоатация, въвеждане в експлоатация, приемане на обект*,
        приемо предавателен протокол, предаване на обект*""",
    "kind:training": """
        семинар за клиент*""",
    "kind:support": """
        оплакван*, авария=, аварии=, аварията=, повреда=, повреди=, повредата=,
        неизправност*, спиране на производството""",
    "kind:service": """
        сервизно обслужване, сервизен договор, сервизна поддръжка, сервизно посещение,
        техническа поддръжка, поддръжка на оборудване*, предсезонн* проверк*,
        предсезонн* преглед*, резервни части""",
    "kind:event": """
        изложение=, изложението=, изложения=, изложба=, изложбата=, щанд=, щанда=,
        панаир*""",
    "kind:tender": """
        обществена поръчка, обществени поръчки, обществената поръчка, тръжн*, тръжна
        документация, процедура за възлагане""",
    "kind:forecast": """
        прогноза за продажби, прогноза на продажбите, фуния на продажбите""",
    "kind:team": """
        екипна среща, среща на екипа, седмична среща на екипа, оперативка=, оперативна
        среща, търговски екип""",
    "kind:one_on_one": """
        среща един на един, един на един""",
    "kind:planning": """
        годишно планиране, планиране на продажбите, планиране на клиент*, бизнес план за""",
    "kind:partner": """
        дилър*, дистрибутор*, търговски партньор*""",
    "kind:interview": """
        интервю за работа, събеседване=""",
    "topic:pricing": """
        ценова оферта, ценово предложение, ценоразпис*, отстъпк*""",
    "topic:payment": """
        плащане=, плащания=, плащането=, фактура=, фактури=, фактурата=, просрочен*,
        събиране на вземания, вземания=""",
    "topic:budget": """
        финансиране=, финансирането=, субсидия=, субсидии=, субсидията=, европейски
        средства, европейско финансиране""",
    "offwork:personal": """
        лекар=, при лекар*, зъболекар*, рожден ден, фризьор*, родителска среща, оглед на
        апартамент*, оглед на жилищ*, оглед на къща*, оглед на имот*, технически преглед на
        кола*, годишен технически преглед""",
    "offwork:travel": """
        полет=, полета=, хотел=, хотела=, влак=, влака=, летище=, летището=""",
    "offwork:company": """
        коледно парти, фирмено парти, коледна вечеря, фирмена вечеря, тиймбилдинг*""",
}

CUES = language_table(_CUES)
