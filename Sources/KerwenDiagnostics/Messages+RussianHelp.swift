// The Russian trainees' manual: `:help TOPIC` pages and one line per builtin.
// Keywords, function names and the examples stay as Kerwen code.

let russianHelp: [String: String] = [
    "HELP.overview": """
    Kerwen вычисляет статистические показатели по таблицам. Наберите инструкцию и нажмите Enter.
      load survey from "examples/data/labour_migrants.csv"    прочитать файл CSV
      describe survey                                          посмотреть на его столбцы
      show survey | where sex == "F" | take 5                  отфильтровать и показать строки
      show survey | group by destination | summarize n = count()
    Инструкции: load let param fn show describe explain export use indicator check
    Шаги конвейера: where derive select drop rename group by summarize sort take join union distinct pivot complete
    Команды: :help ТЕМА (или ?ТЕМА)  :datasets  :describe ИМЯ  :explain ИМЯ  :indicators  :load ФАЙЛ  :save ФАЙЛ  :plan ВЫРАЖЕНИЕ
             :mode table|csv|json|markdown  :timing on|off  :pager on|off  :decimals N|auto  :thousands on|off  :lang en|ru|tk|uz  :reset  :quit
    Шаги на отдельных строках: строка, начинающаяся с |, добавляет шаг к предыдущей инструкции
      (если набирать построчно, как в уроках, каждая строка показывает результат удлинённого конвейера).
    Клавиши: TAB дополняет имена, ↑ вызывает прежний ввод, Ctrl-C отменяет, Ctrl-D — выход.
    Попробуйте :help indicator, :help na, :help mean.
    """,
    "HELP.load": "load ИМЯ from \"file.csv\" [with delimiter: \";\", decimal: \",\", missing: [\"..\"], text: [col], layout: \"open-sdg\"]\n  Читает файл в таблицу; как читать, решает содержимое файла (его первые байты), а не имя:\n  текст CSV или TSV: типы и пропущенные ячейки определяются сами. decimal: \",\" читает числа так, как\n    их пишет Excel с русскими настройками (6,2 и 1 250). layout: \"open-sdg\" читает опубликованный CSV\n    Open SDG (пустые ячейки разбивок становятся _T, метки вроде FEMALE — кодами SDMX); layout: \"sdmx-csv\"\n    читает SDMX-CSV 1.0 или 2.0 с проверкой по структуре ЦУР (или dsd: \"my_dsd.xml\").\n  SDMX-ML (.xml): StructureSpecificData или GenericData, по строке на наблюдение.\n  Excel (.xlsx): sheet: \"имя\" или 2, range: \"A5:H200\", header_rows: 2 (заголовок в две строки),\n    skip: 3 (строки названия); даты как гггг-мм-дд, объединённые ячейки заполняются.\n  Старый .xls, книга с паролем, Parquet или PDF — ошибка с подсказкой, что делать.",
    "HELP.let": "let ИМЯ = выражение\n  Даёт имя значению, таблице или результату конвейера.\n  Пример: let women = survey | where sex == \"F\"",
    "HELP.param": "param ИМЯ = значение\n  Параметр скрипта; `kerwen run f.kw --param ИМЯ=ЗНАЧЕНИЕ` заменяет значение.\n  Внутри конвейера пишите $ИМЯ для параметра.\n  Пример: param year = 2023",
    "HELP.fn": "fn ИМЯ(a, b) = выражение\n  Ваша собственная функция; работает с числами, со столбцами и внутри summarize.\n  Пример: fn per_100k(n, population) = n / population * 100000",
    "HELP.show": "show выражение\n  Печатает значение, таблицу или показатель. Выражение, набранное отдельно, делает то же самое.\n  `with decimals: N, thousands: true` — показать с N знаками после запятой и разделением тысяч (только на экране).\n  Пример: show survey | take 3",
    "HELP.describe": "describe ТАБЛИЦА\n  Для каждого столбца: тип, число пропущенных, число различных значений, диапазон или самые частые значения.\n  Пример: describe survey",
    "HELP.explain": "explain ПОКАЗАТЕЛЬ   |   explain КОНВЕЙЕР\n  Словами объясняет, что вычисляет показатель (каждая ячейка, значение, числитель, знаменатель, записи,\n  пропущенные значения, единица, проверки, а для библиотечного определения — официальное определение и метод),\n  или какие строки даёт конвейер, на языке сообщений (--lang, :lang).\n  Пример: explain survey | where sex == \"F\" | group by destination | summarize n = count()",
    "HELP.export": "export ЗНАЧЕНИЕ to \"file.csv\" [with format: \"sdmx-csv\" | \"open-sdg\" | \"xlsx\" | \"csv\" | \"tsv\" | \"json\", …]\n  Записывает таблицу или показатель (надёжно: временный файл, затем переименование); формат задаёт\n  format: или расширение файла (.csv .tsv .json .xlsx).\n  CSV/TSV: delimiter: \";\", decimal: \",\", bom: true — то, что открывает Excel с русскими настройками.\n  xlsx: по листу на таблицу или показатель и лист метаданных для каждого показателя, жирный закреплённый\n    заголовок; export [a, b] to \"book.xlsx\" with sheets: [\"A\", \"B\"] кладёт несколько в одну книгу.\n  sdmx-csv: SDMX-CSV 1.0 (version: 2 — для 2.0) для структуры ЦУР: серия и единица показателя, его\n    измерения по имени или dimensions: \"sex = SEX, region = REF_AREA\", ref_area: \"417\", dataflow:, dsd:;\n    каждый код проверяется по справочнику до того, как что-либо записано.\n  open-sdg: CSV национальной платформы Open SDG (Year, Units, Series, разбивки, Value).",
    "HELP.plot": "plot ТАБЛИЦА over x [by ряды, …] [as line|bar|point] [to \"file.svg\"] [with title: \"…\", y: \"…\", values: столбец, totals: false, stacked: true, width: 80, height: 12]\n  Рисует значения (value показателя, единственный числовой столбец или values:) по x, линия на каждый\n  ряд; текстовый x даёт горизонтальные столбики. Пропуск — разрыв, а не ноль; итоги _T отмечены\n  особо (totals: false их убирает). to \"….svg\" записывает файл SVG вместо рисунка здесь.\n  Пример: plot survey | where monthly_income_usd > 0 over year by sex with values: monthly_income_usd",
    "HELP.report": "report to \"out/report.html\" [with title: \"…\", subtitle: \"…\", author: \"…\"]\n  Один самодостаточный HTML-файл с тем, что показал сценарий: каждый показанный, выгруженный или\n  нарисованный показатель с таблицей, метаданными, объяснением, графиками и результатами проверок,\n  затем параметры, файлы данных (размер и SHA-256), дата и версия. Открывается без сети; печатается\n  по показателю на страницу.\n  Пример: report to \"out/report.html\" with title: \"Показатели миграции, 2024\"",
    "HELP.use": "use ИМЯ\n  Выполняет ИМЯ.kw из папки скрипта или из стандартной библиотеки.\n  Библиотека: rates, sdg8, sdg10, sdg13, sdg16, sdg17 (определения показателей ЦУР), sdg (все).\n  Пример: use sdg10",
    "HELP.indicator": """
    indicator ИМЯ { code: … title: … unit: … data: … numerator: … denominator: … scale: … by: … totals: … check: … }
      Показатель с метаданными. В каждой ячейке есть value (значение), numerator (числитель),
      denominator (знаменатель), n (использованные записи) и n_missing (записи, пропущенные из-за пропущенного входного значения).
      По выборке weight: w  strata: region  cluster: psu  дают каждой ячейке se, ci_low, ci_high и cv
      (линеаризация Тейлора, как в пакете survey для R); level: 0.9; df: design
      (распределение Стьюдента со степенями свободы каждой ячейки); flag: cv > 0.3 отмечает ненадёжные ячейки.
      Пример:
        indicator remittance_cost {
          code: "10.c.1"  unit: "PT"
          data: survey | where remit_amount_usd > 0
          numerator: sum(remit_fee_usd)
          denominator: sum(remit_amount_usd)
          scale: 100
          by: destination
          totals: true
        }
      Из библиотечного определения, с вашими именами столбцов (см. :help use):
        use sdg10
        indicator rc = sdg_10_7_1 { data: survey  columns: cost = recruitment_cost_usd, income = monthly_income_usd  by: sex }
      У библиотечного определения вместо data стоит `needs: cost, income`; `where:` отбирает записи.
    """,
    "HELP.check": """
    check ТАБЛИЦА-ИЛИ-КОНВЕЙЕР { rule: …  unique: …  total: …  gaps: … }
      rule: условие                        выполняется в каждой строке
      unique: ключ, ключ                   никакие две строки не имеют одинаковых ключей (копии или противоречия)
      total: _T = F + M in sex on value    итог равен сумме своих частей среди строк, совпадающих
        [by k, …] [within 0.5]             по остальным столбцам (или по `by`); `others` = все прочие коды
      gaps: year by country                внутри каждого ряда не пропущен ни один год
      Нарушенное правило — предупреждение; `require` перед правилом (`require unique: id`) останавливает скрипт.
      `let problems = check t { … }` также сохраняет находки в таблицу (rule, kind, row, key, left, right, difference, copies, duplicates, missing).
      Пример: check survey { unique: person_id  rule: age between 15 and 70 }
    """,
    "HELP.where": "… | where условие\n  Оставляет строки, где условие истинно (строки, где оно na, отбрасываются).\n  Пример: show survey | where monthly_income_usd > 1000 and sex == \"F\" | take 5",
    "HELP.derive": "… | derive имя = выражение, …\n  Добавляет или заменяет столбцы.\n  Пример: show survey | derive cost_share = recruitment_cost_usd / monthly_income_usd * 100 | take 5",
    "HELP.select": "… | select a, b\n  Оставляет только эти столбцы.\n  Пример: show survey | select sex, age | take 5",
    "HELP.drop": "… | drop a, b\n  Удаляет эти столбцы.\n  Пример: show survey | drop person_id, weight | take 3",
    "HELP.rename": "… | rename старое to новое\n  Переименовывает столбцы.\n  Пример: show survey | rename origin_region to region | take 3",
    "HELP.group": "… | group by a, b | summarize имя = агрегат(…)\n  Одна строка на группу, по порядку ключей группировки.\n  Пример: show survey | group by sex | summarize n = count(), income = median(monthly_income_usd)",
    "HELP.summarize": "… | summarize имя = агрегат(…), …\n  Сводит строки (каждой группы, после group by) в одну строку.\n  Пример: show survey | summarize n = count(), mean_age = mean(age)",
    "HELP.sort": "… | sort a, -b\n  Сортирует строки; `-b` или `b desc` — от наибольшего. Пропущенные значения идут последними.\n  Пример: show survey | sort -monthly_income_usd | take 5",
    "HELP.take": "… | take N\n  Первые N строк.\n  Пример: show survey | take 10",
    "HELP.join": "… | join other on key   |   … | left join other on a == b, year\n  Добавляет столбцы другой таблицы к строкам с совпадающими ключами.\n  Пример: show survey | join population on origin_region == region, year | take 3",
    "HELP.union": "… | union other\n  Строки обеих таблиц (с одинаковыми столбцами).\n  Пример: show (survey | take 2) | union (survey | take 1)",
    "HELP.pivot": "… | pivot wider names from sex values from value   |   … | pivot longer a, b into name, value\n  wider: по столбцу на каждое значение столбцов имён (несколько соединяются: F_2020), заполненному из\n  столбца значений; остальные столбцы определяют строки; отсутствующее сочетание — na, две строки на\n  одну ячейку — ошибка. longer: перечисленные столбцы (или, с except, все остальные) становятся\n  строками имени и значения.\n  Пример: show survey | group by destination, sex | summarize n = count() | pivot wider names from sex values from n",
    "HELP.complete": "… | complete year from 2015 to 2023 by country\n  Строка на каждый год каждой группы: недостающие в данных годы добавляются с na в остальных\n  столбцах, так что пропуски видны. Без from … to — от первого до последнего года данных.\n  Пример: show survey | group by year, sex | summarize n = count() | complete year by sex",
    "HELP.distinct": "… | distinct [a, b]\n  Уникальные строки (по этим столбцам).\n  Пример: show survey | distinct destination",
    "HELP.na": "na — пропущенное значение\n  Арифметика с na даёт na; сравнения с na не бывают ни истинными, ни ложными;\n  агрегатные функции пропускают na и сообщают, сколько пропущено; x / 0 даёт na с предупреждением.\n  Пример: show coalesce(na, 0)",
    "HELP.totals": "totals: true | totals: измерение, …\n  В показателе добавляет строки _T: итоги по каждому указанному измерению и общий итог.\n  Пример: см. :help indicator",
    "HELP.function": "{usage}\n  {summary}{arguments}\n  Пример: {example}",
    "HELP.arguments": "Аргументы: {list}", "K.any": "любое значение",
    // One line per builtin: what it does (the example is code, taken from the English entry).
    "F.abs": "Абсолютная величина.", "F.round": "Округляет до `digits` знаков после запятой (половина — от нуля).",
    "F.floor": "Наибольшее целое, не превышающее x.", "F.ceil": "Наименьшее целое, не меньшее x.",
    "F.sqrt": "Квадратный корень (na для отрицательного x).", "F.log": "Натуральный логарифм.",
    "F.log10": "Десятичный логарифм.", "F.exp": "e в степени x.",
    "F.least": "Наименьший из аргументов, без учёта na.", "F.greatest": "Наибольший из аргументов, без учёта na.",
    "F.coalesce": "Первый аргумент, который не na.", "F.is_na": "true там, где x пропущено.",
    "F.lower": "Текст строчными буквами.", "F.upper": "Текст прописными буквами.",
    "F.trim": "Текст без пробелов по краям.", "F.length": "Число символов.",
    "F.substr": "Часть текста: с позиции `start` (с 1), длиной `length` символов.",
    "F.contains": "true, если текст содержит `part`.", "F.starts_with": "true, если текст начинается с `prefix`.",
    "F.ends_with": "true, если текст заканчивается на `suffix`.", "F.replace": "Заменяет каждое `old` на `new`.",
    "F.concat": "Соединяет значения в текст.", "F.text": "Значение в виде текста.",
    "F.number": "Текст, прочитанный как число (na, если это не число).", "F.integer": "Значение в виде целого числа (отбрасывая дробную часть).",
    "F.m49": "Номер M49 ООН страны или территории по любому её названию (ООН, Всемирного банка, ISO; на английском, русском, туркменском, узбекском, казахском, киргизском), коду ISO или номеру; na с предупреждением, если это не страна.",
    "F.iso2": "Двухбуквенный код ISO 3166 страны по любому её названию или коду.",
    "F.iso3": "Трёхбуквенный код ISO 3166 страны по любому её названию или коду (по нему соединяют файлы ООН и Всемирного банка).",
    "F.country_name": "Название страны или территории в ООН по любому её названию или коду; второй аргумент даёт его на языке ru, tk, uz, kk или ky.",
    "F.lag": "В derive … over ПОРЯДОК by ГРУППЫ: значение предыдущего периода (на k периодов раньше) в той же группе; при порядке по году пропущенный год даёт na, а не предыдущую строку.",
    "F.lead": "В derive … over: значение следующего периода (на k периодов позже) в той же группе.",
    "F.diff": "В derive … over: изменение по сравнению с предыдущим периодом (x − lag(x)); na, если такого периода нет.",
    "F.growth": "В derive … over: относительное изменение к предыдущему периоду ((x − lag(x)) / lag(x)); na, если периода нет или там ноль.",
    "F.period": "Период (год, полугодие, квартал, месяц, неделя ISO или день) из текста или года; ячейки столбца, которые не являются периодом, становятся na и подсчитываются в предупреждении.",
    "F.year": "Год периода (для недели — её год по ISO).",
    "F.quarter": "Квартал (1–4) квартала, месяца, недели или дня.",
    "F.month": "Месяц (1–12) месяца, недели или дня.",
    "F.week": "Неделя ISO (1–53) недели или дня.",
    "F.frequency": "Код частоты периода по SDMX: A, S, Q, M, W или D.",
    "F.start_date": "Первый день периода.",
    "F.end_date": "Последний день периода.",
    "F.to_year": "Год, в который входит период.",
    "F.to_half": "Полугодие, в которое входит период.",
    "F.to_quarter": "Квартал, в который входит период (неделя относится туда, где её четверг, как в ISO 8601).",
    "F.to_month": "Месяц, в который входит период (неделя относится туда, где её четверг).",
    "F.cumsum": "В derive … over: накопленная сумма по порядку внутри группы (пропущенные значения не учитываются).",
    "F.running_mean": "В derive … over: среднее за k периодов, заканчивающихся текущим (из имеющихся).",
    "F.rank": "В derive … over: ранг по порядку внутри группы, равные делят ранг (1, 2, 2, 4); over -x — сначала наибольшие.",
    "F.dense_rank": "В derive … over: как rank, но без пропусков после равных (1, 2, 2, 3).",
    "F.row_number": "В derive … over: номер по порядку внутри группы (1, 2, 3, …).",
    "F.share_of_total": "В derive … over … by ГРУППЫ: значение как доля от итога своей группы (от 0 до 1 для положительных значений).",
    "F.format": "Число в виде текста с заданным числом знаков после запятой (округление как у round); шаблон вроде \"#,##0.00\" ещё и разделяет тысячи запятыми.",
    "F.count": "Число строк или непропущенных значений x.",
    "F.sum": "Сумма без учёта na; na, если складывать нечего.",
    "F.mean": "Среднее арифметическое без учёта na.",
    "F.median": "Медиана (среднее значение; при чётном числе — среднее двух средних).",
    "F.min": "Наименьшее значение.", "F.max": "Наибольшее значение.",
    "F.share": "Доля (от 0 до 1) строк, где условие истинно, при необходимости взвешенная.",
    "F.wmean": "Взвешенное среднее x с весами w.",
    "F.wsum": "Взвешенная сумма: сумма x × w.",
    "F.quantile": "Квантиль p (от 0 до 1), линейная интерполяция.",
    "F.sd": "Выборочное стандартное отклонение (n − 1).", "F.var": "Выборочная дисперсия (n − 1).",
    "F.n_distinct": "Число различных значений.",
    "F.first": "Первое непропущенное значение в порядке строк.",
    "F.last": "Последнее непропущенное значение в порядке строк.",
    "HELP.unknown": "нет справки по `{topic}`",
]
