/// "1 episode", "2 episodes": a count with its noun in the right number, for summary lines.
/// Every noun talks counts takes a plain -s in the plural.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
