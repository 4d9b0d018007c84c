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
    Konweýer ädimleri: where derive select drop rename group by summarize sort take join union distinct
    Setir buýruklary: :help TEMA (ýa-da ?TEMA)  :datasets  :describe AT  :explain AT  :indicators  :load FAÝL  :save FAÝL  :plan AŇLATMA
                      :mode table|csv|json|markdown  :timing on|off  :pager on|off  :decimals N|auto  :lang en|ru|tk|uz  :reset  :quit
    Aýry setirlerdäki ädimler: | bilen başlaýan setir öňki buýruga ädim goşýar
      (sapaklardaky ýaly setirme-setir ýazylanda, her setir uzaldylan konweýeriň netijesini görkezýär).
    Düwmeler: TAB atlary doldurýar, ↑ öňki girişi çagyrýar, Ctrl-C ýatyrýar, Ctrl-D çykýar.
    Synap görüň: :help indicator, :help na, :help mean.
    """,
    "HELP.load": "load AT from \"file.csv\" [with delimiter: \";\", decimal: \",\", missing: [\"..\"], text: [col], layout: \"open-sdg\"]\n  CSV ýa-da TSV faýlyny tablisa okaýar. Görnüşler we boş öýjükler awtomatik kesgitlenýär.\n  decimal: \",\" sanlary rus sazlamaly Excel-iň ýazyşy ýaly okaýar (6,2 we 1 250).\n  layout: \"open-sdg\" çap edilen Open SDG CSV faýllaryny okaýar: dezagregasiýanyň boş öýjükleri _T bolýar,\n  BOTHSEX, FEMALE, ALLAGE ýaly belgiler SDMX kodlaryna öwrülýär (_T, F, …; stdlib/sdmx_codes.csv tablisasy).\n  Mysal: load survey from \"examples/data/labour_migrants.csv\"",
    "HELP.let": "let AT = aňlatma\n  Baha, tablisa ýa-da konweýeriň netijesine at berýär.\n  Mysal: let women = survey | where sex == \"F\"",
    "HELP.param": "param AT = baha\n  Skriptiň parametri; `kerwen run f.kw --param AT=BAHA` bahany çalşýar.\n  Konweýeriň içinde parametr üçin $AT ýazyň.\n  Mysal: param year = 2023",
    "HELP.fn": "fn AT(a, b) = aňlatma\n  Öz funksiýaňyz; sanlar, sütünler bilen we summarize içinde işleýär.\n  Mysal: fn per_100k(n, population) = n / population * 100000",
    "HELP.show": "show aňlatma\n  Bahany, tablisany ýa-da görkezijini çap edýär. Aýratyn ýazylan aňlatma hem şony edýär.\n  Mysal: show survey | take 3",
    "HELP.describe": "describe TABLISA\n  Her sütüniň görnüşi, boş bahalaryň sany, dürli bahalaryň sany, aralygy ýa-da iň köp gabat gelýän bahalary.\n  Mysal: describe survey",
    "HELP.explain": "explain GÖRKEZIJI   |   explain KONWEÝER\n  Görkezijiniň näme hasaplaýandygyny sözler bilen düşündirýär (her öýjük, baha, sanawjy, maýdalawjy, ýazgylar,\n  boş bahalar, ölçeg birligi, barlaglar, kitaphana kesgitlemesi üçin resmi kesgitleme we usul),\n  ýa-da konweýeriň haýsy setirleri berýändigini, habarlaryň dilinde (--lang, :lang).\n  Mysal: explain survey | where sex == \"F\" | group by destination | summarize n = count()",
    "HELP.export": "export BAHA to \"file.csv\" [with delimiter: \";\", decimal: \",\", bom: true]\n  Tablisany ýa-da görkezijini .csv, .tsv ýa-da .json faýla ýazýar (ygtybarly: wagtlaýyn faýl, soň adyny üýtgetmek).\n  Rus sazlamaly Excel üçin: meýdanlaryň arasynda `;`, 3,5 ýaly sanlar we kirilli harplar okalar ýaly UTF-8 belgisi (bom).\n  Mysal: export survey | take 10 to \"out/first10.csv\"",
    "HELP.use": "use AT\n  Skriptiň bukjasyndan ýa-da standart kitaphanadan AT.kw faýlyny işledýär.\n  Kitaphana: rates, sdg8, sdg10, sdg13, sdg16, sdg17 (DOM görkezijileriniň kesgitlemeleri), sdg (hemmesi).\n  Mysal: use sdg10",
    "HELP.indicator": """
    indicator AT { code: … title: … unit: … data: … numerator: … denominator: … scale: … by: … totals: … check: … }
      Metamaglumatly görkeziji. Her öýjükde value (baha), numerator (sanawjy), denominator (maýdalawjy),
      n (ulanylan ýazgylar) we n_missing (giriş bahasy boş bolany üçin geçilen ýazgylar) bar.
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
    "HELP.distinct": "… | distinct [a, b]\n  Gaýtalanmaýan setirler (şu sütünler boýunça).\n  Mysal: show survey | distinct destination",
    "HELP.na": "na — boş baha\n  na bilen arifmetika na berýär; na bilen deňeşdirmeler ne dogry, ne ýalňyş;\n  jemleýji funksiýalar na-ny geçýär we näçesini geçendigini aýdýar; x / 0 duýduryş bilen na berýär.\n  Mysal: show coalesce(na, 0)",
    "HELP.totals": "totals: true | totals: ölçeg, …\n  Görkezijä _T setirlerini goşýar: görkezilen her ölçeg boýunça we umumy jemler.\n  Mysal: seret :help indicator",
    "HELP.function": "{usage}\n  {summary}\n  Mysal: {example}",
    // One line per builtin: what it does, and an example.
    "F.abs": "Absolýut ululyk.|show abs(-3)", "F.round": "`digits` onluk belgä çenli tegeleýär (ýarym noldan daşlaşýar).|show round(2.345, 2)",
    "F.floor": "x-den uly bolmadyk iň uly bitin san.|show floor(2.7)", "F.ceil": "x-den kiçi bolmadyk iň kiçi bitin san.|show ceil(2.1)",
    "F.sqrt": "Kwadrat kök (otrisatel x üçin na).|show sqrt(16)", "F.log": "Natural logarifm.|show log(10)",
    "F.log10": "10 esasly logarifm.|show log10(1000)", "F.exp": "e-niň x derejesi.|show exp(1)",
    "F.least": "Argumentleriň iň kiçisi, na-ny geçip.|show least(3, 1, 2)", "F.greatest": "Argumentleriň iň ulusy, na-ny geçip.|show greatest(3, 1, 2)",
    "F.coalesce": "na bolmadyk ilkinji argument.|show coalesce(na, 0)", "F.is_na": "x boş bolan ýerinde true.|show survey | where is_na(monthly_income_usd) | take 3",
    "F.lower": "Kiçi harplar bilen tekst.|show lower(\"ÖZBEKISTON\")", "F.upper": "Baş harplar bilen tekst.|show upper(\"türkmenistan\")",
    "F.trim": "Gyralaryndaky boşluklarsyz tekst.|show trim(\"  x  \")", "F.length": "Nyşanlaryň sany.|show length(\"Türkmenistan\")",
    "F.substr": "Tekstiň bölegi: `start` ornundan (1-den başlap), `length` nyşan.|show substr(\"Kazakhstan\", 1, 4)",
    "F.contains": "Tekstde `part` bar bolsa true.|show contains(\"Bishkek\", \"kek\")", "F.starts_with": "Tekst `prefix` bilen başlasa true.|show starts_with(\"Tashkent City\", \"Tashkent\")",
    "F.ends_with": "Tekst `suffix` bilen gutarsa true.|show ends_with(\"Tashkent City\", \"City\")", "F.replace": "Her `old`-y `new` bilen çalşýar.|show replace(\"a-b\", \"-\", \"/\")",
    "F.concat": "Bahalary tekst edip birleşdirýär.|show concat(\"SDG \", 10)", "F.text": "Baha tekst görnüşinde.|show text(2024)",
    "F.number": "San hökmünde okalan tekst (san bolmasa na).|show number(\"14.6\")", "F.integer": "Baha bitin san görnüşinde (drob bölegi taşlanýar).|show integer(\"2021\")",
    "F.format": "Berlen onluk belgi sany bilen tekst görnüşindäki san (round ýaly tegelenýär); \"#,##0.00\" ýaly nusga müňlükleri otur bilen hem bölýär.|show format(43.42635, 2)",
    "F.count": "Setirleriň ýa-da x-iň boş bolmadyk bahalarynyň sany.|show survey | summarize n = count(), with_income = count(monthly_income_usd)",
    "F.sum": "Jem, na-ny geçip; goşara zat ýok bolsa na.|show survey | summarize total = sum(remit_amount_usd)",
    "F.mean": "Arifmetik ortaça, na-ny geçip.|show survey | summarize m = mean(age)",
    "F.median": "Mediana (ortadaky baha; jübüt sanda iki ortadakynyň ortaçasy).|show survey | summarize m = median(monthly_income_usd)",
    "F.min": "Iň kiçi baha.|show survey | summarize youngest = min(age)", "F.max": "Iň uly baha.|show survey | summarize oldest = max(age)",
    "F.share": "Şert dogry bolan setirleriň paýy (0-dan 1-e çenli), gerek bolsa agramly.|show survey | summarize women = share(sex == \"F\", weight)",
    "F.wmean": "w agramlar bilen x-iň agramly ortaçasy.|show survey | summarize m = wmean(monthly_income_usd, weight)",
    "F.wsum": "Agramly jem: x × w jemi.|show survey | summarize displaced = wsum(displaced_by_disaster, weight)",
    "F.quantile": "p kwantil (0-dan 1-e çenli), çyzykly interpolýasiýa.|show survey | summarize p90 = quantile(monthly_income_usd, 0.9)",
    "F.sd": "Saýlama standart gyşarma (n − 1).|show survey | summarize s = sd(age)", "F.var": "Saýlama dispersiýa (n − 1).|show survey | summarize v = var(age)",
    "F.n_distinct": "Dürli bahalaryň sany.|show survey | summarize regions = n_distinct(origin_region)",
    "F.first": "Setirleriň tertibinde boş bolmadyk ilkinji baha.|show survey | summarize first_id = first(person_id)",
    "F.last": "Setirleriň tertibinde boş bolmadyk soňky baha.|show survey | summarize last_id = last(person_id)",
    "HELP.unknown": "`{topic}` boýunça kömek ýok",
]
