#if canImport(Glibc)
import Glibc
#endif

/// The subcommands, in the order `talks --help` lists them: searching first, then getting
/// episodes in, then looking after the index, then the tools around it.
let commands: [any Command.Type] = [
    SearchCommand.self,
    IngestCommand.self,
    CheckCommand.self,
    ImportFeedCommand.self,
    ListCommand.self,
    StatsCommand.self,
    RemoveCommand.self,
    VerifyCommand.self,
    AnalyzeCommand.self,
    ServeCommand.self,
    VersionCommand.self,
]

exit(CommandLineTool(commands: commands).run(CommandLine.arguments))
