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
cli-output-exists = { $path } already exists; pass --force to replace it
cli-output-is-input = { $path } is an input of this run; refusing to write over it
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
cli-validate-code-errors = { $code } { $name }: { $count } { $count ->
        [one] error
       *[other] errors
    }
cli-validate-code-warnings = { $code } { $name }: { $count } { $count ->
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
cli-schedule-paid-apart = { $label } ({ $name }), paid apart
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
cli-schedule-output = { $label } ({ $name }) { $value }: { $what }
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
cli-schedule-deadlines = { $label } ({ $rule }): working day { $day } of the month after each period, files { $norms }
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
cli-impact-data-shift = données de { $from } ramenées en { $to }
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
cli-rules-not-checked = not checked
cli-rules-coverage = what { $from } has, { $to } keeps or records in { $removals }
cli-rules-coverage-broken = one of the two years does not load
cli-rules-all-pass = { $rulebooks } rulebooks, { $norms } norm files and their coverage in time: everything passes
cli-rules-see-above = { $status }: see the diagnostics above
cli-diff-title = Rules { $from } → { $to }: { $count } { $count ->
        [one] change
       *[other] changes
    }
cli-diff-reference = reference: { $reference }
cli-diff-reference-was = reference, was: { $old }
cli-diff-added = added
cli-diff-removed = removed
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
cli-new-year-cannot-move = cannot move { $path } aside: { $reason }
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
cli-docs-parameters-head = | name | label | value | unit | status | reference |
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

# -- end cli --


## Reports: compute, explain, HTML page (cli/src/compute.rs, explain.rs, html.rs, format.rs)
# -- begin reports --

# -- end reports --
