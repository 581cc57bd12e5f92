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

eval-not-a-number = { $what } gave a { $found }, not a number
eval-no-table-row = table `{ $table }` has no row for { $keys }
eval-no-table-row-at = row { $row } of `{ $dataset }`: table `{ $table }` has no row for { $keys }
eval-sum-overflows = the sum overflows
eval-step-over-budget = step `{ $step }` in { $at } exceeded its budget: { $failure }
eval-step-failed = step `{ $step }` in { $at } failed: { $failure }
eval-components-mismatch = the components add up to { $sum }, the total is { $total }
eval-components-mismatch-hint = `[result] components` must list the outputs whose sum is the total
eval-the-sum = the sum
eval-indicator = indicator `{ $name }`
eval-indicator-detail = result { $result }, target { $target } ({ $direction }), weight { $weight }
eval-direction-higher = higher
eval-direction-lower = lower
eval-no-class = no class matched
eval-waterfall-other = Not declared in the waterfall
eval-lookup-each = { $value } each
# -- end eval --


## Command line (cli/src)
# -- begin cli --

# -- end cli --


## Reports: compute, explain, HTML page (cli/src/compute.rs, explain.rs, html.rs, format.rs)
# -- begin reports --

report-one-case-only = error: --manifest and --format html are for one case; { $folder } is a folder of cases
report-data-shift = data of { $from } brought into { $to }
report-not-eligible = NOT eligible: the total is 0.
report-failed-check = { $label } ({ $name })
report-failed-check-compared = { $label } ({ $name }): { $value }, { $op ->
        [ge] at least { $threshold } required
        [gt] more than { $threshold } required
        [le] at most { $threshold } allowed
        [lt] less than { $threshold } required
        [eq] { $threshold } required
       *[ne] anything but { $threshold } required
    }
report-components = components of the total: { $names }
report-rests-on = the total rests on { $count } assumed rule { $count ->
        [one] item
       *[other] items
    }:
report-rests-on-nothing = the total rests on no assumed rule item
report-item = { $label } ({ $kind } `{ $name }`)
report-item-share = { $item }: { $share } of the total rests on it
report-rows-left-out = { $rows } { $rows ->
        [one] row
       *[other] rows
    } of `{ $dataset }` left out, not computed ({ $file }): { $codes }
html-subtitle = { $rulebook } — year { $year }
html-composition = Composition of the total
html-detail = Details of the computation
html-col-step = step
html-col-value = value
html-col-name = name
html-fingerprint = Fingerprint of the computation
html-col-item = item
html-engine-rules = { $engine } (rules { $year })
html-item-kind = { $kind ->
        [parameter] parameter
        [table] table
        [list] list
        [indicators] indicators
       *[other] { $kind }
    } { $name }
html-assumptions = Assumptions
html-assumptions-intro = The total rests on { $count } assumed rule { $count ->
        [one] item
       *[other] items
    }, for want of a public official text. Each is listed with the share of the total that depends on it.
html-col-assumption = assumption
html-col-rule-item = rule item
html-col-share = share of the total depending on it
html-total = Total
explain-no-output = error: no output `{ $name }` in the { $year } evaluation
explain-no-output-suggest = error: no output `{ $name }` in the { $year } evaluation (did you mean `{ $suggestion }`?)
explain-stopped-at-gate = note: not eligible; the evaluation stopped at the eligibility checks
explain-how = how: { $formula }
explain-made-of = What it reads, with the values:
explain-weighs-most = What weighs most:
explain-rests-on = It rests on { $count } assumed rule { $count ->
        [one] item
       *[other] items
    }:
explain-rests-on-short = rests on { $count } assumed { $count ->
        [one] item
       *[other] items
    }
explain-more = The whole tree: --full (or --depth N); each step's breakdown and source: add --details.
explain-not-evaluated = { $name } (not evaluated)
explain-read-parameter = { $label } (parameter `{ $name }`) = { $value } [{ $status }]
explain-read-input = input { $name } = { $value } (case file)
explain-read-table = { $label } (table `{ $name }`) [{ $status }]
explain-read-list = { $label } (list `{ $name }`) [{ $status }]
explain-read-indicators = { $label } (indicators `{ $name }`) [{ $status }]
explain-read-dataset = dataset { $name }: { $shown } { $rows ->
        [one] row
       *[other] rows
    }
explain-reference = reference: { $reference }
explain-breakdown-hidden = { $count } { $count ->
        [one] line
       *[other] lines
    } of breakdown: --details
explain-above = explained above
explain-not-opened = not opened: raise --depth
explain-rows = { $shown } { $count ->
        [one] row
       *[other] rows
    }
report-bar-label-not-a-bar = `[result.bar_labels]` names `{ $name }`, which is not a bar of `[result] waterfall`
# -- end reports --
