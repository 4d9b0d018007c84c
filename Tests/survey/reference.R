# The reference for SurveyTests: R's survey package on Tests/survey/design.csv (61 records, four
# strata, 13 clusters, the West stratum with one cluster; then the same strata without clusters). Writes expected.csv; `make test` runs it
# again when R is installed (Debian r-base-core and r-cran-survey) and the test compares both.
#   Rscript Tests/survey/reference.R Tests/survey/design.csv OUT.csv
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
des <- svydesign(ids = ~psu, strata = ~region, weights = ~w, data = d, nest = TRUE)
rows <- list()
add <- function(estimator, sex, estimate, se) rows[[length(rows) + 1]] <<- data.frame(estimator = estimator, sex = sex, estimate = unname(estimate), se = unname(se))
r <- svyby(~cost, ~sex, denominator = ~income, des, svyratio)
for (i in seq_along(r$sex)) add("ratio", r$sex[i], r[i, 2], SE(r)[i])
t <- svyratio(~cost, ~income, des); add("ratio", "_T", coef(t), SE(t))
m <- svyby(~cost, ~sex, des, svymean)
for (i in seq_along(m$sex)) add("mean", m$sex[i], m$cost[i], SE(m)[i])
mt <- svymean(~cost, des); add("mean", "_T", coef(mt), SE(mt))
tt <- svyby(~cost, ~sex, des, svytotal)
for (i in seq_along(tt$sex)) add("total", tt$sex[i], tt$cost[i], SE(tt)[i])
to <- svytotal(~cost, des); add("total", "_T", coef(to), SE(to))
# Without clusters: each record is its own unit (Kerwen's indicator without `cluster:`).
des1 <- svydesign(ids = ~1, strata = ~region, weights = ~w, data = d)
r1 <- svyby(~cost, ~sex, denominator = ~income, des1, svyratio)
for (i in seq_along(r1$sex)) add("ratio_records", r1$sex[i], r1[i, 2], SE(r1)[i])
t1 <- svyratio(~cost, ~income, des1); add("ratio_records", "_T", coef(t1), SE(t1))
out <- do.call(rbind, rows)
write.csv(format(out, digits = 17), args[2], row.names = FALSE, quote = FALSE)
