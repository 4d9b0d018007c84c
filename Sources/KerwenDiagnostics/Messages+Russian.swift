// The Russian message catalog: the English codes, worded in Russian.

let russianMessages: [String: String] = [:]
