/// Every `talks` subcommand, in the order `talks --help` lists them: searching first, then
/// getting episodes in, then looking after the index, then the tools around it.
///
/// Kept out of `main.swift` so tests can go through every command's declarations.
enum TalksCommands {
    static var all: [any Command.Type] {
        [
            SearchCommand.self,
            IngestCommand.self,
            CheckCommand.self,
            ImportFeedCommand.self,
            ImportYtDlpCommand.self,
            ListCommand.self,
            StatsCommand.self,
            RemoveCommand.self,
            VerifyCommand.self,
            PublishCommand.self,
            ExportCommand.self,
            AnalyzeCommand.self,
            ServeCommand.self,
            VersionCommand.self,
        ]
    }
}
