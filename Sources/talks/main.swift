#if canImport(Glibc)
import Glibc
#endif

/// The subcommands, in the order `talks --help` lists them.
let commands: [any Command.Type] = [
    SearchCommand.self,
    VersionCommand.self,
    CheckCommand.self,
    ImportFeedCommand.self,
    IngestCommand.self,
    RemoveCommand.self,
    ListCommand.self,
    StatsCommand.self,
    VerifyCommand.self,
    AnalyzeCommand.self,
    ServeCommand.self,
]

exit(CommandLineTool(commands: commands).run(CommandLine.arguments))
