// The Uzbek trainees' manual: `:help TOPIC` pages and one line per builtin.
// Keywords, function names and the examples stay as Kerwen code.

let uzbekHelp: [String: String] = [
    "HELP.overview": """
    Kerwen jadvallardan statistik koʻrsatkichlarni hisoblaydi. Buyruqni yozing va Enter ni bosing.
      load survey from "examples/data/labour_migrants.csv"    CSV faylni oʻqish
      describe survey                                          uning ustunlarini koʻrish
      show survey | where sex == "F" | take 5                  qatorlarni filtrlash va koʻrsatish
      show survey | group by destination | summarize n = count()
    Buyruqlar: load let param fn show describe explain export use indicator check
    Konveyer qadamlari: where derive select drop rename group by summarize sort take join union distinct pivot complete
    Satr buyruqlari: :help MAVZU (yoki ?MAVZU)  :datasets  :describe NOM  :explain NOM  :indicators  :load FAYL  :save FAYL  :plan IFODA
                     :mode table|csv|json|markdown  :timing on|off  :pager on|off  :decimals N|auto  :thousands on|off  :lang en|ru|tk|uz  :reset  :quit
    Alohida satrlardagi qadamlar: | bilan boshlangan satr oldingi buyruqqa qadam qoʻshadi
      (darslardagidek satrma-satr yozilganda, har bir satr uzaytirilgan konveyer natijasini koʻrsatadi).
    Tugmalar: TAB nomlarni toʻldiradi, ↑ oldingi kiritishni chaqiradi, Ctrl-C bekor qiladi, Ctrl-D chiqadi.
    Sinab koʻring: :help indicator, :help na, :help mean.
    """,
    "HELP.load": "load NOM from \"file.csv\" [with delimiter: \";\", decimal: \",\", missing: [\"..\"], text: [col], layout: \"open-sdg\"]\n  Faylni jadvalga oʻqiydi; qanday oʻqishni fayl nomi emas, mazmuni (birinchi baytlari) belgilaydi:\n  CSV yoki TSV matn: turlar va boʻsh kataklar avtomatik aniqlanadi. decimal: \",\" sonlarni rus\n    sozlamali Excel yozganidek oʻqiydi (6,2 va 1 250). layout: \"open-sdg\" eʼlon qilingan Open SDG CSV ni\n    oʻqiydi; layout: \"sdmx-csv\" SDMX-CSV 1.0 yoki 2.0 ni BRM tuzilmasi (yoki dsd: \"my_dsd.xml\") boʻyicha tekshirib oʻqiydi.\n  SDMX-ML (.xml): StructureSpecificData yoki GenericData, har bir kuzatuv uchun bitta qator.\n  Excel (.xlsx): sheet: \"nomi\" yoki 2, range: \"A5:H200\", header_rows: 2 (ikki qatorli sarlavha),\n    skip: 3 (nom qatorlari); sanalar yyyy-oo-kk shaklida, birlashtirilgan kataklar toʻldiriladi.\n  Eski .xls, parolli kitob, Parquet yoki PDF nima qilish kerakligini aytadigan xato beradi.",
    "HELP.let": "let NOM = ifoda\n  Qiymat, jadval yoki konveyer natijasiga nom beradi.\n  Misol: let women = survey | where sex == \"F\"",
    "HELP.param": "param NOM = qiymat\n  Skript parametri; `kerwen run f.kw --param NOM=QIYMAT` qiymatni almashtiradi.\n  Konveyer ichida parametr uchun $NOM deb yozing.\n  Misol: param year = 2023",
    "HELP.fn": "fn NOM(a, b) = ifoda\n  Oʻz funksiyangiz; sonlar, ustunlar bilan va summarize ichida ishlaydi.\n  Misol: fn per_100k(n, population) = n / population * 100000",
    "HELP.show": "show ifoda\n  Qiymat, jadval yoki koʻrsatkichni chiqaradi. Alohida yozilgan ifoda ham shuni qiladi.\n  `with decimals: N, thousands: true` — N ta oʻnli belgi va minglarni ajratib koʻrsatish (faqat ekranda).\n  Misol: show survey | take 3",
    "HELP.describe": "describe JADVAL\n  Har bir ustunning turi, yetishmayotgan qiymatlar soni, turli qiymatlar soni, oraligʻi yoki eng koʻp uchraydigan qiymatlari.\n  Misol: describe survey",
    "HELP.explain": "explain KOʻRSATKICH   |   explain KONVEYER\n  Koʻrsatkich nimani hisoblashini soʻzlar bilan tushuntiradi (har bir katak, qiymat, surat, maxraj, yozuvlar,\n  yetishmayotgan qiymatlar, oʻlchov birligi, tekshiruvlar, kutubxona taʼrifi uchun rasmiy taʼrif va usul),\n  yoki konveyer qaysi qatorlarni berishini, xabarlar tilida (--lang, :lang).\n  Misol: explain survey | where sex == \"F\" | group by destination | summarize n = count()",
    "HELP.export": "export QIYMAT to \"file.csv\" [with format: \"sdmx-csv\" | \"open-sdg\" | \"xlsx\" | \"csv\" | \"tsv\" | \"json\", …]\n  Jadval yoki koʻrsatkichni yozadi (ishonchli: vaqtinchalik fayl, soʻng nomini oʻzgartirish); formatni\n  format: yoki fayl kengaytmasi (.csv .tsv .json .xlsx) belgilaydi.\n  CSV/TSV: delimiter: \";\", decimal: \",\", bom: true rus sozlamali Excel ochadigan faylni beradi.\n  xlsx: har bir jadval yoki koʻrsatkich uchun varaq va har bir koʻrsatkich uchun metamaʼlumot varagʻi;\n    export [a, b] to \"book.xlsx\" with sheets: [\"A\", \"B\"] bir nechtasini bitta kitobga joylaydi.\n  sdmx-csv: BRM tuzilmasi uchun SDMX-CSV 1.0 (2.0 uchun version: 2): koʻrsatkich seriyasi va birligi, oʻlchamlari\n    nomi boʻyicha yoki dimensions: \"sex = SEX, region = REF_AREA\", ref_area: \"417\", dataflow:, dsd:;\n    har bir kod yozilishidan oldin kod roʻyxati boʻyicha tekshiriladi.\n  open-sdg: milliy Open SDG platformasining CSV si (Year, Units, Series, boʻlinishlar, Value).",
    "HELP.plot": "plot JADVAL over x [by qatorlar, …] [as line|bar|point] [to \"file.svg\"] [with title: \"…\", y: \"…\", values: ustun, totals: false, stacked: true, width: 80, height: 12]\n  Qiymatlarni (koʻrsatkichning value si, yagona son ustuni yoki values:) x boʻyicha chizadi, har bir qator\n  uchun bitta chiziq; matnli x gorizontal ustunchalar beradi. Yoʻq qiymat nol emas, uzilish; _T jamilarining\n  oʻz belgisi bor (totals: false ularni olib tashlaydi). to \"….svg\" bu yerda chizish oʻrniga SVG faylini yozadi.\n  Misol: plot survey | where monthly_income_usd > 0 over year by sex with values: monthly_income_usd",
    "HELP.report": "report to \"out/report.html\" [with title: \"…\", subtitle: \"…\", author: \"…\"]\n  Skript koʻrsatgan narsalarning bitta mustaqil HTML fayli: koʻrsatilgan, eksport qilingan yoki chizilgan\n  har bir koʻrsatkich jadvali, metamaʼlumotlari, izohi, grafiklari va tekshiruv natijalari bilan, soʻng\n  parametrlar, maʼlumot fayllari (hajmi va SHA-256), sana va versiya. Internetsiz ochiladi; har bir\n  koʻrsatkich alohida sahifada chop etiladi.\n  Misol: report to \"out/report.html\" with title: \"Migratsiya koʻrsatkichlari, 2024\"",
    "HELP.use": "use NOM\n  Skript papkasidan yoki standart kutubxonadan NOM.kw ni ishga tushiradi.\n  Kutubxona: rates, sdg8, sdg10, sdg13, sdg16, sdg17 (BRM koʻrsatkichlari taʼriflari), sdg (hammasi).\n  Misol: use sdg10",
    "HELP.indicator": """
    indicator NOM { code: … title: … unit: … data: … numerator: … denominator: … scale: … by: … totals: … check: … }
      Metamaʼlumotli koʻrsatkich. Har bir katakda value (qiymat), numerator (surat), denominator (maxraj),
      n (foydalanilgan yozuvlar) va n_missing (kirish qiymati yetishmagani uchun oʻtkazib yuborilgan yozuvlar) bor.
      Tanlama boʻyicha weight: w  strata: region  cluster: psu  har bir katakka se, ci_low, ci_high va cv beradi
      (Teylor chiziqlashtirishi, R ning survey paketi kabi); level: 0.9; df: design
      (har bir katakning erkinlik darajali Styudent taqsimoti); flag: cv > 0.3 ishonchsiz kataklarni belgilaydi.
      Misol:
        indicator remittance_cost {
          code: "10.c.1"  unit: "PT"
          data: survey | where remit_amount_usd > 0
          numerator: sum(remit_fee_usd)
          denominator: sum(remit_amount_usd)
          scale: 100
          by: destination
          totals: true
        }
      Kutubxona taʼrifidan, sizning ustun nomlaringiz bilan (qarang: :help use):
        use sdg10
        indicator rc = sdg_10_7_1 { data: survey  columns: cost = recruitment_cost_usd, income = monthly_income_usd  by: sex }
      Kutubxona taʼrifida data oʻrniga `needs: cost, income` bor; `where:` yozuvlarni tanlaydi.
    """,
    "HELP.check": """
    check JADVAL-YOKI-KONVEYER { rule: …  unique: …  total: …  gaps: … }
      rule: shart                          har bir qatorda bajariladi
      unique: kalit, kalit                 hech bir ikki qatorning kalitlari bir xil emas (nusxalar yoki ziddiyatlar)
      total: _T = F + M in sex on value    jami boshqa ustunlar (yoki `by`) boʻyicha mos keladigan
        [by k, …] [within 0.5]             qatorlar orasida qismlari yigʻindisiga teng; `others` = boshqa barcha kodlar
      gaps: year by country                har bir seriya ichida hech bir yil tushib qolmaydi
      Buzilgan qoida — ogohlantirish; qoida oldidagi `require` (`require unique: id`) skriptni toʻxtatadi.
      `let problems = check t { … }` topilmalarni jadval sifatida ham saqlaydi (rule, kind, row, key, left, right, difference, copies, duplicates, missing).
      Misol: check survey { unique: person_id  rule: age between 15 and 70 }
    """,
    "HELP.where": "… | where shart\n  Shart rost boʻlgan qatorlarni qoldiradi (shart na boʻlgan qatorlar tashlanadi).\n  Misol: show survey | where monthly_income_usd > 1000 and sex == \"F\" | take 5",
    "HELP.derive": "… | derive nom = ifoda, …\n  Ustun qoʻshadi yoki almashtiradi.\n  Misol: show survey | derive cost_share = recruitment_cost_usd / monthly_income_usd * 100 | take 5",
    "HELP.select": "… | select a, b\n  Faqat shu ustunlarni qoldiradi.\n  Misol: show survey | select sex, age | take 5",
    "HELP.drop": "… | drop a, b\n  Shu ustunlarni olib tashlaydi.\n  Misol: show survey | drop person_id, weight | take 3",
    "HELP.rename": "… | rename eski to yangi\n  Ustunlar nomini oʻzgartiradi.\n  Misol: show survey | rename origin_region to region | take 3",
    "HELP.group": "… | group by a, b | summarize nom = agregat(…)\n  Har bir guruhga bitta qator, guruh kalitlari tartibida.\n  Misol: show survey | group by sex | summarize n = count(), income = median(monthly_income_usd)",
    "HELP.summarize": "… | summarize nom = agregat(…), …\n  Qatorlarni (group by dan keyin har bir guruhnikini) bitta qatorga jamlaydi.\n  Misol: show survey | summarize n = count(), mean_age = mean(age)",
    "HELP.sort": "… | sort a, -b\n  Qatorlarni tartiblaydi; `-b` yoki `b desc` eng kattasidan boshlaydi. Yetishmayotgan qiymatlar oxirida.\n  Misol: show survey | sort -monthly_income_usd | take 5",
    "HELP.take": "… | take N\n  Birinchi N qator.\n  Misol: show survey | take 10",
    "HELP.join": "… | join other on key   |   … | left join other on a == b, year\n  Kalitlari mos keladigan qatorlarga boshqa jadval ustunlarini qoʻshadi.\n  Misol: show survey | join population on origin_region == region, year | take 3",
    "HELP.union": "… | union other\n  Ikkala jadval qatorlari (bir xil ustunlar bilan).\n  Misol: show (survey | take 2) | union (survey | take 1)",
    "HELP.pivot": "… | pivot wider names from sex values from value   |   … | pivot longer a, b into name, value\n  wider: nom ustunlarining har bir qiymati uchun qiymat ustunidan toʻldirilgan bitta ustun (bir nechtasi\n  birlashtiriladi: F_2020); qolgan ustunlar qatorlarni belgilaydi; yoʻq birikma na, bitta katak uchun ikki\n  qator xato. longer: sanab oʻtilgan ustunlar (yoki except bilan qolganlarining hammasi) nom va qiymat\n  qatorlariga aylanadi.\n  Misol: show survey | group by destination, sex | summarize n = count() | pivot wider names from sex values from n",
    "HELP.complete": "… | complete year from 2015 to 2023 by country\n  Har bir guruhning har bir yili uchun bitta qator: maʼlumotda yoʻq yillar boshqa ustunlarda na bilan\n  qoʻshiladi, shuning uchun boʻshliqlar koʻrinadi. from … to boʻlmasa — maʼlumotning birinchi yilidan oxirgisigacha.\n  Misol: show survey | group by year, sex | summarize n = count() | complete year by sex",
    "HELP.distinct": "… | distinct [a, b]\n  Takrorlanmaydigan qatorlar (shu ustunlar boʻyicha).\n  Misol: show survey | distinct destination",
    "HELP.na": "na — yetishmayotgan qiymat\n  na bilan arifmetika na beradi; na bilan solishtirishlar na rost, na yolgʻon;\n  agregat funksiyalar na ni oʻtkazib yuboradi va nechtasini aytadi; x / 0 ogohlantirish bilan na beradi.\n  Misol: show coalesce(na, 0)",
    "HELP.totals": "totals: true | totals: oʻlcham, …\n  Koʻrsatkichga _T qatorlarini qoʻshadi: koʻrsatilgan har bir oʻlcham boʻyicha va umumiy jamilar.\n  Misol: qarang :help indicator",
    "HELP.function": "{usage}\n  {summary}{arguments}\n  Misol: {example}",
    "HELP.arguments": "Argumentlar: {list}", "K.any": "istalgan qiymat",
    // One line per builtin: what it does (the example is code, taken from the English entry).
    "F.abs": "Absolyut qiymat.", "F.round": "`digits` oʻnli belgigacha yaxlitlaydi (yarmi noldan uzoqlashadi).",
    "F.floor": "x dan katta boʻlmagan eng katta butun son.", "F.ceil": "x dan kichik boʻlmagan eng kichik butun son.",
    "F.sqrt": "Kvadrat ildiz (manfiy x uchun na).", "F.log": "Natural logarifm.",
    "F.log10": "10 asosli logarifm.", "F.exp": "e ning x darajasi.",
    "F.least": "Argumentlarning eng kichigi, na ni oʻtkazib.", "F.greatest": "Argumentlarning eng kattasi, na ni oʻtkazib.",
    "F.coalesce": "na boʻlmagan birinchi argument.", "F.is_na": "x yetishmagan joyda true.",
    "F.lower": "Kichik harflardagi matn.", "F.upper": "Katta harflardagi matn.",
    "F.trim": "Chetlaridagi boʻshliqlarsiz matn.", "F.length": "Belgilar soni.",
    "F.substr": "Matn qismi: `start` oʻrnidan (1 dan boshlab), `length` ta belgi.",
    "F.contains": "Matnda `part` boʻlsa true.", "F.starts_with": "Matn `prefix` bilan boshlansa true.",
    "F.ends_with": "Matn `suffix` bilan tugasa true.", "F.replace": "Har bir `old` ni `new` bilan almashtiradi.",
    "F.concat": "Qiymatlarni matn qilib birlashtiradi.", "F.text": "Qiymat matn shaklida.",
    "F.number": "Son sifatida oʻqilgan matn (son boʻlmasa na).", "F.integer": "Qiymat butun son shaklida (kasr qismi tashlanadi).",
    "F.m49": "Mamlakat yoki hududning BMT M49 raqami, istalgan nomidan (BMT, Jahon banki, ISO; ingliz, rus, turkman, oʻzbek, qozoq, qirgʻiz tillarida), ISO kodidan yoki raqamidan; mamlakat boʻlmasa ogohlantirish bilan na.",
    "F.iso2": "Mamlakatning ISO 3166 ikki harfli kodi, istalgan nomi yoki kodidan.",
    "F.iso3": "Mamlakatning ISO 3166 uch harfli kodi, istalgan nomi yoki kodidan (BMT va Jahon banki fayllari shu bilan birlashtiriladi).",
    "F.country_name": "Mamlakat yoki hududning BMTdagi nomi, istalgan nomi yoki kodidan; ikkinchi argument uni ru, tk, uz, kk yoki ky tilida beradi.",
    "F.lag": "derive … over TARTIB by GURUHLAR ichida: oʻsha guruhdagi oldingi davr (k davr oldingi) qiymati; yil tartibida yoʻq yil na beradi, oldingi qatorni emas.",
    "F.lead": "derive … over ichida: oʻsha guruhdagi keyingi davr (k davr keyingi) qiymati.",
    "F.diff": "derive … over ichida: oldingi davrga nisbatan oʻzgarish (x − lag(x)); u davr boʻlmasa na.",
    "F.growth": "derive … over ichida: oldingi davrga nisbatan nisbiy oʻzgarish ((x − lag(x)) / lag(x)); davr boʻlmasa yoki nol boʻlsa na.",
    "F.period": "Matn yoki yildan davr (yil, yarim yil, chorak, oy, ISO haftasi yoki kun); ustunning davr boʻlmagan kataklari na boʻladi va ogohlantirishda sanaladi.",
    "F.year": "Davrning yili (hafta uchun uning ISO yili).",
    "F.quarter": "Chorak, oy, hafta yoki kunning choragi (1–4).",
    "F.month": "Oy, hafta yoki kunning oyi (1–12).",
    "F.week": "Hafta yoki kunning ISO haftasi (1–53).",
    "F.frequency": "Davrning SDMX chastota kodi: A, S, Q, M, W yoki D.",
    "F.start_date": "Davrning birinchi kuni.",
    "F.end_date": "Davrning oxirgi kuni.",
    "F.to_year": "Davr kiradigan yil.",
    "F.to_half": "Davr kiradigan yarim yil.",
    "F.to_quarter": "Davr kiradigan chorak (hafta, ISO 8601 dagidek, payshanbasi tushgan joyga tegishli).",
    "F.to_month": "Davr kiradigan oy (hafta payshanbasi tushgan joyga tegishli).",
    "F.cumsum": "derive … over ichida: guruh ichida tartib boʻyicha yigʻiladigan yigʻindi (boʻsh qiymatlar hisobga olinmaydi).",
    "F.running_mean": "derive … over ichida: shu davr bilan tugaydigan k davrning (mavjudlarining) oʻrtachasi.",
    "F.rank": "derive … over ichida: guruh ichidagi tartib boʻyicha oʻrni, tenglar oʻrinni boʻlishadi (1, 2, 2, 4); over -x eng kattasini birinchi qoʻyadi.",
    "F.dense_rank": "derive … over ichida: rank kabi, lekin tenglardan keyin boʻshliqsiz (1, 2, 2, 3).",
    "F.row_number": "derive … over ichida: guruh ichidagi tartib raqami (1, 2, 3, …).",
    "F.share_of_total": "derive … over … by GURUHLAR ichida: qiymatning oʻz guruhi jamidagi ulushi (musbat qiymatlar uchun 0 dan 1 gacha).",
    "F.format": "Berilgan oʻnli belgilar soni bilan matn shaklidagi son (round kabi yaxlitlanadi); \"#,##0.00\" kabi namuna minglarni vergul bilan ham ajratadi.",
    "F.count": "Qatorlar yoki x ning yetishmayotgan boʻlmagan qiymatlari soni.",
    "F.sum": "Yigʻindi, na ni oʻtkazib; qoʻshadigan narsa boʻlmasa na.",
    "F.mean": "Arifmetik oʻrtacha, na ni oʻtkazib.",
    "F.median": "Mediana (oʻrtadagi qiymat; juft sonda ikki oʻrtadagining oʻrtachasi).",
    "F.min": "Eng kichik qiymat.", "F.max": "Eng katta qiymat.",
    "F.share": "Shart rost boʻlgan qatorlar ulushi (0 dan 1 gacha), kerak boʻlsa vaznli.",
    "F.wmean": "w vaznlar bilan x ning vaznli oʻrtachasi.",
    "F.wsum": "Vaznli yigʻindi: x × w yigʻindisi.",
    "F.quantile": "p kvantil (0 dan 1 gacha), chiziqli interpolyatsiya.",
    "F.sd": "Tanlanma standart chetlanish (n − 1).", "F.var": "Tanlanma dispersiya (n − 1).",
    "F.n_distinct": "Turli qiymatlar soni.",
    "F.first": "Qatorlar tartibida yetishmayotgan boʻlmagan birinchi qiymat.",
    "F.last": "Qatorlar tartibida yetishmayotgan boʻlmagan oxirgi qiymat.",
    "HELP.unknown": "`{topic}` boʻyicha yordam yoʻq",
]
