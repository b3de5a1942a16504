/// Issue 13's near-pairs: (shorter, longer) different Swedish words, each a plausible false
/// inflection, false compound part, folded look-alike or one-edit typo of the other, which
/// search must keep apart (`kost`/`kostnad`, `ost`/`post`, `län`/`lån`, …). One list for the
/// analysis-level test (`NearPairsTests`: lemma keys and compound splits) and the end-to-end
/// one (`NearPairArchiveSearchTests`: ingest, expansion and ranking together).
public enum NearPairs {
    public static let pairs: [(String, String)] = [
        ("kost", "kostnad"), ("mark", "marknad"), ("ost", "post"), ("län", "lån"), ("bar", "barn"),
        ("stat", "station"), ("ost", "kost"), ("post", "kost"), ("mat", "mått"), ("bil", "bild"),
        ("stad", "stat"), ("tak", "tack"), ("glas", "glass"), ("hat", "hatt"), ("mål", "mal"),
        ("säl", "sal"), ("hund", "hundra"), ("and", "andra"), ("red", "redan"), ("sed", "sedan"),
        ("ände", "ändra"), ("rom", "roman"), ("lam", "lamm"), ("kor", "korn"), ("tor", "torn"),
        ("for", "forum"), ("lag", "lager"), ("väg", "våg"), ("rätt", "rått"), ("ful", "full"),
        ("tal", "tall"), ("arm", "armé"), ("fot", "foto"), ("ek", "eko"), ("tid", "tidning"),
        ("hand", "handel"), ("fil", "film"), ("ark", "arkiv"), ("mor", "mord"), ("mod", "mode"),
        ("mus", "musik"), ("tak", "takt"), ("par", "park"), ("par", "parti"), ("art", "artikel"),
        ("fas", "fast"), ("sal", "salt"), ("vin", "vinst"), ("bro", "brott"), ("ras", "rast"),
        ("mil", "mild"), ("form", "formel"), ("kvart", "kvarn"), ("mod", "moder"), ("jag", "jaga"),
        ("land", "landa"), ("pris", "prisma"), ("sten", "stensil"), ("bok", "bock"), ("dal", "dalta"),
    ]
}
