import TalksSearch

/// Prints a `QueryExplanation`: one block per query word with its variants, tier, weight
/// and document frequency, so a user can see why a talk was (or was not) found. Query words
/// and terms are escaped for the terminal (`String.terminalEscaped`).
enum ExplanationPrinter {
    static func render(_ explanation: QueryExplanation) -> String {
        var output = ""
        for clause in explanation.clauses {
            let idf = (clause.inverseDocumentFrequency * 100).rounded() / 100
            let text: String
            if let synonym = clause.synonym {
                // "slu → "sveriges lantbruksuniversitet" (synonym, archive/synonyms.txt:3)"
                let alternative = clause.text.hasPrefix("\"") ? clause.text : "\"\(clause.text)\""
                text = "\(synonym.query) → \(alternative) (synonym, \(synonym.file):\(synonym.line))"
            } else if let compound = clause.compoundPartOf {
                // "grisgödsel → gödsel (part, said in one cue with the other parts)"
                text = "\(compound) → \(clause.text) (part, said in one cue with the other parts)"
            } else if let phrase = clause.phraseForm {
                // ""regional livsmedelsstrategi" → "regionala livsmedelsstrategier" (inflected)"
                text = "\(phrase) → \(clause.text) (inflected)"
            } else {
                text = clause.text
            }
            output += "\(clause.isNegated ? "-" : "")\(text.terminalEscaped)  (idf \(idf))\n"
            if clause.variants.isEmpty && !clause.text.hasPrefix("\"") {
                output += "  no indexed term matches\n"
            }
            for variant in clause.variants {
                output += "  \(variant.term.terminalEscaped)  \(tierName(variant.tier)) ×\(variant.weight)  in \(variant.documentFrequency) episodes\n"
            }
        }
        for speaker in explanation.speakers {
            output += "speaker:\"\(speaker.terminalEscaped)\"  only cues this speaker says match, rank and are shown\n"
        }
        return output
    }

    static func tierName(_ tier: TermVariant.Tier) -> String {
        switch tier {
        case .exact: return "exact"
        case .inflected: return "inflected"
        case .compoundPart: return "compound"
        case .folded: return "without å/ä/ö"
        case .foldedInflected: return "without å/ä/ö, inflected"
        case .fuzzy: return "typo (1 edit)"
        case .fuzzyFar: return "typo (2 edits)"
        case .prefix: return "prefix"
        }
    }
}
