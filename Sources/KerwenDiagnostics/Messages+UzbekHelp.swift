// The Uzbek trainees' manual: `:help TOPIC` pages and one line per builtin.

let uzbekHelp: [String: String] = [:]
