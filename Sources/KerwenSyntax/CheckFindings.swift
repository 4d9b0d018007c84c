// The table `let problems = check t { … }` binds: one row per finding, these columns for every
// kind of rule (the resolver, the binder and the evaluator all read this one list).

public enum CheckFindings {
    /// Column names and their types (`ColumnType` raw values).
    public static let columns: [(name: String, type: String)] = [
        ("rule", "text"), ("kind", "text"), ("required", "boolean"), ("row", "integer"), ("key", "text"),
        ("left", "number"), ("right", "number"), ("difference", "number"), ("copies", "integer"),
        ("duplicates", "text"), ("missing", "text"),
    ]
}
