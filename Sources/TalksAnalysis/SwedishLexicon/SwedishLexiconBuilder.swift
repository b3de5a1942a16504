/// Builds a `SwedishLexicon` from a parsed affix and dictionary file: generates every
/// entry's forms (`WordFormGenerator`), normalises them as the tokenizer normalises text,
/// joins paradigms that the dictionary splits over two entries, and packs the result.
///
/// Entries left out: phrases and words with characters no token holds (space, hyphen,
/// period, apostrophe); `FORBIDDENWORD` entries, whose words are also removed from every
/// other entry's forms (sv_SE forbids misspellings such as `arbetsplast`).
///
/// The three paradigm joins, each checked against the dictionary on both sides:
/// - A plural stem listed as an entry of its own joins its singular. `fibrer/AJY` gives
///   only plural forms (`fibrer`, `fibrerna`, no `fibrern`), and `fiber` is `fibrer` less
///   `-er` with the dropped `e` put back (`fibr` → `fiber`; `högerinrar` → `högerinner`,
///   with the consonant doubled back; `kamrar` → `kammare`, an `-are` noun), a word with a
///   definite singular (`fibern`, `sägnen`, `ådern`) and no plural of its own. So `fibrer`
///   → `fiber`, `sägner` → `sägen`, `ådror` → `åder`; `manövrer` stays apart from
///   `manöver`, which has its own plural `manövrar`, and `parser` from `pares` (`pareser`).
/// - A compound-only stem (`ONLYINCOMPOUND` on the entry: `abborr/XZ`, `kyrko/UXZ`) joins
///   the word it is the compound form of, when the dictionary has that word as the stem
///   plus `e` or `a`, with its final vowel changed to `a` or `e`, or less a linking `s`
///   (`abborr` → `abborre`, `kyrko` → `kyrka`, `accelerations` → `acceleration`).
/// - A common-gender noun in `-el`/`-en`/`-er` with no plural of its own (`regel/AEfsY`)
///   takes the plurals that sv_SE lists under its syncopated stem plus `a` (`regla/ADHINPY`:
///   `regler`, `reglerna`; `semestra`: `semestrar`) as readings of its own.
enum SwedishLexiconBuilder {
    static func build(affixes: AffixFile, dictionary: DictionaryFile) -> SwedishLexicon {
        let entries = dictionary.entries
        var lemmaTable = FormTable(capacity: entries.count)
        var collector = FormCollector(expectedCount: entries.count * 6)
        var pairs: [UInt64] = []
        pairs.reserveCapacity(entries.count * 6)
        var standalone: [Bool] = []
        var compoundOnly: [Bool] = []
        var forbidden: [[UInt8]] = []
        var used = 0
        var scratch: [UInt8] = []
        scratch.reserveCapacity(128)
        let generator = WordFormGenerator(affixes: affixes)
        for entry in entries {
            let scalars = entry.word.unicodeScalars.map(\.value)
            guard scalars.withUnsafeBufferPointer({ normalizedWord($0, into: &scratch) }) else { continue }
            if let flag = affixes.forbiddenWord, entry.flags.contains(flag) {
                forbidden.append(scratch)
                continue
            }
            used += 1
            guard let lemma = scratch.withUnsafeBufferPointer({ lemmaTable.intern($0) }) else { continue }
            if lemma == standalone.count {
                standalone.append(false)
                compoundOnly.append(false)
            }
            let isCompoundOnly = affixes.onlyInCompound.map(entry.flags.contains) ?? false
            let needsAffix = affixes.needAffix.map(entry.flags.contains) ?? false
            if isCompoundOnly { compoundOnly[lemma] = true } else if !needsAffix { standalone[lemma] = true }
            generator.forEachForm(of: scalars, flags: entry.flags) { form, roles in
                guard !roles.isEmpty, normalizedWord(form, into: &scratch),
                      let number = scratch.withUnsafeBufferPointer({ collector.append($0) })
                else { return }
                pairs.append(UInt64(number) << 32 | UInt64(lemma) << 8 | UInt64(roles.rawValue))
            }
        }
        let (forms, indexOfCollected) = collector.finish()
        for position in pairs.indices {
            let pair = pairs[position]
            pairs[position] = UInt64(indexOfCollected[Int(pair >> 32)]) << 32 | pair & 0xFFFF_FFFF
        }
        var joins = ParadigmJoins(lemmas: lemmaTable, forms: forms, pairs: pairs, standalone: standalone)
        joins.joinPluralStems()
        joins.joinCompoundOnlyStems(compoundOnly: compoundOnly)
        let redirect = joins.resolvedRedirects()
        let borrowed = joins.borrowedPlurals()
        pairs += borrowed

        var forbiddenForms = [Bool](repeating: false, count: forms.count)
        var forbiddenCount = 0
        for word in forbidden {
            guard let index = word.withUnsafeBufferPointer({ forms.find($0) }), !forbiddenForms[index] else { continue }
            forbiddenForms[index] = true
            forbiddenCount += 1
        }
        let (readingStarts, readings, lemmasSeen) = pack(
            pairs, formCount: forms.count, lemmaCount: lemmaTable.count, redirect: redirect, forbidden: forbiddenForms
        )
        pairs = []
        let (lemmaFormStarts, lemmaForms) = invert(readingStarts: readingStarts, readings: readings, lemmaCount: lemmaTable.count)
        let memory = forms.memoryBytes + lemmaTable.memoryBytes + readingStarts.capacity * 4 + readings.capacity * 4
            + lemmaFormStarts.capacity * 4 + lemmaForms.capacity * 8
        let statistics = SwedishLexicon.Statistics(
            entries: entries.count, entriesUsed: used, lemmas: lemmasSeen,
            surfaceForms: forms.count - forbiddenCount, readings: readings.count,
            joinedLemmas: joins.joinedCount, borrowedPluralForms: borrowed.count, memoryBytes: memory
        )
        return SwedishLexicon(
            forms: forms, readingStarts: readingStarts, packedReadings: readings, lemmaTable: lemmaTable,
            lemmaFormStarts: lemmaFormStarts, lemmaForms: lemmaForms, statistics: statistics
        )
    }

    /// The readings grouped by lemma (a counting sort): for each lemma its forms, each
    /// `form index << 8 | roles`, so a paradigm is listed without scanning every form.
    private static func invert(
        readingStarts: [UInt32], readings: [UInt32], lemmaCount: Int
    ) -> (starts: [UInt32], forms: [UInt64]) {
        var starts = [UInt32](repeating: 0, count: lemmaCount + 1)
        for reading in readings where Int(reading >> 8) < lemmaCount { starts[Int(reading >> 8) + 1] += 1 }
        for index in 0..<lemmaCount { starts[index + 1] += starts[index] }
        var forms = [UInt64](repeating: 0, count: Int(starts[lemmaCount]))
        var next = starts
        for formIndex in 0..<(readingStarts.count - 1) {
            for position in Int(readingStarts[formIndex])..<Int(readingStarts[formIndex + 1]) {
                let reading = readings[position]
                let lemma = Int(reading >> 8)
                guard lemma < lemmaCount else { continue }
                forms[Int(next[lemma])] = UInt64(formIndex) << 8 | UInt64(reading & 0xFF)
                next[lemma] += 1
            }
        }
        return (starts, forms)
    }

    /// The readings grouped by form (a counting sort), a form's readings of one lemma
    /// merged into one with the union of their roles, lemmas redirected by the joins and
    /// forbidden forms dropped: `readingStarts`, `readings` (`lemma << 8 | roles`) and the
    /// number of lemmas that kept a form.
    private static func pack(
        _ pairs: [UInt64], formCount: Int, lemmaCount: Int, redirect: [Int], forbidden: [Bool]
    ) -> (readingStarts: [UInt32], readings: [UInt32], lemmas: Int) {
        var readingStarts = [UInt32](repeating: 0, count: formCount + 1)
        for pair in pairs where !forbidden[Int(pair >> 32)] { readingStarts[Int(pair >> 32) + 1] += 1 }
        for index in 0..<formCount { readingStarts[index + 1] += readingStarts[index] }
        var grouped = [UInt32](repeating: 0, count: Int(readingStarts[formCount]))
        var next = readingStarts
        for pair in pairs {
            let formIndex = Int(pair >> 32)
            guard !forbidden[formIndex] else { continue }
            let lemma = UInt32(redirect[Int(pair >> 8 & 0xFF_FFFF)])
            grouped[Int(next[formIndex])] = lemma << 8 | UInt32(pair & 0xFF)
            next[formIndex] += 1
        }
        var readings: [UInt32] = []
        readings.reserveCapacity(grouped.count)
        var lemmasSeen = [Bool](repeating: false, count: lemmaCount)
        var groupStart = 0
        for formIndex in 0..<formCount {
            let groupEnd = Int(readingStarts[formIndex + 1])
            let first = readings.count
            for position in groupStart..<groupEnd {
                let reading = grouped[position]
                if groupEnd - groupStart > 1, let same = readings[first...].firstIndex(where: { $0 >> 8 == reading >> 8 }) {
                    readings[same] |= reading & 0xFF
                } else {
                    readings.append(reading)
                    lemmasSeen[Int(reading >> 8)] = true
                }
            }
            if readings.count - first > 1 { readings[first...].sort() }
            groupStart = groupEnd
            readingStarts[formIndex + 1] = UInt32(readings.count)
        }
        return (readingStarts, readings, lemmasSeen.lazy.filter { $0 }.count)
    }

    /// Writes `scalars` as the tokenizer would normalise them (NFC, lowercase UTF-8) into
    /// `output`; false when a scalar is not a letter, digit or combining mark, so that no
    /// token could equal the form.
    static func normalizedWord(_ scalars: UnsafeBufferPointer<UInt32>, into output: inout [UInt8]) -> Bool {
        output.removeAll(keepingCapacity: true)
        var general = false
        for value in scalars {
            if value < 0x80 {
                guard (value | 0x20) &- 0x61 < 26 || value &- 0x30 < 10 else { return false }
            } else if value < 0x100 {
                guard value >= 0xC0 && value != 0xD7 && value != 0xF7 || value == 0xAA || value == 0xB5 || value == 0xBA else {
                    return false
                }
            } else {
                guard let scalar = Unicode.Scalar(value) else { return false }
                let properties = scalar.properties
                switch properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: break
                default: guard properties.isAlphabetic else { return false }
                }
                general = true
            }
        }
        if general {
            var text = String.UnicodeScalarView()
            for value in scalars { if let scalar = Unicode.Scalar(value) { text.append(scalar) } }
            output.append(contentsOf: Normalizer.normalize(String(text)).utf8)
            return true
        }
        for value in scalars {
            if value < 0x80 {
                output.append(UInt8(value &- 0x41 < 26 ? value | 0x20 : value))
            } else {
                let lower = (0xC0...0xDE).contains(value) && value != 0xD7 ? value | 0x20 : value
                output.append(UInt8(0xC0 | lower >> 6))
                output.append(UInt8(0x80 | lower & 0x3F))
            }
        }
        return true
    }
}
