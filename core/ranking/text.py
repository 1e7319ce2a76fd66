"""Text normalisation shared by the lexicon, the word overlap and the indexer.

Everything is compared in one folded form — lower case, German umlauts and
ß spelled out (``ä`` → ``ae``), accents dropped, punctuation turned into
spaces — so "Gespräch", "Gespraech" and "GESPRÄCH" are the same word and a
cue list only needs one spelling. Words are stemmed with the Snowball stemmers
for English and German (both, because a line of text rarely says which
language it is in, and a tip library mixes them).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from core.romanize import romanize

# Letters that NFKD does not take apart spelled out: umlauts the German way, and the
# Nordic, Polish, Icelandic and Turkish letters that would otherwise vanish ("møte" →
# "moete"; Turkish dotless "ı" would split "toplantısı" into "toplant s").
_LETTER_SPELLINGS = str.maketrans(
    {
        "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
        "ø": "oe", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
        "ı": "i",
    }
)  # fmt: skip
_NON_WORD = re.compile(r"[^0-9a-z]+")
# "1:1", "1-on-1" and "1on1" mean a one-on-one; spell it out before punctuation
# disappears. "1/1" is a date ("prices from 1/1") or a container size ("GN 1/1"), and
# "1x1" a size or the basics ("das 1x1 des Vertriebs"): neither is a meeting.
# "IT" in capitals is the department, not the pronoun that every stop list drops.
_IT_DEPARTMENT = re.compile(r"(?<![A-Za-z])IT(?![A-Za-z])")
_ONE_ON_ONE = re.compile(r"(?<![0-9])1\s*(?::|-?on-?)\s*1(?![0-9])", re.IGNORECASE)

_EN = snowballstemmer.stemmer("english")
_DE = snowballstemmer.stemmer("german")

# Function words of English, German, French, Italian, Spanish, Portuguese and Polish (and
# Greek and Russian as ``core.romanize`` spells them), and
# their written abbreviations ("ca.", "evtl.", "incl.", "e.g."): they carry no meaning for
# matching, and being rare in tips they would otherwise take the full-text query's few places
# for the rarest words. Portuguese "os", "em" and "mais" are not among them: they are also an
# operating system, a German subsidy programme ("BEG EM") and maize.
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our ours out over own same she
    should so some such than that the their theirs them then there these they this those through
    to too under until up very was we were what when where which while who whom why will with
    would you your yours us via per re fw fwd aw wg
    mr mrs ms dr prof st herr frau hr fr
    aber alle allem allen aller alles als also am an ans auch auf aus bei beim bin bis bist da
    dabei damit dann das dass dem den denen der des dessen die dies diese diesem diesen dieser
    dieses doch dort du durch ein eine einem einen einer eines er es etwas euch euer eure fuer
    hat hatte haben hier ich ihr ihre ihrem ihren ihrer ihres im in ins ist ja jede jedem jeden
    jeder jedes kann kein keine keinem keinen keiner man mein meine mit muss nach nicht nichts
    noch nun nur ob oder ohne sehr sein seine sich sie sind so soll sollte sonst ueber um und uns
    unser unsere unter vom von vor war waren warum was weil welche welchem welchen welcher
    wenn wer wie wieder wir wird wo zu zum zur
    etc eg ie approx incl excl asap fyi tbd tbc aob vs
    ca evtl eventuell inkl exkl bzw zb ggf usw ua dh zt bzgl lt gem sog zzgl
    au aux avec ce ces cet cette chez comme dans de deja des donc dont du elle elles en est et etre
    eux il ils la le les leur leurs lors lui ma mes mon ne nos notre nous ont ou par pas peut pour
    qu que quand qui sa sans se ses si sont sous sur tous tout toute toutes tres un une vos votre
    vous avant apres aussi entre vers afin
    lo gli uno di con su tra fra del dello della dei degli delle al allo alla agli dal dallo
    dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle che
    chi cui non come dove quando perche anche ed sono era essere ha hanno ho questo questa
    questi queste quello quella quelli quelle suo sua suoi sue loro nostro nostra nostri vostro
    vostra mio mia gia ancora poi prima dopo tutto tutti tutte ogni molto piu pero quindi senza
    el los las unos unas por para sin sobre hasta desde como cuando donde porque muy mas ya
    tambien sus mis nuestro nuestros nuestras este estos estas ese esa eso esos esas fue ser hay
    y
    uma na nas ao aos pelo pela pelos pelas com sem ate onde muito tambem seu seus suas
    nosso nossa nossos nossas estes isso esse essa esses essas foi nao
    nie sie jest sa od po za przez dla przy jak czy oraz lub tak juz jeszcze tylko bardzo ten
    tego tej tym jego jej ich nasz nasza nasze wasz pan pani przed bez
    kai gia sto sti stin ston stis sta stoys toy tis tin ton ta oi se na apo tha den einai
    ena mia enas meta kata oti poy
    dlya ne ot iz ili chto kak eto ego ee ikh vy oni pri posle
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def fold(text: str) -> str:
    """Lower-case, spell out umlauts, drop accents, replace punctuation by single spaces.

    Greek and Cyrillic are spelled in Latin letters first (``core.romanize``).
    """
    text = _IT_DEPARTMENT.sub(" itdept ", romanize(text))
    text = _ONE_ON_ONE.sub(" one on one ", text.lower().translate(_LETTER_SPELLINGS))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.split(text)).strip()


# "ae", "oe", "ue" that fold() may have spelled out from an umlaut: at the start of a word or
# after a consonant ("menue", "gaeste"), not in "neue" or "queue".
_SPELLED_UMLAUT = re.compile(r"(?:^|(?<=[b-df-hj-pr-tv-z]))([aou])e")


def index_spellings(folded_word: str) -> list[str]:
    """The folded word, and how a full-text index that drops accents spells it.

    fold() writes "Menüverkostung" as "menueverkostung"; SQLite's unicode61 and
    PostgreSQL's German stemmer keep "menuverkostung". A query needs both, or a German
    meeting never finds a tip through its umlaut words.
    """
    plain = _SPELLED_UMLAUT.sub(r"\1", folded_word)
    return [folded_word] if plain == folded_word else [folded_word, plain]


def words(text: str) -> list[str]:
    """Folded words of ``text`` in order (stop words included)."""
    folded = fold(text)
    return folded.split() if folded else []


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """One stem per word, the same whichever language it came from.

    The German stemmer runs on the English stem: "negotiations" → "negoti",
    "Verhandlungen" → "verhandl". Collisions between the two languages are rare
    and harmless here (they only add a little word overlap).
    """
    return str(_DE.stemWord(_EN.stemWord(word)))


def content_terms(text: str) -> list[str]:
    """Stems of the meaningful words of ``text``: no stop words, no one-letter words, no numbers."""
    out: list[str] = []
    for word in words(text):
        if len(word) < 2 or word in STOP_WORDS or word.isdigit():
            continue
        out.append(stem(word))
    return out
