# The reference for SurveyTests: R's survey package on Tests/survey/design.csv (61 records, four
# strata, 13 clusters, the West stratum with one cluster; then the same strata without clusters;
# then with finite population corrections; then medians and quartiles by Woodruff's method; then
# intervals with Student's t).
# Writes expected.csv; `make test` runs it again when R is installed (Debian r-base-core and
# r-cran-survey) and the test compares both.
#   Rscript Tests/survey/reference.R Tests/survey/design.csv OUT.csv
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
rows <- list()
add <- function(estimator, sex, estimate, se, deff = NA, low = NA, high = NA, region = "")
  rows[[length(rows) + 1]] <<- data.frame(estimator = estimator, sex = sex, region = region, estimate = unname(estimate), se = unname(se),
                                          deff = unname(deff), ci_low = unname(low), ci_high = unname(high))
# Ratio, mean and total by sex and overall, with design effects (deff = TRUE: against simple random
# sampling without replacement).
estimators <- function(des, suffix) {
  r <- svyby(~cost, ~sex, denominator = ~income, des, svyratio, deff = TRUE)
  for (i in seq_along(r$sex)) add(paste0("ratio", suffix), r$sex[i], r[i, 2], SE(r)[i], deff(r)[i])
  t <- svyratio(~cost, ~income, des, deff = TRUE); add(paste0("ratio", suffix), "_T", coef(t), SE(t), deff(t))
  m <- svyby(~cost, ~sex, des, svymean, deff = TRUE)
  for (i in seq_along(m$sex)) add(paste0("mean", suffix), m$sex[i], m$cost[i], SE(m)[i], deff(m)[i])
  mt <- svymean(~cost, des, deff = TRUE); add(paste0("mean", suffix), "_T", coef(mt), SE(mt), deff(mt))
  tt <- svyby(~cost, ~sex, des, svytotal, deff = TRUE)
  for (i in seq_along(tt$sex)) add(paste0("total", suffix), tt$sex[i], tt$cost[i], SE(tt)[i], deff(tt)[i])
  to <- svytotal(~cost, des, deff = TRUE); add(paste0("total", suffix), "_T", coef(to), SE(to), deff(to))
}
des <- svydesign(ids = ~psu, strata = ~region, weights = ~w, data = d, nest = TRUE)
estimators(des, "")
r <- svyby(~cost, ~sex, denominator = ~income, des, svyratio, deff = TRUE)
t <- svyratio(~cost, ~income, des, deff = TRUE)
# Two levels with every total: the ratio by sex × region, by sex, by region and overall (the West
# stratum, one cluster, is a domain of its own here).
r2 <- svyby(~cost, ~sex + region, denominator = ~income, des, svyratio, deff = TRUE)
for (i in seq_len(nrow(r2))) add("ratio2", r2$sex[i], r2[i, 3], SE(r2)[i], deff(r2)[i], region = r2$region[i])
for (i in seq_along(r$sex)) add("ratio2", r$sex[i], r[i, 2], SE(r)[i], deff(r)[i], region = "_T")
rr <- svyby(~cost, ~region, denominator = ~income, des, svyratio, deff = TRUE)
for (i in seq_len(nrow(rr))) add("ratio2", "_T", rr[i, 2], SE(rr)[i], deff(rr)[i], region = rr$region[i])
add("ratio2", "_T", coef(t), SE(t), deff(t), region = "_T")
# A share: the proportion of records with a cost above 150 (Kerwen's `value: share(cost > 150)`).
sh <- svyby(~as.numeric(cost > 150), ~sex, des, svymean, deff = TRUE)
for (i in seq_along(sh$sex)) add("share", sh$sex[i], sh[i, 2], SE(sh)[i], deff(sh)[i])
st <- svymean(~as.numeric(cost > 150), des, deff = TRUE); add("share", "_T", coef(st), SE(st), deff(st))
# Without clusters: each record is its own unit (Kerwen's indicator without `cluster:`).
des1 <- svydesign(ids = ~1, strata = ~region, weights = ~w, data = d)
r1 <- svyby(~cost, ~sex, denominator = ~income, des1, svyratio, deff = TRUE)
for (i in seq_along(r1$sex)) add("ratio_records", r1$sex[i], r1[i, 2], SE(r1)[i], deff(r1)[i])
t1 <- svyratio(~cost, ~income, des1, deff = TRUE); add("ratio_records", "_T", coef(t1), SE(t1), deff(t1))
# Finite population corrections: PSUs in the population per stratum (East is a census of its PSUs),
# and, without clusters, the sampling fraction of records.
desf <- svydesign(ids = ~psu, strata = ~region, weights = ~w, data = d, nest = TRUE, fpc = ~psu_total)
estimators(desf, "_fpc")
desf1 <- svydesign(ids = ~1, strata = ~region, weights = ~w, data = d, fpc = ~fraction)
rf1 <- svyby(~cost, ~sex, denominator = ~income, desf1, svyratio, deff = TRUE)
for (i in seq_along(rf1$sex)) add("ratio_records_fpc", rf1$sex[i], rf1[i, 2], SE(rf1)[i], deff(rf1)[i])
tf1 <- svyratio(~cost, ~income, desf1, deff = TRUE); add("ratio_records_fpc", "_T", coef(tf1), SE(tf1), deff(tf1))
# Quantiles with Woodruff's interval (svyquantile's defaults qrule = "math", interval.type =
# "mean"), normal quantiles (df = Inf) as Kerwen's intervals are; each sex as a domain of the design.
for (p in c(0.5, 0.25)) {
  name <- if (p == 0.5) "median" else "q25"
  for (s in c("F", "M")) {
    q <- svyquantile(~cost, subset(des, sex == s), quantiles = p, ci = TRUE, df = Inf)$cost
    add(name, s, q[1, "quantile"], q[1, "se"], NA, q[1, 2], q[1, 3])
  }
  q <- svyquantile(~cost, des, quantiles = p, ci = TRUE, df = Inf)$cost
  add(name, "_T", q[1, "quantile"], q[1, "se"], NA, q[1, 2], q[1, 3])
}
# Student's t intervals (Kerwen's `df:`). svyquantile's default: t with the degrees of freedom of
# the design it is given — for a domain, the domain's (degf: its clusters less its strata) — as
# `df: design` gives each cell; a ratio with confint(…, df = degf(domain)); means with a fixed
# df = 30 (`df: 30`).
for (p in c(0.5, 0.25)) {
  name <- if (p == 0.5) "median_df" else "q25_df"
  for (s in c("F", "M")) {
    q <- svyquantile(~cost, subset(des, sex == s), quantiles = p, ci = TRUE)$cost
    add(name, s, q[1, "quantile"], q[1, "se"], NA, q[1, 2], q[1, 3])
  }
  q <- svyquantile(~cost, des, quantiles = p, ci = TRUE)$cost
  add(name, "_T", q[1, "quantile"], q[1, "se"], NA, q[1, 2], q[1, 3])
}
for (s in c("F", "M")) {
  domain <- subset(des, sex == s)
  r <- svyratio(~cost, ~income, domain, deff = TRUE); ci <- confint(r, df = degf(domain))
  add("ratio_df", s, coef(r), SE(r), deff(r), ci[1], ci[2])
}
ci <- confint(t, df = degf(des)); add("ratio_df", "_T", coef(t), SE(t), deff(t), ci[1], ci[2])
m <- svyby(~cost, ~sex, des, svymean, deff = TRUE); ci <- confint(m, df = 30)
for (i in seq_along(m$sex)) add("mean_df30", m$sex[i], m$cost[i], SE(m)[i], deff(m)[i], ci[i, 1], ci[i, 2])
mt <- svymean(~cost, des, deff = TRUE); ci <- confint(mt, df = 30); add("mean_df30", "_T", coef(mt), SE(mt), deff(mt), ci[1], ci[2])
out <- do.call(rbind, rows)
write.csv(format(out, digits = 17), args[2], row.names = FALSE, quote = FALSE)
