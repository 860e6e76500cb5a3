# Runs an estimation spec (the survey-reference format) with R's survey package.
# Usage: Rscript bench/survey-r.R <spec.json>   Prints JSON {seconds, estimates:[{id, estimate, se}]}.
# `seconds` covers reading the data, the design, calibration and all estimates (not R's start-up).
suppressMessages({ library(survey); library(jsonlite) })
spec_path <- commandArgs(TRUE)[1]
spec <- fromJSON(spec_path, simplifyVector = FALSE)
started <- proc.time()[["elapsed"]]

cats <- unique(c(spec$design$strata, unlist(lapply(spec$calibrations, function(c) c(names(c$margins), setdiff(names(c$cells[[1]]), "N")))),
                 unlist(lapply(spec$estimates, function(e) e$by))))
d <- read.csv(file.path(dirname(spec_path), spec$data), stringsAsFactors = FALSE, na.strings = c("", "NA"),
              colClasses = setNames(rep("character", length(cats)), cats))

design <- svydesign(ids = ~1, strata = as.formula(paste0("~", spec$design$strata)),
                    weights = as.formula(paste0("~", spec$design$weights)),
                    fpc = as.formula(paste0("~", spec$design$fpc)), data = d)
calibrated <- lapply(spec$calibrations, function(cal) {
  if (cal$method == "none") return(design)
  if (cal$method == "rake") {
    vars <- names(cal$margins)
    pops <- lapply(vars, function(v) setNames(data.frame(names(cal$margins[[v]]), unlist(cal$margins[[v]])), c(v, "Freq")))
    return(rake(design, lapply(vars, function(v) as.formula(paste0("~", v))), pops,
                control = list(maxit = cal$maxIterations, epsilon = cal$epsilon)))
  }
  cells <- do.call(rbind, lapply(cal$cells, as.data.frame, stringsAsFactors = FALSE))
  names(cells)[names(cells) == "N"] <- "Freq"
  postStratify(design, as.formula(paste0("~", paste(setdiff(names(cells), "Freq"), collapse = "+"))), cells)
})

# Group the estimates into one svyby call per (design, stat, variable, by), as an R user would.
out <- list()
groups <- split(spec$estimates, sapply(spec$estimates, function(e) paste(e$design, e$stat, e$variable, if (is.null(e$by)) "" else e$by)))
for (g in groups) {
  e1 <- g[[1]]
  des <- calibrated[[e1$design]]
  fun <- if (e1$stat == "total") svytotal else svymean
  f <- as.formula(paste0("~", e1$variable))
  if (is.null(e1$by)) {
    s <- fun(f, des, na.rm = TRUE)
    out[[length(out) + 1]] <- list(id = e1$id, estimate = unname(coef(s)[1]), se = unname(SE(s)[1]))
  } else {
    s <- svyby(f, as.formula(paste0("~", e1$by)), des, fun, na.rm = TRUE)
    for (e in g) {
      level <- if (!is.null(e$level)) e$level else sub(paste0(".*/", e$by, "/"), "", e$id)
      out[[length(out) + 1]] <- list(id = e$id, estimate = unname(coef(s)[level]), se = unname(SE(s)[match(level, names(coef(s)))]))
    }
  }
}
seconds <- proc.time()[["elapsed"]] - started
cat(toJSON(list(seconds = seconds, estimates = out), auto_unbox = TRUE, digits = NA))
