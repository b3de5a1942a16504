/// Which options and arguments a command read from its `ParsedArguments`, for tests.
///
/// Reading an option that the command's configuration does not declare is a programming
/// error: normally it stops the program at once (`preconditionFailure`). Parsed with a log,
/// the read is recorded here instead and gives the reading declaration's default, so one
/// test can run every command and list every undeclared read (and every declared option
/// that nothing reads) rather than stop at the first.
final class ArgumentReadLog {
    /// Every option (`--name`) and argument (`<name>`) read, declared or not.
    private(set) var read: Set<String> = []
    /// The undeclared ones, in the order they were read.
    private(set) var undeclared: [String] = []

    func noteRead(_ word: String) { read.insert(word) }
    func noteUndeclared(_ word: String) { undeclared.append(word) }
}
