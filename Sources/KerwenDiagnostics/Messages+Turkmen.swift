// The Turkmen message catalog: the English codes, worded in Turkmen.

let turkmenMessages: [String: String] = [:]
