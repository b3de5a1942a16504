"""The hand-written layer of the generated evaluation archive: sentences and their grades.

Benchmark tool only, never a runtime dependency of talks.

Each group is a small story told in whole Swedish sentences, written for this project:
sentences that are relevant to the group's queries (in several inflected, syncopated,
compound and synonym forms) and distractors that share letters with them but are grade 0
(`kostnaden` for `kost`, `beteendet` for `bete`, `fröna` for `fröken`). The generator
(`generate_eval_archive.py`) plants every sentence in a cue of the filler archive and
writes one judgment row per (query, planted cue) from the grades below, so the grades come
from the planting, not from running any engine.

`scrub` lists substrings (lower case) that the filler text may never contain: every
relevant form of the group's queries, so that the only cues that are relevant are the
planted ones and "unjudged counts 0" is true. For the groups whose queries must find
nothing, `scrub` is the query word itself: no filler word contains it at all, and only the
planted near-pairs (grade 0) come close.

A sentence is `(label, text)` or `(label, text, speaker)`: speaker 0 or 1 plants it in a
cue spoken by the episode's first or second speaker (the speaker groups); `copies` plants
each distractor sentence that many times. A query is `(id, class, query, grades)`: grades
map sentence labels to 1-3; unnamed labels are 0. `{speaker0}`/`{speaker1}` in a query are
replaced by the names of the speakers the group was planted with.

Grades: 3 = the cue is exactly about it / says it, 2 = clearly relevant, 1 = mentions it in
passing, 0 = not relevant.
"""

# The organisers' synonym groups of the generated archive, written to its synonyms.txt
# (the same groups as archive/synonyms.txt has for SLU, LRF and GJP).
SYNONYMS = [
    ("SLU", "Sveriges lantbruksuniversitet"),
    ("LRF", "Lantbrukarnas riksförbund"),
    ("GJP", "gemensamma jordbrukspolitiken", "CAP"),
]

GROUPS = [
    {
        "name": "öken",
        "scrub": ["öken", "ökn"],
        "sentences": [
            ("a", "Öknen breder ut sig söder om byarna för varje år."),
            ("b", "Efter regnet var hela öknen full av blommor."),
            ("c", "På en vecka reste vi genom två öknar."),
            ("d", "En öken kan bli iskall på natten."),
            ("e", "Ökenspridningen hotar hela regionen."),
            ("f", "Öknens sand blåser in över åkrarna."),
            ("x1", "Kostnaderna ökade kraftigt under hösten."),
            ("x2", "Ökningen av priserna var större än väntat."),
        ],
        "queries": [
            ("g-sync-01", "syncope", "öken", {"a": 3, "b": 3, "c": 3, "d": 3, "e": 2, "f": 3}),
            ("g-sync-02", "syncope", "öknen", {"a": 3, "b": 3, "c": 3, "d": 3, "e": 2, "f": 3}),
            ("g-fold-01", "folding", "oknen", {"a": 3, "b": 3, "c": 3, "d": 3, "e": 2, "f": 3}),
            ("g-neg-01", "negation", "öken -sand", {"a": 3, "b": 3, "c": 3, "d": 3, "e": 2}),
        ],
    },
    {
        "name": "vapen",
        "scrub": ["vapen", "vapn"],
        "sentences": [
            ("a", "Vapnet låg inlåst i ett skåp i hallen."),
            ("b", "Jägarna visade sina vapen för inspektören."),
            ("c", "Vapnen ska förvaras enligt reglerna."),
            ("d", "Vapenlicensen måste förnyas vart femte år."),
            ("e", "Ett vapens ägare ansvarar för förvaringen."),
            ("x1", "Vappen firades med sång på torget."),
        ],
        "queries": [
            ("g-sync-03", "syncope", "vapen", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
            ("g-sync-04", "syncope", "vapnet", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
            ("g-tinf-01", "typo-inflected", "vapnnet", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
        ],
    },
    {
        "name": "nummer",
        "scrub": ["nummer", "numr"],
        "sentences": [
            ("a", "Numret till växeln står på hemsidan."),
            ("b", "Skriv ditt nummer längst ner på blanketten."),
            ("c", "Vi ringde alla numren på listan."),
            ("d", "Telefonnumret till kontoret har ändrats."),
            ("e", "Nummerplåten på traktorn var alldeles smutsig."),
            ("x1", "Numera säljer vi det mesta via nätet."),
        ],
        "queries": [
            ("g-sync-05", "syncope", "nummer", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 2}),
            ("g-sync-06", "syncope", "numret", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 2}),
        ],
    },
    {
        "name": "lager",
        "scrub": ["lager", "lagr", "lagret"],
        "sentences": [
            ("a", "Lagret var fullt av potatis i oktober."),
            ("b", "Vi har ett stort lager av foder inför vintern."),
            ("c", "Lagren räckte ända till våren."),
            ("d", "Lagerlokalen byggdes om förra året."),
            ("e", "Ett lagers storlek avgör hur mycket man kan köpa in."),
            ("x1", "Laget vann matchen i söndags."),
            ("x2", "Lagarna om djurskydd ändras ofta."),
        ],
        "queries": [
            ("g-sync-07", "syncope", "lager", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
            ("g-sync-08", "syncope", "lagret", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
        ],
    },
    {
        "name": "läger",
        "scrub": ["läger", "lägr"],
        "sentences": [
            ("a", "Lägret låg vid sjön nedanför gården."),
            ("b", "Barnen åkte på läger i juli."),
            ("c", "Lägren fylldes snabbt i år."),
            ("x1", "Lägenheten ovanför butiken står tom."),
        ],
        "queries": [
            ("g-sync-09", "syncope", "läger", {"a": 3, "b": 3, "c": 3}),
            ("g-sync-10", "syncope", "lägret", {"a": 3, "b": 3, "c": 3}),
        ],
    },
    {
        "name": "teater",
        "scrub": ["teater", "teatr"],
        "sentences": [
            ("a", "Teatern i byn sätter upp en ny pjäs i höst."),
            ("b", "Kommunen har två teatrar och en biograf."),
            ("c", "Teatrarna får mindre stöd i år."),
            ("d", "En teater behöver en trogen publik."),
            ("e", "Teaterföreningen söker volontärer till sommaren."),
        ],
        "queries": [
            ("g-sync-11", "syncope", "teater", {"a": 3, "b": 3, "c": 3, "d": 3, "e": 2}),
            ("g-sync-12", "syncope", "teatrar", {"a": 3, "b": 3, "c": 3, "d": 3, "e": 2}),
            ("g-typo-01", "typo-base", "teatter", {"a": 3, "b": 3, "c": 3, "d": 3, "e": 2}),
            ("g-tinf-02", "typo-inflected", "teatrarn", {"a": 3, "b": 3, "c": 3, "d": 3, "e": 2}),
            ("g-phr-01", "phrase", '"teatern i byn"', {"a": 3}),
        ],
    },
    {
        "name": "fiber",
        "scrub": ["fiber", "fibr"],
        "sentences": [
            ("a", "Fibern drogs fram till gården i våras."),
            ("b", "Fibrer i fodret är viktiga för korna."),
            ("c", "Fibrerna i ullen är långa och starka."),
            ("d", "Fiberkabeln grävdes ner längs vägen."),
            ("e", "Bredband via fiber är ett krav för företagen."),
        ],
        "queries": [
            ("g-sync-13", "syncope", "fiber", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
            ("g-sync-14", "syncope", "fibrer", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
            ("g-neg-02", "negation", "fiber -bredband", {"a": 3, "b": 3, "c": 3, "d": 2}),
        ],
    },
    {
        "name": "fröken",
        "scrub": ["fröken", "frökn", "froken", "frokn"],
        "sentences": [
            ("a", "Fröken läste högt för hela klassen."),
            ("b", "Fröknarna på förskolan ordnade utflykten."),
            ("c", "Fröknar och lärare fick höjda löner."),
            ("d", "Frökens cykel stod vid grinden."),
            ("x1", "Fröna grodde snabbt i växthuset."),
            ("x2", "Fröet såddes för tidigt."),
        ],
        "queries": [
            ("g-sync-15", "syncope", "fröken", {"a": 3, "b": 3, "c": 3, "d": 3}),
            ("g-sync-16", "syncope", "fröknar", {"a": 3, "b": 3, "c": 3, "d": 3}),
            ("g-fold-02", "folding", "froknar", {"a": 3, "b": 3, "c": 3, "d": 3}),
        ],
    },
    {
        "name": "hummer",
        "scrub": ["hummer", "humr", "humer"],
        "sentences": [
            ("a", "Hummern fångades utanför Smögen."),
            ("b", "Humrarna säljs direkt i hamnen."),
            ("c", "En hummer är en dyr middag i år."),
            ("d", "Hummerfisket börjar i slutet av september."),
            ("e", "Priset på hummer har stigit kraftigt."),
            ("x1", "Humorn räddade hela kvällen."),
        ],
        "queries": [
            ("g-sync-17", "syncope", "hummer", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
            ("g-sync-18", "syncope", "humrarna", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
            ("g-typo-02", "typo-base", "humer", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
            ("g-tinf-03", "typo-inflected", "humrarrna", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
            ("g-neg-03", "negation", "hummer -pris", {"a": 3, "b": 3, "c": 3, "d": 2}),
        ],
    },
    {
        "name": "SLU",
        "scrub": ["slu", "lantbruksuniversitet"],
        "sentences": [
            ("a", "Forskarna på Sveriges lantbruksuniversitet har mätt kolet i jorden."),
            ("b", "SLU har tagit fram en ny rapport om torka."),
            ("c", "Vi samarbetar med SLU i Alnarp."),
            ("d", "Lantbruksuniversitetet i Uppsala har fått en ny rektor."),
            ("x1", "I slutet av säsongen blev det bättre."),
            ("x2", "Sveriges lantbrukare har haft ett tufft år."),
        ],
        "queries": [
            ("g-syn-01", "synonym", "SLU", {"a": 3, "b": 3, "c": 3, "d": 2}),
            ("g-syn-02", "synonym", "Sveriges lantbruksuniversitet", {"a": 3, "b": 3, "c": 3, "d": 2}),
            ("g-phr-02", "phrase", '"Sveriges lantbruksuniversitet"', {"a": 3, "b": 2, "c": 2}),
            ("g-neg-04", "negation", "SLU -Alnarp", {"a": 3, "b": 3, "d": 2}),
        ],
    },
    {
        "name": "LRF",
        "scrub": ["lrf", "riksförbund"],
        "sentences": [
            ("a", "Lantbrukarnas riksförbund kräver sänkt skatt på diesel."),
            ("b", "LRF har lokalavdelningar i varje kommun."),
            ("c", "Ordföranden för LRF talade på stämman."),
            ("x1", "Lantbrukarna i byn träffas varje torsdag."),
        ],
        "queries": [
            ("g-syn-03", "synonym", "LRF", {"a": 3, "b": 3, "c": 3}),
            ("g-syn-04", "synonym", "Lantbrukarnas riksförbund", {"a": 3, "b": 3, "c": 3}),
        ],
    },
    {
        "name": "GJP",
        "scrub": ["gjp", "cap", "jordbrukspolitik"],
        "sentences": [
            ("a", "Den gemensamma jordbrukspolitiken ska reformeras igen."),
            ("b", "GJP styr stora delar av stöden till gårdarna."),
            ("c", "Reformen av CAP diskuteras i Bryssel."),
            ("d", "Jordbrukspolitiken i EU är svår att överblicka."),
            ("x1", "Kapet ligger längst ut på udden."),
        ],
        "queries": [
            ("g-syn-05", "synonym", "GJP", {"a": 3, "b": 3, "c": 3, "d": 2}),
            ("g-syn-06", "synonym", "CAP", {"a": 3, "b": 3, "c": 3, "d": 2}),
            ("g-syn-07", "synonym", "gemensamma jordbrukspolitiken", {"a": 3, "b": 3, "c": 3, "d": 2}),
        ],
    },
    {
        "name": "bete",
        "scrub": ["bete"],
        "sentences": [
            ("a", "Betesdjuren hålls ute till oktober."),
            ("b", "Betessläppet lockar hundratals besökare."),
            ("c", "Korna går på bete hela sommaren."),
            ("d", "Betet var magert efter den torra våren."),
            ("e", "Djuren på bete behöver tillsyn varje dag."),
            ("x1", "Beteendet hos kalvarna förändrades."),
        ],
        "queries": [
            ("g-link-01", "compound-linking", "bete", {"a": 2, "b": 2, "c": 3, "d": 3, "e": 3}),
            ("g-link-02", "compound-linking", "betesdjur", {"a": 3, "e": 3, "c": 2, "d": 1}),
        ],
    },
    {
        "name": "bonde",
        "scrub": ["bonde", "bönder", "bondg"],
        "sentences": [
            ("a", "Bondeföreningen i socknen firar hundra år."),
            ("b", "Bonden sålde mjölken direkt till mejeriet."),
            ("c", "Bönderna protesterade utanför riksdagen."),
            ("d", "En förening för bönder i länet bildades i våras."),
            ("x1", "Bondage är en film som visades i höstas."),
        ],
        "queries": [
            ("g-link-03", "compound-linking", "bonde", {"a": 2, "b": 3, "c": 3, "d": 2}),
            ("g-link-04", "compound-linking", "bondeförening", {"a": 3, "d": 3, "b": 1, "c": 1}),
            ("g-typo-03", "typo-base", "bondeföreing", {"a": 3, "d": 3, "b": 1, "c": 1}),
        ],
    },
    {
        "name": "dricksvatten",
        "scrub": ["dricksvat", "försörj"],
        "sentences": [
            ("a", "Dricksvattenförsörjningen i kommunen är hotad."),
            ("b", "Dricksvattnet måste testas varje månad."),
            ("c", "Brunnarna ger dricksvatten till hela byn."),
            ("d", "Vattenförsörjningen kräver nya ledningar."),
            ("e", "Försörjningen av dricksvatten måste tryggas."),
            ("x1", "Dricksglasen diskades efter festen."),
        ],
        "queries": [
            ("g-part-01", "compound-part", "dricksvatten", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
            ("g-part-02", "compound-part", "försörjning", {"a": 2, "d": 2, "e": 3}),
            ("g-whole-01", "compound-whole", "dricksvattenförsörjning", {"a": 3, "e": 3, "d": 2, "b": 1, "c": 1}),
            ("g-typo-04", "typo-base", "dricksvaten", {"a": 3, "b": 3, "c": 3, "d": 2, "e": 3}),
        ],
    },
    {
        "name": "växtodling",
        "scrub": ["växtodl", "vaxtodl"],
        "sentences": [
            ("a", "Växtodlingarna i länet fick mer regn i år."),
            ("b", "Vi jobbar mest med växtodlingen på gården."),
            ("c", "Växtodlingsrådgivningen är gratis för medlemmar."),
            ("d", "Odlingen av växter kräver mycket vatten."),
        ],
        "queries": [
            ("g-infl-01", "inflection-base", "växtodling", {"a": 3, "b": 3, "c": 2, "d": 2}),
            ("g-typo-05", "typo-base", "växtodlng", {"a": 3, "b": 3, "c": 2, "d": 2}),
            ("g-fold-03", "folding", "vaxtodlingarna", {"a": 3, "b": 3, "c": 2, "d": 2}),
            ("g-tinf-04", "typo-inflected", "växtodlingarn", {"a": 3, "b": 3, "c": 2, "d": 2}),
            ("g-whole-02", "compound-whole", "växtodlingsråd", {"c": 3, "a": 1, "b": 1}),
        ],
    },
    {
        "name": "vildsvin",
        "scrub": ["vildsvin"],
        "sentences": [
            ("a", "Vildsvinen bökade upp hela vallen i natt."),
            ("b", "Ett vildsvin korsade vägen framför bussen."),
            ("c", "Vildsvinens framfart kostar lantbrukarna miljoner."),
            ("d", "Vildsvinsjakten pågår hela året."),
            ("x1", "Vilda djur syns ofta vid skogsbrynet."),
        ],
        "queries": [
            ("g-infl-02", "inflection-base", "vildsvin", {"a": 3, "b": 3, "c": 3, "d": 2}),
            ("g-form-01", "inflection-form", "vildsvinen", {"a": 3, "b": 3, "c": 3, "d": 2}),
            ("g-whole-03", "compound-whole", "vildsvinsjakt", {"d": 3, "a": 1, "b": 1, "c": 1}),
        ],
    },
    {
        "name": "älg",
        "scrub": ["älg", "algar", "algen"],
        "sentences": [
            ("a", "Älgen stod mitt på vägen i gryningen."),
            ("b", "Älgarna äter av de unga planteringarna."),
            ("c", "Älgjakten börjar andra måndagen i september."),
            ("d", "En älg åt av äpplena i trädgården."),
            ("x1", "Algerna blommar i sjön varje augusti."),
        ],
        "queries": [
            ("g-infl-03", "inflection-base", "älg", {"a": 3, "b": 3, "c": 2, "d": 3}),
            ("g-form-02", "inflection-form", "älgarna", {"a": 3, "b": 3, "c": 2, "d": 3}),
            ("g-fold-04", "folding", "algarna", {"a": 3, "b": 3, "c": 2, "d": 3}),
        ],
    },
    {
        "name": "renskötsel",
        "scrub": ["rensköt", "renarna", "renar"],
        "sentences": [
            ("a", "Renskötseln är en viktig näring i fjällen.", 0),
            ("b", "Renskötseln påverkas mycket av gruvorna.", 1),
            ("c", "Renarna äter lav hela vintern.", 0),
            ("d", "Renskötarna flyttar hjorden till vinterlandet.", 1),
        ],
        "queries": [
            ("g-spk-01", "speaker", 'speaker:"{speaker0}" renskötsel', {"a": 3, "c": 1}),
            ("g-spk-02", "speaker", 'speaker:"{speaker1}" renskötsel', {"b": 3, "d": 2}),
        ],
    },
    {
        "name": "fäbod",
        "scrub": ["fäbod", "fabod"],
        "sentences": [
            ("a", "Fäboden har legat här i trehundra år.", 0),
            ("b", "Fäbodarna i Dalarna lockar många turister.", 1),
            ("c", "Vi bodde på fäbodvallen hela sommaren.", 1),
        ],
        "queries": [
            ("g-spk-03", "speaker", 'speaker:"{speaker0}" fäbod', {"a": 3}),
            ("g-spk-04", "speaker", 'speaker:"{speaker1}" fäbodar', {"b": 3, "c": 2}),
        ],
    },
    {
        "name": "vindkraft",
        "scrub": ["vindkraft", "vindkraf"],
        "sentences": [
            ("a", "Vi pratade om vindkraft i skogen hela kvällen.", 0),
            ("b", "Vindkraft i skogen stör djurlivet.", 1),
            ("c", "I skogen finns ingen vindkraft än.", 0),
            ("d", "Vindkraften byggs ut snabbt i norr.", 1),
        ],
        "queries": [
            ("g-phr-03", "phrase", '"vindkraft i skogen"', {"a": 3, "b": 3, "c": 1, "d": 1}),
            ("g-spk-05", "speaker", 'speaker:"{speaker1}" vindkraft', {"b": 3, "d": 3}),
        ],
    },
    # Near-pairs: the query word occurs nowhere; only its look-alikes, all grade 0.
    # An ASCII query word also scrubs its spellings with å/ä/ö (`öst` for `ost`): a viewer
    # without those keys who types `ost` may mean `öst` ("a form without å/ä/ö must still
    # find the talk", issue 13), so a filler `öst` is a right answer, not a leak; the query
    # tests the pairs planted here (`post`, `kostnaderna`), which must stay apart.
    {"name": "kost", "scrub": ["kost"], "copies": 3, "sentences": [
        ("x1", "Kostnaden för dieseln steg i vintras."), ("x2", "Det kostar mer än det smakar.")],
     "queries": [("g-none-01", "nothing", "kost", {})]},
    {"name": "ost", "scrub": ["ost", "öst"], "copies": 3, "sentences": [
        ("x1", "Posten kom sent i dag igen."), ("x2", "Kostnaderna för posten stiger.")],
     "queries": [("g-none-02", "nothing", "ost", {})]},
    {"name": "mark", "scrub": ["mark", "märk"], "copies": 3, "sentences": [
        ("x1", "Marknaden för ekologiskt kött växer."),
        ("x2", "Marknadsföringen sköts av en liten byrå.")],
     "queries": [("g-none-03", "nothing", "mark", {})]},
    {"name": "lån", "scrub": ["lån"], "copies": 3, "sentences": [
        ("x1", "Länet har fått nya pengar till vägarna."),
        ("x2", "Länsstyrelsen beslutade om stödet i går.")],
     "queries": [("g-none-04", "nothing", "lån", {})]},
    {"name": "bar", "scrub": ["bar", "bär", "bår"], "copies": 3, "sentences": [
        ("x1", "Barnen lekte på gården hela eftermiddagen."),
        ("x2", "Barnomsorgen på landsbygden behöver mer resurser.")],
     "queries": [("g-none-05", "nothing", "bar", {})]},
    {"name": "stat", "scrub": ["stat", "ståt", "stät"], "copies": 3, "sentences": [
        ("x1", "Stationen ligger mitt i byn."),
        ("x2", "Stationerna längs banan rustas upp.")],
     "queries": [("g-none-06", "nothing", "stat", {})]},
    {"name": "vin", "scrub": ["vin"], "copies": 3, "sentences": [
        ("x1", "Vintern blev lång och kall."), ("x2", "Vinsten delades lika mellan gårdarna.")],
     "queries": [("g-none-07", "nothing", "vin", {})]},
    {"name": "tak", "scrub": ["tak"], "copies": 3, "sentences": [
        ("x1", "Takten i bygget ökade under hösten."), ("x2", "Vi höll takten hela vägen.")],
     "queries": [("g-none-08", "nothing", "tak", {})]},
    {"name": "sal", "scrub": ["sal", "säl", "sål"], "copies": 3, "sentences": [
        ("x1", "Saltet strös på vägarna i november."), ("x2", "Salladen odlas i växthus.")],
     "queries": [("g-none-09", "nothing", "sal", {})]},
    {"name": "hål", "scrub": ["hål"], "copies": 3, "sentences": [
        ("x1", "Hållbarheten står i fokus i år."), ("x2", "Vi håller på med skörden.")],
     "queries": [("g-none-10", "nothing", "hål", {})]},
]
