// The Russian trainees' manual: `:help TOPIC` pages and one line per builtin.

let russianHelp: [String: String] = [:]
