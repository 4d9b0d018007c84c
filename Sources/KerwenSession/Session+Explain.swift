// `explain` worded in the session's language, with the standard library's translated metadata.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenEval
import KerwenPlan

extension Session {
    /// An explanation as text in this session's language.
    public func explain(_ e: Explanation) -> String {
        let explainer = Explainer(catalog: catalog, translated: { [unowned self] in self.libraryMetadata($0, $1) })
        switch e {
        case .indicator(let plan): return explainer.indicator(plan)
        case .table(let node): return explainer.pipeline(node)
        case .value(let bound): return explainer.value(bound)
        }
    }

    /// A library definition's `title`, `definition` or `method` in this session's language, from
    /// `stdlib/i18n/<language>.csv` (columns indicator, field, text; read once per language).
    func libraryMetadata(_ indicator: String, _ field: String) -> String? {
        guard language != .en else { return nil }
        if libraryTranslations[language] == nil { libraryTranslations[language] = Self.readLibraryTranslations(language) }
        return libraryTranslations[language]?["\(indicator)|\(field)"]
    }

    static func readLibraryTranslations(_ language: Language) -> [String: String] {
        guard let dir = standardLibraryDirectory else { return [:] }
        let path = dir.appendingPathComponent("i18n/\(language.rawValue).csv").path
        guard let table = try? CSVReader.read(path: path) else { return [:] }
        guard let ind = table.column("indicator"), let field = table.column("field"), let text = table.column("text") else { return [:] }
        var out: [String: String] = [:]
        for i in 0..<table.rowCount {
            out["\(ScalarFormat.plain(ind.scalar(at: i)))|\(ScalarFormat.plain(field.scalar(at: i)))"] = ScalarFormat.plain(text.scalar(at: i))
        }
        return out
    }
}
