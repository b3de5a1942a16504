import Foundation

/// Checks real responses against the served OpenAPI document: the status must be
/// documented for the operation (or covered by `default`), the content type must be one
/// the response lists, and a JSON body must satisfy its schema (types, nullability,
/// required properties, items, enums, `$ref`).
struct OpenAPIValidator {
    let document: [String: Any]

    init(data: Data) throws {
        guard let document = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationFailure("the OpenAPI document is not a JSON object")
        }
        self.document = document
    }

    struct ValidationFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The path template matching a concrete path: `/episodes/x/transcript` → `/episodes/{id}/transcript`.
    func template(for path: String) -> String? {
        let paths = (document["paths"] as? [String: Any]) ?? [:]
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return paths.keys.first { key in
            let keyParts = key.split(separator: "/", omittingEmptySubsequences: true)
            return keyParts.count == parts.count && zip(keyParts, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
    }

    func check(path: String, method: String, status: Int, contentType: String?, body: Data) -> [String] {
        guard let template = template(for: path) else { return ["\(path): no path in the document"] }
        guard let paths = document["paths"] as? [String: Any], let item = paths[template] as? [String: Any] else {
            return ["\(template): no path item"]
        }
        guard let operation = item[method.lowercased()] as? [String: Any], let responses = operation["responses"] as? [String: Any] else {
            // Methods without an operation are refused with 405 and an Error body (the
            // document's info says so; OpenAPI has no place for undefined methods).
            guard status == 405, let value = try? JSONSerialization.jsonObject(with: body) else {
                return ["\(method) \(template): no operation, and the answer was \(status), not a JSON 405"]
            }
            var problems: [String] = []
            validate(value, against: ["$ref": "#/components/schemas/Error"], at: "\(method) \(template) 405 $", problems: &problems)
            return problems
        }
        guard let response = (responses[String(status)] ?? responses["default"]) as? [String: Any] else {
            return ["\(method) \(template): status \(status) is not documented"]
        }
        let content = response["content"] as? [String: Any]
        if status == 204 || status == 304 {
            return body.isEmpty ? [] : ["\(method) \(template) \(status): a body was sent"]
        }
        guard let content else { return body.isEmpty ? [] : ["\(method) \(template) \(status): undocumented body"] }
        let mediaType = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content[mediaType] as? [String: Any] else {
            return ["\(method) \(template) \(status): content type '\(mediaType)' not in \(content.keys.sorted())"]
        }
        guard mediaType == "application/json" else { return [] }
        guard let value = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else {
            return ["\(method) \(template) \(status): body is not JSON"]
        }
        guard let schema = media["schema"] as? [String: Any] else { return [] }
        var problems: [String] = []
        validate(value, against: schema, at: "\(method) \(template) \(status) $", problems: &problems)
        return problems
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String, reference.hasPrefix("#/") else { return schema }
        var node: Any = document
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return [:] }
            node = next
        }
        return (node as? [String: Any]) ?? [:]
    }

    private func jsonType(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if value is Bool, !(value is NSNumber) { return "boolean" }
        if let number = value as? NSNumber {
            return number.doubleValue == number.doubleValue.rounded() ? "integer" : "number"
        }
        if value is String { return "string" }
        if value is [Any] { return "array" }
        if value is [String: Any] { return "object" }
        return "unknown"
    }

    private func validate(_ value: Any, against rawSchema: [String: Any], at location: String, problems: inout [String]) {
        let schema = resolve(rawSchema)
        let actual = jsonType(value)
        var allowed: [String] = []
        if let type = schema["type"] as? String { allowed = [type] }
        if let types = schema["type"] as? [String] { allowed = types }
        if !allowed.isEmpty {
            let matches = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !matches { problems.append("\(location): \(actual), expected \(allowed)") }
        }
        if let options = schema["enum"] as? [String], let text = value as? String, !options.contains(text) {
            problems.append("\(location): '\(text)' not in \(options)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(location): '\(text)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for name in (schema["required"] as? [String]) ?? [] where object[name] == nil {
                problems.append("\(location): required property '\(name)' missing")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (name, member) in object {
                if let propertySchema = properties[name] as? [String: Any] {
                    validate(member, against: propertySchema, at: "\(location).\(name)", problems: &problems)
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() {
                validate(element, against: items, at: "\(location)[\(index)]", problems: &problems)
            }
        }
    }
}
