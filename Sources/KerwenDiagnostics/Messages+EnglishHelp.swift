// The trainees' manual: `:help TOPIC` text, one entry per statement, step, function and concept.
// Each entry ends with an example that runs on the bundled example data.

let englishHelp: [String: String] = [
    "HELP.overview": """
    Kerwen computes statistical indicators from tables. Type a statement and press Enter.
      load survey from "examples/data/labour_migrants.csv"    read a CSV file
      describe survey                                          look at its columns
      show survey | where sex == "F" | take 5                  filter and show rows
      show survey | group by destination | summarize n = count()
    Statements: load let param fn show describe explain export use indicator check
    Pipeline steps: where derive select drop rename group by summarize sort take join union distinct pivot complete
    Commands: :help TOPIC (or ?TOPIC)  :datasets  :describe NAME  :explain NAME  :indicators  :load FILE  :save FILE  :plan EXPRESSION
              :mode table|csv|json|markdown  :timing on|off  :pager on|off  :decimals N|auto  :thousands on|off  :lang en|ru|tk|uz  :reset  :quit
    Steps on their own lines: a line that starts with | adds a step to the statement before it
      (typed line by line as the lessons write them, each line shows the longer pipeline's result).
    Keys: TAB completes names, ↑ recalls earlier input, Ctrl-C cancels, Ctrl-D leaves.
    Try :help indicator, :help na, :help mean.
    """,
    "HELP.load": "load NAME from \"file.csv\" [with delimiter: \";\", decimal: \",\", missing: [\"..\"], text: [col], layout: \"open-sdg\"]\n  Reads a file into a table; what the file is decides how (its first bytes, not its name):\n  CSV or TSV text: types and missing cells are inferred. decimal: \",\" reads numbers as Russian-locale\n    Excel writes them (6,2 and 1 250). layout: \"open-sdg\" reads published Open SDG CSV (empty\n    disaggregation cells become _T, labels such as FEMALE become SDMX codes); layout: \"sdmx-csv\" reads\n    SDMX-CSV 1.0 or 2.0, checked against the SDG data structure (or dsd: \"my_dsd.xml\").\n  SDMX-ML (.xml): StructureSpecificData or GenericData, one row per observation.\n  Excel (.xlsx): sheet: \"name\" or 2, range: \"A5:H200\", header_rows: 2 (headers over two rows),\n    skip: 3 (title rows); dates as yyyy-mm-dd, merged cells filled.\n  An old .xls, a password-protected workbook, Parquet or PDF is an error that says what to do.\n  Example: load kg from \"examples/data/real/kyrgyzstan/sdmx/13.1.1.xml\"",
    "HELP.let": "let NAME = expression\n  Gives a name to a value, a table or a pipeline result.\n  Example: let women = survey | where sex == \"F\"",
    "HELP.param": "param NAME = value\n  A script parameter; `kerwen run f.kw --param NAME=VALUE` replaces the value.\n  Inside a pipeline write $NAME for the parameter.\n  Example: param year = 2023",
    "HELP.fn": "fn NAME(a, b) = expression\n  A function of your own; it works on numbers, on columns and inside summarize.\n  Example: fn per_100k(n, population) = n / population * 100000",
    "HELP.show": "show expression\n  Prints a value, a table or an indicator. Typing an expression alone does the same.\n  `with decimals: N, thousands: true` draws this one with N decimals and grouped digits (screen only).\n  Example: show survey | take 3",
    "HELP.describe": "describe TABLE\n  Each column's type, missing count, distinct values and range or most frequent values.\n  Example: describe survey",
    "HELP.explain": "explain INDICATOR   |   explain PIPELINE\n  Says in words what an indicator computes (each cell, value, numerator, denominator, records,\n  missing values, unit, checks and, for a library definition, its official definition and method),\n  or which rows a pipeline gives, in the language of the messages (--lang, :lang).\n  Example: explain survey | where sex == \"F\" | group by destination | summarize n = count()",
    "HELP.export": "export VALUE to \"file.csv\" [with format: \"sdmx-csv\" | \"open-sdg\" | \"xlsx\" | \"csv\" | \"tsv\" | \"json\", …]\n  Writes a table or an indicator (safely: a temporary file, then a rename); the format is format: or\n  the file's extension (.csv .tsv .json .xlsx).\n  CSV/TSV: delimiter: \";\", decimal: \",\", bom: true make what Russian-locale Excel opens.\n  xlsx: a sheet per table or indicator and a metadata sheet for each indicator, bold frozen header;\n    export [a, b] to \"book.xlsx\" with sheets: [\"A\", \"B\"] puts several in one workbook.\n  sdmx-csv: SDMX-CSV 1.0 (version: 2 for 2.0) for the SDG data structure: the indicator's series and\n    unit, its dimensions by name or dimensions: \"sex = SEX, region = REF_AREA\", ref_area: \"417\",\n    dataflow:, dsd:; every code is checked against its code list before anything is written.\n  open-sdg: the CSV of a national Open SDG platform (Year, Units, Series, disaggregations, Value).\n  Example: export survey | take 10 to \"out/first10.csv\"",
    "HELP.plot": "plot TABLE over x [by series, …] [as line|bar|point] [to \"file.svg\"] [with title: \"…\", y: \"…\", values: column, totals: false, stacked: true, width: 80, height: 12]\n  Draws the values (an indicator's value, or the one number column, or values:) over x, a line per\n  series; text x gives horizontal bars. A missing value is a gap, never a zero; _T totals have their\n  own marker (totals: false leaves them out). to \"….svg\" writes an SVG file instead of drawing here.\n  Example: plot survey | where monthly_income_usd > 0 over year by sex with values: monthly_income_usd",
    "HELP.report": "report to \"out/report.html\" [with title: \"…\", subtitle: \"…\", author: \"…\"]\n  One self-contained HTML file of what the script showed: each indicator shown, exported or drawn\n  with its table, metadata, explanation, charts and check findings, then the parameters, the data files\n  (size and SHA-256), the date and the version. Opens offline; prints one indicator per page.\n  Example: report to \"out/report.html\" with title: \"Migration indicators, 2024\"",
    "HELP.use": "use NAME\n  Runs NAME.kw from the script's folder or from the standard library.\n  The library: rates, sdg8, sdg10, sdg13, sdg16, sdg17 (SDG indicator definitions), sdg (all).\n  Example: use sdg10",
    "HELP.indicator": """
    indicator NAME { code: … title: … unit: … data: … numerator: … denominator: … scale: … by: … totals: … check: … }
      An indicator with its metadata. Each cell has value, numerator, denominator,
      n (records used) and n_missing (records skipped because an input was missing).
      Over a sample, weight: w  strata: region  cluster: psu  give each cell se, ci_low, ci_high and cv
      (Taylor linearisation, as R's survey package); level: 0.9; df: design
      (Student's t with each cell's degrees of freedom); flag: cv > 0.3 marks unreliable cells.
      Example:
        indicator remittance_cost {
          code: "10.c.1"  unit: "PT"
          data: survey | where remit_amount_usd > 0
          numerator: sum(remit_fee_usd)
          denominator: sum(remit_amount_usd)
          scale: 100
          by: destination
          totals: true
        }
      From a library definition, with your column names (see :help use):
        use sdg10
        indicator rc = sdg_10_7_1 { data: survey  columns: cost = recruitment_cost_usd, income = monthly_income_usd  by: sex }
      A library definition has `needs: cost, income` instead of data; `where:` filters the records.
    """,
    "HELP.check": """
    check TABLE-OR-PIPELINE { rule: …  unique: …  total: …  gaps: … }
      rule: condition                      every row satisfies it
      unique: key, key                     no two rows share the keys (copies or conflicts)
      total: _T = F + M in sex on value    the total equals the sum of its parts, among rows that
        [by k, …] [within 0.5]             agree on the other columns (or on `by`); `others` = all other codes
      gaps: year by country                no year missing inside each series
      A broken rule is a warning; write `require` before a rule (`require unique: id`) to stop the script.
      `let problems = check t { … }` also keeps the findings as a table (rule, kind, row, key, left, right, difference, copies, duplicates, missing).
      Example: check survey { unique: person_id  rule: age between 15 and 70 }
    """,
    "HELP.where": "… | where condition\n  Keeps the rows where the condition is true (rows where it is na are dropped).\n  Example: show survey | where monthly_income_usd > 1000 and sex == \"F\" | take 5",
    "HELP.derive": "… | derive name = expression, …\n  Adds or replaces columns.\n  Example: show survey | derive cost_share = recruitment_cost_usd / monthly_income_usd * 100 | take 5",
    "HELP.select": "… | select a, b\n  Keeps only these columns.\n  Example: show survey | select sex, age | take 5",
    "HELP.drop": "… | drop a, b\n  Removes these columns.\n  Example: show survey | drop person_id, weight | take 3",
    "HELP.rename": "… | rename old to new\n  Renames columns.\n  Example: show survey | rename origin_region to region | take 3",
    "HELP.group": "… | group by a, b | summarize name = aggregate(…)\n  One row per group, ordered by the group keys.\n  Example: show survey | group by sex | summarize n = count(), income = median(monthly_income_usd)",
    "HELP.summarize": "… | summarize name = aggregate(…), …\n  Reduces rows (each group's, after group by) to one row.\n  Example: show survey | summarize n = count(), mean_age = mean(age)",
    "HELP.sort": "… | sort a, -b\n  Sorts rows; `-b` or `b desc` sorts from largest. Missing values go last.\n  Example: show survey | sort -monthly_income_usd | take 5",
    "HELP.take": "… | take N\n  The first N rows.\n  Example: show survey | take 10",
    "HELP.join": "… | join other on key   |   … | left join other on a == b, year\n  Adds the other table's columns to rows with matching keys.\n  Example: show survey | join population on origin_region == region, year | take 3",
    "HELP.union": "… | union other\n  The rows of both tables (same columns).\n  Example: show (survey | take 2) | union (survey | take 1)",
    "HELP.pivot": "… | pivot wider names from sex values from value   |   … | pivot longer a, b into name, value\n  wider: one column for each value of the names columns (several are joined: F_2020), filled from\n  the values column; the other columns identify the rows; a missing combination is na, two rows for\n  one cell an error. longer: the columns listed (or, with except, all others) become rows of a name\n  and a value.\n  Example: show survey | group by destination, sex | summarize n = count() | pivot wider names from sex values from n",
    "HELP.complete": "… | complete year from 2015 to 2023 by country\n  A row for every year of every group: the years missing from the data are added with na in the\n  other columns, so gaps show (and lag, growth and counts see them). Without from … to: the data\'s\n  first and last year.\n  Example: show survey | group by year, sex | summarize n = count() | complete year by sex",
    "HELP.distinct": "… | distinct [a, b]\n  Unique rows (of these columns).\n  Example: show survey | distinct destination",
    "HELP.na": "na — a missing value\n  Arithmetic with na gives na; comparisons with na are neither true nor false;\n  aggregates skip na and say how many; x / 0 is na with a warning.\n  Example: show coalesce(na, 0)",
    "HELP.totals": "totals: true | totals: dim, …\n  In an indicator, adds _T rows: totals over each listed dimension and overall.\n  Example: see :help indicator",
    "HELP.function": "{0:usage}\n  {1:summary}{3:arguments}\n  Example: {2:example}",
    "HELP.arguments": "Arguments: {0:list}", "K.any": "any value",
    // One line per builtin: what it does, and an example.
    "F.abs": "Absolute value.|show abs(-3)", "F.round": "Rounds half away from zero, to `digits` decimals.|show round(2.345, 2)",
    "F.floor": "Largest whole number not above x.|show floor(2.7)", "F.ceil": "Smallest whole number not below x.|show ceil(2.1)",
    "F.sqrt": "Square root (na for negative x).|show sqrt(16)", "F.log": "Natural logarithm.|show log(10)",
    "F.log10": "Logarithm base 10.|show log10(1000)", "F.exp": "e to the power x.|show exp(1)",
    "F.least": "Smallest of its arguments, skipping na.|show least(3, 1, 2)", "F.greatest": "Largest of its arguments, skipping na.|show greatest(3, 1, 2)",
    "F.coalesce": "The first argument that is not na.|show coalesce(na, 0)", "F.is_na": "true where x is missing.|show survey | where is_na(monthly_income_usd) | take 3",
    "F.lower": "Text in lower case.|show lower(\"ÖZBEKISTON\")", "F.upper": "Text in upper case.|show upper(\"türkmenistan\")",
    "F.trim": "Text without surrounding spaces.|show trim(\"  x  \")", "F.length": "Number of characters.|show length(\"Türkmenistan\")",
    "F.substr": "Part of a text, from `start` (1-based), `length` characters.|show substr(\"Kazakhstan\", 1, 4)",
    "F.contains": "true when the text contains `part`.|show contains(\"Bishkek\", \"kek\")", "F.starts_with": "true when the text starts with `prefix`.|show starts_with(\"Tashkent City\", \"Tashkent\")",
    "F.ends_with": "true when the text ends with `suffix`.|show ends_with(\"Tashkent City\", \"City\")", "F.replace": "Replaces every `old` by `new`.|show replace(\"a-b\", \"-\", \"/\")",
    "F.concat": "Joins values as text.|show concat(\"SDG \", 10)", "F.text": "The value as text.|show text(2024)",
    "F.number": "Text read as a number (na when it is not one).|show number(\"14.6\")", "F.integer": "The value as a whole number (towards zero).|show integer(\"2021\")",
    "F.m49": "The UN M49 number of a country or area, from any of its names (UN, World Bank, ISO; English, Russian, Turkmen, Uzbek, Kazakh, Kyrgyz), its ISO code or its number; na with a warning for what is not a country.|show m49(\"Kyrgyz Republic\")",
    "F.iso2": "The ISO 3166 two-letter code of a country, from any of its names or codes.|show iso2(\"Кыргызстан\")",
    "F.iso3": "The ISO 3166 three-letter code of a country, from any of its names or codes (join UN files with World Bank ones on it).|show iso3(\"Kyrgyzstan\")",
    "F.country_name": "The UN name of a country or area from any of its names or codes; a second argument gives it in ru, tk, uz, kk or ky.|show country_name(\"UZB\", \"ru\")",
    "F.lag": "In derive … over ORDER by GROUPS: the value of the period before (k periods before) in the same group; with a year order, a missing year gives na, never the row before it.|show survey | group by destination, year | summarize n = count() | derive before = lag(n) over year by destination | take 3",
    "F.lead": "In derive … over: the value of the next period (k periods after) in the same group.|show survey | group by year | summarize n = count() | derive next = lead(n) over year | take 3",
    "F.diff": "In derive … over: the change from the period before (x − lag(x)); na where that period is absent.|show survey | group by year | summarize n = count() | derive change = diff(n) over year | take 3",
    "F.growth": "In derive … over: the relative change from the period before ((x − lag(x)) / lag(x)); na where that period is absent or zero.|show survey | group by year | summarize n = count() | derive g = growth(n) over year | take 3",
    "F.period": "A period (year, half-year, quarter, month, ISO week or day) from its text or a year; column cells that are none become na, counted in a warning.|show period(\"2023Q4\") + 1",
    "F.year": "The year of a period (for a week, its ISO year).|show year(period(\"2023-Q3\"))",
    "F.quarter": "The quarter (1–4) of a quarter, month, week or day.|show quarter(period(\"2023-08\"))",
    "F.month": "The month (1–12) of a month, week or day.|show month(period(\"2023-08-15\"))",
    "F.week": "The ISO week (1–53) of a week or a day.|show week(period(\"2024-01-01\"))",
    "F.frequency": "The SDMX frequency code of a period: A, S, Q, M, W or D.|show frequency(period(\"2023-W05\"))",
    "F.start_date": "The first day of a period.|show start_date(period(\"2024-Q1\"))",
    "F.end_date": "The last day of a period.|show end_date(period(\"2024-02\"))",
    "F.to_year": "The year that holds a period.|show to_year(period(\"2023-11\"))",
    "F.to_half": "The half-year that holds a period.|show to_half(period(\"2023-11\"))",
    "F.to_quarter": "The quarter that holds a period (a week goes with its Thursday, as in ISO 8601).|show to_quarter(period(\"2023-11\"))",
    "F.to_month": "The month that holds a period (a week goes with its Thursday).|show to_month(period(\"2023-11-30\"))",
    "F.cumsum": "In derive … over: the running sum in order within the group (missing values left out).|show survey | group by year | summarize n = count() | derive total = cumsum(n) over year | take 3",
    "F.running_mean": "In derive … over: the mean of the k periods ending at this one (those present).|show survey | group by year | summarize n = count() | derive avg3 = running_mean(n, 3) over year | take 3",
    "F.rank": "In derive … over: the rank in the order within the group, ties sharing a rank (1, 2, 2, 4); over -x ranks the largest first.|show survey | group by destination | summarize n = count() | derive r = rank() over -n | take 3",
    "F.dense_rank": "In derive … over: like rank, without gaps after ties (1, 2, 2, 3).|show survey | group by destination | summarize n = count() | derive r = dense_rank() over -n | take 3",
    "F.row_number": "In derive … over: the place in the order within the group (1, 2, 3, …).|show survey | take 5 | derive i = row_number() over person_id",
    "F.share_of_total": "In derive … over … by GROUPS: the value as a share of its group's total (between 0 and 1 for positive values).|show survey | group by destination, sex | summarize n = count() | derive s = share_of_total(n) over sex by destination | take 4",
    "F.format": "A number as text with a fixed number of decimals (rounded half away from zero, as round does); a pattern such as \"#,##0.00\" also groups thousands with commas.|show format(43.42635, 2)",
    "F.count": "Number of rows, or of non-missing values of x.|show survey | summarize n = count(), with_income = count(monthly_income_usd)",
    "F.sum": "Sum, skipping na; na when there is nothing to add.|show survey | summarize total = sum(remit_amount_usd)",
    "F.mean": "Arithmetic mean, skipping na.|show survey | summarize m = mean(age)",
    "F.median": "Median (middle value; mean of the two middle values for an even count).|show survey | summarize m = median(monthly_income_usd)",
    "F.min": "Smallest value.|show survey | summarize youngest = min(age)", "F.max": "Largest value.|show survey | summarize oldest = max(age)",
    "F.share": "Proportion (0 to 1) of rows where the condition is true, optionally weighted.|show survey | summarize women = share(sex == \"F\", weight)",
    "F.wmean": "Weighted mean of x with weights w.|show survey | summarize m = wmean(monthly_income_usd, weight)",
    "F.wsum": "Weighted sum: the sum of x × w.|show survey | summarize displaced = wsum(displaced_by_disaster, weight)",
    "F.quantile": "Quantile p (0 to 1), linear interpolation.|show survey | summarize p90 = quantile(monthly_income_usd, 0.9)",
    "F.sd": "Sample standard deviation (n − 1).|show survey | summarize s = sd(age)", "F.var": "Sample variance (n − 1).|show survey | summarize v = var(age)",
    "F.n_distinct": "Number of different values.|show survey | summarize regions = n_distinct(origin_region)",
    "F.first": "First non-missing value in row order.|show survey | summarize first_id = first(person_id)",
    "F.last": "Last non-missing value in row order.|show survey | summarize last_id = last(person_id)",
    "HELP.unknown": "no help for `{0:topic}`",
]
