// An SDMX 2.1 data structure definition (DSD) as Kerwen uses it: the dimensions in order, the
// attributes and where they attach, and the code list of each coded component — read from a
// structure message such as the SDG DSD shipped in stdlib/sdmx/.

import Foundation
import KerwenData
import KerwenDiagnostics

public struct SDMXStructure: Sendable {
    public struct Component: Sendable {
        public let id: String
        /// The code list of a coded component (nil: free text or a number).
        public let codelist: String?
        /// For an attribute: attached to each observation (else to the series).
        public let observationLevel: Bool
    }

    /// `AGENCY:ID(VERSION)` of the structure, and of its first dataflow when the message has one.
    public var reference = ""
    public var dataflow: String?
    public private(set) var dimensions: [Component] = []
    public var timeDimension = "TIME_PERIOD"
    public var primaryMeasure = "OBS_VALUE"
    public private(set) var attributes: [Component] = []
    /// Code list id → its codes, and each code's English name (for hints).
    public private(set) var codelists: [String: [String: String]] = [:]

    public func codes(of component: String) -> [String: String]? {
        guard let list = (dimensions + attributes).first(where: { $0.id == component })?.codelist else { return nil }
        return codelists[list]
    }

    /// Reads the first data structure of a structure message.
    public static func read(_ data: Data, shownAs name: String) throws -> SDMXStructure {
        var result = SDMXStructure()
        let events = XMLEvents()
        var stack: [String] = []
        var codelist: String?, code: String?, nameLanguage: String?, nameText = ""
        var component: (kind: String, id: String)?, componentList: String?, observationLevel = false
        var dataStructures = 0
        events.start = { element, attributes in
            stack.append(element)
            switch element {
            case "Codelist": codelist = attributes["id"]; result.codelists[attributes["id"] ?? ""] = [:]
            case "Code" where codelist != nil: code = attributes["id"]; if let c = code { result.codelists[codelist!]?[c] = c }
            case "Name" where code != nil: nameLanguage = attributes["xml:lang"] ?? attributes["lang"]; nameText = ""
            case "DataStructure":
                dataStructures += 1
                if dataStructures == 1 { result.reference = "\(attributes["agencyID"] ?? ""):\(attributes["id"] ?? "")(\(attributes["version"] ?? ""))" }
            case "Dataflow" where result.dataflow == nil:
                result.dataflow = "\(attributes["agencyID"] ?? ""):\(attributes["id"] ?? "")(\(attributes["version"] ?? ""))"
            case "Dimension" where stack.dropLast().last == "DimensionList" && dataStructures == 1,
                 "Attribute" where dataStructures == 1:
                component = (element, attributes["id"] ?? ""); componentList = nil; observationLevel = false
            case "TimeDimension" where dataStructures == 1: result.timeDimension = attributes["id"] ?? "TIME_PERIOD"
            case "PrimaryMeasure" where dataStructures == 1 && stack.dropLast().last == "MeasureList":
                result.primaryMeasure = attributes["id"] ?? "OBS_VALUE"
            case "PrimaryMeasure" where component?.kind == "Attribute": observationLevel = true
            case "Ref" where component != nil && stack.dropLast().last == "Enumeration": componentList = attributes["id"]
            default: break
            }
        }
        events.text = { if nameLanguage != nil { nameText += $0 } }
        events.end = { element in
            stack.removeLast()
            switch element {
            case "Codelist": codelist = nil
            case "Code": code = nil
            case "Name" where code != nil:
                if nameLanguage == "en", let codelist, let code { result.codelists[codelist]?[code] = nameText.trimmingCharacters(in: .whitespacesAndNewlines) }
                nameLanguage = nil
            case "Dimension", "Attribute":
                guard let c = component, c.kind == element else { break }
                let built = Component(id: c.id, codelist: componentList, observationLevel: observationLevel)
                if element == "Dimension" { result.dimensions.append(built) } else { result.attributes.append(built) }
                component = nil
            default: break
            }
        }
        try events.parse(data, shownAs: name)
        guard dataStructures > 0, !result.dimensions.isEmpty else { throw Diagnostic(.error, Message("E154", name), hint: Message("H144")) }
        return result
    }
}

/// The SDG data structure's components in their SDMX order (IAEG-SDGs:SDG, as in the shipped DSD):
/// used to order what an SDMX-ML reader meets, whose attribute order XML does not keep.
public enum SDGStructure {
    public static let dimensions = ["FREQ", "REPORTING_TYPE", "SERIES", "REF_AREA", "SEX", "AGE", "URBANISATION",
                                    "INCOME_WEALTH_QUANTILE", "EDUCATION_LEV", "OCCUPATION", "CUST_BREAKDOWN",
                                    "COMPOSITE_BREAKDOWN", "DISABILITY_STATUS", "ACTIVITY", "PRODUCT"]
    public static let seriesAttributes = ["UNIT_MEASURE", "COMMENT_TS", "GEO_INFO_URL", "GEO_INFO_TYPE", "CUST_BREAKDOWN_LB", "DATA_LAST_UPDATE"]
    public static let observationAttributes: Set<String> = ["OBS_STATUS", "UNIT_MULT", "NATURE", "COMMENT_OBS", "TIME_COVERAGE",
                                                            "UPPER_BOUND", "LOWER_BOUND", "BASE_PER", "TIME_DETAIL", "SOURCE_DETAIL"]
    static let observationAttributeOrder = ["OBS_STATUS", "UNIT_MULT", "NATURE", "TIME_DETAIL", "SOURCE_DETAIL", "COMMENT_OBS",
                                            "TIME_COVERAGE", "UPPER_BOUND", "LOWER_BOUND", "BASE_PER"]
    static let order: [String: Int] = {
        var o: [String: Int] = [:]
        for (i, id) in (dimensions + seriesAttributes + ["TIME_PERIOD", "OBS_VALUE"] + observationAttributeOrder).enumerated() { o[id] = i }
        return o
    }()
}
