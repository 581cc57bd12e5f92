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

rules-toml-invalid = invalid TOML: { $reason }
rules-wrong-type = { $what } must be { $expected }, found { $found }
rules-type-string = a string
rules-type-integer = an integer
rules-type-decimal = a decimal number
rules-type-boolean = a boolean
rules-type-date = a date
rules-type-array = an array
rules-type-table = a table
rules-type-true-or-false = true or false
rules-missing-key = { $what } has no `{ $key }`
rules-key-of = `{ $key }` of { $what }
rules-item-of-key = an item of `{ $key }`
rules-did-you-mean = did you mean `{ $name }`?
rules-known-keys = known keys: { $keys }
rules-unknown-key = unknown key `{ $key }` in { $what }
rules-out-of-range = { $what } is out of range
rules-decimal-as-string = write it as a string, e.g. "0.20"
rules-not-decimal = { $what } is not a decimal number: `{ $text }`
rules-decimal-point = use a point as decimal separator, e.g. "1234.56"
rules-not-calendar-date = { $what } is not a calendar date
rules-date-unquoted = write a TOML date without quotes, e.g. 2025-01-31
rules-date = { $iso }
rules-one-of = one of { $choices }
rules-what-parameter = parameter `{ $name }`
rules-value-and-values = { $what } has both `value` and `values`: keep one
rules-give-value = give `value = ...`, or `values = [{"{"} from = AAAA-MM-JJ, value = ... {"}"}]` for dated values
rules-once-not-date = { $what } has `once = true` but is not a date
rules-once-hint = `once` marks a date that happens once, which a new year keeps instead of moving it
rules-what-dated-value = a dated value of { $what }
rules-dated-value-outside = dated value of { $what } starts on { $from }, outside the period { $start } – { $end }
rules-only-own-period = a rulebook holds only what is in force during its own period
rules-dated-values-order = dated values of { $what } must be in increasing order of `from` ({ $from } after { $previous })
rules-values-empty = `values` of { $what } is empty
rules-dated-values-gap = dated values of { $what } start on { $from }, leaving { $start } – { $end } without a value
rules-first-value-start = let the first value start on { $start }
rules-what-section = section `{ $name }`
rules-what-input = input `{ $section }.{ $name }`
rules-what-field = field `{ $name }`
rules-role-not-text = { $what } has a role but is not a text: a case is named and identified by a text
rules-no-default = { $what } cannot have a default
rules-reference-empty = `reference` of { $what } is empty
rules-unknown-status = unknown status `{ $status }`
rules-unknown-choice = unknown { $key } `{ $value }`
rules-what-indicator-set = indicator set `{ $name }`
rules-what-indicator = an indicator of `{ $set }`
rules-weight-negative = the weight of { $what } is negative
rules-weights-zero = the weights of indicator set `{ $set }` add up to zero
rules-weights-not-one = the weights of indicator set `{ $set }` add up to { $total }, not 1
rules-weights-share = { $weights }: each weight is the indicator's share of the score, so they add up to 1
rules-what-list = list `{ $name }`
rules-what-list-attribute = an attribute of list `{ $list }`
rules-what-list-item = an item of list `{ $list }`
rules-code-and-pattern = { $what } has both `code` and `pattern`: keep one
rules-pattern-invalid = the pattern `{ $pattern }` does not compile: { $reason }
rules-list-code-twice = { $kind ->
        [pattern] pattern
       *[code] code
    } `{ $code }` appears twice in list `{ $list }` over the same dates
rules-list-code-twice-hint = give each version of a { $kind ->
        [pattern] pattern
       *[code] code
    } `from`/`to` dates that do not overlap
rules-label-open-brace = `{"{"}` opens no `{"{"}name{"}"}`: a name is letters, digits and `_`, closed by `{"}"}`
rules-label-close-brace = `{"}"}` closes nothing
rules-what-table = table `{ $name }`
rules-what-item-of-list = item `{ $code }` of list `{ $list }`
rules-what-indicator-named = indicator `{ $name }`
rules-what-event = event `{ $name }`
rules-what-step = step `{ $name }`
rules-what-check-of-step = check `{ $check }` of step `{ $step }`
rules-what-class-of-step = class `{ $class }` of step `{ $step }`
rules-label-brace = the label of { $what }: { $reason }
rules-label-brace-hint = `{"{"}name{"}"}` shows the value of parameter `name`; write `{"{{"}` or `{"}}"}` for a brace
rules-label-names-parameter = a label shows the value of a parameter: `{"{"}name{"}"}` names one
rules-label-unknown-name = the label of { $what } shows `{"{"}{ $name }{"}"}`, which is no parameter
rules-label-number = the label of { $what } writes out `{ $number }`, the value of parameter `{ $parameter }`, which the step reads
rules-label-number-hint = write `{"{"}{ $parameter }{"}"}` instead: the label then shows the parameter's value ({ $value }) and stays true when it changes
rules-what-key-column = a key column of table `{ $table }`
rules-what-value-column = a value column of table `{ $table }`
rules-what-row = a row of table `{ $table }`
rules-table-no-rows = table `{ $table }` has no rows
rules-not-interval = `{ $text }` is not an interval
rules-interval-example = write e.g. "[0, )"
rules-enum-needs-values = enum key `{ $key }` needs `values`
rules-star-any-value = write "*" for any value
rules-not-interval-for-key = `{ $text }` is not an interval for key `{ $key }`
rules-interval-examples = write "[0, 16)", "[80, )", "2" or "*"
rules-not-key-value = `{ $text }` is not a value of key `{ $key }`
rules-one-of-or-star = one of { $choices }, or "*"
rules-key-cannot-be = key `{ $key }` cannot be { $found }
rules-table-too-many-combinations = table `{ $table }` cuts its keys into { $total } combinations, more than 1,000,000
rules-table-gap = table `{ $table }` has no row for: { $gaps }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
rules-table-gap-hint = add rows, or widen a neighbouring row's interval
rules-table-overlap = rows of table `{ $table }` overlap: this row and the one on line { $line } both cover { $combination }
rules-table-overlap-hint = make the intervals half-open, e.g. "[0, 16)" then "[16, 25)"
rules-what-a-step = a step
rules-no-mechanism = { $what } has no mechanism
rules-give-one-of = give one of { $choices }
rules-several-mechanisms = { $what } has several mechanisms ({ $mechanisms }): keep one
rules-rounding-step-positive = a rounding step must be positive
rules-what-key = key `{ $name }`
rules-aggregate-no-operation = the aggregate of { $what } needs `sum`, `count`, `min` or `max`
rules-aggregate-operations = `sum = "EXPR"`, `count = true`, `min = "EXPR"` or `max = "EXPR"`
rules-aggregate-several-operations = the aggregate of { $what } has several operations ({ $operations }): keep one
rules-round-rows-sum-only = `round_rows` rounds the rows of a sum: only a sum adds rounded rows
rules-what-a-class = a class
rules-no-classes = the classification of { $what } has no classes
rules-not-a-function = `{ $text }` does not name a function
rules-function-example = write "file.rhai::function"
rules-what-a-check = a check
rules-in = in { $what }: { $reason }
rules-describe-where = {" "}where { $condition }
rules-describe-filter = rows of { $dataset }{ $filter }
rules-describe-lookup-rows = sum over the rows of { $dataset } of { $cell }
rules-describe-by = , by { $expr }
rules-describe-rows-rounded = , each row rounded to { $step } ({ $mode }) before the sum
rules-describe-count = count of { $dataset }{ $filter }{ $by }
rules-describe-aggregate = { $op } of { $expr } over { $dataset }{ $filter }{ $by }{ $rounded }
rules-describe-derive = for each row of { $dataset }: { $value }
rules-describe-classify = each row of { $dataset } by list { $list } (code { $code } on { $date }): { $classes }
rules-describe-class = { $class } if { $condition }
rules-describe-next-class = { $previous }; else { $class } if { $condition }
rules-describe-score = weighted attainment of the indicators of { $set }
rules-path-escapes-folder = path `{ $path }` leaves the folder { $folder }
rules-path-escapes = path `{ $path }` leaves the folder
rules-cannot-read = cannot read { $file }: { $reason }
rules-not-utf8 = { $file } is not valid UTF-8
rules-io-not-found = no such file or directory
rules-io-permission-denied = permission denied
rules-io-is-directory = it is a directory
rules-no-folder = no folder to read it from
rules-no-such-file = no such file
rules-advance-no-share-nor-amount = advance `{ $name }` has neither `share` nor `amount`
rules-advance-what = an advance is a share of an estimate (`share` and `estimate`) or a step's value (`amount`)
rules-advance-no-estimate = advance `{ $name }` has a `share` but no `estimate`
rules-advance-estimate-hint = name where the estimate comes from, e.g. estimate = ["section.input", "step"]
rules-share-between-0-1 = the share of event `{ $name }` must lie between 0 and 1
rules-between-1-and = { $what } must lie between 1 and { $max }
rules-not-day-of-year = `{ $text }` is not a day of the year
rules-day-of-year-hint = write month and day as MM-DD, e.g. "05-01" for the first of May
rules-easter-offset = an offset from Easter must lie within a year (-366 to 366 days)
rules-what-weight = the weight of `{ $name }`
rules-weight-between-0-1 = the weight of `{ $name }` must lie between 0 and 1
rules-weights-over-one = the weights of { $what } add up to { $total }, more than 1
rules-deposit-not-first-day = deposit rule `{ $name }` starts on { $date }, not on the first day of a month
rules-deposit-whole-months = its periods are whole months: its `date` is the first day of the first one
rules-month = { $iso }
rules-deposit-no-deadline = { $month } has fewer than { $days } working days: deposit rule `{ $name }` has no deadline there
rules-advance-amount-not-rebased = advance `{ $name }` pays an amount, not a share of the estimate: entries and exits do not re-base it
rules-advance-amount-not-rebased-hint = write it as a share (`share` and `estimate`) for the re-basing to apply, or settle the difference with the balance
rules-advance-shares-over-one = the shares of the advances add up to { $total }, more than 1
rules-advance-shares-hint = advances are shares of one annual estimate
rules-several-balances = the calendar has more than one balance
rules-several-balances-hint = the balance is the final amount less every payment: there is one
rules-event-no-step = `{ $key }` of event `{ $event }` names `{ $name }`, which is no step
rules-event-step-not-eur = `{ $key }` of event `{ $event }` names step `{ $name }`, whose unit is { $unit }, not EUR
rules-event-no-input = `{ $key }` of event `{ $event }` names `{ $name }`, which is no case input
rules-case-inputs-written = case inputs are written `section.name`, as the inputs file declares them
rules-event-input-not-eur = `{ $key }` of event `{ $event }` names input `{ $name }`, which is not an amount in EUR
rules-event-input-not-records = `received` of event `{ $event }` names input `{ $name }`, which is not a list of records
rules-records-no-field = the records of `{ $input }` have no field `{ $field }` of unit { $unit }
rules-its-fields = its fields: { $fields }
rules-event-no-dataset = `dataset` of event `{ $event }` names `{ $name }`, which is no dataset
rules-event-no-column = `{ $key }` of event `{ $event }` names column `{ $column }`, which dataset `{ $dataset }` does not have
rules-event-column-kind = `{ $key }` of event `{ $event }` names column `{ $column }`, a { $kind } column, where a { $needed } column is needed
rules-did-you-mean-parameter = did you mean parameter `{ $name }`?
rules-saturday-hint = name a parameter of unit `bool`: true when Saturday is a working day
rules-saturday-no-parameter = `saturday` of event `{ $event }` names `{ $name }`, which is no parameter
rules-saturday-not-bool = `saturday` of event `{ $event }` names parameter `{ $name }`, whose unit is { $unit }, not bool
rules-weekend-saturday = `weekend` of event `{ $event }` lists saturday, but parameter `{ $name }` says Saturday is a working day
rules-weekend-saturday-hint = leave Saturday out of `weekend`: the parameter decides
rules-event-twice = calendar event `{ $name }` is defined twice
rules-event-expr-kind = `{ $key }` of event `{ $event }` must be a { $needed }, this is a { $kind }
rules-in-event = in `{ $key }` of event `{ $event }`: { $reason }
rules-link-names-fields = a link names fields of the norm it refers to
rules-norm-no-field = norm `{ $norm }` v{ $version } has no field `{ $field }`
rules-field-not-text = field `{ $field }` of norm `{ $norm }` holds no codes: it is not text
rules-no-list = no list `{ $name }` in the rulebook
rules-code-not-in-catalogue = code `{ $code }` of list `{ $list }` is not in catalogue `{ $catalogue }`
rules-code-not-in-catalogue-hint = every code the rulebook lists must exist: add it to the catalogue, or correct it in the list
rules-script-no-function = script `{ $script }` has no function `{ $function }`
rules-in-formula = in the formula of step `{ $step }`: { $reason }
rules-formula-unknown-function = in the formula of step `{ $step }`: unknown function `{ $name }`
rules-script-not-listed = step `{ $step }` calls script `{ $script }`, which `[files] scripts` does not list
rules-formula-reads = the formula of step `{ $step }` reads `{ $name }`: { $reason }
rules-function-parameters-hint = a function's parameters name the outputs, parameters and inputs it reads
rules-expr-kind = { $what } must be a { $needed }, this is a { $kind }
rules-part = { $part ->
        [condition] the condition
        [grouping] the grouping
        [value] the value
        [sum] the sum
        [min] the min
        [max] the max
        [code] the code
       *[date] the date
    }
rules-part-of-step = { $part } of step `{ $step }`
rules-min-max-unit = step `{ $step }` takes the { $op } of values: its unit must be a number or a date
rules-unknown-table = unknown table `{ $name }`
rules-table-no-column = table `{ $table }` has no column `{ $column }`
rules-table-several-columns = table `{ $table }` has several columns: say which with `column`
rules-step-no-key-value = step `{ $step }` gives no value for key `{ $key }` of table `{ $table }`
rules-table-no-key = table `{ $table }` has no key `{ $key }`
rules-unknown-list = unknown list `{ $name }`
rules-what-class = class `{ $name }`
rules-what-check = check `{ $name }`
rules-unknown-indicator-set = unknown indicator set `{ $name }`
rules-indicator-reads = indicator `{ $indicator }` reads `{ $name }`, which is no numeric input, parameter or step
rules-result-no-step = `[result]` names step `{ $name }`, which does not exist
rules-gate-not-checks = the gate `{ $name }` must be a `checks` step
rules-waterfall-starts-with-level = `[result] waterfall` must start with a level, not an addition
rules-steps-cycle = steps depend on each other in a cycle: { $cycle }
rules-steps-cycle-hint = a step can only read steps that do not read it back
rules-input-norm-not-listed = input `{ $section }.{ $name }` reads norm `{ $norm }`, which `rulebook.toml` does not list under `[norms]`
rules-norm-unread = norm `{ $norm }` is listed but no input reads it
rules-name-taken = { $kind } `{ $name }` has the name of something defined at { $previous }
rules-one-namespace = names of parameters, inputs, datasets and steps share one namespace
rules-built-in = (built in)
rules-money-no-rounding = step `{ $step }` is an amount in EUR with no rounding
rules-money-no-rounding-hint = add `round = {"{"} step = "0.01", mode = "half-up" {"}"}`, `round = "none"`, or `[defaults] money_rounding` in rulebook.toml
rules-step-no-unit = step `{ $step }` has no `unit`
rules-folder-starts-with-manifest = a rulebook folder starts with a `rulebook.toml`
rules-period-ends-before-start = the period ends before it starts
rules-reference-date-outside = the reference date { $date } is outside the period { $start } – { $end }
rules-what-norm-version = the version of norm `{ $norm }`
rules-what-norm = norm `{ $norm }`
rules-what-codes = the codes of `{ $norm }.{ $field }`
rules-codes-no-list = the codes of `{ $norm }.{ $field }` name no list
rules-codes-no-list-hint = give `catalogue` (every code that exists: outside it, an error) and/or `list` (the rulebook's list: outside it, a warning when the code is in the catalogue)
rules-unlisted-needs-both = `unlisted` of `{ $norm }.{ $field }` says what a code of the catalogue outside the list is: it needs both
rules-manifest-lists-file = `rulebook.toml` lists `{ $path }` under `[files] { $kind }`
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

## Command-line help (--help): help-<command>, help-<command>--<option>; help--<option> holds for every command
# -- begin help --
help = A rules engine for remunerations written as yearly rulebooks: compute, explain, schedule and check them
help--lang = Language of what peps writes for people: fr (default) or en
help-compute = The amount of one case for a year, component by component (or of every case of a folder)
help-compute--year = The year whose rulebook applies
help--rules = Folder of the yearly rulebooks (default: the repository's `rules/`)
help--norms = Folder of the exchange norms (default: the scheme's own `norms/`, then the repository's)
help--scheme = A scheme shipped beside the default one: `--scheme capitation` reads `rules/capitation/`
help-compute--format = Output format
help-compute--locale = Number style: fr (58 420,57 €, the default) or plain (58420.57)
help--allow_outside_paths = Let data paths in the case file leave the case folder
help-compute--keep_dates = Keep the case's dates: by default data of another year are brought into the rules' year
help--manifest = Write the run's manifest (engine version, rulebook, norm and input SHA-256) to this file
help-compute--force = Replace an existing output file
help-compute--threads = With a folder of case folders: threads to use (0: one per core)
help-compute--timings = With a folder of case folders: print where the time went on stderr
help-compute--outputs = With a folder of case folders: also give these outputs for each case, by name (`--outputs total,bonus`), or every output (`--outputs all`)
help-compute--case = The case folder (its case file and data files), or a folder of case folders: then one row per case and the totals
help-docs = A year's rulebook as a readable document (Markdown and HTML)
help-docs--year = The year whose rulebook is documented
help-docs--out = Folder to write rules-<year>.md and rules-<year>.html into (default: Markdown on stdout)
help-docs--force = Replace documents already in the folder
help-explain = Why a figure is what it is: the answer first, then the tree of the computation down to its inputs
help-explain--year = The year whose rulebook applies
help-explain--depth = Instead of the summary, the tree of earlier outputs, opened this many levels deep (0: only the output itself)
help-explain--full = Instead of the summary, the whole tree down to the inputs
help-explain--details = In the tree, also each output's breakdown (table cells hit, groups, classes) and its Rhai source
help-explain--format = Output format
help-explain--locale = Number style: fr (the default) or plain
help-explain--keep_dates = Keep the case's dates: by default data of another year are brought into the rules' year
help-explain--force = Replace an existing output file
help-explain--case = The case folder
help-explain--output = The output to explain (default: the total)
help-impact = The same case under two years: each output's delta and its causes
help-impact--from = The earlier year (with --to): what changed from one year to the next
help-impact--to = The later year (with --from)
help-impact--year = The year of a draft (with --rules DRAFT): what the draft costs against the shipped rules
help-impact--baseline_rules = With --year: the rules the draft is compared with (default: the repository's `rules/`)
help-impact--format = Output format
help-impact--locale = Number style: fr (the default) or plain
help-impact--keep_dates = Keep the case's dates: by default data of another year are brought into the rules' year
help-impact--force = Replace an existing output file
help-impact--threads = With several cases: threads to use (0: one per core)
help-impact--cases = The case folders, or folders of case folders
help-rules = Check, compare and start yearly rulebooks
help-rules-check = Load rulebooks and norms strictly and report every diagnostic, with coverage in time
help-rules-check--years = The years to check (default: every year under the rules folder)
help-rules-check--format = Output format of the summary (diagnostics always go to stderr)
help-rules-diff = What changed between two years, value by value, with the new references
help-rules-diff--from = The earlier year
help-rules-diff--to = The later year
help-rules-diff--format = Output format
help-rules-new-year = Start year YEAR from year --from: dates moved, carried values marked, checked
help-rules-new-year--year = The year to create
help-rules-new-year--from = The year to start from
help-rules-new-year--force = Replace the year if it already exists
help-rules-draft = Copy year YEAR to DIR/YEAR, anywhere, to edit and try it (editors still find the schemas)
help-rules-draft--year = The year to copy
help-rules-draft--dir = Where to write the draft: the year's files go to DIR/YEAR, so that DIR is a rules folder (`--rules DIR`) for the other commands
help-rules-draft--force = Replace DIR/YEAR if it already exists
help-rules-schema = Write the JSON Schemas of the rule, norm and test files, for editors (`--check` compares)
help-rules-schema--out = The folder to write the schemas to (default: the repository's `schemas/`)
help-rules-schema--check = Write nothing: exit 1 if a schema of the folder is missing, out of date or unknown
help-rules-matrix = Cases under every year side by side, their data brought into each year
help-rules-matrix--keep_dates = Keep each case's dates (by default its data are brought into each year)
help-rules-matrix--cases = The case folders
help-rules-regress = Every example under every year against the blessed results in snapshots/ (`--accept` blesses)
help-rules-regress--examples = Folder of the example cases (default: the repository's `examples/`)
help-rules-regress--snapshots = Folder of the blessed snapshots (default: the repository's `snapshots/`)
help-rules-regress--accept = Rewrite the snapshots with the new results: they become the reference
help-rules-regress--format = Output format
help-schedule = Payments over time: advances, regularisations, balance and deposit deadlines
help-schedule--year = The year whose rulebook and calendar apply
help-schedule--format = Output format
help-schedule--locale = Number and date style of the table: fr (the default) or plain
help-schedule--keep_dates = Keep the case's dates: by default data of another year are brought into the rules' year
help-schedule--case = The case folder (its case file and data files)
help-synth = Generate a synthetic case (never real data)
help-synth--profile = Preset profile: malakoff_like, small_msp or ineligible
help-synth--seed = Seed of the generator: the same seed (and year) gives byte-identical files
help-synth--year = Year of the data, to compute with `peps compute --year` of the same year: patient list at 31 December, acts inside the year, IK table of the year before
help-synth--patients = Number of patients (default: the profile's; with --teams, of the whole nation, default 2,000 per team)
help-synth--teams = Write a nation of this many synthetic teams, one case folder each (`equipe_00001`, ...), with varied sizes, structures and mixes; --profile is not used then
help-synth--threads = With --teams: threads to use (0: one per core); the files do not depend on it
help-synth--out = Folder to write the case into (created if needed)
help-test = Run declarative test cases: a case written in TOML, the outputs expected
help-test--paths = Case files, or folders of case files (default: tests/cases)
help-test--keep = Also write each generated case folder under DIR (DIR/<case>-<year>), to open it with `peps compute` or `peps explain`
help-validate = Check exchange files against their norm before they are deposited
help-validate--files = The files to check
help-validate--norm = The norm to check against (default: the one whose file-name pattern the name follows, else the one whose columns the first line names)
help-validate--year = The year whose rulebook gives the norm's version and code lists (default: the year in which the period of the file name starts)
help-validate--format = Report format
help-validate--rejects = Write every rejected row in the header's columns, identifiers masked (unless --show-identifiers), with its line and reasons, to PATH (one FILE only); a row of another width is written whole in the first column
help-validate--force = Replace the rejects file if it exists
help-validate--show_identifiers = Show patient identifiers in the report and the rejects file (masked by default)
help-validate--max_examples = Problems shown per code (default: 5 in a table, all in JSON)
help-validate--deposit_date = The day the files are deposited (JJ/MM/AAAA or AAAA-MM-JJ): warns about data deposited after its deadline, and about days no deposit period of the year's calendar covers
# -- end help --
