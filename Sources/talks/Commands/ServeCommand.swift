#if canImport(Glibc)
import Glibc
#endif
import TalksIndexing
import TalksModel
import TalksServer

/// `talks serve`: the HTTP API and the search page over an index.
struct ServeCommand: Command {
    static let configuration = CommandConfiguration(
        name: "serve",
        abstract: "Serve search over HTTP: a JSON API, a search page and embed.js.",
        discussion: """
            Answers GET /search, /suggest, /episodes, /episodes/{id}, /episodes/{id}/transcript
            (?format=vtt for WebVTT), /health and /openapi.json (/search counts all matches by
            series, speaker and year: "facets"); serves each episode's watch page at /watch/{id}
            (player beside the transcript; ?t=SECONDS, ?q=QUERY) and a Swedish search page at
            /?q=&series=&speaker=&year=&page= (complete without JavaScript) that any website can
            embed with one tag (data-series/data-speaker fix a filter, data-theme light|dark|auto):
              <script src="http://HOST:PORT/embed.js" data-query="livsmedelsstrategi"></script>
            Read-only: only GET, HEAD and OPTIONS are answered. A new index generation written by
            'talks ingest' is picked up without a restart. Binds to loopback unless --host says
            otherwise. One access-log line per request goes to stderr (--quiet silences it).
            SIGINT or SIGTERM stops accepting, lets in-flight requests finish and exits; a second
            signal exits at once. When the default index/ holds no index, or one of an older
            format, and archive/ exists, it is built first (an --index DIR is never built
            implicitly).
            """,
        options: [CommonOptions.index, host, port, threads, maxConnections, maxConnectionsPerAddress, corsOrigin, quiet],
        examples: [
            "talks serve",
            "talks serve --index /srv/talks/index --port 8080 --cors-origin https://www.landsbygdsnatverket.se",
            "talks serve --port 0 --quiet",
        ],
        exitStatuses: [
            ExitStatusSpec(status: 0, meaning: "Stopped by SIGINT or SIGTERM after in-flight requests finished."),
            ExitStatusSpec(status: 1, meaning: "Could not listen (port in use, no permission), or a second signal stopped it at once."),
            ExitStatusSpec(status: 64, meaning: "The command line was wrong (e.g. a --host that is not a numeric address)."),
        ]
    )

    /// `ServerConfiguration`'s own defaults, so the library and the command line cannot disagree.
    private static let serverDefaults = ServerConfiguration()
    static let host = Option.string("host", value: "ADDRESS", default: serverDefaults.host,
                                    help: "Numeric address to listen on; 0.0.0.0 for all IPv4 interfaces.")
    static let port = Option.integer("port", short: "p", value: "PORT", default: serverDefaults.port, in: 0...65_535,
                                     help: "TCP port; 0 picks a free port and prints it.")
    static let threads = Option.integer("threads", default: serverDefaults.threads, in: 1...256,
                                        defaultShownAs: "the number of cores",
                                        help: "Worker threads, the most requests handled at once.")
    static let maxConnections = Option.integer("max-connections", default: serverDefaults.maxConnections, in: 1...10_000,
                                               help: "Open connections beyond this get 503.")
    static let corsOrigin = Option<String>(
        "cors-origin", value: "ORIGIN", default: "*", help: "Access-Control-Allow-Origin for browsers on other sites."
    ) { text throws(OptionValueError) in
        guard !text.isEmpty, !text.contains(where: { $0.isNewline || $0 == "," }) else {
            throw OptionValueError(expected: "'*' or one origin such as https://example.se")
        }
        return text
    }
    static let maxConnectionsPerAddress = Option.integer(
        "max-connections-per-address", default: serverDefaults.maxConnectionsPerAddress, in: 1...10_000,
        help: "Open connections from one client address (IPv4, or IPv6 /64) beyond this get 503 while other addresses are still served. Behind a reverse proxy all clients share its address: set it to the --max-connections value.")
    static let quiet = Flag("quiet", short: "q", help: "Do not write the access log.")

    var index: String
    var usesDefaultIndex: Bool
    var server: ServerConfiguration
    var corsOrigin: String
    var quiet: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        index = arguments[CommonOptions.index]
        usesDefaultIndex = !arguments.isGiven(CommonOptions.index)
        server = ServerConfiguration(host: arguments[Self.host], port: arguments[Self.port],
                                     threads: arguments[Self.threads], maxConnections: arguments[Self.maxConnections],
                                     maxConnectionsPerAddress: arguments[Self.maxConnectionsPerAddress])
        corsOrigin = arguments[Self.corsOrigin]
        quiet = arguments[Self.quiet]
    }

    func run() throws -> Int32 {
        let backend = IndexSearchBackend(directory: index)
        let routes = TalksRoutes(backend: backend, corsOrigin: corsOrigin)
        var log: (@Sendable (AccessLogEntry) -> Void)?
        if !quiet {
            log = { entry in Console.errorLine(entry.line) }
        }
        let httpServer = HTTPServer(configuration: server, handler: routes, accessLog: log)
        let port = try httpServer.start()
        // After listening, so a bad --host or a busy port is reported before any index is built.
        if usesDefaultIndex { try IndexBootstrap.buildIfMissing(index, report: Console.errorLine) }
        let signals = ShutdownSignals { _ in
            // The first signal drains gracefully; a second one means "now".
            if httpServer.isStopping {
                Console.standardError("talks serve: stopping at once\n")
                exit(ExitStatus.failure)
            }
            httpServer.shutdown()
        }
        let shownHost = server.host.contains(":") ? "[\(server.host)]" : server.host
        Console.standardOutput("http://\(shownHost):\(port)/\n")
        do {
            let snapshot = try backend.snapshot()
            Console.errorLine("talks serve: index \(index)/ generation \(snapshot.generation), \(server.threads) worker threads; Ctrl-C stops")
        } catch {
            Console.errorLine("talks serve: warning: \(error); /health answers 503 until an index appears in \(index)/")
        }
        httpServer.wait()
        signals.cancel()
        Console.standardError("talks serve: stopped\n")
        return ExitStatus.success
    }
}
