// The Turkmen trainees' manual: `:help TOPIC` pages and one line per builtin.
// Keywords, function names and the examples stay as Kerwen code.

let turkmenHelp: [String: String] = [
    "HELP.overview": """
    Kerwen tablisalardan statistik görkezijileri hasaplaýar. Buýrugy ýazyň we Enter basyň.
      load survey from "examples/data/labour_migrants.csv"    CSV faýlyny okamak
      describe survey                                          onuň sütünlerine seretmek
      show survey | where sex == "F" | take 5                  setirleri süzmek we görkezmek
      show survey | group by destination | summarize n = count()
    Buýruklar: load let param fn show describe explain export use indicator check
    Konweýer ädimleri: where derive select drop rename group by summarize sort take join union distinct pivot complete
    Setir buýruklary: :help TEMA (ýa-da ?TEMA)  :datasets  :describe AT  :explain AT  :indicators  :load FAÝL  :save FAÝL  :plan AŇLATMA
                      :mode table|csv|json|markdown  :timing on|off  :pager on|off  :decimals N|auto  :thousands on|off  :lang en|ru|tk|uz  :reset  :quit
    Aýry setirlerdäki ädimler: | bilen başlaýan setir öňki buýruga ädim goşýar
      (sapaklardaky ýaly setirme-setir ýazylanda, her setir uzaldylan konweýeriň netijesini görkezýär).
    Düwmeler: TAB atlary doldurýar, ↑ öňki girişi çagyrýar, Ctrl-C ýatyrýar, Ctrl-D çykýar.
    Synap görüň: :help indicator, :help na, :help mean.
    """,
    "HELP.load": "load AT from \"file.csv\" [with delimiter: \";\", decimal: \",\", missing: [\"..\"], text: [col], layout: \"open-sdg\"]\n  Faýly tablisa okaýar; nähili okamalydygyny faýlyň adı däl-de, mazmuny (ilkinji baýtlary) kesgitleýär:\n  CSV ýa-da TSV tekst: görnüşler we boş öýjükler awtomatik kesgitlenýär. decimal: \",\" sanlary rus\n    sazlamaly Excel ýazyşy ýaly okaýar (6,2 we 1 250). layout: \"open-sdg\" çap edilen Open SDG CSV-ni\n    okaýar; layout: \"sdmx-csv\" SDMX-CSV 1.0 ýa-da 2.0-ny DOM gurluşy (ýa-da dsd: \"my_dsd.xml\") boýunça barlap okaýar.\n  SDMX-ML (.xml): StructureSpecificData ýa-da GenericData, her gözegçilik üçin bir setir.\n  Excel (.xlsx): sheet: \"ady\" ýa-da 2, range: \"A5:H200\", header_rows: 2 (iki setirli sözbaşy),\n    skip: 3 (at setirleri); seneler ýyl-aý-gün görnüşinde, birleşdirilen öýjükler doldurylýar.\n  Köne .xls, açar sözli kitap, Parquet ýa-da PDF näme etmelidigini aýdýan ýalňyşlyk berýär.",
    "HELP.let": "let AT = aňlatma\n  Baha, tablisa ýa-da konweýeriň netijesine at berýär.\n  Mysal: let women = survey | where sex == \"F\"",
    "HELP.param": "param AT = baha\n  Skriptiň parametri; `kerwen run f.kw --param AT=BAHA` bahany çalşýar.\n  Konweýeriň içinde parametr üçin $AT ýazyň.\n  Mysal: param year = 2023",
    "HELP.fn": "fn AT(a, b) = aňlatma\n  Öz funksiýaňyz; sanlar, sütünler bilen we summarize içinde işleýär.\n  Mysal: fn per_100k(n, population) = n / population * 100000",
    "HELP.show": "show aňlatma\n  Bahany, tablisany ýa-da görkezijini çap edýär. Aýratyn ýazylan aňlatma hem şony edýär.\n  `with decimals: N, thousands: true` — N onluk belgi we müňlükleri bölüp görkezmek (diňe ekranda).\n  Mysal: show survey | take 3",
    "HELP.describe": "describe TABLISA\n  Her sütüniň görnüşi, boş bahalaryň sany, dürli bahalaryň sany, aralygy ýa-da iň köp gabat gelýän bahalary.\n  Mysal: describe survey",
    "HELP.explain": "explain GÖRKEZIJI   |   explain KONWEÝER\n  Görkezijiniň näme hasaplaýandygyny sözler bilen düşündirýär (her öýjük, baha, sanawjy, maýdalawjy, ýazgylar,\n  boş bahalar, ölçeg birligi, barlaglar, kitaphana kesgitlemesi üçin resmi kesgitleme we usul),\n  ýa-da konweýeriň haýsy setirleri berýändigini, habarlaryň dilinde (--lang, :lang).\n  Mysal: explain survey | where sex == \"F\" | group by destination | summarize n = count()",
    "HELP.export": "export BAHA to \"file.csv\" [with format: \"sdmx-csv\" | \"open-sdg\" | \"xlsx\" | \"csv\" | \"tsv\" | \"json\", …]\n  Tablisany ýa-da görkezijini ýazýar (ygtybarly: wagtlaýyn faýl, soň adyny üýtgetmek); formaty\n  format: ýa-da faýlyň giňeltmesi (.csv .tsv .json .xlsx) kesgitleýär.\n  CSV/TSV: delimiter: \";\", decimal: \",\", bom: true rus sazlamaly Excel-iň açýan faýlyny berýär.\n  xlsx: her tablisa ýa-da görkeziji üçin bir sahypa we her görkeziji üçin meta-maglumat sahypasy;\n    export [a, b] to \"book.xlsx\" with sheets: [\"A\", \"B\"] birnäçesini bir kitaba salýar.\n  sdmx-csv: DOM gurluşy üçin SDMX-CSV 1.0 (2.0 üçin version: 2): görkezijiniň seriýasy we birligi, ölçegleri\n    ady boýunça ýa-da dimensions: \"sex = SEX, region = REF_AREA\", ref_area: \"417\", dataflow:, dsd:;\n    her kod ýazylmazdan öň kod sanawy boýunça barlanýar.\n  open-sdg: milli Open SDG platformasynyň CSV-si (Year, Units, Series, bölünişikler, Value).",
    "HELP.plot": "plot TABLISA over x [by hatarlar, …] [as line|bar|point] [to \"file.svg\"] [with title: \"…\", y: \"…\", values: sütün, totals: false, stacked: true, width: 80, height: 12]\n  Bahalary (görkezijiniň value-sini, ýeke-täk sanly sütüni ýa-da values:) x boýunça çyzýar, her hatar üçin\n  bir çyzyk; tekst x keseligine sütünjikler berýär. Ýetmeýän baha nol däl-de, arakesme; _T jemleriniň öz\n  belgisi bar (totals: false olary aýyrýar). to \"….svg\" şu ýerde çyzmagyň deregine SVG faýlyny ýazýar.\n  Mysal: plot survey | where monthly_income_usd > 0 over year by sex with values: monthly_income_usd",
    "HELP.report": "report to \"out/report.html\" [with title: \"…\", subtitle: \"…\", author: \"…\"]\n  Ssenariniň görkezenleriniň bir özbaşdak HTML faýly: görkezilen, eksport edilen ýa-da çyzylan her\n  görkeziji tablisasy, metamaglumatlary, düşündirişi, grafikleri we barlag netijeleri bilen, soňra\n  parametrler, maglumat faýllary (ölçegi we SHA-256), sene we wersiýa. Internetsiz açylýar; her\n  görkeziji aýry sahypada çap edilýär.\n  Mysal: report to \"out/report.html\" with title: \"Migrasiýa görkezijileri, 2024\"",
    "HELP.use": "use AT\n  Skriptiň bukjasyndan ýa-da standart kitaphanadan AT.kw faýlyny işledýär.\n  Kitaphana: rates, sdg8, sdg10, sdg13, sdg16, sdg17 (DOM görkezijileriniň kesgitlemeleri), sdg (hemmesi).\n  Mysal: use sdg10",
    "HELP.indicator": """
    indicator AT { code: … title: … unit: … data: … numerator: … denominator: … scale: … by: … totals: … check: … }
      Metamaglumatly görkeziji. Her öýjükde value (baha), numerator (sanawjy), denominator (maýdalawjy),
      n (ulanylan ýazgylar) we n_missing (giriş bahasy boş bolany üçin geçilen ýazgylar) bar.
      Saýlama boýunça weight: w  strata: region  cluster: psu  her öýjüge se, ci_low, ci_high we cv berýär
      (Teýloryň çyzyklaşdyrmasy, R-iň survey bukjasy ýaly); level: 0.9; df: design
      (her öýjügiň erkinlik derejeli Stýudentiň paýlanyşy); flag: cv > 0.3 ygtybarsyz öýjükleri belleýär.
      Mysal:
        indicator remittance_cost {
          code: "10.c.1"  unit: "PT"
          data: survey | where remit_amount_usd > 0
          numerator: sum(remit_fee_usd)
          denominator: sum(remit_amount_usd)
          scale: 100
          by: destination
          totals: true
        }
      Kitaphana kesgitlemesinden, siziň sütün atlaryňyz bilen (seret: :help use):
        use sdg10
        indicator rc = sdg_10_7_1 { data: survey  columns: cost = recruitment_cost_usd, income = monthly_income_usd  by: sex }
      Kitaphana kesgitlemesinde data ýerine `needs: cost, income` bar; `where:` ýazgylary saýlaýar.
    """,
    "HELP.check": """
    check TABLISA-ÝA-DA-KONWEÝER { rule: …  unique: …  total: …  gaps: … }
      rule: şert                           her setirde ýerine ýetýär
      unique: açar, açar                   hiç iki setiriň açarlary birmeňzeş däl (nusgalar ýa-da gapma-garşylyklar)
      total: _T = F + M in sex on value    jemi beýleki sütünler (ýa-da `by`) boýunça gabat gelýän
        [by k, …] [within 0.5]             setirleriň arasynda bölekleriniň jemine deň; `others` = beýleki ähli kodlar
      gaps: year by country                her hataryň içinde hiç bir ýyl ýitmeýär
      Bozulan düzgün duýduryşdyr; düzgüniň öňünde `require` (`require unique: id`) skripti saklaýar.
      `let problems = check t { … }` tapyndylary tablisa hökmünde hem saklaýar (rule, kind, row, key, left, right, difference, copies, duplicates, missing).
      Mysal: check survey { unique: person_id  rule: age between 15 and 70 }
    """,
    "HELP.where": "… | where şert\n  Şert dogry bolan setirleri galdyrýar (şert na bolan setirler taşlanýar).\n  Mysal: show survey | where monthly_income_usd > 1000 and sex == \"F\" | take 5",
    "HELP.derive": "… | derive at = aňlatma, …\n  Sütün goşýar ýa-da çalşýar.\n  Mysal: show survey | derive cost_share = recruitment_cost_usd / monthly_income_usd * 100 | take 5",
    "HELP.select": "… | select a, b\n  Diňe şu sütünleri galdyrýar.\n  Mysal: show survey | select sex, age | take 5",
    "HELP.drop": "… | drop a, b\n  Şu sütünleri aýyrýar.\n  Mysal: show survey | drop person_id, weight | take 3",
    "HELP.rename": "… | rename köne to täze\n  Sütünleriň adyny üýtgedýär.\n  Mysal: show survey | rename origin_region to region | take 3",
    "HELP.group": "… | group by a, b | summarize at = jemleýji(…)\n  Her topara bir setir, topar açarlarynyň tertibinde.\n  Mysal: show survey | group by sex | summarize n = count(), income = median(monthly_income_usd)",
    "HELP.summarize": "… | summarize at = jemleýji(…), …\n  Setirleri (group by-dan soň her toparyňkyny) bir setire jemleýär.\n  Mysal: show survey | summarize n = count(), mean_age = mean(age)",
    "HELP.sort": "… | sort a, -b\n  Setirleri tertipleýär; `-b` ýa-da `b desc` iň ulusyndan başlaýar. Boş bahalar iň soňda.\n  Mysal: show survey | sort -monthly_income_usd | take 5",
    "HELP.take": "… | take N\n  Ilkinji N setir.\n  Mysal: show survey | take 10",
    "HELP.join": "… | join other on key   |   … | left join other on a == b, year\n  Açarlary gabat gelýän setirlere beýleki tablisanyň sütünlerini goşýar.\n  Mysal: show survey | join population on origin_region == region, year | take 3",
    "HELP.union": "… | union other\n  Iki tablisanyň setirleri (birmeňzeş sütünler bilen).\n  Mysal: show (survey | take 2) | union (survey | take 1)",
    "HELP.pivot": "… | pivot wider names from sex values from value   |   … | pivot longer a, b into name, value\n  wider: at sütünleriniň her bahasy üçin baha sütüninden doldurylan bir sütün (birnäçesi birleşdirilýär:\n  F_2020); beýleki sütünler setirleri kesgitleýär; ýok utgaşma na, bir öýjük üçin iki setir ýalňyşlyk.\n  longer: sanalan sütünler (ýa-da except bilen beýlekileriň hemmesi) at we baha setirlerine öwrülýär.\n  Mysal: show survey | group by destination, sex | summarize n = count() | pivot wider names from sex values from n",
    "HELP.complete": "… | complete year from 2015 to 2023 by country\n  Her toparyň her ýyly üçin bir setir: maglumatda ýok ýyllar beýleki sütünlerde na bilen goşulýar,\n  şonuň üçin böşlükler görünýär. from … to bolmasa — maglumatyň ilkinji ýylyndan soňky ýylyna çenli.\n  Mysal: show survey | group by year, sex | summarize n = count() | complete year by sex",
    "HELP.distinct": "… | distinct [a, b]\n  Gaýtalanmaýan setirler (şu sütünler boýunça).\n  Mysal: show survey | distinct destination",
    "HELP.na": "na — boş baha\n  na bilen arifmetika na berýär; na bilen deňeşdirmeler ne dogry, ne ýalňyş;\n  jemleýji funksiýalar na-ny geçýär we näçesini geçendigini aýdýar; x / 0 duýduryş bilen na berýär.\n  Mysal: show coalesce(na, 0)",
    "HELP.totals": "totals: true | totals: ölçeg, …\n  Görkezijä _T setirlerini goşýar: görkezilen her ölçeg boýunça we umumy jemler.\n  Mysal: seret :help indicator",
    "HELP.function": "{usage}\n  {summary}{arguments}\n  Mysal: {example}",
    "HELP.arguments": "Argumentler: {list}", "K.any": "islendik baha",
    // One line per builtin: what it does (the example is code, taken from the English entry).
    "F.abs": "Absolýut ululyk.", "F.round": "`digits` onluk belgä çenli tegeleýär (ýarym noldan daşlaşýar).",
    "F.floor": "x-den uly bolmadyk iň uly bitin san.", "F.ceil": "x-den kiçi bolmadyk iň kiçi bitin san.",
    "F.sqrt": "Kwadrat kök (otrisatel x üçin na).", "F.log": "Natural logarifm.",
    "F.log10": "10 esasly logarifm.", "F.exp": "e-niň x derejesi.",
    "F.least": "Argumentleriň iň kiçisi, na-ny geçip.", "F.greatest": "Argumentleriň iň ulusy, na-ny geçip.",
    "F.coalesce": "na bolmadyk ilkinji argument.", "F.is_na": "x boş bolan ýerinde true.",
    "F.lower": "Kiçi harplar bilen tekst.", "F.upper": "Baş harplar bilen tekst.",
    "F.trim": "Gyralaryndaky boşluklarsyz tekst.", "F.length": "Nyşanlaryň sany.",
    "F.substr": "Tekstiň bölegi: `start` ornundan (1-den başlap), `length` nyşan.",
    "F.contains": "Tekstde `part` bar bolsa true.", "F.starts_with": "Tekst `prefix` bilen başlasa true.",
    "F.ends_with": "Tekst `suffix` bilen gutarsa true.", "F.replace": "Her `old`-y `new` bilen çalşýar.",
    "F.concat": "Bahalary tekst edip birleşdirýär.", "F.text": "Baha tekst görnüşinde.",
    "F.number": "San hökmünde okalan tekst (san bolmasa na).", "F.integer": "Baha bitin san görnüşinde (drob bölegi taşlanýar).",
    "F.m49": "Ýurduň ýa-da sebitiň BMG M49 belgisi, islendik adyndan (BMG, Bütindünýä banky, ISO; iňlis, rus, türkmen, özbek, gazak, gyrgyz dillerinde), ISO kodundan ýa-da belgisinden; ýurt däl bolsa duýduryş bilen na.",
    "F.iso2": "Ýurduň ISO 3166 iki harply kody, islendik adyndan ýa-da kodundan.",
    "F.iso3": "Ýurduň ISO 3166 üç harply kody, islendik adyndan ýa-da kodundan (BMG we Bütindünýä bankynyň faýllary şonuň bilen birleşdirilýär).",
    "F.country_name": "Ýurduň ýa-da sebitiň BMG-däki ady, islendik adyndan ýa-da kodundan; ikinji argument ony ru, tk, uz, kk ýa-da ky dilinde berýär.",
    "F.lag": "derive … over TERTIP by TOPARLAR içinde: şol toparda öňki döwrüň (k döwür öňküniň) bahasy; ýyl tertibinde ýok ýyl na berýär, öňki setiri däl.",
    "F.lead": "derive … over içinde: şol toparda indiki döwrüň (k döwür soňkynyň) bahasy.",
    "F.diff": "derive … over içinde: öňki döwre görä üýtgeýiş (x − lag(x)); ol döwür ýok bolsa na.",
    "F.growth": "derive … over içinde: öňki döwre görä otnositel üýtgeýiş ((x − lag(x)) / lag(x)); döwür ýok ýa-da nol bolsa na.",
    "F.period": "Tekstden ýa-da ýyldan döwür (ýyl, ýarym ýyl, çärýek, aý, ISO hepdesi ýa-da gün); sütüniň döwür bolmadyk öýjükleri na bolýar we duýduryşda sanalýar.",
    "F.year": "Döwrüň ýyly (hepde üçin onuň ISO ýyly).",
    "F.quarter": "Çärýegiň, aýyň, hepdäniň ýa-da günüň çärýegi (1–4).",
    "F.month": "Aýyň, hepdäniň ýa-da günüň aýy (1–12).",
    "F.week": "Hepdäniň ýa-da günüň ISO hepdesi (1–53).",
    "F.frequency": "Döwrüň SDMX ýygylyk kody: A, S, Q, M, W ýa-da D.",
    "F.start_date": "Döwrüň ilkinji güni.",
    "F.end_date": "Döwrüň soňky güni.",
    "F.to_year": "Döwri öz içine alýan ýyl.",
    "F.to_half": "Döwri öz içine alýan ýarym ýyl.",
    "F.to_quarter": "Döwri öz içine alýan çärýek (hepde, ISO 8601-däki ýaly, penşenbesi düşýän ýere degişli).",
    "F.to_month": "Döwri öz içine alýan aý (hepde penşenbesi düşýän ýere degişli).",
    "F.cumsum": "derive … over içinde: toparyň içinde tertip boýunça ýygnanýan jem (boş bahalar hasaba alynmaýar).",
    "F.running_mean": "derive … over içinde: şu döwür bilen gutarýan k döwrüň (baryň) ortaça bahasy.",
    "F.rank": "derive … over içinde: toparyň içindäki tertip boýunça orny, deňler orny paýlaşýar (1, 2, 2, 4); over -x iň ulusyny birinji goýýar.",
    "F.dense_rank": "derive … over içinde: rank ýaly, ýöne deňlerden soň böşlüksiz (1, 2, 2, 3).",
    "F.row_number": "derive … over içinde: toparyň içindäki tertip belgisi (1, 2, 3, …).",
    "F.share_of_total": "derive … over … by TOPARLAR içinde: bahanyň öz toparynyň jemindäki paýy (položitel bahalar üçin 0 bilen 1 aralygynda).",
    "F.format": "Berlen onluk belgi sany bilen tekst görnüşindäki san (round ýaly tegelenýär); \"#,##0.00\" ýaly nusga müňlükleri otur bilen hem bölýär.",
    "F.count": "Setirleriň ýa-da x-iň boş bolmadyk bahalarynyň sany.",
    "F.sum": "Jem, na-ny geçip; goşara zat ýok bolsa na.",
    "F.mean": "Arifmetik ortaça, na-ny geçip.",
    "F.median": "Mediana (ortadaky baha; jübüt sanda iki ortadakynyň ortaçasy).",
    "F.min": "Iň kiçi baha.", "F.max": "Iň uly baha.",
    "F.share": "Şert dogry bolan setirleriň paýy (0-dan 1-e çenli), gerek bolsa agramly.",
    "F.wmean": "w agramlar bilen x-iň agramly ortaçasy.",
    "F.wsum": "Agramly jem: x × w jemi.",
    "F.quantile": "p kwantil (0-dan 1-e çenli), çyzykly interpolýasiýa.",
    "F.sd": "Saýlama standart gyşarma (n − 1).", "F.var": "Saýlama dispersiýa (n − 1).",
    "F.n_distinct": "Dürli bahalaryň sany.",
    "F.first": "Setirleriň tertibinde boş bolmadyk ilkinji baha.",
    "F.last": "Setirleriň tertibinde boş bolmadyk soňky baha.",
    "HELP.unknown": "`{topic}` boýunça kömek ýok",
]
