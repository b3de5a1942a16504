/// A person who speaks in an episode, as the metadata names them.
public struct Speaker: Sendable, Hashable, Codable {
    /// The name as written in the metadata, e.g. "Helene Oscarsson".
    public var name: String
    /// The organisation the speaker represents, e.g. "Vreta Kluster", when known.
    public var organisation: String?

    public init(name: String, organisation: String? = nil) {
        self.name = name
        self.organisation = organisation
    }
}
