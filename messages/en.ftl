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
data-value-checksum-wrong = the check key is wrong ({ $algorithm })
data-value-checksum-expected = the key of this number would be { $key }
data-value-checksum-unreadable = the check key cannot be computed ({ $algorithm }): not of the form it reads
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
data-check-fails-hint = the norm's check `{ $condition }` does not hold on this row
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
data-impact-method = sequential substitution, item by item: starting from the earlier rules (moved into the later year, with the case's data, when the years differ: the frame), each changed item of the later rules is brought in one at a time in the fixed order parameters, table rows, list items, indicators, case inputs, norms, steps, formulas, result, calendar; each item is credited with the change of the total it causes given the items before it, so the credits add up exactly to the delta. An item that cannot be evaluated alone is evaluated with the next ones and their joint credit is noted.
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
data-code-v431 = a code of the field's catalogue that the rulebook's list lacks at the row's date (warning: the rulebook says what it comes to)
data-code-v432 = a row where a check of the norm across its fields fails (warning: the norm's label says what the row contradicts)
data-code-v433 = a row whose value is found in no row of the file it refers to, at the row's date when the norm says so (warning)
data-code-v440 = the file is deposited after the deadline of a period it holds data of (warning)
data-code-v441 = the file holds data of days that no deposit period of the calendar covers, so no deadline can be checked (warning)
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
