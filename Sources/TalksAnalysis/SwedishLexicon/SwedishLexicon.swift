/// A Swedish lexicon built from Hunspell's sv_SE dictionary (Debian `hunspell-sv-se`):
/// every surface form the dictionary's affix rules generate, mapped to its lemma and to
/// what the form may do in a compound.
///
/// Why: rules without a dictionary cannot relate forms whose vowel drops (`vapen`,
/// `vapnet`, `vapnen`; `nummer`, `numret`; `öken`, `öknen`) without also merging words that
/// only look alike (`kostnad` and `kost`). The dictionary lists each word with its
/// inflection classes, so generating its forms relates exactly its paradigm. Its compound
/// flags say which forms may begin a compound (`dricksvatten`, `yrkes`), stand inside one,
/// or end one (`försörjningen`), which lets compounds split against words an archive never
/// says alone.
///
/// The lemma of a form is the dictionary entry it was generated from (lowercased, NFC).
/// Three joins go beyond single entries, where sv_SE splits one word over two entries (see
/// `SwedishLexiconBuilder`): a plural stem listed on its own joins its singular (`fibrer` →
/// `fiber`), a compound-only stem joins the word it is the compound form of (`abborr` →
/// `abborre`), and a noun takes the plurals listed under its syncopated stem (`regler`,
/// under `regla`, also → `regel`). A form may have several lemmas (`lagrar`: `lager`, `lagra`).
///
/// Forms that no token can equal are left out: phrases with spaces, forms with hyphens,
/// periods or apostrophes. Loading is explicit (`load`) or shared and lazy (`shared`), and
/// optional: without the package, analysis keeps its rules (`SwedishInflection`,
/// `CompoundSplitter` with the index's vocabulary).
public struct SwedishLexicon: Sendable {
    /// One reading of a surface form: the lemma it belongs to and what it may do.
    public struct Reading: Hashable, Sendable, CustomStringConvertible {
        public var lemma: String
        public var roles: FormRoles

        public init(lemma: String, roles: FormRoles) {
            self.lemma = lemma
            self.roles = roles
        }

        public var description: String { "\(lemma) (\(roles))" }
    }

    /// Counts and sizes of a built lexicon.
    public struct Statistics: Hashable, Sendable {
        /// Dictionary entries read, and those used (not phrases, not forbidden).
        public var entries: Int
        public var entriesUsed: Int
        /// Distinct lemmas that have at least one form.
        public var lemmas: Int
        /// Distinct surface forms.
        public var surfaceForms: Int
        /// (form, lemma) pairs: a form of two lemmas counts twice.
        public var readings: Int
        /// Lemmas joined to another by `SwedishLexiconBuilder`'s paradigm joins.
        public var joinedLemmas: Int
        /// Plural forms added to a singular's paradigm from its syncopated stem's entry.
        public var borrowedPluralForms: Int
        /// Heap bytes held by the lexicon's tables.
        public var memoryBytes: Int
    }

    let forms: FormTable
    /// Readings of form `i`: `readings[readingStarts[i]..<readingStarts[i + 1]]`, each
    /// `lemma index << 8 | roles`.
    let readingStarts: [UInt32]
    let packedReadings: [UInt32]
    let lemmaTable: FormTable
    /// The forms of lemma `l`: `lemmaForms[lemmaFormStarts[l]..<lemmaFormStarts[l + 1]]`,
    /// each `form index << 8 | roles` (the readings inverted, for `paradigm(of:)`).
    let lemmaFormStarts: [UInt32]
    let lemmaForms: [UInt64]
    /// Counts and sizes.
    public let statistics: Statistics
    /// Which dictionary this is, for the index's manifest: `sv_SE <16 hex digits>`, the
    /// FNV-1a hash of the affix and dictionary files' bytes (`load`), so an index records
    /// exactly the data its lemma keys came from; `sv_SE (in memory)` when built from
    /// parsed files handed in.
    public internal(set) var version: String = "sv_SE (in memory)"

    /// The readings of a normalised (NFC, lowercase) form; empty when the lexicon lacks it.
    public func readings(of form: String) -> [Reading] {
        guard let index = forms.find(form) else { return [] }
        return readingRange(index).map { position in
            let packed = packedReadings[position]
            return Reading(lemma: lemmaTable.string(at: Int(packed >> 8)), roles: FormRoles(rawValue: UInt8(packed & 0xFF)))
        }
    }

    /// The lemmas of a normalised term used as a word on its own, sorted; empty when the
    /// lexicon does not know it as a word. `vapnen` → [`vapen`]; `lagar` → [`lag`, `laga`].
    public func lemmas(of term: String) -> [String] {
        guard let index = forms.find(term) else { return [] }
        var result: [String] = []
        for position in readingRange(index) {
            let packed = packedReadings[position]
            guard packed & UInt32(FormRoles.standalone.rawValue) != 0 else { continue }
            result.append(lemmaTable.string(at: Int(packed >> 8)))
        }
        return result.sorted()
    }

    /// All roles the form has in any reading; empty when the lexicon lacks it.
    public func roles(of form: String) -> FormRoles {
        guard let index = forms.find(form) else { return [] }
        var roles: FormRoles = []
        for position in readingRange(index) { roles.formUnion(FormRoles(rawValue: UInt8(packedReadings[position] & 0xFF))) }
        return roles
    }

    /// Whether the lexicon knows the form in any reading (a word or a compound part).
    public func contains(_ form: String) -> Bool {
        guard let index = forms.find(form) else { return false }
        return !readingRange(index).isEmpty
    }

    /// The lemmas of `form`'s readings that have one of `roles`, preferring the form itself,
    /// then the shortest; nil when no reading has them.
    func lemma(of form: String, having roles: FormRoles) -> String? {
        guard let index = forms.find(form) else { return nil }
        var best: String?
        for position in readingRange(index) {
            let packed = packedReadings[position]
            guard !FormRoles(rawValue: UInt8(packed & 0xFF)).isDisjoint(with: roles) else { continue }
            let lemma = lemmaTable.string(at: Int(packed >> 8))
            if lemma == form { return lemma }
            if let current = best, current.unicodeScalars.count < lemma.unicodeScalars.count
                || (current.unicodeScalars.count == lemma.unicodeScalars.count && current < lemma) {
                continue
            }
            best = lemma
        }
        return best
    }

    /// All lemmas of `form`'s readings that have one of `roles`, sorted.
    func lemmas(of form: String, having roles: FormRoles) -> [String] {
        guard let index = forms.find(form) else { return [] }
        var result: [String] = []
        for position in readingRange(index) {
            let packed = packedReadings[position]
            guard !FormRoles(rawValue: UInt8(packed & 0xFF)).isDisjoint(with: roles) else { continue }
            result.append(lemmaTable.string(at: Int(packed >> 8)))
        }
        return Array(Set(result)).sorted()
    }

    /// Every surface form of `lemma` with its roles, sorted by form: the paradigm the index
    /// stores so that search can resolve a form without the lexicon.
    public func forms(ofLemma lemma: String) -> [(form: String, roles: FormRoles)] {
        guard let lemmaIndex = lemmaTable.find(lemma), lemmaIndex + 1 < lemmaFormStarts.count else { return [] }
        var result: [(String, FormRoles)] = []
        for position in Int(lemmaFormStarts[lemmaIndex])..<Int(lemmaFormStarts[lemmaIndex + 1]) {
            let packed = lemmaForms[position]
            result.append((forms.string(at: Int(packed >> 8)), FormRoles(rawValue: UInt8(packed & 0xFF))))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// Calls `body` with every surface form and its readings' lemmas (standalone readings
    /// only), in table order. For measurements: how many forms an index vocabulary's lemmas have.
    public func forEachWordForm(_ body: (_ form: String, _ lemmas: [String]) -> Void) {
        for formIndex in 0..<forms.count {
            var lemmas: [String] = []
            for position in readingRange(formIndex) where packedReadings[position] & UInt32(FormRoles.standalone.rawValue) != 0 {
                lemmas.append(lemmaTable.string(at: Int(packedReadings[position] >> 8)))
            }
            if !lemmas.isEmpty { body(forms.string(at: formIndex), lemmas) }
        }
    }

    /// Every surface form of `lemma` that `roles` allow (any reading having one of them),
    /// sorted; empty when the lexicon has no such lemma. `vapen` → `vapen`, `vapens`,
    /// `vapnen`, `vapnens`, `vapnet`, `vapnets`. Proportional to the paradigm's size.
    public func paradigm(of lemma: String, roles: FormRoles = .standalone) -> [String] {
        guard let lemmaIndex = lemmaTable.find(lemma), lemmaIndex + 1 < lemmaFormStarts.count else { return [] }
        var result: [String] = []
        for position in Int(lemmaFormStarts[lemmaIndex])..<Int(lemmaFormStarts[lemmaIndex + 1]) {
            let packed = lemmaForms[position]
            guard !FormRoles(rawValue: UInt8(packed & 0xFF)).isDisjoint(with: roles) else { continue }
            result.append(forms.string(at: Int(packed >> 8)))
        }
        return result.sorted()
    }

    @inline(__always)
    private func readingRange(_ index: Int) -> Range<Int> {
        Int(readingStarts[index])..<Int(readingStarts[index + 1])
    }
}
