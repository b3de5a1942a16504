/// Fuzzes the Hunspell reader behind the Swedish lexicon: `AffixFile`, `DictionaryFile` and
/// the lexicon built from them (`SwedishLexicon`: form generation, paradigm joins, tables).
///
/// The input is an affix file, a NUL byte and a dictionary file; without a NUL, the whole
/// input is tried as each file beside a small fixed other file. Beyond "never traps", it
/// checks: an error names the file it was given and a line inside it; every generated form
/// is found again with a non-empty lemma; lemma keys and compound splitting of a few words
/// return; parsing is deterministic.
import FuzzSupport
import TalksAnalysis

let affixName = "fuzz.aff", dictionaryName = "fuzz.dic"
let fixedAffix = Array("SET UTF-8\nCOMPOUNDBEGIN X\nCOMPOUNDEND Y\nSFX A Y 2\nSFX A 0 s .\nSFX A en net en\n".utf8)
let fixedDictionary = Array("3\nvapen/AXY\nhus/AY\nvatten/AX\n".utf8)

func exercise(affixBytes: [UInt8], dictionaryBytes: [UInt8]) {
    let affixes: AffixFile
    do throws(HunspellError) {
        affixes = try AffixFile(bytes: affixBytes, path: affixName)
    } catch {
        check(error.path == affixName, "affix error names \(error.path)")
        check(error.line.map { $0 >= 1 && $0 <= lineCount(affixBytes) } ?? true, "affix error line \(error.line ?? 0) outside the file")
        return
    }
    let dictionary: DictionaryFile
    do throws(HunspellError) {
        dictionary = try DictionaryFile(bytes: dictionaryBytes, path: dictionaryName, affixes: affixes)
    } catch {
        check(error.path == dictionaryName, "dictionary error names \(error.path)")
        check(error.line.map { $0 >= 1 && $0 <= lineCount(dictionaryBytes) } ?? true, "dictionary error line outside the file")
        return
    }
    for entry in dictionary.entries {
        check(entry.line >= 2 && entry.line <= lineCount(dictionaryBytes), "entry line \(entry.line) outside the file")
        check(!entry.word.isEmpty, "an entry without a word")
    }
    let again = try? DictionaryFile(bytes: dictionaryBytes, path: dictionaryName, affixes: affixes)
    check(again?.entries == dictionary.entries, "parsing the same bytes twice gave different entries")

    let lexicon = SwedishLexicon(affixes: affixes, dictionary: dictionary)
    check(lexicon.statistics.readings >= lexicon.statistics.surfaceForms, "fewer readings than forms")
    var seen = 0
    lexicon.forEachWordForm { form, lemmas in
        seen += 1
        check(!lemmas.isEmpty && lemmas.allSatisfy { !$0.isEmpty }, "\(form) has an empty lemma")
        check(!lexicon.readings(of: form).isEmpty, "\(form) is listed but not found")
    }
    check(seen <= lexicon.statistics.surfaceForms, "more word forms than surface forms")
    let splitter = CompoundSplitter()
    for word in ["vapnet", "vattenhus", "husvapnen"] + dictionary.entries.prefix(3).map(\.word) {
        _ = lexicon.lemmaKeys(of: word)
        _ = splitter.split(word, dictionary: lexicon, isWord: { _ in false }, isKey: { _ in false })
    }
}

runFuzzer { bytes in
    if let separator = bytes.firstIndex(of: 0) {
        exercise(affixBytes: Array(bytes[..<separator]), dictionaryBytes: Array(bytes[(separator + 1)...]))
    } else {
        exercise(affixBytes: bytes, dictionaryBytes: fixedDictionary)
        exercise(affixBytes: fixedAffix, dictionaryBytes: bytes)
    }
}
