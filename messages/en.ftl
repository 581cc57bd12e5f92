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
rules-value-out-of-range = { $what } is { $value }, outside its allowed range [{ $min }, { $max }]
rules-rate-as-percent-hint = a rate is written as a fraction: write { $rate } for { $value } % (or declare `min` and `max` if the value may really exceed 1)
rules-range-hint = correct the value, or the parameter's `min` and `max` if they are too narrow
rules-target-hint = a target is a rate between 0 and 1
rules-target-as-percent-hint = a target is a rate between 0 and 1: write { $rate } for { $value } %
rules-bound-not-number = { $what }: `min` and `max` apply to a number only
rules-result-component-missing = the total `{ $total }` reads `{ $step }`, which is missing from the components of `[result]`
rules-result-component-unread = the component `{ $step }` of `[result]` is not read by the total `{ $total }`
rules-result-components-hint = the components are what the total adds up: give `components` exactly the steps its formula reads
rules-definition-typo = `{ $written }` is defined in { $file } but read nowhere, and `{ $read }` is read but never defined: a likely typo in the definition
rules-definition-typo-hint = rename `{ $written }` to `{ $read }` where it is defined (the errors below follow from it)
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
# issue 26, item 2 (explain): a step's explanation written in the rules
rules-what-explanation-value = value `{ $name }` of the explanation
rules-what-explanation-case = a sentence of the explanation's `cases`
rules-what-explanation-when = the explanation's `when` condition
rules-explanation-text-or-cases = { $what }: give `text` (one sentence) or `cases` (sentences chosen by `when`)
rules-explanation-text-or-cases-hint = `explanation = "…"` is enough for one sentence; `explanation.cases`, a list of sentences each under a `when` condition, chooses the sentence by the values
rules-explanation-expression-hint = an explanation computes in the language of the steps' conditions (`+`, `-`, `*`, `/`, `min`, `max`, `if`, comparisons), over what the step reads
rules-explanation-value-taken = the explanation of step `{ $step }` defines value `{ $name }`, already a name the step reads
rules-explanation-value-taken-hint = give the explanation's value another name
rules-explanation-unreachable = the explanation of step `{ $step }` has a sentence without `when` before others: those after it are never said
rules-explanation-unreachable-hint = the sentence without `when` comes last: it is said when no condition holds
rules-explanation-no-default = the explanation of step `{ $step }` says nothing when none of its `when` conditions holds
rules-explanation-no-default-hint = end `cases` with a sentence without `when`, said when no condition holds
rules-explanation-brace = the explanation of step `{ $step }`: { $reason }
rules-explanation-unknown-name = the explanation of step `{ $step }` names `{ $name }`, which the step does not read
rules-explanation-not-read-hint = `{ $name }` exists, but the step does not read it: an explanation shows what the step reads ({ $names }), its own value and its `values`
rules-explanation-names-hint = an explanation names what the step reads ({ $names }), its own value or one of its `values`
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
rules-describe-derive = for each row of { $dataset }{ $by }: { $value }
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
# issue 27, item 8 (capitation: a re-basing measure computed per member)
rules-rebase-measure = { $step ->
    [true] measure `{ $name }` of event `{ $event }` is a step that does not compute a number per member (a `derive` step with a `key`)
   *[other] measure `{ $name }` of event `{ $event }` is neither a column of dataset `{ $dataset }` nor a step
}
rules-rebase-measure-dataset = measure `{ $name }` of event `{ $event }` is computed per member of `{ $of }`, not of `{ $dataset }`: its keys do not name the members re-based
rules-rebase-measure-hint = name a number column of `{ $dataset }`, or a step `derive = {"{"} dataset = …, value = …, key = … {"}"}` over `{ $dataset }` (or a view of it) whose key is the re-basing's `id`
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
        [key] the key
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

# issue 23, part privacy: paths, identifiers, diagnostics
rules-path-link-escapes = path `{ $path }` leads outside the folder { $folder } through a symbolic link: the file is not read
rules-path-escape-hint = a rule file stays inside its folder: copy it into the folder, or point the link to a file of the folder
rules-case-file-outside = `case_file` (`{ $path }`) must name a file inside the case folder: the path leaves the folder
rules-case-file-outside-hint = write a file name relative to the case folder, with no `..` and no absolute path (`case_file = "team.toml"`)
# -- end rules --


## Data: cases, norms, validation, schedule, comparisons (engine/src/data, validate, schedule, compare, value)
# -- begin data --

data-did-you-mean = did you mean `{ $name }`?
data-field-pattern-invalid = its pattern does not compile: { $reason }
data-value-below-min = below the minimum { $min }
data-value-above-max = above the maximum { $max }
data-value-not-integer = not an integer
data-value-not-decimal = not a decimal number written with `{ $sep }`
data-value-decimal-separator-hint = the norm writes decimals with `{ $sep }`, not `{ $other }`
data-value-not-date = not a date written { $format }
data-value-no-such-day = not a real calendar date (no such day)
data-value-not-bool = not one of { $yes } (yes) or { $no } (no)
data-value-length-exactly = { $count } { $count ->
        [one] character
       *[other] characters
    }, the norm wants exactly { $want }
data-value-length-at-most = { $count } { $count ->
        [one] character
       *[other] characters
    }, the norm wants at most { $want }
data-value-length-at-least = { $count } { $count ->
        [one] character
       *[other] characters
    }, the norm wants at least { $want }
data-value-length-between = { $count } { $count ->
        [one] character
       *[other] characters
    }, the norm wants { $min } to { $max }
data-value-pattern = not of the form the norm gives (pattern `{ $pattern }`)
data-value-pattern-for = not of the form the norm gives for { $label } (pattern `{ $pattern }`)
data-value-checksum-wrong = wrong { $key }
data-value-checksum-expected = the key of this number would be { $key }
data-value-checksum-unreadable = the { $key } cannot be computed: the value is not of the expected form
data-value-not-allowed = not one of { $values }
data-value-surrounding-spaces = spaces before or after the value
data-value-required = required and empty
data-value-not-utf8 = not valid UTF-8 (byte { $byte } at position { $position })
data-value-not-utf8-hint = save the file as UTF-8 (this value looks like Windows-1252)
data-value-utf8-in-windows-1252 = this value reads as UTF-8 text, but the norm declares windows-1252
data-value-utf8-in-windows-1252-hint = save the file as Windows-1252, or accented letters will be garbled
data-and = { $left } and { $right }
data-comma = { $left }, { $right }
data-binary-zip = a zip archive (an xlsx or ods spreadsheet?)
data-binary-office = an old Office document (an xls spreadsheet?)
data-binary-nul = binary data (it holds NUL bytes; UTF-16 text without a byte-order mark?)
data-file-not-text = the file is { $what }, not delimited text
data-file-save-as-csv = save it as CSV, separated by { $separator }
data-separator-tabs = tabs
data-check-fails-hint = check { $fields } on this row and correct the wrong value; the row is kept
data-check-invalid = check "{ $label }": `{ $condition }`: { $message }
data-check-invalid-hint = a check names columns of the norm and says what must hold, e.g. substr(NIR, 1, 1) == '1'
data-check-unknown-list = the codes of field `{ $field }` are checked against list `{ $list }`, which is not among the lists given
data-code-catalogue-other-dates = the catalogue has this code at other dates than { $date }
data-code-list-other-dates = the list has this code at other dates than { $date }
data-code-not-in-catalogue = not in catalogue `{ $list }`
data-code-not-in-catalogue-on = not in catalogue `{ $list }` on { $date }
data-code-not-in-list = not in list `{ $list }`
data-code-not-in-list-on = not in list `{ $list }` on { $date }
data-condition-not-bool = a condition must be true or false, this is a { $kind }
data-date-format-invalid = { $key } `{ $format }` is not a strftime date format
data-file-bom-in-windows-1252 = the file starts with a UTF-8 byte-order mark, but the norm declares windows-1252
data-file-empty = the file is empty: no header, no rows
data-file-lone-cr = lines end with a lone carriage return: the rows cannot be told apart
data-file-lone-cr-hint = save the file with Windows (CR LF) or Unix (LF) line endings
data-file-name-bad-start = the start of the period is not a real date written { $format }
data-file-name-bad-end = the end of the period is not a real date written { $format }
data-file-name-case = the file name differs from the pattern `{ $pattern }` in letter case
data-file-name-pattern = the file name does not follow the pattern `{ $pattern }`
data-file-name-pattern-invalid = the file-name pattern `{ $pattern }` does not compile: { $reason }
data-file-name-period-hint = {"{start}"} and {"{end}"} are the period's dates written { $format }; without them, row dates are not checked against a period
data-file-name-period-reversed = the period starts after it ends
data-period = { $start } to { $end }
data-file-name-rename-hint = rename the file as the norm says
data-file-no-rows = the file has a header but no rows
data-file-save-as = save the file as { $encoding }
data-file-utf16 = the file is in UTF-16, which cannot be read as its norm's encoding
data-file-wrong-separator = the file is separated by { $found }, the norm wants { $wanted }
data-file-wrong-separator-hint = the rest of the file is checked with the separator it uses
data-header-column-case = column { $column } is `{ $cell }`: `{ $name }` in other letter case
data-header-column-misspelt = column { $column } is `{ $cell }`: a misspelling of `{ $name }`
data-header-column-misspelt-hint = write `{ $name }`; meanwhile the column is checked as `{ $name }`
data-header-column-order = the columns are not in the norm's order (they are read by name)
data-header-columns-in-order = the norm's columns, in order: { $columns }
data-header-norm-order = the norm's order: { $columns }
data-header-duplicate-column = column { $column } repeats column { $first }; only the first is read
data-header-missing-column = column `{ $name }` is missing
data-header-none = the first line names none of the columns of norm `{ $norm }`: it is read as data
data-header-none-hint = the first line must be the header: { $header }
data-header-unknown-column = column { $column } is `{ $cell }`, which norm `{ $norm }` does not define
data-header-unknown-column-hint = remove the column, or check the norm's version
data-in-column = column { $column }: { $message }
data-kind-bool = boolean
data-kind-date = date
data-kind-null = null
data-kind-number = number
data-kind-text = text
data-line-too-long = line { $line } is longer than { $size } MiB
data-link-at-needs-validity = a link dated `at` a field of the row needs `valid_from` and/or `valid_to` in the other norm, and the other way round
data-link-at-not-date = `at` names `{ $field }`, which is not a date field
data-link-at-unknown = `at` names field `{ $field }`, which this norm does not have
data-link-keys-count = a link pairs each of its { $fields } fields with a key: it has { $keys } keys
data-link-target-no-field = norm `{ $norm }` has no field `{ $field }` (link "{ $link }")
data-link-target-not-date = field `{ $field }` of norm `{ $norm }` is not a date (link "{ $link }")
data-link-unknown-field = the link names field `{ $field }`, which this norm does not have
data-masked-characters = [masked: { $count } characters]
data-masked-lookalike = [masked: a value shaped like { $field }]
data-norm-enum-values = enum field `{ $field }` needs `values`
data-norm-field-problem = field `{ $field }`: { $message }
data-norm-field-twice = field `{ $field }` is declared twice
data-norm-name-differs = this file is norm `{ $norm }` but says `name = "{ $declared }"`
data-norm-version-differs = this file is version { $version } but says `version = { $declared }`
data-norm-problem = norm `{ $norm }` ({ $path }): { $message }
data-norm-separator = the separator must be one ASCII character
data-norm-unreadable = norm `{ $norm }` version { $version }: { $reason }
data-norm-where = norms live in <norms>/{ $path }
data-quote-inside = a quote inside a field that does not start with one
data-quote-line-break = a quoted field holds a line break
data-quote-text-after = text after the closing quote of the field
data-quote-unclosed = a quote opened and not closed on this line; the row ends at the line's end
data-reference-unknown = { $label }: no row of `{ $norm }` has this { $fields }
data-reference-unknown-on = { $label }: no row of `{ $norm }` has this { $fields } valid on { $date }
data-required-if-hint = a condition names columns of the norm and compares them, e.g. CODE == 'K'
data-required-if-invalid = field `{ $field }`: required_if `{ $condition }`: { $message }
data-row-blank = blank line
data-row-date-not-date = field `{ $field }` is the row date but not a date
data-row-date-twice = fields `{ $first }` and `{ $second }` are both the row date
data-row-duplicate = the same row as row { $first }
data-row-duplicate-allowed-hint = kept: the norm allows identical rows; delete one if it was entered twice
data-row-outside-period = outside the period of the file name, { $start } to { $end }
data-row-width = { $count } fields, the header has { $header }
data-row-width-hint = a separator too many or too few; the row's fields are not checked
data-value-required-if = required when { $condition }, and empty
data-value-unlisted = { $message }: { $meaning }
data-suggest-parameter = did you mean parameter `{ $name }`?
data-suggest-input = did you mean input `{ $name }`?
data-suggest-step = did you mean step `{ $name }`?
data-suggest-builtin = did you mean built-in `{ $name }`?
data-suggest-column = did you mean column `{ $name }`?
data-suggest-function = did you mean function `{ $name }`?
data-expr-after-complete = unexpected `{ $token }` after a complete expression
data-expr-cannot-apply = cannot apply `{ $op }` to { $left } and { $right }
data-expr-cannot-look-up = cannot look a { $kind } up among { $among } values
data-expr-cannot-take = `{ $name }` cannot take ({ $kinds })
data-expr-date-literal = date() takes one text literal, e.g. date('2025-12-31')
data-expr-division-by-zero = division of { $number } by zero
data-expr-empty = empty expression
data-expr-end = end of expression
data-expr-ends-early = the expression ends too early
data-expr-exists-needs-condition = the condition of `exists` must be a condition
data-expr-expected = expected `{ $expected }`, found `{ $found }`
data-expr-expected-name = expected a name
data-expr-found-kind = { $message }, found a { $kind }
data-expr-functions = functions: { $names }
data-expr-grouped-read-as-total = `{ $name }` is a value per group (by { $key }): over rows, the name alone would silently be the total of every group; read the row's own group with `{ $name }(…)`, e.g. `{ $name }({ $key })`
data-expr-keyed-one-key = `{ $name }(…)` takes one key, the group whose value it reads
data-expr-member-in-condition = `{ $name }.…`: a condition names columns of the row, not members
data-expr-member-of-scalar = `{ $name }.{ $member }`: only the classes of a `classify` step on these rows have members
data-expr-minus-needs-number = `-` applies to a number
data-expr-nested-exists = `exists` cannot be nested
data-expr-no-attribute = list `{ $list }` has no attribute `{ $attribute }` (it has { $available })
data-expr-no-column = `{ $view }` has no column `{ $column }`
data-expr-no-member = `{ $name }` has no member `{ $member }`
data-expr-not-a-column = `{ $name }` is not a column of norm `{ $norm }`
data-expr-not-a-column-suggested = `{ $name }` is not a column of norm `{ $norm }` (did you mean `{ $suggestion }`?)
data-expr-not-a-number = `{ $text }` is not a number
data-expr-not-grouped = `{ $name }(…)` reads a value by group, but step `{ $name }` has no `group_by`
data-expr-not-in-condition = `{ $what }` is not available in a norm's condition
data-expr-not-iso-date = `{ $text }` is not a date written AAAA-MM-JJ
data-expr-not-needs-condition = `!` applies to a condition
data-expr-overflow = arithmetic overflow in { $left } { $op } { $right }
data-expr-per-row-elsewhere = `{ $name }` is a value per row of `{ $dataset }`: read it in an expression over rows of `{ $dataset }`, or aggregate it (e.g. by group) to read it elsewhere
data-expr-rows-in-calendar = `{ $name }` reads rows of data: the calendar reads parameters, case inputs and steps
data-expr-self-reference = step `{ $name }` cannot read itself
data-expr-unexpected = unexpected `{ $token }`
data-expr-unexpected-and-or = unexpected character `{ $char }` (write `{ $char }{ $char }`)
data-expr-unexpected-character = unexpected character `{ $char }`
data-expr-unexpected-equals = unexpected character `=` (write `==` to compare)
data-expr-unknown-function = unknown function `{ $name }`
data-expr-unknown-list = unknown list `{ $name }`
data-expr-unknown-name = unknown name `{ $name }`
data-expr-unknown-name-suggested = unknown name `{ $name }` ({ $suggestion })
data-expr-unknown-view = unknown dataset or filter `{ $name }`
data-expr-unknown-view-suggested = unknown dataset or filter `{ $name }` (did you mean `{ $suggestion }`?)
data-expr-unterminated-text = unterminated text literal
data-open-folder = it is a folder, not a file
data-open-not-regular = it is not a regular file (a pipe, a device or a socket)
data-case-path-outside = data file `{ $file }` of `{ $input }` is outside the case folder
data-case-path-through-link = data file `{ $file }` of `{ $input }` leads outside the case folder through a symbolic link
data-case-path-hint = name a file inside the case folder, or pass --allow-outside-paths
data-cannot-read = cannot read { $file }: { $reason }
data-case-folder-hint = a case is a folder holding a `{ $file }`
data-case-file-too-large = { $file } is larger than { $bytes } bytes
data-case-file-too-large-hint = a case description holds a few values and the names of its data files, not the data itself
data-case-file-not-utf8 = { $file } is not valid UTF-8 (line { $line })
data-case-file-not-utf8-hint = save the file as UTF-8
data-case-missing-value = no `{ $name }` in section `[{ $section }]`
data-case-missing-value-hint = the rulebook needs it: { $label }
data-case-value-not-allowed = { $what } cannot be `{ $value }`
data-case-value-one-of = one of { $values }
data-case-record-of = a record of { $what }
data-deposit-not-covered = the file holds data of { $start } – { $end }, which no deposit period of the calendar covers
data-deposit-not-covered-hint = its deadline cannot be checked: check the period in the file name, or the year of the rules
data-deposit-late = deposited on { $deposited }, after the deadline of { $due } for the data of { $start } – { $end }
data-deposit-late-hint = { $label }: by working day { $day } of the month after each period
data-event-failed = event `{ $event }`: { $message }
data-event-share-range = the share of event `{ $event }` is { $share }, not between 0 and 1
data-advance-shares-sum = the shares of the advances add up to { $total }, more than 1
data-advance-shares-sum-hint = advances are shares of one annual estimate
data-advance-no-estimate = advance `{ $event }` has no estimate: none of { $sources } has a value
data-advance-no-estimate-hint = give the case the estimate, or end the list with a step the rules compute
data-removal-of = the removal of `{ $name }`
data-removal-reference-empty = the reference of the removal of `{ $name }` is empty
data-item-dropped = { $kind } `{ $name }` of { $from } is absent from { $to }
data-item-dropped-hint = carry it into the { $year } rulebook (its reference saying so), or record the removal and its reason in `{ $file }` of { $year }
data-item-renamed = { $message } (renamed `{ $name }`?)
data-removal-still-there = `{ $file }` removes { $kind } `{ $name }`, which { $year } still has
data-removal-still-there-hint = drop the entry, or the item
data-removal-unknown = `{ $file }` removes { $kind } `{ $name }`, which { $year } did not have
data-input-new-required = input `{ $input }` is new in { $year } and required, with no default
data-input-new-required-hint = cases written for { $year } lack it: give it a `default` (or make it `optional`) so that they can still be computed and compared
data-item-parameter = parameter
data-item-table = table
data-item-list = list
data-item-code = code
data-item-indicators = indicators
data-item-step = step
data-item-input = input
data-impact-method = the changed items are brought in one at a time, in a fixed order; each is credited with the change of the total it causes, and the credits add up exactly to the delta. Items that evaluate only together share one credit, carried by the new item if there is one.
data-impact-other = other differences
data-impact-other-note = the later rules differ from the items brought in by something no item names
data-impact-evaluated-together = evaluated together with { $names }: the credit is theirs jointly
data-impact-credited-jointly = credited jointly with { $name }
data-impact-not-an-input = `{ $input }` is not an input of the { $year } rules: they do not read it
data-input-one-of = one of { $values }
data-input-data-file = data file read through norm { $norm }
data-input-data-file-left-out = data file read through norm { $norm }, the rows it rejects left out
data-input-records = records of { $fields }
data-input-optional = { $summary }, optional
data-input-default = { $summary }, default { $value }
data-formula-unavailable = `{ $name }` is not available in formulas
data-formula-scope-suggested = `{ $function }` sees only its parameters and its own variables: did you mean `{ $name }`?
data-formula-scope = `{ $function }` sees only its parameters ({ $params }): add `{ $name }` to them, and the step that calls it reads it
data-formula-unknown-function = in Rhai: unknown function `{ $name }`
data-formula-functions-hint = a formula calls the functions of its script and Rhai's own (min, max, abs, ...)
data-formula-rhai = in Rhai: { $message }
data-formula-reads-hint = a formula reads only its own parameters, earlier outputs, parameters and case values
data-formula-not-a-date = `{ $text }` is not a date
data-formula-wrong-kind = the formula returned a { $found }, expected a { $expected }
data-formula-operator-after-if = an operator follows an `if … else {"{"} … {"}"}` block: Rhai ends the expression at the block, so the operator starts a new one
data-formula-operator-after-if-hint = wrap the whole `if` in parentheses: (if c {"{"} a {"}"} else {"{"} b {"}"}) + x
data-code-r100 = a rule or norm file is not valid TOML
data-code-r101 = a key that this kind of file does not define
data-code-r102 = a value of the wrong TOML type (text where a number is expected, ...)
data-code-r103 = a required key is absent
data-code-r104 = a value of the right type that is not acceptable (bad decimal, unknown status, ...)
data-code-r105 = a file named by the rulebook cannot be found
data-code-r106 = two definitions share one name
data-code-r107 = an expression or formula names something that is not defined
data-code-r108 = a Rhai script does not compile
data-code-r109 = steps depend on each other in a cycle
data-code-r110 = some combination of a table's keys is covered by no row
data-code-r111 = some combination of a table's keys is covered by several rows
data-code-r112 = a date lies outside the rulebook's period
data-code-r113 = dated values are out of order, leave a gap or do not start the period
data-code-r114 = a money output declares no rounding and the rulebook has no default
data-code-r115 = an expression combines values of incompatible types
data-code-r116 = an expression does not parse
data-code-r117 = a formula uses a construct that probably does not do what it seems to
data-code-r118 = an item of the previous year's rulebook is absent from this year's, and no `retraits.toml` entry says why
data-code-r119 = a year adds a required case input with no default: cases of the year before cannot be computed or compared (warning)
data-code-r120 = the weights of an indicator set do not add up to 1 (warning)
data-code-r121 = a label writes out a number that is the value of a parameter its step reads: it goes stale when the parameter changes (warning)
data-code-r130 = a value lies outside its allowed range: a rate between 0 and 1, or the `min` and `max` its parameter declares
data-code-r131 = the total and the components of `[result]` disagree: a step the total reads is missing from the components, or the other way round
data-code-r134 = an item defined but read nowhere is named almost like an item read but never defined: a likely typo in the definition
# issue 26, item 2 (explain)
data-code-r135 = a step's explanation names what the step does not read
data-code-r136 = a condition or value of a step's explanation is wrong, or a brace in it is
data-code-r137 = a step's explanation says nothing in some case, or one of its sentences is never said
# issue 27, item 8 (capitation: a re-basing measure computed per member)
data-code-r132 = the measure of an advance re-basing is neither a column of the dataset nor a value computed per member (a `derive` step with a `key`)
data-code-r133 = the measure of an advance re-basing is computed per member of another dataset than the re-basing's
data-code-d200 = the case description cannot be read
data-code-d201 = the case description has a key the rulebook does not declare
data-code-d202 = the case description lacks a value the rulebook requires
data-code-d203 = a value of the case description has the wrong type or form
data-code-d210 = a data file cannot be read
data-code-d215 = a data file holds a NUL byte: it is binary or UTF-16, not text in its norm's encoding
data-code-d216 = a line of a data file is longer than the reader accepts (1 MiB)
data-code-d221 = a data file mixes line endings, so row numbers may be off (warning)
data-code-d220 = a path leaves the folder it must stay in
data-code-x300 = a formula failed while it was evaluated
data-code-x301 = a formula exceeded its operation, depth or size budget
data-code-x302 = the declared components do not add up to the total
data-code-x303 = an arithmetic operation failed (division by zero, overflow)
data-code-v400 = the file name does not follow the norm's file-name pattern
data-code-v401 = the period in the file name is not a pair of real dates, start before end
data-code-v402 = bytes that are not valid in the encoding the norm declares
data-code-v403 = text that looks like another encoding than the one the norm declares (warning)
data-code-v404 = the file is not separated by the norm's separator
data-code-v405 = the file has no header line and no rows
data-code-v406 = the first line is not a header: it names none of the norm's columns
data-code-v407 = a column of the norm is absent from the header
data-code-v408 = the header has a column the norm does not define
data-code-v409 = a header column is a misspelling of a column of the norm
data-code-v410 = the header names a column twice
data-code-v411 = the columns are not in the norm's order (warning)
data-code-v412 = a row has more or fewer fields than the header
data-code-v413 = a quote out of place: inside an unquoted field, after a closing quote, or never closed
data-code-v414 = a quoted field holds a line break (warning)
data-code-v415 = a blank line among the rows
data-code-v416 = a value that is not of its field's type (integer, decimal, calendar date, ...)
data-code-v417 = a required field is empty
data-code-v418 = a field is empty although the row's condition makes it required
data-code-v419 = a value outside the field's enumerated values
data-code-v420 = a code absent from the field's code list at the row's date
data-code-v421 = a value that does not match the field's pattern
data-code-v422 = a value shorter or longer than the field allows
data-code-v423 = an identifier whose check key or check digit is wrong
data-code-v424 = a number below the field's minimum or above its maximum
data-code-v425 = the row's date lies outside the period named by the file
data-code-v426 = a row identical to an earlier row
data-code-v427 = a value with spaces before or after it (warning)
data-code-v428 = the file has a header but no rows (warning)
data-code-v429 = lines end with a lone carriage return (old Mac files): rows cannot be told apart
data-code-v430 = the file is not delimited text: a spreadsheet (xlsx, xls) or other binary data
data-code-v431 = a code of the field's catalogue that the rulebook's list lacks at the row's date (information: the rulebook says what it comes to)
data-code-v432 = a row where a check of the norm across its fields fails (warning: the norm's label says what the row contradicts)
data-code-v433 = a row whose value is found in no row of the file it refers to, at the row's date when the norm says so (warning)
data-code-v440 = the file is deposited after the deadline of a period it holds data of (warning)
data-code-v441 = the file holds data of days that no deposit period of the calendar covers, so no deadline can be checked (warning)
data-code-d230 = a national file has neither the column naming the case nor a link of its norm to a file that has it
data-code-d231 = rows of a national file belong to no case: an empty case column, or a key of a linked file that no case holds; they are not computed
data-code-d232 = a national file read as sorted has a case's rows after another case's
# batches and national runs lose no team (issue 23, part runs)
data-code-d234 = a folder of a batch of cases holds data but not the rulebook's case file, or a case of the national files has rows but no case folder in --cases
data-code-d235 = a case folder of --cases that no row of the national files names
data-code-d236 = a case's evaluation stopped on an internal error (a defect of peps): its figures are missing, the other cases are computed
data-diff-dated-from = from { $from }: { $value }
data-diff-key-integer = { $key } (integer in { $domain })
data-diff-key-range = { $key } (in { $domain })
data-diff-key-bool = { $key } (yes/no)
data-diff-table = { $rows } rows, keys { $keys }
data-diff-indicator-higher = weight { $weight }, target { $target }, higher is better, input { $input }
data-diff-indicator-lower = weight { $weight }, target { $target }, lower is better, input { $input }
data-diff-codes = { $count } codes
data-diff-indicators = { $count } indicators
data-diff-rows = { $count } rows
data-impact-year = year { $from } → { $to }
data-norm-what = norm `{ $name }`
# Keys of the norms (issue 23, part 1: keys)
data-code-r122 = a norm's key (`key`) names a field it does not have, a field twice or an optional field, names no field, or comes with `duplicate_rows = "warning"`
data-code-v434 = two rows have the same key (the fields that, as the norm says, name a row), whether they are identical or not
data-norm-key-empty = the key (`key`) names no field: remove it if the file has no natural key
data-norm-key-unknown-field = the key names field `{ $field }`, which this norm does not have
data-norm-key-field-twice = the key names field `{ $field }` twice
data-norm-key-optional = the key names field `{ $field }`, which is not required: a row where it is empty would have no key
data-norm-key-optional-hint = make the field required (`required = true`) or take it out of the key
data-norm-key-allows-duplicates = the norm has a key and allows identical rows (`duplicate_rows = "warning"`), which have the same key: remove the key if two identical rows can be two real events, else `duplicate_rows`
data-row-duplicate-key = the same key ({ $fields }) as row { $first }
data-row-duplicate-key-hint = one row per key: keep the right one of the two rows, or correct the key of the wrong one
data-row-duplicate-key-identical-hint = the two rows are identical: delete the one that was entered twice
# Issue 23, checked arithmetic: the schedule
data-schedule-overflow = an amount of the schedule at `{ $event }` overflows
data-schedule-overflow-hint = check the amounts the calendar reads (estimate, final amount, amounts received) and the advances' shares
data-impact-overflow = the difference between the two years overflows
data-impact-overflow-hint = the totals compared are too large for their difference to be written: check the parameters and data that make them
# Issue 23, Rhai as the rules mean it
data-code-r125 = a formula file holds a statement outside any function, which would never run
data-code-r126 = a formula imports a module (`import`)
data-formula-top-level = a statement outside any function: a formula file holds functions (and comments) only, and nothing else in it runs
data-formula-top-level-hint = put this computation in a function a step calls; a fixed value is a parameter (parametres.toml), with its reference
data-formula-import = `import` is not allowed in a formula
data-formula-import-hint = a formula reads only its parameters and calls only the functions of its file and Rhai's
data-expr-keyed-key-kind = `{ $name }` is grouped by keys of kind { $needed }: a key of kind { $kind } would read no group, on any row
data-expr-keyed-key-kind-hint = read `{ $name }(…)` with a key of the kind of its `group_by`

# issue 23, part privacy: paths, identifiers, diagnostics
data-code-r128 = a path named by the rules or a norm leaves its folder (through `..`, an absolute path or a symbolic link): the file is not read
data-case-file-through-link = case file `{ $file }` leaves the case folder (through its path or a symbolic link): it is not read
data-case-file-through-link-hint = the case file is a file of the case folder: copy it into the folder, or pass --allow-outside-paths
# Issue 23, part 2: rules across fields and plausible values, declared in the norm
data-code-r123 = a rule of the norm (`[[rule]]`) names a field the norm does not have
data-code-r124 = a rule or a range of the norm compares values of two kinds (a date with a number, an order on a yes/no)
data-code-v436 = a row that breaks a rule of the norm across its fields, or between a field and a constant or the file's period (the row is rejected)
data-code-v437 = a date outside the range the norm declares for its field
data-code-v438 = a number larger (in absolute value) than an evaluation can carry without overflowing
data-code-d233 = a file of the case folder that no input of the rules reads: it does not enter the computation
data-rule-unknown-field = the rule names field `{ $field }`, which the norm does not have
data-rule-one-side = a rule compares its field (`field`) with one thing only: another field (`other`), a constant (`value`) or the period (`period`)
data-rule-kinds = the rule compares `{ $field }` ({ $kind }) with `{ $other }` ({ $other_kind }): two kinds of values
data-rule-period-not-date = the rule compares `{ $field }` ({ $kind }) with the period: only a date can be
data-rule-bool-order = the rule orders `{ $field }`, a yes/no, with `{ $op }`: only == and != compare it
data-rule-value-kind = the rule's value (`value`) is not of the kind of `{ $field }` ({ $kind }): a number for a number, a TOML date (2025-01-31) for a date, a text for a text
data-norm-date-range-not-date = `earliest` and `latest` bound a date; `{ $field }` is of type { $kind }
data-norm-date-range-empty = the range of `{ $field }` is empty: `earliest` is after `latest`
data-rule-broken = { $label }: { $field } { $op } { $other } must hold
data-rule-broken-hint = a rule of the norm across the row's fields: correct the value that is wrong
data-rule-period-start = the start of the period
data-rule-period-end = the end of the period
data-value-before-earliest = before { $earliest }, the earliest date the norm allows for this field
data-value-after-latest = after { $latest }, the latest date the norm allows for this field
data-value-too-large = beyond what an evaluation can carry (more than { $limit } in absolute value)
data-value-too-large-hint = no real data reach this size: a value mistyped, or columns shifted
data-case-file-not-read = `{ $file }` is in the case folder, but no input of the rules reads it: it does not enter the computation
data-case-file-not-read-hint = the files read are those `{ $case_file }` names ({ $read }); remove this file from the folder, or name it in `{ $case_file }` if the rules have an input for it

# issue 26, item 4 (validate that guides: forms in words, information, hints)
data-code-r140 = a field of a norm has a pattern (`pattern`) without its form in words (`format`)
data-norm-pattern-without-format = field `{ $field }` has a pattern but no `format`: a value that breaks it would be explained by a regular expression only
data-norm-pattern-without-format-hint = add `format = "…"`: the expected form in words, which the person whose value breaks it reads (e.g. "11 digits, the last one a check digit")
data-value-format = not of the expected form: { $format }
data-value-format-for = not of the expected form for { $label }: { $format }
data-value-format-hint = expected form: { $format }
data-checksum-nir = NIR key (modulo 97)
data-checksum-luhn = check digit (Luhn formula)
data-value-checksum-typo = a character is wrong or two are swapped: copy the number again from its original
data-reference-unknown-hint = if the value is right, add the missing row to the file of norm `{ $norm }`; otherwise correct it; the row is kept
data-hint-encoding-suspect = save the file in the encoding the norm declares, or accented letters will be garbled
data-hint-column-order = nothing to correct for the computation: columns are read by name; put them in the norm's order if the recipient requires it
data-hint-multiline = remove the line break from the value (a cell written over several lines in the spreadsheet)
data-hint-surrounding-spaces = remove the spaces before and after the value; it is read without them
data-hint-no-data-rows = check that this is the right file: a file without rows brings nothing to the computation
data-hint-field-mismatch = check the values this check compares and correct the wrong one; the row is kept
data-hint-unknown-reference = if the value is right, add the missing row to the file the norm links it to; otherwise correct it; the row is kept
data-hint-deposit-late = `peps schedule` lists the year's deposit deadlines; check the deposit date
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
eval-data-unreadable = cannot read { $file }: { $reason }
eval-data-unreadable-folder = name the data file inside the folder
eval-data-unreadable-not-regular = copy the data into a regular file and name that file
eval-data-unreadable-io = check that the file exists and that you may read it
eval-data-in-all = { $problem } ({ $count } in this file in all)
eval-data-not-shown = { $more } more { $code } { $more ->
        [one] problem
       *[other] problems
    } in this file are not shown ({ $count } in all)
eval-data-not-shown-hint = validate the file against its norm for the full report
eval-data-left-out = { $rows } { $rows ->
        [one] row
       *[other] rows
    } of `{ $dataset }` left out of the case ({ $what })
eval-data-left-out-first = { $rows } { $rows ->
        [one] row
       *[other] rows
    } of `{ $dataset }` left out of the case ({ $what }); the first: { $first }
eval-data-left-out-hint = the rulebook leaves out the rows this file's norm rejects; correct them and compute again to count them
eval-data-no-final-newline = the file does not end with a line break: its last line may have been cut short
eval-data-mixed-endings = { $file } mixes line endings ({ $crlf } CRLF, { $lf } LF, { $cr } CR alone)
eval-data-mixed-endings-hint = save the file again with one kind of line ending; row numbers count LF line breaks
eval-data-problem-masked = { $field } = { $value }: { $message }
eval-data-problem-value = { $field } = `{ $value }`: { $message }
eval-data-problem-masked-alone = { $value }: { $message }
eval-data-problem-value-alone = `{ $value }`: { $message }
eval-data-line-too-long = line { $line } is longer than { $max } bytes; the file is not read further
eval-data-line-too-long-hint = a row of an exchange file is a few hundred bytes: check that this is the right file
eval-data-nul = line { $line } holds a NUL byte; the file is not read further
eval-data-nul-hint = the file looks binary or UTF-16: export it again as text (UTF-8 or Windows-1252)
eval-national-thread-stopped = a thread cutting the file stopped
eval-national-too-many-rows = more than 4,294,967,294 rows ({ $rows }): too many to hold in memory; sort the national files by their case column to read them case by case
eval-national-changed = the file changed while it was read (its size or its date are no longer the same)
eval-national-no-input = the rulebook has no data file input `{ $name }`
eval-national-inputs-are = the data inputs are: { $names }
eval-national-outside = data file `{ $file }` of `{ $input }` is outside the case folder
eval-national-outside-hint = give it as a national file, or name a file inside the case folder
eval-national-empty = { $file } is empty: no header, no rows
eval-national-orphans-empty = their `{ $column }` is empty
eval-national-orphans-link = the row they link to is in no case's rows
eval-national-orphans = { $rows } { $rows ->
        [one] row
       *[other] rows
    } of { $file } belong to no case and are not computed: { $why }
eval-national-orphans-hint = give every row a `{ $column }`, or the key of a row that has one
eval-national-no-column = { $file } has no case column, and its norm `{ $norm }` links to no national file that has one
eval-national-no-column-hint = add the case column to the file, or declare a [[link]] of its norm to a file that has it
eval-national-sorted-no-column = { $file } has no `{ $column }` column: read case by case, every file needs it
eval-national-sorted-no-column-hint = add the column, or read the files unsorted (their cases are then cut in memory)
eval-national-not-sorted = { $file }: `{ $column }` { $key } comes after `{ $previous }`: the file is not sorted by `{ $column }`
eval-national-not-sorted-hint = sort the files by the case column, or read them unsorted (their cases are then cut in memory)
# Issue 23, checked arithmetic: evaluation
eval-at-row = { $failure } (line { $line } of { $file })
eval-result-overflows = { $what } overflows
eval-the-components = the sum of the result's components
eval-the-assumed-shares = the share of the total resting on assumptions
eval-the-waterfall = the result's waterfall
# -- end eval --


## Command line (cli/src)
# -- begin cli --

## Lines of the command line (cli/src/main.rs)
cli-error = error: { $message }
cli-note = note: { $message }
cli-lang-unknown = `{ $text }`: fr or en

## Diagnostics (cli/src/report.rs)
cli-report-at = at { $location }
cli-report-count = { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
cli-report-count-hidden = { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    } (and { $hidden } that may follow from { $errors ->
        [one] it
       *[other] them
    }, not shown)
cli-report-follow = { $count } further { $count ->
        [one] error
       *[other] errors
    } may follow from this one; fix it first, then check again
cli-report-follow-names = { $count } further { $count ->
        [one] error
       *[other] errors
    } may follow from this one, about names it leaves undefined: { $names }; fix it first, then check again
cli-report-more-names = { $names } and { $more } more

## Rulebooks and outputs (cli/src/workspace.rs, output.rs, case_run.rs, parallel.rs, synth.rs, manifest.rs)
cli-no-rulebook-under = no rulebook under { $root }
cli-rulebooks-exist = rulebooks exist for { $years }
cli-no-rulebook-for = no rulebook for { $year }: { $dir } has no rulebook.toml
cli-export-exists = { $path } already exists: choose another folder (nothing is replaced)
cli-export-done = built-in rules (fingerprint { $fingerprint }) written to { $rules } and { $norms }; read them with --rules { $rules } --norms { $norms }
cli-rules-lookup-hint = { $found } ({ $origin }); to read other rules: --rules DIR (and --norms DIR)
cli-rules-given = the folder given by --rules
cli-rules-builtin = the rules built into the program; `peps rules export DIR` writes them out to edit
cli-rules-found-in-folder = the rules/ folder found in the current folder, a folder above it or beside the program
cli-output-exists = { $path } already exists; pass --force to replace it
cli-output-is-input = { $path } is an input of this run, or a rule or norm file; refusing to write over it, --force or not
cli-output-folder = { $path } is a folder; name a file to write
cli-output-io = cannot write { $path }: { $reason }
cli-no-case-folder = case folder { $dir } does not exist or is not a folder
cli-threads = cannot start { $threads } threads: { $reason }
cli-progress-eta = eta
cli-synth-unknown-profile = unknown profile `{ $profile }` (profiles: { $profiles })
cli-synth-wrote-case = wrote { $out } ({ $patients } patients, { $professionals } professionals, { $acts } acts): { $files }
cli-synth-wrote-nation = wrote { $out } ({ $teams } teams, { $patients } patients, { $acts } acts): { $first } ... { $last }
cli-synth-teams = teams

## peps validate (cli/src/validate.rs)
cli-validate-link-unchecked = { $problem }: this link is not checked
cli-validate-rejects-one-file = --rejects takes one FILE at a time ({ $count } given)
cli-validate-rulebook-broken = the rulebook of { $year } does not load (see the diagnostics above)
cli-validate-folder = { $file } is a folder, not a file
cli-validate-unreadable = cannot read { $file }: { $reason }
cli-validate-unreadable-end = cannot read { $file } to the end: { $reason }
cli-validate-norm-unusable = norm `{ $norm }` v{ $version } cannot be used (see the diagnostics above)
cli-validate-norms-broken = the norms do not load (see the diagnostics above)
cli-validate-no-norm = no norm `{ $norm }` (norms: { $norms })
cli-validate-no-norm-close = no norm `{ $norm }` (norms: { $norms }); did you mean `{ $close }`?
cli-validate-norm-unknown = cannot tell the norm of { $file }: its name follows no norm's pattern ({ $patterns }) and its first line names no norm's columns; give --norm ({ $norms })
cli-validate-no-year = no year is known for { $file } (its name gives no period and --year is not given): its codes are not checked against a year's lists
# Issue 23, part 2: the period the rules of the norms read
cli-validate-period-assumed = no period is known for the files (neither their names, a case folder nor --year give one): the rules of the norms that read the period read { $year }, the newest year of the rules
cli-validate-no-rulebook = there is no rulebook for { $year } (rulebooks: { $years }): the codes of { $file } are not checked against a year's lists; give --year
cli-validate-rejects-unwritable = cannot write the rejects file: { $reason }
cli-validate-files = { $files } files: { $clean } clean, { $with_errors } with errors, { $unreadable } unreadable
cli-validate-clean = clean
cli-validate-errors = { $count } { $count ->
        [one] error
       *[other] errors
    }
cli-validate-with-warnings = { $verdict }, { $count } { $count ->
        [one] warning
       *[other] warnings
    }
cli-validate-summary = { $file }: { $verdict } — { $rows } { $rows ->
        [one] row
       *[other] rows
    }: { $valid } valid, { $rejected } rejected
cli-validate-period = period { $start } to { $end }
cli-validate-no-period = no period
cli-validate-norm = norm { $norm } v{ $version } ({ $status }), { $period }
cli-validate-code-errors = { $code }: { $count } { $count ->
        [one] error
       *[other] errors
    }
cli-validate-code-warnings = { $code }: { $count } { $count ->
        [one] warning
       *[other] warnings
    }
cli-validate-help = help: { $hint }
cli-validate-more = … { $count } more not shown (--format json lists them all, --max-examples N shows more)
cli-validate-all-shown = every problem is shown above
cli-validate-rejects-written = { $count } rejected { $count ->
        [one] row
       *[other] rows
    } written to { $path }
cli-validate-row = row { $row }
cli-validate-whole-file = file
cli-validate-example = { $place }: { $message }

## peps schedule (cli/src/schedule.rs)
cli-schedule-title = Payment schedule of { $year }
cli-schedule-final-amount = final amount
cli-schedule-estimate = annual estimate
cli-schedule-less = less
cli-schedule-advances-on = advances on
cli-schedule-estimate-given = given by the case
cli-schedule-estimate-computed = computed by the rules
cli-schedule-paid-apart = { $label }, paid apart
cli-schedule-other-dates = Other dates
cli-schedule-payments = Payments
cli-schedule-col-date = date
cli-schedule-col-payment = payment
cli-schedule-col-planned = planned
cli-schedule-col-received = received
cli-schedule-col-amount = amount
cli-schedule-col-period = period
cli-schedule-col-due = due
cli-schedule-recorded-payment = Payment recorded by the case
cli-schedule-before-balance = payments before the balance
cli-schedule-check = check: payments { $paid } + balance { $balance } = { $total } = final amount
cli-schedule-share = { $share } of the estimate { $estimate } = { $base }
cli-schedule-share-rebased = { $share } of the re-based estimate { $estimate } = { $base }
cli-schedule-complement = paid in advance, settled with the balance
cli-schedule-own-amount = its own amount
cli-schedule-output = { $label } { $value }: { $what }
cli-schedule-recorded = recorded in the case, planned by no event of the calendar
cli-schedule-received-on = received on { $date }
cli-schedule-rebase = { $amount } regularisation of the earlier advances: { $causes }
cli-schedule-received-difference = { $amount } regularisation: the earlier advances as received differ from those planned
cli-schedule-rounding = { $amount } rounding left over by the earlier advances
cli-schedule-entry = entry of { $member } ({ $group }) on { $date }
cli-schedule-exit = exit of { $member } ({ $group }) on { $date }
cli-schedule-balance-basis = final amount { $amount } − payments { $paid }
cli-schedule-balance-complement = { $amount } { $label }: observed { $observed } − paid { $paid }
cli-schedule-balance-rest = { $amount } the rest of the balance
cli-schedule-balance-positive = positive: still to be paid
cli-schedule-balance-negative = negative: more was paid than the final amount, and the difference is owed back
cli-schedule-balance-zero = zero: the advances were exactly the final amount
cli-schedule-movements = Regularisations: entries and exits after the reference date
cli-schedule-no-weight = { $group } carries no weight
cli-schedule-weight-measure = weight { $weight } of { $group } shared by measure: { $own } of the { $total } of the group at the reference date
cli-schedule-weight-members = weight { $weight } shared by { $members } { $group } at the reference date
cli-schedule-balance-only = settled by the balance only
cli-schedule-applied-from = from { $from }
cli-schedule-removes-days = removes { $days } of { $period } days
cli-schedule-adds-days = adds { $days } of { $period } days
cli-schedule-movement = { $movement }: { $days }; { $share }: { $effect } on the estimate, { $applied }
cli-schedule-deadlines = { $label }: working day { $day } of the month after each period, files { $norms }
cli-schedule-saturday-working = Saturday is a working day
cli-schedule-saturday-off = Saturday is not a working day
cli-schedule-day = { $other }
cli-schedule-working-days = working days: { $saturday }
cli-schedule-working-days-nor = working days: { $saturday }, nor { $days }
cli-schedule-working-days-holidays = working days: { $saturday }, nor the { $holidays } public holidays of the calendar
cli-schedule-working-days-nor-holidays = working days: { $saturday }, nor { $days }, nor the { $holidays } public holidays of the calendar
cli-schedule-set-by-parameter = set by parameter { $name } [{ $status }]: { $label }
cli-schedule-reference = reference: { $reference }
cli-schedule-set-by-weekend = set by the calendar's `weekend`
cli-not-a-date = `{ $text }` is not a date: write JJ/MM/AAAA or AAAA-MM-JJ, e.g. 07/04/2025

## peps impact (cli/src/impact.rs)
cli-impact-draft-needs-rules = --year compares a draft: give its rules folder with --rules DRAFT
cli-impact-usage = give --from X --to Y (two years), or --year Y --rules DRAFT (a draft against the shipped rules)
cli-impact-no-item = no rule item differs
cli-impact-sum = sum
cli-impact-sum-note = (the credits add up to the delta)
# The English table has always said it so (a snapshot holds it).
cli-impact-data-shift = data of { $from } brought into { $to }
cli-impact-total = total { $year }: { $amount }
cli-impact-delta = delta: { $delta }
cli-impact-attribution = Attribution of the delta, item by item (method: { $method })
cli-impact-outputs = Outputs
cli-impact-cases = cases
cli-impact-many-title = Impact { $from } → { $to } — { $count } cases
cli-impact-col-case = case
cli-impact-col-name = name
cli-impact-col-delta = delta
cli-impact-error = error
cli-impact-total-row = (total)
cli-impact-attribution-many = Attribution of the delta, item by item, summed over the cases (method: { $method })

## peps impact --format html (cli/src/impact/html.rs) — issue 27, part 4
cli-impact-html-title = Impact of the rules { $from } → { $to }
cli-impact-html-count = { $count } teams
cli-impact-html-totals = Totals per team
cli-impact-html-col-team = team
cli-impact-html-col-total = total { $year }
cli-impact-html-col-delta = delta
cli-impact-html-col-percent = delta in %
cli-impact-html-overall = All teams
cli-impact-html-chart-teams = Delta per team
cli-impact-html-chart-items = Delta per rule item
cli-impact-html-items = Changed items and their share of the delta
cli-impact-html-col-kind = kind
cli-impact-html-col-item = item
cli-impact-html-col-before = before
cli-impact-html-col-after = after
cli-impact-html-outputs = Changed outputs
cli-impact-html-col-output = output
cli-impact-html-method = Method

## peps rules check, diff (cli/src/rules_cmd.rs)
cli-rules-folder-hint = a rules folder holds one folder per year, each with a `rulebook.toml`; pass --rules DIR
cli-rules-coverage-unchecked = coverage { $from } → { $to } is not checked: { $broken } does not load (see `peps rules check { $broken }`)
cli-rules-ok = ok
cli-rules-ok-warnings = ok, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
cli-rules-does-not-load = does not load
cli-rules-errors = { $errors } { $errors ->
        [one] error
       *[other] errors
    }
cli-rules-errors-warnings = { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
cli-rules-norms = norms
cli-rules-norms-failing = { $count } failing
# issue 27, item 8 (missing norms)
cli-rules-norm-missing = { $norm } (not found)
cli-rules-not-checked = not checked
cli-rules-coverage = what { $from } has, { $to } keeps or records in { $removals }
cli-rules-coverage-broken = one of the two years does not load
cli-rules-all-pass = { $rulebooks } { $rulebooks ->
        [one] rulebook
       *[other] rulebooks
    }, { $norms } { $norms ->
        [one] norm file
       *[other] norm files
    } and their coverage in time: everything passes
cli-rules-see-above = { $status }: see the diagnostics above
cli-rules-stale-reference = warning: { $year }, { $kind } `{ $item }`: the value changes ({ $old } → { $new }) but the reference still says "reconduit de": cite the text of the new value
cli-diff-title = Rules { $from } → { $to }: { $count } { $count ->
        [one] change
       *[other] changes
    }
cli-diff-reference = reference: { $reference }
cli-diff-reference-was = reference, was: { $old }
cli-diff-added = added
cli-diff-removed = removed
cli-diff-field-colon = { $field }:
cli-diff-rulebook-part = rulebook { $part }
cli-diff-routine-title = Routine changes, grouped:
cli-diff-routine-reference = { $kind } whose reference is only marked "reconduit de" ({ $count }): { $names }
cli-diff-routine-status = { $kind } whose status, reference or dates moved by the years alone change ({ $count }): { $names }
cli-diff-and-more = and { $count } more
cli-diff-stale-reference = the value changes but the reference still says "reconduit de": cite the text of the new value
cli-diff-kinds = { $kind ->
        [parameter] Parameters
        [table] Tables
        [list] List items
        [indicators] Indicators
        [calendar] Calendar events
        [input] Inputs
        [norm] Norms
        [step] Steps
        [script] Functions
       *[other] { $kind }
    }
cli-diff-field = { $field }
cli-diff-kind = { $kind }

## peps rules matrix, regress (cli/src/rules_cmd/matrix.rs, regress.rs)
cli-matrix-eligible = (eligible)
cli-matrix-total = (total)
cli-matrix-assumed = (assumed items)
cli-matrix-fails-check = fails check { $key }
cli-matrix-title = { $case } under every year, its data brought into each year (— : the year has no such output)
cli-matrix-output = output
cli-regress-no-case = no folder of { $folder } holds a { $file }
cli-regress-cannot-list = cannot list { $folder }: { $reason }
cli-regress-all-unchanged = every example gives the blessed results under every year ({ $count } cases)
cli-regress-col-case = case
cli-regress-col-year = year
cli-regress-col-output = output
cli-regress-col-before = before
cli-regress-col-after = after
cli-regress-new = { $case }: no blessed matrix yet
cli-regress-check-changed = the summary of `peps rules check` differs from { $file } (a year added, removed or now failing)
cli-regress-check-new = the summary of `peps rules check` has no blessed { $file } yet
cli-regress-counts = { $cells } changed cells in { $cases } cases, { $new } new, { $unchanged } unchanged
cli-regress-accepted = accepted: the snapshots now hold these results
cli-regress-bless = if every change is intended, bless them: peps rules regress --accept

## peps rules schema (cli/src/rules_cmd/schema.rs)
cli-schema-cannot-create = cannot create { $dir }: { $reason }
cli-schema-wrote = wrote { $path }
cli-schema-written = { $count } schemas in { $dir }: { $written } written, { $current } up to date
cli-schema-stale = { $path } is out of date
cli-schema-missing = { $path } is missing
cli-schema-unknown = { $path } is not a schema of this version
cli-schema-up-to-date = { $count } schemas in { $dir }: up to date
cli-schema-help = help: run `peps rules schema` to regenerate them from the Rust types, and commit the result

## peps rules draft (cli/src/rules_cmd/draft.rs)
cli-draft-exists = { $path } already exists
cli-draft-exists-help = help: pass --force to replace it, or choose another folder
cli-draft-cannot-replace = cannot replace { $path }: { $reason }
cli-draft-editor = editor: the `#:schema` lines point to { $prefix }
cli-draft-editor-none = editor: the repository's schemas/ folder was not found: the `#:schema` lines are left as they were
cli-draft-written = draft of { $year } written to { $path }
cli-draft-check = edit it, then check it:  peps rules check { $year } --rules { $dir }
cli-draft-impact = what it changes for a case:  peps impact --year { $year } --rules { $dir } CASE
cli-cannot-copy = cannot copy { $path }: { $reason }
cli-cannot-read = cannot read { $path }: { $reason }

## peps rules new-year (cli/src/rules_cmd/new_year.rs)
cli-new-year-same = the new year and --from are both { $year }
cli-new-year-exists-help = help: pass --force to replace it
cli-new-year-base-broken = { $from } does not pass `peps rules check`: fix it before starting { $to } from it
cli-new-year-no-temp = cannot create a temporary folder in { $dir }: { $reason }
cli-new-year-broken = the { $to } made from { $from } does not pass the checks; nothing was written
cli-new-year-created = created { $path } from { $from }
cli-new-year-dates = { $dates } dates moved by { $years } { $years ->
        [one] year
       *[other] years
    }
cli-new-year-collapsed = { $count } values that changed during { $from } enter { $to } with their value at the end of { $from }
cli-new-year-items-dropped = { $count } list items that ended during { $from } dropped
cli-new-year-kept-once = { $count ->
        [one] { $count } date marked `once = true` kept as it is (it happens once)
       *[other] { $count } dates marked `once = true` kept as they are (they happen once)
    }
cli-new-year-references = { $references } references marked "(reconduit de { $from })", { $statuses } statuses seed → assumed
cli-new-year-passes = passes `peps rules check { $to }`
cli-new-year-review = review: labels and descriptions naming a year, calendar events, and each value the new year changes
cli-new-year-invalid-toml = { $file }: invalid TOML: { $reason }

## peps test (cli/src/test_cmd.rs, test_cmd/)
cli-test-no-case = no test case under { $paths }
cli-test-no-case-help = help: a test case is a .toml file with `description`, `reference`, `years` and `[expected]`
cli-test-summary = { $cases } { $cases ->
        [one] case
       *[other] cases
    }, { $runs } { $runs ->
        [one] run
       *[other] runs
    }: { $passed } passed
cli-test-summary-failed = , { $count } failed
cli-test-summary-broken = , { $count } could not run
cli-test-state-ok = ok
cli-test-state-failed = FAILED
cli-test-state-error = ERROR
cli-test-as-expected = { $years }: as expected
cli-test-missing-path = { $path } does not exist
cli-test-rulebook-broken = the { $year } rulebook does not load:
cli-test-no-temp = cannot make a temporary folder: { $reason }
cli-test-case-broken = the case's files do not load (written from { $file }):
cli-test-differ = { $failing } of { $count } expected outputs differ
cli-test-expected = expected { $value }
cli-test-got = got { $value }
cli-test-not-eligible = not eligible ({ $failed } failed), so the evaluation stopped at the gate
cli-test-explain-path = explain path of the first difference, `{ $output }` ({ $year }):
cli-test-as-the-case-expects = (as the case expects)
cli-test-not-checked = (not checked by the case)
cli-test-not-opened = not opened: { $outputs } — write the case out with `--keep DIR` and run `peps explain` on it
cli-test-none = (none)
cli-test-empty = (empty)
cli-test-no-line-close = `{ $output }` has no line `{ $part }`; did you mean `{ $close }`?
cli-test-no-line = `{ $output }` has no line `{ $part }`; its lines are { $lines }
cli-test-line-empty = line `{ $part }` of `{ $output }` has no value
cli-test-no-output = no output `{ $output }` in the evaluation{ $gate ->
        [yes] {" "}(the evaluation stopped at the gate)
       *[no] {""}
    }
cli-test-no-output-close = no output `{ $output }` in the evaluation{ $gate ->
        [yes] {" "}(the evaluation stopped at the gate)
       *[no] {""}
    }; did you mean `{ $close }`?
cli-test-not-a-number = the expected value is not a number
cli-test-off-by = off by { $diff }
cli-test-no-value = the output has no value
cli-test-kinds-differ = expected and got are not of the same kind
cli-test-no-data-file = `{ $key }` names no data file of the { $year } rulebook; its data files are { $files }
cli-test-no-data-file-close = `{ $key }` names no data file of the { $year } rulebook (did you mean `{ $close }`?); its data files are { $files }
cli-test-cannot-read-data = cannot read the `{ $name }` file { $path }: { $reason }
cli-test-cannot-write-case = cannot write the case file: { $reason }
cli-test-unknown-field = { $place } has a field `{ $key }` that norm `{ $norm }` does not have
cli-test-unknown-field-close = { $place } has a field `{ $key }` that norm `{ $norm }` does not have (did you mean `{ $close }`?)
cli-test-defaults-of = the defaults of `{ $input }`
cli-test-row-of = row { $row } of `{ $input }`
cli-test-field-problem = { $place }, field `{ $field }`: { $problem }
cli-test-identifier-text = an identifier is a text: a name such as "p1", or a full number in quotes
cli-test-not-whole = a whole number field cannot hold { $value }
cli-test-decimal-as-text = write a decimal as a string, e.g. "12.50", so that it stays exact
cli-test-no-bool-text = norm `{ $norm }` has no text for { $value }
cli-test-not-calendar-date = { $value } is not a calendar date
cli-test-not-date = { $value } is not a date
cli-test-wrong-kind = a { $kind } field cannot hold { $value }
cli-test-invalid-case = { $path } is not a valid test case: { $reason }
cli-test-no-years = { $path } lists no years: give e.g. `years = [2025]`
cli-test-expects-nothing = { $path } expects nothing: give `[expected]` outputs
cli-test-year-not-run = { $path }: `expected_by_year.{ $year }` is for a year the case does not run; add { $year } to `years` ({ $years })
cli-test-invalid-defaults = { $path } is not a valid defaults file: { $reason }

## peps docs: the document of a year's rules (cli/src/docs.rs)
cli-docs-then = , then
cli-docs-dated = { $value } from { $from }
cli-docs-scheme = Scheme: { $scheme }; year { $year }.
cli-docs-period = Period: { $start } to { $end }; reference date: { $reference }; case file: `{ $file }`.
cli-docs-hash = Fingerprint of the rules (SHA-256): `{ $hash }`.
cli-docs-statuses = Statuses: **confirmed** (a public text says so), **seed** (the scheme's reference text says so), **assumed** (an assumption, the official text not being public).
cli-docs-status = Status: **{ $status }**. Reference: { $reference }
cli-docs-result = Result
cli-docs-total = Total: { $name }
cli-docs-components = Components (their sum is the total): { $names }
cli-docs-gate = Eligibility: { $name } (if a criterion fails, the remuneration is zero)
cli-docs-waterfall = Waterfall of the report: { $bars }
cli-docs-parameters = Parameters
cli-docs-parameters-head = | label | name | value | unit | status | reference |
cli-docs-tables = Tables
cli-docs-lists = Lists
cli-docs-list-head = | code | label | { $attributes } | status | reference |
cli-docs-indicators = Indicators
cli-docs-method = Method: { $method }. Status: **{ $status }**. Reference: { $reference }
cli-docs-indicators-head = | indicator | label | weight | target | direction | result read from | status |
cli-docs-calendar = Calendar
cli-docs-calendar-head = | date | event | kind | share or amount | condition | status | reference |
cli-docs-inputs = Data of the case (`{ $file }`)
cli-docs-inputs-head = | section | key | type | label | default |
cli-docs-optional = (optional)
cli-docs-steps = Steps of the computation (in evaluation order)
cli-docs-mechanism = Mechanism: **{ $mechanism }**; unit: { $unit }.
cli-docs-mechanism-rounded = Mechanism: **{ $mechanism }**; unit: { $unit }, rounded to steps of { $step } ({ $mode }).
cli-docs-reference = Reference: { $reference }
cli-docs-norm = Norm `{ $name }` v{ $version } — { $label }
cli-docs-file-name = File name: `{ $pattern }` (dates written `{ $format }`).
cli-docs-format = Separator `{ $separator }`, encoding { $encoding }, dates `{ $dates }`, decimal separator `{ $decimal }`.
cli-docs-fields-head = | field | label | type | required | constraints |
cli-docs-yes = yes
cli-docs-no = no
cli-docs-checks = Checks across the fields of a row (a warning when the condition does not hold):
cli-docs-check = { $label }: `{ $when }`
cli-docs-links = Links to other files, checked when they are read together (a warning):
cli-docs-link = { $label }: `{ $fields }` in `{ $keys }` of norm `{ $norm }`
cli-docs-link-dated = { $label }: `{ $fields }` in `{ $keys }` of norm `{ $norm }`, valid on the date `{ $at }` (between `{ $from }` and `{ $to }`)
cli-docs-length = length { $length }
cli-docs-length-min = at least { $min } characters
cli-docs-length-range = { $min } to { $max } characters
cli-docs-values = values { $values }
cli-docs-pattern = pattern `{ $pattern }`
cli-docs-in-catalogue = in catalogue `{ $list }` (else an error)
cli-docs-outside-list-said = outside list `{ $list }`: a warning, “{ $said }”
cli-docs-outside-list = outside list `{ $list }`: a warning
cli-docs-in-list = in list `{ $list }` (else an error)
cli-docs-checksum = key { $key }
cli-docs-identifier = identifier masked in reports
cli-docs-required-if = required if `{ $condition }`

cli-national-input-form = --input { $given }: write NAME=FILE, NAME one of { $names }
cli-national-input-unknown = --input { $given }: the { $year } rules have no data input `{ $name }` (they have { $names })
cli-national-no-file = no national file in { $dir }: name them --input NAME=FILE, or call them NAME.csv
cli-batch-no-output = --outputs: the { $year } rules have no output `{ $name }`
cli-batch-no-output-suggest = --outputs: the { $year } rules have no output `{ $name }` (did you mean `{ $suggestion }`?)
cli-batch-no-case-folder = no sub-folder of { $dir } holds a { $file }
cli-batch-cannot-list = cannot list { $dir }: { $reason }
cli-batch-warnings = warnings in { $warned } of { $cases } cases (`peps compute` on one case shows them):
cli-batch-warning-code = { $code }: { $cases } { $cases ->
        [one] case
       *[other] cases
    } — { $summary }
cli-batch-no-column = --columns: no column `{ $name }` (an output must also be asked with --outputs)
cli-batch-no-column-suggest = --columns: no column `{ $name }` (an output must also be asked with --outputs) (did you mean `{ $suggestion }`?)
cli-batch-rows-read = rows read: { $rows }
cli-batch-rows-left-out = rows left out (rejected by their norm, not computed): { $rows }
cli-timings = timings: { $cases } cases on { $threads } threads in { $wall } s wall, { $cpu } s CPU
cli-timings-phase = phase
cli-timings-wall = wall s
cli-timings-cpu = CPU s
cli-timings-load = rulebook load and check
cli-timings-cut = cutting the national files
cli-timings-again = of which reading again ({ $groups } { $groups ->
        [one] group
       *[other] groups
    })
cli-timings-cases = reading and evaluating cases
cli-timings-reading = of which reading cases
cli-timings-evaluating = of which evaluating cases
cli-timings-rates = { $rows } rows  { $wall } rows/s wall  { $cpu } rows per CPU-s of evaluation
# Keys of the norms (issue 23, part 1: keys)
cli-docs-key = Key: `{ $fields }`; two rows with the same key are refused (V434).
cli-docs-no-key = No key: only identical rows are compared, and refused (V426).
cli-docs-no-key-allowed = No key: only identical rows are compared, and kept with a warning (V426).

# issue 23, part privacy: paths, identifiers, diagnostics
cli-report-more-of-code = … and { $count } more { $code } (the first { $shown } are shown)
# batches and national runs lose no team, writers never destroy, temporary files (issue 23, part runs)
cli-batch-no-case-file = { $folder } holds data but no { $file }: the case is not computed
cli-batch-no-case-file-hint = write its { $file } (a `peps synth --teams` stopped halfway leaves such folders: run it again), or move the folder out of the batch
cli-batch-case-panicked = the evaluation of { $case } stopped on an internal error: { $panic }
cli-batch-case-panicked-hint = a defect of peps, not of the case: report it with this message (in a run over many cases, the others are computed)
cli-national-no-case-file = { $rows } { $rows ->
        [one] row
       *[other] rows
    } of the national files name case { $case }, but { $file } does not exist: the case is not computed
cli-national-no-case-file-hint = add the case's folder and its case file to --cases, or correct the `{ $column }` of its rows
cli-national-no-rows = no row of the national files names case { $case } of { $folder } (`{ $column }` = { $case }): the case is not computed
cli-national-no-rows-hint = check the `{ $column }` column of the national files against the folder names of --cases
cli-synth-not-empty = { $out } already holds files: a synthetic case is written into an empty or new folder (pass --force to write into it, replacing the files of the same names)
cli-synth-not-a-folder = { $out } is a file, not a folder
cli-draft-is-source = { $path } is, or holds, the rules it would copy ({ $source }): a draft never replaces them, --force or not; write it elsewhere

# issue 26, item 4 (validate that guides: information, skipped checks, empty file)
cli-validate-with-notes = { $verdict }, { $count } { $count ->
        [one] note
       *[other] notes
    }
cli-validate-code-notes = { $code }: { $count } { $count ->
        [one] note
       *[other] notes
    }
cli-validate-empty-summary = { $file }: { $verdict } — the file is empty, its norm cannot be recognised
cli-validate-skipped-title = { $count } { $count ->
        [one] check across files could not be made
       *[other] checks across files could not be made
    }:
cli-validate-skipped = { $file }: "{ $check }" not checked: { $reason }
cli-validate-skipped-broken = { $files } (norm `{ $norm }`) has errors that keep its keys from being read; correct it, then check again
cli-validate-skipped-unread = no file of norm `{ $norm }` could be read ({ $files }: unreadable, empty or not recognised); correct it, then check again
cli-report-count-notes = { $count }, { $notes } { $notes ->
        [one] note
       *[other] notes
    }
# issue 26, item 6 (sheets): --format xlsx, a real spreadsheet (cli/src/xlsx.rs and the commands' xlsx modules)
cli-xlsx-terminal = an xlsx workbook is a binary file: say where to write it with -o FILE.xlsx, or redirect the output to a file
cli-xlsx-failed = cannot write the xlsx workbook: { $reason }
xlsx-sheet-summary = Summary
xlsx-sheet-results = Results
xlsx-sheet-waterfall = Waterfall
xlsx-sheet-assumptions = Assumptions
xlsx-sheet-warnings = Warnings
xlsx-sheet-cases = Cases
xlsx-sheet-totals = Totals
xlsx-sheet-payments = Payments
xlsx-sheet-deposits = Deposits
xlsx-sheet-dates = Other dates
xlsx-sheet-items = Changed items
xlsx-sheet-outputs = Results compared
xlsx-sheet-curve = Cost curve
xlsx-sheet-notes = Notes
xlsx-col-item = Item
xlsx-col-value = Value
xlsx-col-label = Label
xlsx-col-name = Name in the rules
xlsx-col-component = Component of the total
xlsx-col-assumed = Assumed items
xlsx-col-step = Step
xlsx-col-change = Change
xlsx-col-running = Running total
xlsx-col-kind = Kind
xlsx-col-share = Share of the total
xlsx-col-code = Code
xlsx-col-level = Level
xlsx-col-message = Message
xlsx-col-place = Where
xlsx-col-hint = Hint
xlsx-col-folder = Folder
xlsx-col-case = Case
xlsx-col-status = Status
xlsx-col-eligible = Eligible
xlsx-col-total = Total
xlsx-col-rows = Rows read: { $dataset }
xlsx-col-left-out = Rows left out: { $dataset }
xlsx-col-errors = Errors
xlsx-col-date = Date
xlsx-col-payment = Payment
xlsx-col-planned = Planned
xlsx-col-received = Received
xlsx-col-amount = Amount
xlsx-col-due = Deadline
xlsx-col-period-start = Period start
xlsx-col-period-end = Period end
xlsx-col-deposit = Deposit
xlsx-col-norms = Norms
xlsx-col-delta = Difference
xlsx-col-before = Before
xlsx-col-after = After
xlsx-col-note = Note
xlsx-col-total-year = Total { $year }
xlsx-col-output = Result
xlsx-col-year = Year
xlsx-col-sweep-value = Value of { $item }
xlsx-col-step-delta = Change from the previous value
xlsx-row-rules = Rules
xlsx-row-case = Case
xlsx-row-year = Year
xlsx-row-note = Note
xlsx-row-eligible = Eligible
xlsx-row-failed-check = Condition not met
xlsx-row-total = Total
xlsx-row-cases = Cases
xlsx-row-eligible-cases = Eligible cases
xlsx-row-ineligible-cases = Cases not eligible
xlsx-row-error-cases = Cases in error
xlsx-row-final-amount = Final amount: { $label }
xlsx-row-estimate = Annual estimate: { $label }
xlsx-row-advances-on = Basis of the advances
xlsx-row-paid = Paid before the balance
xlsx-row-balance = Balance
xlsx-row-rules-from = Rules compared from
xlsx-row-rules-to = Rules compared to
xlsx-row-delta-share = Relative difference
xlsx-status-ok = computed
xlsx-status-error = in error
xlsx-level-error = error
xlsx-level-warning = warning
xlsx-payment-advance = advance
xlsx-payment-complement = complement
xlsx-payment-recorded = recorded payment
xlsx-payment-balance = balance
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
explain-more = The whole tree: --full (or --depth N); the calculation as the rules write it and the step's breakdown: add --details.
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
# issue 26, item 2 (explain): what a step says of itself, with the values (engine/src/eval/explanation.rs)
explain-words-rows = { $shown } { $count ->
        [one] row
       *[other] rows
    }
explain-words-filter = { $kept } kept of { $rows } of “{ $source }”{ $according }
explain-words-count = { $value } counted of { $rows } of “{ $source }”{ $according }
explain-words-sum = Sum over { $rows } of “{ $source }”{ $according }: { $value }
explain-words-min = Smallest value over { $rows } of “{ $source }”{ $according }: { $value }
explain-words-max = Largest value over { $rows } of “{ $source }”{ $according }: { $value }
explain-words-groups = { $sentence }, in { $groups } groups
explain-words-lookup-rows = Sum, over { $rows } of “{ $source }”, of the values read in “{ $table }” ({ $cells } { $cells ->
        [one] cell
       *[other] cells
    } hit){ $according }: { $value }
explain-words-lookup = “{ $table }” read for { $keys }: { $value }
explain-words-derive = Value computed for each of { $rows } of “{ $source }”{ $according }; in all: { $value }
explain-words-derive-rows = Value computed for each of { $rows } of “{ $source }”{ $according }
explain-words-class = { $label }: { $rows }
explain-words-classify = { $rows } of “{ $source }” classified by “{ $list }”: { $classes }
explain-words-check = { $label } ({ $value } { $op } { $threshold })
explain-words-checks-met = Every criterion is met: { $checks }
explain-words-checks-failed = { $count ->
        [one] Criterion not met
       *[other] Criteria not met
    }: { $failed }
explain-words-checks-some = { $count ->
        [one] Criterion not met
       *[other] Criteria not met
    }: { $failed }; criteria met: { $passed }
explain-words-indicator = { $label } attained at { $attained }
explain-words-score = Weighted mean of the targets attained in “{ $set }” ({ $indicators }): { $value }
explain-words-formula = Computed from { $values }: { $value }
explain-words-pair = { $label } = { $value }
explain-words-according = , given { $values }
explain-words-then = { $previous }; { $next }
explain-words-nothing = nothing
report-bar-label-not-a-bar = `[result.bar_labels]` names `{ $name }`, which is not a bar of `[result] waterfall`
report-level-error = error
report-level-warning = warning
report-level-help = help
report-level-note = note
cli-compute-delimiter = --delimiter must be one ASCII character
# issue 26, item 5 (pages): the page of a case for its director (cli/src/html/)
html-generated = Page generated on { $date }
html-date-variable-invalid = { $variable } is “{ $value }”, which is not a number of seconds since 1970-01-01: the page bears today's date
html-schedule-failed = The schedule could not be made: the command's messages say why.
html-col-event = event
html-payment-received = received: { $amount } { $date }
html-schedule-estimate = The advances are computed on an annual estimate of { $amount } ({ $label }, { $origin }).
html-schedule-paid = Total paid before the balance
html-balance-positive = Positive balance: { $amount } remain to be paid.
html-balance-negative = Negative balance: the payments exceeded the final amount by { $amount }, to be paid back.
html-balance-zero = Zero balance: the advances equal the final amount exactly.
html-schedule-check = Payments { $paid } + balance { $balance } = final amount { $total }.
html-deadline-rule = To be deposited by working day { $day } of the month after each period.
html-warnings = Points to note about the data
html-warnings-none = No warning about the case's data.
html-warnings-intro = The computation is done; { $count ->
        [one] this point about the data deserves
       *[other] these { $count } points about the data deserve
    } a look:
html-in-file = (file { $file })
html-data-shift = The dates of the { $from } data were brought into { $to } to apply the rules of { $to }.
html-assumption-share = { $share } of the total depends on it
html-technical = Technical details: rule names, codes and fingerprints
html-technical-intro = To check or redo the computation: the name in the rules of each step and of each assumed item, the codes of the warnings, and the SHA-256 fingerprint of the rules and of every file read.
html-failed-checks = Criteria not met
html-col-code = code
html-col-file = file
html-deadline-names = { $label }: calendar rule `{ $rule }`, files `{ $norms }`.
html-working-days-names = { $label }: parameter `{ $name }` ({ $reference }).

# issue 26, item 4 (validate that guides)
report-level-information = note
# -- end reports --

## Command-line help (--help): help-<command>, help-<command>--<option>; help--<option> holds for every command
# -- begin help --
help = A rules engine for remunerations written as yearly rulebooks: compute, explain, schedule and check them
help--lang = Language of what peps writes for people: fr (default) or en
help-compute = The amount of one case for a year, component by component (or of every case of a folder)
help-compute--year = The year whose rulebook applies
help--rules = Folder of the yearly rulebooks (default: the repository's `rules/`)
help--norms = Folder of the exchange norms; several times for a search path, the first that has a norm giving it (default: the scheme's own `norms/`, then the repository's)
help--scheme = A scheme shipped beside the default one: `--scheme capitation` reads `rules/capitation/`
help-compute--format = Output format; csv is for programs (raw, stable columns and values: `;`, decimal point); for a spreadsheet, xlsx (amounts in euros, dates, one sheet per table, with -o FILE)
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
help-explain--details = Also the calculation as the rules write it and each output's breakdown (table cells hit, groups, classes); in the tree, its Rhai source
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
help-impact--format = Output format; for a spreadsheet, xlsx (amounts in euros, one sheet per table, with -o FILE)
help-impact--locale = Number style: fr (the default) or plain
help-impact--keep_dates = Keep the case's dates: by default data of another year are brought into the rules' year
help-impact--force = Replace an existing output file
help-impact--threads = With several cases: threads to use (0: one per core)
help-impact--cases = The case folders, or folders of case folders
help-rules = Check, compare and start yearly rulebooks
help-rules-check = Load rulebooks and norms strictly and report every diagnostic, with coverage in time
help-rules-check--against = Also compare each year with year YEAR: a changed value whose reference still says "(reconduit de …)" is listed
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
help-rules-export = Write the rules and norms built into the program to DIR/rules and DIR/norms, to edit them
help-rules-export--dir = Where to write them: DIR/rules and DIR/norms, which must not exist yet
help-rules-schema = Write the JSON Schemas of the rule, norm and test files, for editors (`--check` compares)
help-rules-schema--out = The folder to write the schemas to (default: the repository's `schemas/`)
help-rules-schema--check = Write nothing: exit 1 if a schema of the folder is missing, out of date or unknown
help-rules-matrix = Cases under every year side by side, their data brought into each year
help-rules-matrix--keep_dates = Keep each case's dates (by default its data are brought into each year)
help-rules-matrix--cases = The case folders
help-rules-regress = Every example under every year against the blessed results in snapshots/ (`--accept` blesses)
help-rules-regress--examples = Folder of the example cases (default: the repository's `examples/`, or `examples/<NAME>` with `--scheme NAME`)
help-rules-regress--snapshots = Folder of the blessed snapshots (default: the repository's `snapshots/`, or `snapshots/<NAME>` with `--scheme NAME`)
help-rules-regress--accept = Rewrite the snapshots with the new results: they become the reference
help-rules-regress--format = Output format
help-schedule = Payments over time: advances, regularisations, balance and deposit deadlines
help-schedule--year = The year whose rulebook and calendar apply
help-schedule--format = Output format; csv is for programs (raw, stable columns and values: ISO dates, decimal point); for a spreadsheet, xlsx (amounts in euros, dates, one sheet per table, with -o FILE)
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
help-synth--out = Folder to write the case into (created if needed; one that holds files needs --force)
help-synth--force = Write into a folder that already holds files, replacing those of the same names
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
help-compute--partition_by = National files: every case's rows of a data input in one file, this column naming each row's case; CASE is then the folder of the files (`NAME.csv` per data input, or --input)
help-compute--input = With --partition-by: the national file of a data input (`--input patients=all.csv`)
help-compute--cases = With --partition-by: a folder of case folders giving each case's values (its case file)
help-compute--sorted = With --partition-by: the files are sorted by the column; read case by case, memory then follows the largest case (otherwise the cases are cut in memory)
help-compute--held = With --partition-by, unsorted files: the most MiB of their rows held in memory at once; beyond, the files are read again for each group of cases that fits
help-compute--columns = With --format csv over many cases: these columns only, `NAME` or `HEADER=NAME` (`--columns id=case,total`), and no totals line
help-compute--delimiter = With --format csv over many cases: the field separator
# issue 26, item 6 (sheets): -o and --format xlsx
help--output = Write the output to this file (needed for --format xlsx unless the output is redirected); never over a file the run reads, nor a rule or norm file
help-schedule--force = Replace an existing output file
help-rules-matrix--force = Replace an existing output file
help-rules-matrix--format = Output format: table (the default) or xlsx (a workbook, one sheet per case)
# -- end help --

## issue 27, item 7 — peps impact --sweep: cost curves (cli/src/impact/sweep.rs)
cli-sweep-syntax = a cost curve is written NAME=FROM..TO:STEP (for instance prestations.G.tarif=28..32:0.5): “{ $spec }” is not of that form
cli-sweep-not-a-number = “{ $text }” is not a number (write for instance 28, 0.5 or 1.10)
cli-sweep-reversed = the curve's start ({ $from }) is past its end ({ $to }): write the smaller value first
cli-sweep-step = the step must be positive (here { $step })
cli-sweep-too-many = { $count } values: a curve has at most { $max }; take a larger step or a shorter range
cli-sweep-unknown = no parameter, table or list is called “{ $name }”
cli-sweep-did-you-mean = { $message }; did you mean “{ $name }”?
cli-sweep-unknown-part = “{ $part }” is not in “{ $name }”
cli-sweep-which-part = “{ $name }” holds several values: name the one to vary among { $choices }
cli-sweep-bad-keys = cell of the table { $table }: “{ $keys }” must give a value to every key, { $expected }
cli-sweep-no-row = the table { $table } has no row for { $keys }
cli-sweep-not-a-number-item = “{ $name }” does not hold a number (unit { $unit }): a cost curve varies a number
cli-sweep-needs-year = a cost curve varies one year's rules: give --year YEAR
cli-sweep-format-needs-sweep = --format csv only serves with --sweep (a page of one impact: --format html)
cli-sweep-rulebook-failed = with { $item } = { $value }, the rules no longer load (see the diagnostics)
cli-sweep-values = values
cli-sweep-title = Cost curve of { $item } — { $year } ({ $rules }), { $cases } cases, { $count } values
cli-sweep-current = value in the rules: { $value }
cli-sweep-col-value = value
cli-sweep-col-total = total
cli-sweep-col-step = step delta
cli-sweep-current-mark = ← rules
cli-sweep-errors = { $count } cases in error, left out of the total
cli-sweep-per-case-note = The cost of each of the { $cases } cases: --format csv or --format json.
cli-sweep-largest-step = The largest step: { $from } → { $to }, { $delta }; attribution item by item, summed over the cases (method: { $method })
cli-sweep-no-step = A single value: no step to attribute.
cli-sweep-chart = Total cost by { $item }
help-impact--sweep = With --year: a cost curve, one rule value swept (NAME=FROM..TO:STEP: a parameter, TABLE[key=value,…].column or LIST.CODE.attribute; see docs/courbes-de-cout.md)
# French everywhere by default, English with --lang en; the terminal's width (issue 26, part french)
cli-clap-usage = Usage:
cli-clap-commands = Commands
cli-clap-help-flag = Print help
cli-clap-version-flag = Print version
cli-clap-help-subcommand = Print this message or the help of the given subcommand(s)
cli-clap-possible-values = [possible values: { $values }]
cli-clap-env = [env: { $name }]
cli-clap-default = [default: { $value }]
cli-clap-missing = the following required arguments were not provided:{ $args }
cli-clap-value-missing = a value is required for '{ $arg }'
cli-clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-clap-value-refused = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-clap-unknown-argument = unexpected argument '{ $arg }' found
cli-clap-unknown-command = unrecognized subcommand '{ $name }'
cli-clap-conflict = the argument '{ $arg }' cannot be used with '{ $prior }'
cli-clap-too-many-values = unexpected value '{ $value }' for '{ $arg }' found
cli-clap-number-of-values = '{ $arg }' requires { $expected } values, { $actual } given
cli-clap-no-equals = '{ $arg }' requires an equal sign before its value
cli-clap-missing-command = '{ $name }' requires a subcommand
cli-clap-invalid = invalid arguments
cli-clap-suggested = tip: a similar name exists: { $names }
cli-clap-dash-dash = to pass '{ $arg }' as a value, use '-- { $arg }'
cli-clap-more = For more information, try '--help'.
cli-table-total = TOTAL
help-compute--names = The table shows each figure's rule name beside its label
cli-batch-title = { $rulebook } — { $cases } { $cases ->
        [one] case
       *[other] cases
    }
cli-batch-col-case = case
cli-batch-col-name = name
cli-batch-col-eligible = eligible
cli-batch-col-total = total
cli-batch-cell-error = error
cli-batch-summary = { $cases } { $cases ->
        [one] case
       *[other] cases
    }: { $eligible } eligible, { $ineligible } not eligible, { $errors } in error
help-schedule--names = The table shows the rule names beside the labels
cli-status = { $status }
cli-schedule-event-kind = { $kind }
cli-schedule-set-by-rule = set by the rules [{ $status }]: { $label }
explain-mechanism = { $mechanism }: { $formula }
help-rules-matrix--locale = Number style: fr (default) or plain (as the blessed matrices)
