"""Cues in Greek and in Russian (Bulgarian and Ukrainian where they share the word).

They are written here in their own alphabets, so a reader can check them, and spelled in
Latin letters when the lexicon loads, the way ``text.fold`` spells every text
(``core.romanize``): "ανανέωσ*" becomes "ananeos*". The cue syntax is the lexicon's
(``cues``); these languages inflect, so most cues are stems with ``*``.

Written from general knowledge of how meetings are named in these languages, not from any
data set, for the commonest kinds of meeting, topics and off-work entries. Words with a
second everyday meaning are left out or pinned down: Greek "έκθεση" is a fair and a report,
"παράδοση" a delivery and a tradition (only the noun itself counts, not "παραδοσιακός"),
"άδεια" leave and a permit, and Greek "τιμές" (prices) is English "times" once spelled in
Latin letters; Russian "конкурс" is a tender and a contest (German "Konkurs" is an
insolvency), so only its tender phrases count.
"""

from __future__ import annotations

from dataclasses import replace

from core.ranking.lexicon.cues import Facet, split_cues
from core.ranking.text import fold

_CUES: dict[str, str] = {
    "kind:discovery": """
        πρώτη συνάντηση, πρώτη γνωριμία, γνωριμία=, γνωριμίας=, εισαγωγική συνάντηση,
        διερευνητική συνάντηση,
        первая встреча, первый звонок, знакомство=, знакомства=, вводная встреча,
        ознакомительная встреча, перша зустріч, знайомство=, първа среща, запознанство=""",
    "kind:demo": """
        επίδειξη=, επίδειξης=, επίδειξη προϊόντος,
        демонстрация=, демонстрации=, демонстрація=, демонстрация продукта""",
    "kind:presentation": """
        παρουσίαση=, παρουσίασης=,
        презентаци*, презентація=, презентації=""",
    "kind:negotiation": """
        διαπραγμάτευσ*, διαπραγματεύσεις=,
        переговор*, переговори=, преговор*""",
    "kind:contract": """
        σύμβαση=, σύμβασης=, συμβάσεις=, συμβόλαι*, σχέδιο σύμβασης,
        договор*, контракт*, договір=, договору=""",
    "kind:renewal": """
        ανανέωσ*, ανανεώσ*, παράταση σύμβασης, παράταση μίσθωσης,
        продлени*, пролонгаци*, продовження договору, подновяване*""",
    "kind:business_review": """
        τριμηνιαία ανασκόπηση, ετήσια ανασκόπηση, ανασκόπηση συνεργασίας,
        квартальный обзор, итоги квартала, итоги года, подведение итогов""",
    "kind:kickoff": """
        εναρκτήρια συνάντηση, έναρξη έργου,
        стартовая встреча, запуск проекта, старт проекта""",
    "kind:pilot": """
        πιλοτικ*, δοκιμαστική λειτουργία, δοκιμαστική περίοδο*,
        пилотн*, пилотный проект, опытная эксплуатация, тестовая эксплуатация,
        пробная эксплуатация, пілотн*""",
    "kind:site_survey": """
        αυτοψία=, αυτοψίας=, επιτόπια επίσκεψη, επιτόπιος έλεγχος,
        осмотр объекта, обследование объекта, выезд на объект, обход объекта""",
    "setting:onsite": """
        επίσκεψη=, επίσκεψης=, επισκέψεις=, στις εγκαταστάσεις,
        визит*, выезд*, на объекте, на площадке""",
    "kind:installation": """
        παράδοση=, παράδοσης=, παραλαβή=, παραλαβής=, εγκατάσταση=, εγκατάστασης=,
        θέση σε λειτουργία, πρωτόκολλο παράδοσης, πρωτόκολλο παραλαβής,
        монтаж*, пусконаладк*, ввод в эксплуатацию, приемка=, приемки=, приёмка=,
        акт приемки, сдача объекта, монтаж=, введення в експлуатацію""",
    "kind:training": """
        εκπαίδευσ*, εκπαιδεύσ*, κατάρτιση=,
        обучени*, тренинг*, навчання=, обучение=""",
    "kind:support": """
        παράπον*, καταγγελ*, βλάβη=, βλάβης=, βλάβες=, δυσλειτουργ*, αστοχία=, κλιμάκωση=,
        жалоб*, претензи*, рекламаци*, неисправност*, поломк*, эскалаци*, простой оборудования,
        скарга=, скарги=""",
    "kind:service": """
        συντήρησ*, σέρβις=, τεχνική υποστήριξη,
        техническое обслуживание, техобслуживани*, сервисн*, сервисное обслуживание,
        сервісн*, технічне обслуговування""",
    "kind:retrofit": """
        αναβάθμισ*, μετασκευ*, εκσυγχρονισμ*,
        модернизаци*, модернізаці*, ретрофит*""",
    "kind:event": """
        εκθεσιακ*, περίπτερο=, περιπτέρου=, συνέδρι*,
        выставк*, выставочн*, стенд=, стенде=, стенда=, конференци*, виставк*""",
    "kind:forecast": """
        πρόβλεψη πωλήσεων, προβλέψεις πωλήσεων,
        прогноз продаж, воронка продаж, прогноз=""",
    "kind:team": """
        συνάντηση ομάδας, σύσκεψη ομάδας, εβδομαδιαία σύσκεψη, σύσκεψη πωλήσεων,
        планерк*, планёрк*, летучк*, совещание отдела, совещание продаж, еженедельное
        совещание, планірк*""",
    "kind:tender": """
        διαγωνισμ*, διαγωνιστικ*, διακήρυξ*, δημόσιος διαγωνισμός,
        тендер*, госзакупк*, закупочн*, конкурсн*, открытый конкурс, аукцион*, тендерн*""",
    "kind:partner": """
        διανομέ*, αντιπρόσωπ*, μεταπωλητ*,
        дистрибьютор*, дилер*, реселлер*""",
    "kind:interview": """
        συνέντευξη=, συνέντευξης=,
        собеседовани*, співбесід*""",
    "topic:pricing": """
        τιμή=, τιμολόγηση=, τιμοκατάλογ*, οικονομική προσφορά, έκπτωσ*,
        цена=, цены=, цену=, цене=, цен=, ценам=, ценах=, ценообразовани*, скидк*, прайс лист,
        коммерческое предложение,
        ціна=, ціни=, знижк*, цени=""",
    "topic:payment": """
        πληρωμ*, τιμολόγι*, εξόφλησ*, ληξιπρόθεσμ*,
        оплат*, платеж*, платёж*, задолженност*, дебиторск*""",
    "topic:budget": """
        προϋπολογισμ*,
        бюджет*""",
    "topic:competition": """
        ανταγωνισ*, ανταγωνιστ*,
        конкурент*""",
    "offwork:personal": """
        γιατρ*, οδοντίατρ*, γενέθλια=, κομμωτήριο=, γυμναστήριο=, διακοπές=,
        врач*, стоматолог*, день рождения, парикмахер*, спортзал*, лікар*, отпуск=, отпуска=,
        відпустк*""",
    "offwork:travel": """
        πτήση=, πτήσης=, ξενοδοχείο=, ξενοδοχείου=, ταξίδι=,
        рейс=, перелет*, перелёт*, гостиниц*, отель=, поезд=, аэропорт=, переліт=""",
}


def _latin(cue: str) -> str:
    """One cue spelled as ``fold`` spells text, its ``*`` and ``=`` markers kept."""
    out = []
    for word in cue.split():
        head = "*" if word.startswith("*") else ""
        tail = word[-1] if word[-1] in "*=" else ""
        out.append(head + fold(word.strip("*=")) + tail)
    return " ".join(out)


CUES: dict[str, tuple[str, ...]] = {
    name: tuple(_latin(cue) for cue in split_cues(cues)) for name, cues in _CUES.items()
}


def with_alphabets(facets: tuple[Facet, ...]) -> tuple[Facet, ...]:
    """The facets with their Greek and Cyrillic cues added."""
    return tuple(
        replace(facet, cues=facet.cues + CUES[facet.name]) if facet.name in CUES else facet
        for facet in facets
    )
