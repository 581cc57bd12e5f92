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
