// The Turkmen trainees' manual: `:help TOPIC` pages and one line per builtin.

let turkmenHelp: [String: String] = [:]
