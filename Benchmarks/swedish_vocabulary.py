"""Swedish vocabulary for the benchmark archive generator and the query set.

Benchmark tool only, never a runtime dependency of talks.

Sources:
- PyPI `wordfreq` (pinned version below): the Swedish word list with real frequencies,
  sampled Zipf-like (the frequencies themselves follow Zipf's law).
- Debian `hunspell-sv-se`: suffix rules expand nouns into their definite, plural and
  genitive forms (strategi -> strategin, strategier, strategierna, strategis ...).
- A hand-written list of real compounds (livsmedelsstrategi, kompetensförsörjning,
  vattenbrist ...) whose forms come from expanding the head word with hunspell.
- Common spoken phrases ("och sen", "det är", "på något sätt").

Everything is deterministic: lists are built in a fixed order, no hashing of sets.
"""

import os
import re
import subprocess
import sys

WORDFREQ_VERSION = "3.1.1"
HUNSPELL_DIC = "/usr/share/hunspell/sv_SE.dic"
HUNSPELL_AFF = "/usr/share/hunspell/sv_SE.aff"
TOP_WORDS = 50000

SWEDISH_WORD = re.compile(r"^[a-zåäöéü]+$")


def ensure_wordfreq():
    """Imports wordfreq, installing the pinned version with pip when missing."""
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q",
                               f"wordfreq=={WORDFREQ_VERSION}"])
    import wordfreq
    return wordfreq


def ensure_hunspell():
    """Installs Debian's hunspell-sv-se when its dictionary is missing."""
    if os.path.exists(HUNSPELL_DIC) and os.path.exists(HUNSPELL_AFF):
        return
    subprocess.check_call(["apt-get", "install", "-y", "-q", "hunspell-sv-se"],
                          stdout=subprocess.DEVNULL)


class Hunspell:
    """Just enough of hunspell to expand a word's suffix flags into its forms."""

    def __init__(self, dic_path=HUNSPELL_DIC, aff_path=HUNSPELL_AFF):
        self.rules = {}  # flag -> [(strip, add, compiled condition)]
        with open(aff_path, encoding="utf-8") as aff:
            for line in aff:
                parts = line.split()
                if len(parts) >= 5 and parts[0] == "SFX":
                    flag, strip, add, condition = parts[1], parts[2], parts[3], parts[4]
                    strip = "" if strip == "0" else strip
                    add = add.split("/")[0]
                    add = "" if add == "0" else add
                    pattern = re.compile("(?:" + condition + ")$")
                    self.rules.setdefault(flag, []).append((strip, add, pattern))
        self.entries = {}  # word -> flags (first entry wins, then merged)
        with open(dic_path, encoding="utf-8") as dic:
            next(dic)  # the count line
            for line in dic:
                line = line.strip()
                if not line:
                    continue
                word, _, flags = line.partition("/")
                self.entries[word] = self.entries.get(word, "") + flags

    def forms(self, word):
        """The word and every form its suffix flags give, in a stable order."""
        result = [word]
        seen = {word}
        for flag in self.entries.get(word, ""):
            for strip, add, pattern in self.rules.get(flag, ()):
                if strip and not word.endswith(strip):
                    continue
                if not pattern.search(word):
                    continue
                form = (word[: len(word) - len(strip)] if strip else word) + add
                if form not in seen and SWEDISH_WORD.match(form.lower()):
                    seen.add(form)
                    result.append(form)
        return result


# Real compounds as (modifier, head): forms are modifier + each form of the head.
# Grouped by the topic an episode is about.
TOPICS = {
    "livsmedel": {
        "title": ["Om livsmedelsstrategin", "Mat från landsbygden", "Livsmedelskedjan i regionen",
                  "Lokal mat i offentliga kök"],
        "tags": ["livsmedel", "livsmedelsstrategi", "mat"],
        "compounds": [("livsmedels", "strategi"), ("livsmedels", "produktion"),
                      ("livsmedels", "kedja"), ("livsmedels", "företag"), ("mat", "produktion"),
                      ("grönsaks", "odling"), ("växt", "skydd"), ("mat", "svinn"),
                      ("livsmedels", "industri"), ("närings", "liv")],
        "words": ["strategi", "livsmedel", "odling", "grönsak", "potatis", "skörd", "förädling",
                  "kluster", "producent", "konsument", "mejeri"],
    },
    "vatten": {
        "title": ["Vatten och torka", "När brunnarna sinar", "Våtmarker som resurs",
                  "Klimatanpassning i jordbruket"],
        "tags": ["vatten", "torka", "klimat"],
        "compounds": [("vatten", "brist"), ("vatten", "försörjning"), ("våt", "mark"),
                      ("grund", "vatten"), ("bevattnings", "damm"), ("vatten", "förbrukning"),
                      ("klimat", "anpassning"), ("vatten", "täkt"), ("dricks", "vatten")],
        "words": ["torka", "brunn", "nederbörd", "sommar", "damm", "bevattning", "klimat", "regn",
                  "grundvattennivå"],
    },
    "kompetens": {
        "title": ["Kompetensförsörjning på landsbygden", "Snabbutbildningar för de gröna näringarna",
                  "Rätt kompetens i rätt tid"],
        "tags": ["kompetens", "utbildning", "arbetsmarknad"],
        "compounds": [("kompetens", "försörjning"), ("kompetens", "utveckling"),
                      ("snabb", "utbildning"), ("arbets", "kraft"), ("utbildnings", "centrum"),
                      ("arbets", "marknad"), ("yrkes", "utbildning"), ("lant", "brukare")],
        "words": ["kompetens", "utbildning", "kurs", "praktik", "bemanning", "lärling",
                  "arbetsgivare", "pandemi"],
    },
    "djur": {
        "title": ["Digitala verktyg i djurhållningen", "Sensorer i stallet", "Framtidens mjölkgård"],
        "tags": ["djurhållning", "digitalisering", "mjölk"],
        "compounds": [("djur", "hållning"), ("mjölk", "gård"), ("djur", "välfärd"),
                      ("mjölk", "produktion"), ("foder", "stat"), ("lant", "bruk"),
                      ("djur", "hälsa"), ("nöt", "kreatur")],
        "words": ["ko", "stall", "sensor", "robot", "mjölk", "bonde", "gård", "foder", "data"],
    },
    "skog": {
        "title": ["Skogen som resurs", "Hållbart skogsbruk", "Skogsägare i förändring"],
        "tags": ["skog", "skogsbruk", "virke"],
        "compounds": [("skogs", "bruk"), ("skogs", "ägare"), ("skogs", "mark"), ("virkes", "pris"),
                      ("bio", "ekonomi"), ("skogs", "industri"), ("natur", "vård"),
                      ("gallring", "")],
        "words": ["skog", "virke", "granbarkborre", "avverkning", "plantering", "timmer", "älg"],
    },
    "turism": {
        "title": ["Besöksnäringen efter pandemin", "Turism på landsbygden", "Upplevelser i naturen"],
        "tags": ["turism", "besöksnäring"],
        "compounds": [("besöks", "näring"), ("landsbygds", "turism"), ("natur", "turism"),
                      ("turist", "ort"), ("besöks", "mål"), ("upplevelse", "företag"),
                      ("gårds", "butik")],
        "words": ["turism", "besökare", "stuga", "camping", "säsong", "upplevelse", "cykelled"],
    },
    "upphandling": {
        "title": ["Offentlig upphandling av livsmedel", "Måltider i äldreomsorgen",
                  "Skolmaten och det lokala"],
        "tags": ["upphandling", "offentlig måltid", "kommun"],
        "compounds": [("livsmedels", "upphandling"), ("skol", "mat"), ("äldre", "omsorg"),
                      ("mål", "tid"), ("kock", "utbildning"), ("upphandlings", "krav"),
                      ("storkök", ""), ("kost", "enhet")],
        "words": ["upphandling", "kommun", "kock", "kök", "anbud", "krav", "leverantör", "region"],
    },
    "kluster": {
        "title": ["Om de gröna klustren i Sverige", "Klusterorganisationer som nav",
                  "Företagsparker och innovation"],
        "tags": ["kluster", "innovation", "samverkan"],
        "compounds": [("kluster", "organisation"), ("företags", "park"), ("förstudie", ""),
                      ("innovations", "system"), ("landsbygds", "utveckling"),
                      ("landsbygds", "nätverk"), ("samverkans", "projekt"),
                      ("finansiering", "")],
        "words": ["kluster", "innovation", "samverkan", "akademi", "näringsliv", "investering",
                  "entreprenör", "nav"],
    },
}

PLACES = ["Östergötland", "Linköping", "Örebro", "Sörmland", "Vreta", "Uppsala", "Jämtland",
          "Skåne", "Gotland", "Värmland", "Dalarna", "Västerbotten", "Norrbotten", "Småland",
          "Halland", "Västra Götaland", "Kalmar", "Umeå", "Luleå", "Gävleborg"]

# Phrases people say; the first is the benchmark's common-word phrase.
PHRASES = [("och sen", 10), ("det är", 8), ("så att", 6), ("på något sätt", 4),
           ("i och med att", 3), ("till exempel", 5), ("just nu", 3), ("på landsbygden", 3),
           ("det handlar om", 3), ("vi har", 5), ("tycker jag", 3), ("när det gäller", 3),
           ("ute på gårdarna", 1), ("i regionen", 2), ("under pandemin", 1),
           ("offentliga måltider", 1), ("gröna näringar", 1), ("så här", 3)]

FIRST_NAMES = ["Helene", "Anna", "Erik", "Lars", "Karin", "Maria", "Johan", "Per", "Eva",
               "Anders", "Sofia", "Magnus", "Ingrid", "Olof", "Elin", "Oskar", "Maja", "Henrik",
               "Lena", "Kristina", "Mats", "Åsa", "Göran", "Björn", "Märta", "Linnea", "Jörgen",
               "Sara", "Gunnar", "Ulrika", "Peter", "Emma", "Fredrik", "Annika", "Stefan"]
SURNAMES = ["Oscarsson", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
            "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jönsson", "Lindqvist",
            "Bergström", "Lundgren", "Sjöberg", "Åberg", "Öhman", "Ek", "Holm", "Wallin",
            "Hedlund", "Forsberg", "Sandström", "Björk", "Strömberg", "Nyström", "Hägglund"]
ORGANISATIONS = ["Vreta Kluster", "Länsstyrelsen Östergötland", "LRF", "Jordbruksverket",
                 "Hushållningssällskapet", "Linköpings universitet", "SLU", "Region Örebro län",
                 "Landsbygdsnätverket", "Skogsstyrelsen", "Agro Örebro", "Agro Sörmland",
                 "Livsmedelsverket", "Coompanion", "Region Jämtland Härjedalen", "RISE",
                 "Hela Sverige ska leva", "Naturskyddsföreningen", "Vinnova", "Tillväxtverket"]
SERIES = [("Landet lär", 80), ("Gröna samtal", 12), ("Landsbygdsforum", 8)]


class Vocabulary:
    """Everything the generator samples from, built once and in a fixed order."""

    def __init__(self):
        wordfreq = ensure_wordfreq()
        ensure_hunspell()
        self.hunspell = Hunspell()
        words = [w for w in wordfreq.top_n_list("sv", TOP_WORDS) if SWEDISH_WORD.match(w)]
        frequencies = wordfreq.get_frequency_dict("sv")
        self.common_words = words
        cumulative = []
        total = 0.0
        for word in words:
            total += frequencies.get(word, 0.0) or 1e-9
            cumulative.append(total)
        self.common_cumulative = cumulative
        self.rank = {word: index for index, word in enumerate(words)}

        # Inflection: vocabulary words (outside the top 300) that hunspell inflects.
        self.inflections = {}
        for word in words[300:]:
            forms = self.hunspell.forms(word)
            if len(forms) >= 3:
                self.inflections[word] = forms

        # Topic vocabulary: every form of every compound and topic word.
        self.topic_forms = {}
        self.compound_forms = {}  # compound base -> forms, for the query set
        for name, topic in TOPICS.items():
            forms = []
            for modifier, head in topic["compounds"]:
                compound = modifier + head
                if head and head in self.hunspell.entries:
                    cforms = [modifier + form for form in noun_forms(self.hunspell.forms(head))]
                else:
                    cforms = noun_forms(self.hunspell.forms(compound))
                self.compound_forms[compound] = cforms
                forms.append(cforms)
            for word in topic["words"]:
                forms.append(noun_forms(self.hunspell.forms(word)))
            self.topic_forms[name] = forms
        self.topics = list(TOPICS)

        self.phrases = [phrase for phrase, _ in PHRASES]
        self.phrase_cumulative = _cumulative([weight for _, weight in PHRASES])
        self.series = [name for name, _ in SERIES]
        self.series_cumulative = _cumulative([weight for _, weight in SERIES])


VERB_ENDINGS = ("ade", "ades", "ad", "at", "ats", "ande", "andes", "ar", "as", "a", "d", "t", "ts",
                "de", "des", "nde", "ndes", "ndet", "ndets")


def noun_forms(forms):
    """Drops the verb forms hunspell gives a head that is also a verb (kedja -> kedjade)."""
    base = forms[0]
    kept = [base]
    for form in forms[1:]:
        added = form[len(base):] if form.startswith(base) else None
        if added is not None and added in VERB_ENDINGS and not _noun_plural(base, added):
            continue
        kept.append(form)
    return kept


def _noun_plural(base, added):
    # -ar and -r are noun plurals too (gård -> gårdar, sko -> skor); keep -ar after a consonant
    # only for bases hunspell marks as nouns elsewhere; simplest: keep "ar" when the base does
    # not end in a vowel.
    return added == "ar" and base[-1:] not in "aeiouyåäö"


def _cumulative(weights):
    result = []
    total = 0
    for weight in weights:
        total += weight
        result.append(total)
    return result
