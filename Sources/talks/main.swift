#if canImport(Glibc)
import Glibc
#endif

exit(CommandLineTool(commands: TalksCommands.all).run(CommandLine.arguments))
