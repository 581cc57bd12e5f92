# Messages of peps in English (`--lang en`, or PEPS_LANG=en).
#
# Every sentence peps writes for a person is here, under an identifier; `fr.ftl` has the same
# identifiers in French (a test checks that both files hold the same ones). Syntax: Project Fluent
# (https://projectfluent.org); `{ $name }` is a value peps provides. Codes (R107, V420…) and their
# English names (`undefined-name`) are stable identifiers: they are not translated.

## Plural example (engine tests)

test-sample = { $count } { $count ->
        [one] row
       *[other] rows
    } of code { $name }


## Rules: reading and checking rule files (engine/src/rules, rulebook, formula, expr, diagnostic)
# -- begin rules --

# -- end rules --


## Data: cases, norms, validation, schedule, comparisons (engine/src/data, validate, schedule, compare, value)
# -- begin data --

# -- end data --


## Evaluation (engine/src/eval)
# -- begin eval --

# -- end eval --


## Command line (cli/src)
# -- begin cli --

# -- end cli --


## Reports: compute, explain, HTML page (cli/src/compute.rs, explain.rs, html.rs, format.rs)
# -- begin reports --

# -- end reports --
