/// A small built-in list of common Swedish words, for splitting compounds without an index.
///
/// Written for talks (not copied from a frequency list): everyday nouns, verbs and
/// adjectives of three letters or more, plus the vocabulary of the "Landet lär" webinars
/// (rural development, food, farming, forestry, water, energy, municipalities). Function
/// words are left out: they are rarely compound parts and would only let the splitter
/// find false parts. `talks analyze` adds the words of the analysed text itself; the
/// index uses its own term dictionary instead.
public enum CommonSwedishWords {
    /// The words as a set, for membership tests (they are already lowercase NFC).
    public static let set: Set<String> = Set(words)

    public static let words: [String] = [
        // People, society, work
        "barn", "familj", "förälder", "mamma", "pappa", "kvinna", "man", "människa", "person", "folk",
        "vän", "granne", "elev", "lärare", "student", "forskare", "ledare", "chef", "medarbetare",
        "bonde", "lantbrukare", "företagare", "entreprenör", "konsument", "kund", "medborgare",
        "invånare", "politiker", "tjänsteman", "expert", "rådgivare", "ungdom", "pension", "äldre",
        "arbete", "jobb", "yrke", "tjänst", "lön", "skatt", "avgift", "kostnad", "pris", "pengar",
        "ekonomi", "budget", "stöd", "bidrag", "lån", "investering", "finansiering", "handel",
        "marknad", "försäljning", "inköp", "upphandling", "avtal", "lag", "regel", "krav", "beslut",
        "politik", "regering", "riksdag", "myndighet", "kommun", "region", "län", "stat", "land",
        "nation", "samhälle", "förening", "organisation", "företag", "bolag", "näring", "bransch",
        "nätverk", "samverkan", "samarbete", "partner", "projekt", "program", "plan", "strategi",
        "mål", "vision", "uppdrag", "ansvar", "arbetsgrupp", "möte", "konferens", "seminarium",
        "webbinarium", "kurs", "utbildning", "skola", "förskola", "gymnasium", "universitet",
        "högskola", "forskning", "kunskap", "kompetens", "erfarenhet", "lärande", "metod", "modell",
        "verktyg", "system", "tjänster", "service", "omsorg", "vård", "hälsa", "sjukvård", "sjukhus",
        "apotek", "bibliotek", "museum", "kultur", "konst", "musik", "film", "bok", "tidning",
        "radio", "nyhet", "information", "kommunikation", "media", "språk", "ord", "text", "fråga",
        "svar", "exempel", "fakta", "resultat", "rapport", "analys", "utredning", "undersökning",
        "statistik", "siffra", "procent", "antal", "mängd", "nivå", "grad", "del", "helhet",
        // Land, places, buildings
        "landsbygd", "bygd", "glesbygd", "stad", "tätort", "ort", "by", "socken", "gård", "hus",
        "hem", "bostad", "lägenhet", "villa", "stuga", "byggnad", "fastighet", "lokal", "kontor",
        "fabrik", "lager", "butik", "affär", "restaurang", "kafé", "hotell", "kyrka", "torg",
        "gata", "väg", "järnväg", "bro", "hamn", "flygplats", "station", "centrum", "område",
        "plats", "miljö", "natur", "landskap", "skog", "mark", "jord", "åker", "äng", "bete",
        "hage", "trädgård", "park", "berg", "dal", "slätt", "kust", "strand", "hav", "sjö", "å",
        "älv", "bäck", "vatten", "våtmark", "myr", "mosse", "ö", "skärgård", "fjäll", "norr",
        "söder", "öster", "väster", "sverige", "norden", "europa", "världen", "gräns",
        // Food, farming, forestry
        "mat", "livsmedel", "dryck", "måltid", "frukost", "lunch", "middag", "kök", "recept",
        "kött", "fisk", "fågel", "kyckling", "gris", "nöt", "lamm", "vilt", "mjölk", "ost",
        "smör", "grädde", "ägg", "bröd", "mjöl", "säd", "spannmål", "vete", "råg", "havre", "korn",
        "potatis", "grönsak", "frukt", "bär", "äpple", "päron", "morot", "lök", "kål", "salt",
        "socker", "honung", "olja", "kaffe", "vin", "öl", "saft", "jordbruk", "lantbruk",
        "skogsbruk", "trädgårdsodling", "odling", "skörd", "gröda", "utsäde", "gödsel", "foder",
        "djur", "husdjur", "ko", "kalv", "häst", "får", "get", "höns", "bi", "hund", "katt",
        "ladugård", "stall", "traktor", "maskin", "redskap", "produktion", "producent",
        "förädling", "slakteri", "mejeri", "kedja", "distribution", "transport", "logistik",
        "träd", "gran", "tall", "björk", "ek", "virke", "timmer", "massa", "papper", "trä",
        "biomassa", "klimat", "väder", "regn", "torka", "värme", "kyla", "snö", "is", "vind",
        "sol", "luft", "utsläpp", "koldioxid", "förorening", "avfall", "återvinning", "cirkulär",
        "hållbarhet", "mångfald", "ekosystem", "art", "insekt", "pollinering",
        // Energy, technology
        "energi", "el", "kraft", "elnät", "solcell", "vindkraft", "vattenkraft", "bränsle",
        "biogas", "diesel", "bensin", "laddning", "batteri", "teknik", "digitalisering", "data",
        "dator", "internet", "bredband", "fiber", "mobil", "telefon", "app", "webb", "plattform",
        "innovation", "utveckling", "förändring", "omställning", "tillväxt", "framtid", "historia",
        "tradition", "identitet", "attraktivitet", "besöksnäring", "turism", "turist", "besök",
        "besökare", "friluftsliv", "rekreation", "fritid", "idrott", "sport", "spel", "resa",
        "bil", "buss", "tåg", "cykel", "båt", "flyg", "trafik", "pendling", "kollektivtrafik",
        // Time
        "tid", "dag", "vecka", "månad", "år", "timme", "minut", "sekund", "morgon", "kväll",
        "natt", "vår", "sommar", "höst", "vinter", "säsong", "period", "början", "slut", "gång",
        "tillfälle", "läge", "situation", "kris", "pandemi", "händelse", "fall", "sätt",
        // Abstract nouns
        "bemanning", "beredskap", "försörjning", "försörjningsberedskap", "säkerhet", "trygghet",
        "risk", "möjlighet", "utmaning", "problem", "lösning", "behov", "intresse", "värde",
        "kvalitet", "effekt", "påverkan", "nytta", "fördel", "nackdel", "orsak", "följd",
        "syfte", "idé", "tanke", "känsla", "glädje", "oro", "hopp", "tro", "vilja", "makt",
        "frihet", "rätt", "rättighet", "skyldighet", "jämställdhet", "integration", "inkludering",
        "delaktighet", "dialog", "diskussion", "samtal", "intervju", "berättelse", "historik",
        "bild", "karta", "sida", "form", "storlek", "längd", "bredd", "höjd", "vikt", "styrka",
        "hastighet", "takt", "steg", "process", "förlopp", "arbetssätt", "verksamhet",
        "aktivitet", "insats", "åtgärd", "satsning", "kampanj", "reform", "förslag", "idébank",
        "rådgivning", "rad", "grupp", "team", "klubb", "parti", "styrelse",
        "ordförande", "sekreterare", "kassör", "ledning", "personal", "anställd", "kollega",
        "kontakt", "relation", "förtroende", "engagemang", "ideell", "frivillig", "eldsjäl",
        // Verbs (infinitive)
        "arbeta", "jobba", "göra", "skapa", "bygga", "utveckla", "förändra", "förbättra",
        "odla", "skörda", "producera", "förädla", "sälja", "köpa", "handla", "äta", "dricka",
        "laga", "baka", "koka", "steka", "lära", "undervisa", "studera", "forska", "läsa",
        "skriva", "prata", "tala", "säga", "berätta", "svara", "lyssna", "höra", "se",
        "titta", "visa", "hitta", "söka", "leta", "finna", "ta", "ge", "få", "hålla", "bära",
        "ligga", "sitta", "stå", "gå", "komma", "åka", "köra", "flytta", "bo", "leva",
        "växa", "öka", "minska", "sänka", "höja", "starta", "börja", "sluta", "avsluta",
        "planera", "organisera", "leda", "styra", "bestämma", "besluta", "påverka", "stödja",
        "hjälpa", "samarbeta", "samverka", "träffa", "möta", "mötas", "dela", "sprida",
        "använda", "behöva", "kunna", "måste", "tycka", "tänka", "veta", "känna",
        "förstå", "märka", "minnas", "glömma", "vänta", "hoppas", "önska", "försöka", "lyckas",
        "misslyckas", "testa", "pröva", "mäta", "räkna", "betala", "kosta", "spara", "investera",
        "anställa", "rekrytera", "bemanna", "beställa", "leverera", "transportera",
        "vattna", "gödsla", "plantera", "avverka", "jaga", "fiska", "rida", "simma", "springa",
        "cykla", "vandra", "besöka", "upptäcka", "uppleva", "njuta", "fira", "välkomna",
        // Adjectives
        "stor", "liten", "lång", "kort", "hög", "låg", "bred", "smal", "tjock", "tunn", "tung",
        "lätt", "ny", "gammal", "ung", "god", "bra", "dålig", "fin", "ful", "vacker", "glad",
        "ledsen", "arg", "rädd", "trygg", "säker", "osäker", "viktig", "enkel", "svår", "möjlig",
        "rik", "fattig", "billig", "dyr", "snabb", "långsam", "tidig", "sen", "varm", "kall",
        "torr", "våt", "blöt", "ren", "smutsig", "frisk", "sjuk", "stark", "svag", "fri",
        "öppen", "stängd", "full", "tom", "hel", "halv", "regional", "nationell",
        "global", "offentlig", "privat", "gemensam", "social", "ekonomisk", "ekologisk",
        "hållbar", "grön", "blå", "röd", "gul", "vit", "svart", "grå", "brun", "digital",
        "lantlig", "landsbygdsnära", "närodlad", "svensk", "nordisk", "europeisk", "internationell",
        "aktuell", "modern", "traditionell", "framtida", "tidigare", "senare", "vanlig",
        "ovanlig", "speciell", "särskild", "allmän", "djup", "nära", "långt",
        // Short words that often begin or end compounds
        "liv", "fot", "bad", "lek", "löv", "mus", "nät", "rum", "sal", "sak", "ull", "ved", "yta",
        "ros", "ben", "arm", "hår", "tand", "hals", "mun", "näs", "syn", "röst", "ljud", "ljus",
        "färg", "lukt", "smak", "vana", "fält", "dike", "vall", "mur", "port", "dörr", "golv",
        "vägg", "tak", "hörn", "säng", "bord", "stol", "skåp", "lampa", "ugn", "spis", "kyl",
        "frys", "disk", "tvätt", "sax", "nål", "tråd", "tyg", "garn", "kol", "gas", "sten", "sand",
        "lera", "grus", "malm", "guld", "järn", "stål", "koppar", "silver", "plast", "glas",
        "låda", "säck", "påse", "burk", "flaska", "kruka", "korg", "vagn", "kärra",
        "släp", "plog", "harv", "såg", "yxa", "kniv", "gaffel", "sked", "tallrik", "kopp", "kanna",
        "gryta", "panna",
        // Compounds' frequent heads and tails
        "landsbygdsnätverk", "landsbygdsprogram", "landsbygdsutveckling", "livsmedelsstrategi",
        "matproduktion", "matförsörjning", "vattenförsörjning", "kompetensförsörjning",
        "näringsliv", "arbetsmarknad", "arbetsplats", "arbetskraft", "bostadsmarknad",
        "infrastruktur", "struktur", "kapacitet", "resurs", "tillgång", "tillgänglighet",
        "serviceort", "handlingsplan", "åtgärdsprogram", "utvecklingsplan", "ägare", "verk",
        "kraftverk", "anläggning", "cell", "ledamot", "andel", "kooperativ", "hantverk",
    ]
}
