/// Options most commands share, declared once.
enum CommonOptions {
    /// `--index DIR`: where the index lives, `index/` in the current directory when not given.
    static let index = Option.string("index", value: "DIR", default: "index",
                                     defaultShownAs: "index/ in the current directory", help: "The index directory.")
    static let json = Flag("json", help: "Print machine-readable JSON instead of text.")
}
