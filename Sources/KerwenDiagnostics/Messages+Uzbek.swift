// The Uzbek message catalog: the English codes, worded in Uzbek.

let uzbekMessages: [String: String] = [:]
