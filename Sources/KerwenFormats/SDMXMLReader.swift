// SDMX-ML 2.1 data messages (what statistics offices publish, e.g. the Kyrgyz NSC's SDG files):
// StructureSpecificData (`<Series SEX="F" …><Obs TIME_PERIOD="2015" OBS_VALUE="53" …/>`) and
// GenericData (`<generic:SeriesKey><generic:Value id=… value=…/>` …). One row per observation:
// the series key and the series' attributes carried down to each of its observations, then
// TIME_PERIOD, OBS_VALUE and the observation's attributes.

import Foundation
import KerwenData
import KerwenDiagnostics

public enum SDMXMLReader {
    /// The columns an observation always has, in the order SDMX writes them.
    static let observationColumns = ["TIME_PERIOD", "OBS_VALUE"]

    public static func read(_ data: Data, shownAs name: String) throws -> Table {
        let events = XMLEvents()
        var rows = NamedRows()
        var root: String?
        var dataSetAttributes: [(String, Cell)] = []
        var series: [(String, Cell)] = []
        var observation: [(String, Cell)] = []
        // GenericData: which part of the message the `Value` elements belong to.
        enum Part { case none, seriesKey, seriesAttributes, obsKey, obsAttributes }
        var part = Part.none, inObs = false, sawData = false
        var dimensionAtObservation = "TIME_PERIOD"

        func cell(_ column: String, _ text: String) -> (String, Cell) {
            if column == "OBS_VALUE" {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed == "NaN" { return (column, .missing) }
                if let x = Double(trimmed) { return (column, .number(x)) }
            }
            if column == "TIME_PERIOD", let year = Int(text), (1...9999).contains(year) { return (column, .number(Double(year))) }
            return (column, text.isEmpty ? .missing : .text(text))
        }
        // `unowned`: the handler is kept by `events` itself (a strong capture was a cycle, leaked per load).
        events.start = { [unowned events] element, attributes in
            if root == nil {
                root = element
                switch element {
                case "StructureSpecificData", "GenericData", "StructureSpecificTimeSeriesData", "GenericTimeSeriesData": break
                case "Structure":
                    events.fail(Diagnostic.error("E141", name))
                default:
                    events.fail(Diagnostic(.error, Message("E140", name, element), hint: Message("H136")))
                }
                return
            }
            let plain = attributes.filter { !$0.key.contains(":") && $0.key != "type" }
            switch element {
            case "Structure" where attributes["dimensionAtObservation"] != nil:
                dimensionAtObservation = attributes["dimensionAtObservation"]!
            case "DataSet":
                sawData = true
                // Components attached to the whole data set are upper-case ids (SDMX's convention);
                // the message's own attributes (structureRef, action, …) are not data.
                dataSetAttributes = plain.filter { $0.key.allSatisfy { $0.isUppercase || $0 == "_" || $0.isNumber } }
                    .sorted { $0.key < $1.key }.map { cell($0.key, $0.value) }
            case "Series":
                series = attributes.filter { !$0.key.contains(":") }.map { cell($0.key, $0.value) }
                series = orderedAsWritten(series)
            case "Obs":
                inObs = true
                observation = orderedAsWritten(plain.map { cell($0.key, $0.value) })
            case "SeriesKey": part = .seriesKey
            case "ObsKey": part = .obsKey
            case "Attributes": part = inObs ? .obsAttributes : .seriesAttributes
            case "ObsDimension":
                observation.append(cell(attributes["id"] ?? dimensionAtObservation, attributes["value"] ?? ""))
            case "ObsValue":
                observation.append(cell("OBS_VALUE", attributes["value"] ?? ""))
            case "Value":
                guard let id = attributes["id"] else { break }
                let c = cell(id, attributes["value"] ?? "")
                switch part {
                case .seriesKey, .seriesAttributes: series.append(c)
                case .obsKey, .obsAttributes: observation.append(c)
                case .none: break
                }
            default: break
            }
        }
        events.end = { element in
            switch element {
            case "Obs":
                inObs = false
                part = .none
                // Series cells first, then the observation's own (an observation's attribute wins).
                let own = Set(observation.map(\.0))
                rows.append(dataSetAttributes.filter { !own.contains($0.0) } + series.filter { !own.contains($0.0) } + observation)
            case "Series": series = []
            case "SeriesKey", "ObsKey", "Attributes": part = inObs ? .none : .none
            default: break
            }
        }
        try events.parse(data, shownAs: name)
        if root == nil { throw Diagnostic(.error, Message("E140", name, "?"), hint: Message("H136")) }
        if !sawData { throw Diagnostic(.error, Message("E140", name, root ?? "?"), hint: Message("H136")) }
        var table = rows.table()
        // TIME_PERIOD and OBS_VALUE after the series key and attributes, as flat SDMX files write them.
        let keys = table.names.filter { !observationColumns.contains($0) && !observationAttributes(table.names).contains($0) }
        table = table.selecting(keys + observationColumns.filter { table.names.contains($0) } + observationAttributes(table.names))
        return table
    }

    /// StructureSpecificData writes each element's attributes as XML attributes, whose order the
    /// parser does not keep; the SDMX order of the SDG data structure is used where it applies.
    static func orderedAsWritten(_ cells: [(String, Cell)]) -> [(String, Cell)] {
        cells.sorted { (SDGStructure.order[$0.0] ?? Int.max, $0.0) < (SDGStructure.order[$1.0] ?? Int.max, $1.0) }
    }

    private static func observationAttributes(_ names: [String]) -> [String] {
        names.filter { SDGStructure.observationAttributes.contains($0) }
    }
}
