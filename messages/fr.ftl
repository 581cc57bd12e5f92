# Messages de peps en français (la langue par défaut).
#
# Chaque phrase que peps écrit pour une personne est ici, sous un identifiant ; `en.ftl` a les
# mêmes identifiants en anglais (un test vérifie que les deux fichiers ont les mêmes). Syntaxe :
# Project Fluent (https://projectfluent.org) ; `{ $nom }` est une valeur fournie par peps.
# Les codes (R107, V420…) et leurs noms anglais (`undefined-name`) sont des identifiants stables :
# ils ne se traduisent pas.

## Exemple de pluriel (tests du moteur)

test-sample = { $count } { $count ->
        [one] ligne
       *[other] lignes
    } de code { $name }


## Règles : lecture et vérification des fichiers de règles (engine/src/rules, rulebook, formula, expr, diagnostic)
# -- begin rules --

rules-toml-invalid = TOML invalide : { $reason }
rules-wrong-type = { $what } doit être { $expected }, et non { $found }
rules-type-string = une chaîne de caractères
rules-type-integer = un nombre entier
rules-type-decimal = un nombre décimal
rules-type-boolean = un booléen
rules-type-date = une date
rules-type-array = un tableau
rules-type-table = une table
rules-type-true-or-false = true ou false
rules-missing-key = { $what } n'a pas de `{ $key }`
rules-key-of = `{ $key }` dans { $what }
rules-item-of-key = un élément de `{ $key }`
rules-did-you-mean = vouliez-vous dire `{ $name }` ?
rules-known-keys = clés connues : { $keys }
rules-unknown-key = clé inconnue `{ $key }` dans { $what }
rules-out-of-range = { $what } est hors limites
rules-decimal-as-string = écrivez-le entre guillemets, par exemple "0.20"
rules-not-decimal = { $what } n'est pas un nombre décimal : `{ $text }`
rules-decimal-point = séparez les décimales par un point, par exemple "1234.56"
rules-not-calendar-date = { $what } n'est pas une date du calendrier
rules-date-unquoted = écrivez une date TOML sans guillemets, par exemple 2025-01-31
rules-date = { $date }
rules-one-of = valeurs possibles : { $choices }
rules-what-parameter = le paramètre `{ $name }`
rules-value-and-values = { $what } a à la fois `value` et `values` : gardez-en un seul
rules-give-value = donnez `value = ...`, ou `values = [{"{"} from = AAAA-MM-JJ, value = ... {"}"}]` pour des valeurs datées
rules-once-not-date = { $what } a `once = true` mais n'est pas une date
rules-once-hint = `once` marque une date qui n'arrive qu'une fois, qu'une nouvelle année garde telle quelle au lieu de la décaler
rules-what-dated-value = une valeur datée dans { $what }
rules-dated-value-outside = une valeur datée dans { $what } commence le { $from }, hors de la période du { $start } au { $end }
rules-only-own-period = les règles d'une année ne contiennent que ce qui est en vigueur pendant leur propre période
rules-dated-values-order = les valeurs datées dans { $what } doivent être dans l'ordre croissant de `from` ({ $from } après { $previous })
rules-values-empty = `values` dans { $what } est vide
rules-dated-values-gap = les valeurs datées dans { $what } commencent le { $from } : du { $start } au { $end }, il n'y a pas de valeur
rules-first-value-start = faites commencer la première valeur le { $start }
rules-what-section = la section `{ $name }`
rules-what-input = l'entrée `{ $section }.{ $name }`
rules-what-field = le champ `{ $name }`
rules-role-not-text = { $what } a un rôle mais n'est pas un texte : un cas est nommé et identifié par un texte
rules-no-default = { $what } ne peut pas avoir de valeur par défaut
rules-reference-empty = `reference` dans { $what } est vide
rules-unknown-status = statut inconnu `{ $status }`
rules-unknown-choice = { $kind ->
        [unit] unité inconnue
        [role] rôle inconnu
        [method] méthode inconnue
        [direction] sens inconnu
        [key_type] type de clé inconnu
        [input_type] type d'entrée inconnu
        [rounding_mode] mode d'arrondi inconnu
        [mode] mode inconnu
       *[other] valeur inconnue pour `{ $key }` :
    } `{ $value }`
rules-what-indicator-set = le jeu d'indicateurs `{ $name }`
rules-what-indicator = un indicateur de `{ $set }`
rules-weight-negative = le poids est négatif dans { $what }
rules-weights-zero = les poids du jeu d'indicateurs `{ $set }` ont une somme nulle
rules-weights-not-one = les poids du jeu d'indicateurs `{ $set }` ont pour somme { $total }, et non 1
rules-weights-share = { $weights } : chaque poids est la part de l'indicateur dans le score, leur somme vaut donc 1
rules-what-list = la liste `{ $name }`
rules-what-list-attribute = un attribut de la liste `{ $list }`
rules-what-list-item = un élément de la liste `{ $list }`
rules-code-and-pattern = { $what } a à la fois `code` et `pattern` : gardez-en un seul
rules-pattern-invalid = le motif `{ $pattern }` n'est pas une expression régulière valide : { $reason }
rules-list-code-twice = { $kind ->
        [pattern] le motif
       *[code] le code
    } `{ $code }` apparaît deux fois dans la liste `{ $list }` sur les mêmes dates
rules-list-code-twice-hint = donnez à chaque version { $kind ->
        [pattern] d'un motif
       *[code] d'un code
    } des dates `from`/`to` qui ne se chevauchent pas
rules-label-open-brace = `{"{"}` n'ouvre aucun `{"{"}nom{"}"}` : un nom est fait de lettres, de chiffres et de `_`, et se ferme par `{"}"}`
rules-label-close-brace = `{"}"}` ne ferme rien
rules-what-table = la table `{ $name }`
rules-what-item-of-list = l'élément `{ $code }` de la liste `{ $list }`
rules-what-indicator-named = l'indicateur `{ $name }`
rules-what-event = l'événement `{ $name }`
rules-what-step = l'étape `{ $name }`
rules-what-check-of-step = le contrôle `{ $check }` de l'étape `{ $step }`
rules-what-class-of-step = la classe `{ $class }` de l'étape `{ $step }`
rules-label-brace = { $what } : dans son libellé, { $reason }
rules-label-brace-hint = `{"{"}nom{"}"}` affiche la valeur du paramètre `nom` ; écrivez `{"{{"}` ou `{"}}"}` pour une accolade
rules-label-names-parameter = un libellé affiche la valeur d'un paramètre : `{"{"}nom{"}"}` en nomme un
rules-label-unknown-name = { $what } : son libellé affiche `{"{"}{ $name }{"}"}`, qui n'est pas un paramètre
rules-label-number = { $what } : son libellé écrit en dur `{ $number }`, la valeur du paramètre `{ $parameter }`, que l'étape lit
rules-label-number-hint = écrivez plutôt `{"{"}{ $parameter }{"}"}` : le libellé affiche alors la valeur du paramètre ({ $value }) et reste juste quand elle change
rules-what-key-column = une colonne de clé de la table `{ $table }`
rules-what-value-column = une colonne de valeurs de la table `{ $table }`
rules-what-row = une ligne de la table `{ $table }`
rules-table-no-rows = la table `{ $table }` n'a aucune ligne
rules-not-interval = `{ $text }` n'est pas un intervalle
rules-interval-example = écrivez par exemple "[0, )"
rules-enum-needs-values = la clé énumérée `{ $key }` demande `values`
rules-star-any-value = écrivez "*" pour accepter toute valeur
rules-not-interval-for-key = `{ $text }` n'est pas un intervalle pour la clé `{ $key }`
rules-interval-examples = écrivez "[0, 16)", "[80, )", "2" ou "*"
rules-not-key-value = `{ $text }` n'est pas une valeur de la clé `{ $key }`
rules-one-of-or-star = valeurs possibles : { $choices }, ou "*"
rules-key-cannot-be = la clé `{ $key }` ne peut pas être { $found }
rules-table-too-many-combinations = la table `{ $table }` découpe ses clés en { $total } combinaisons, plus de 1 000 000
rules-table-gap = la table `{ $table }` n'a pas de ligne pour : { $gaps }{ $more ->
        [0] {""}
        [one] {" "}et 1 autre cas
       *[other] {" "}et { $more } autres cas
    }
rules-table-gap-hint = ajoutez des lignes, ou élargissez l'intervalle d'une ligne voisine
rules-table-overlap = des lignes de la table `{ $table }` se chevauchent : celle-ci et celle écrite à la ligne { $line } du fichier couvrent toutes deux { $combination }
rules-table-overlap-hint = rendez les intervalles semi-ouverts, par exemple "[0, 16)" puis "[16, 25)"
rules-what-a-step = une étape
rules-no-mechanism = { $what } n'a pas de mécanisme
rules-give-one-of = indiquez-en un parmi : { $choices }
rules-several-mechanisms = { $what } a plusieurs mécanismes ({ $mechanisms }) : gardez-en un seul
rules-rounding-step-positive = un pas d'arrondi doit être positif
rules-what-key = la clé `{ $name }`
rules-aggregate-no-operation = l'agrégat de { $what } demande `sum`, `count`, `min` ou `max`
rules-aggregate-operations = `sum = "EXPR"`, `count = true`, `min = "EXPR"` ou `max = "EXPR"`
rules-aggregate-several-operations = l'agrégat de { $what } a plusieurs opérations ({ $operations }) : gardez-en une seule
rules-round-rows-sum-only = `round_rows` arrondit les lignes d'une somme : seule une somme additionne des lignes arrondies
rules-what-a-class = une classe
rules-no-classes = la classification de { $what } n'a aucune classe
rules-not-a-function = `{ $text }` ne nomme pas une fonction
rules-function-example = écrivez "fichier.rhai::fonction"
rules-what-a-check = un contrôle
rules-in = dans { $what } : { $reason }
rules-describe-where = {" "}où { $condition }
rules-describe-filter = lignes de { $dataset }{ $filter }
rules-describe-lookup-rows = somme sur les lignes de { $dataset } de { $cell }
rules-describe-by = , par { $expr }
rules-describe-rows-rounded = , chaque ligne arrondie à { $step } ({ $mode }) avant la somme
rules-describe-count = nombre de lignes de { $dataset }{ $filter }{ $by }
rules-describe-aggregate = { $op ->
        [sum] somme
        [min] minimum
       *[max] maximum
    } de { $expr } sur { $dataset }{ $filter }{ $by }{ $rounded }
rules-describe-derive = pour chaque ligne de { $dataset } : { $value }
rules-describe-classify = chaque ligne de { $dataset } selon la liste { $list } (code { $code } à la date { $date }) : { $classes }
rules-describe-class = { $class } si { $condition }
rules-describe-next-class = { $previous } ; sinon { $class } si { $condition }
rules-describe-score = atteinte pondérée des indicateurs de { $set }
rules-path-escapes-folder = le chemin `{ $path }` sort du dossier { $folder }
rules-path-escapes = le chemin `{ $path }` sort du dossier
rules-cannot-read = impossible de lire { $file } : { $reason }
rules-not-utf8 = { $file } n'est pas en UTF-8 valide
rules-io-not-found = fichier ou dossier introuvable
rules-io-permission-denied = permission refusée
rules-io-is-directory = c'est un dossier
rules-no-folder = aucun dossier où le lire
rules-no-such-file = fichier introuvable
rules-advance-no-share-nor-amount = l'avance `{ $name }` n'a ni `share` ni `amount`
rules-advance-what = une avance est une part d'une estimation (`share` et `estimate`) ou la valeur d'une étape (`amount`)
rules-advance-no-estimate = l'avance `{ $name }` a une part (`share`) mais pas d'estimation (`estimate`)
rules-advance-estimate-hint = indiquez d'où vient l'estimation, par exemple estimate = ["section.entree", "etape"]
rules-share-between-0-1 = la part de l'événement `{ $name }` doit être comprise entre 0 et 1
rules-between-1-and = { $what } doit être compris entre 1 et { $max }
rules-not-day-of-year = `{ $text }` n'est pas un jour de l'année
rules-day-of-year-hint = écrivez le mois et le jour sous la forme MM-JJ, par exemple "05-01" pour le 1er mai
rules-easter-offset = un écart à Pâques doit tenir dans une année (de -366 à 366 jours)
rules-what-weight = le poids de `{ $name }`
rules-weight-between-0-1 = le poids de `{ $name }` doit être compris entre 0 et 1
rules-weights-over-one = les poids dans { $what } ont pour somme { $total }, plus que 1
rules-deposit-not-first-day = la règle de dépôt `{ $name }` commence le { $date }, et non le premier jour d'un mois
rules-deposit-whole-months = ses périodes sont des mois entiers : sa `date` est le premier jour du premier d'entre eux
rules-month = { $month }/{ $year }
rules-deposit-no-deadline = le mois { $month } compte moins de { $days } jours ouvrables : la règle de dépôt `{ $name }` n'y a pas d'échéance
rules-advance-amount-not-rebased = l'avance `{ $name }` verse un montant, et non une part de l'estimation : les entrées et les sorties ne la recalculent pas
rules-advance-amount-not-rebased-hint = écrivez-la comme une part (`share` et `estimate`) pour que le recalcul s'applique, ou réglez la différence avec le solde
rules-advance-shares-over-one = les parts des avances ont pour somme { $total }, plus que 1
rules-advance-shares-hint = les avances sont des parts d'une même estimation annuelle
rules-several-balances = le calendrier a plus d'un solde
rules-several-balances-hint = le solde est le montant final moins tous les versements : il n'y en a qu'un
rules-event-no-step = `{ $key }` de l'événement `{ $event }` nomme `{ $name }`, qui n'est pas une étape
rules-event-step-not-eur = `{ $key }` de l'événement `{ $event }` nomme l'étape `{ $name }`, dont l'unité est { $unit }, et non EUR
rules-event-no-input = `{ $key }` de l'événement `{ $event }` nomme `{ $name }`, qui n'est pas une entrée des cas
rules-case-inputs-written = les entrées des cas s'écrivent `section.nom`, comme le fichier des entrées les déclare
rules-event-input-not-eur = `{ $key }` de l'événement `{ $event }` nomme l'entrée `{ $name }`, qui n'est pas un montant en EUR
rules-event-input-not-records = `received` de l'événement `{ $event }` nomme l'entrée `{ $name }`, qui n'est pas une liste d'enregistrements
rules-records-no-field = les enregistrements de `{ $input }` n'ont pas de champ `{ $field }` d'unité { $unit }
rules-its-fields = ses champs : { $fields }
rules-event-no-dataset = `dataset` de l'événement `{ $event }` nomme `{ $name }`, qui n'est pas un jeu de données
rules-event-no-column = `{ $key }` de l'événement `{ $event }` nomme la colonne `{ $column }`, que le jeu de données `{ $dataset }` n'a pas
rules-event-column-kind = `{ $key }` de l'événement `{ $event }` nomme la colonne `{ $column }`, de type { $kind }, là où il faut une colonne de type { $needed }
rules-did-you-mean-parameter = vouliez-vous dire le paramètre `{ $name }` ?
rules-saturday-hint = nommez un paramètre d'unité `bool` : vrai quand le samedi est un jour ouvrable
rules-saturday-no-parameter = `saturday` de l'événement `{ $event }` nomme `{ $name }`, qui n'est pas un paramètre
rules-saturday-not-bool = `saturday` de l'événement `{ $event }` nomme le paramètre `{ $name }`, dont l'unité est { $unit }, et non bool
rules-weekend-saturday = `weekend` de l'événement `{ $event }` cite saturday, mais le paramètre `{ $name }` fait du samedi un jour ouvrable
rules-weekend-saturday-hint = retirez le samedi de `weekend` : c'est le paramètre qui décide
rules-event-twice = l'événement de calendrier `{ $name }` est défini deux fois
rules-event-expr-kind = `{ $key }` de l'événement `{ $event }` doit être de type { $needed }, et non { $kind }
rules-in-event = dans `{ $key }` de l'événement `{ $event }` : { $reason }
rules-link-names-fields = un lien nomme des champs de la norme à laquelle il renvoie
rules-norm-no-field = la norme `{ $norm }` v{ $version } n'a pas de champ `{ $field }`
rules-field-not-text = le champ `{ $field }` de la norme `{ $norm }` ne contient pas de codes : ce n'est pas du texte
rules-no-list = aucune liste `{ $name }` dans les règles
rules-code-not-in-catalogue = le code `{ $code }` de la liste `{ $list }` n'est pas dans le catalogue `{ $catalogue }`
rules-code-not-in-catalogue-hint = chaque code listé par les règles doit exister : ajoutez-le au catalogue, ou corrigez-le dans la liste
rules-script-no-function = le script `{ $script }` n'a pas de fonction `{ $function }`
rules-in-formula = dans la formule de l'étape `{ $step }` : { $reason }
rules-formula-unknown-function = dans la formule de l'étape `{ $step }` : fonction inconnue `{ $name }`
rules-script-not-listed = l'étape `{ $step }` appelle le script `{ $script }`, que `[files] scripts` ne liste pas
rules-formula-reads = la formule de l'étape `{ $step }` lit `{ $name }` : { $reason }
rules-function-parameters-hint = les paramètres d'une fonction nomment les résultats, paramètres et entrées qu'elle lit
rules-expr-kind = { $what } doit être de type { $needed }, et non { $kind }
rules-part = { $part ->
        [condition] la condition
        [grouping] le regroupement
        [value] la valeur
        [sum] la somme
        [min] le minimum
        [max] le maximum
        [code] le code
       *[date] la date
    }
rules-part-of-step = { $part } de l'étape `{ $step }`
rules-min-max-unit = l'étape `{ $step }` prend { $op ->
        [min] le minimum
       *[max] le maximum
    } de valeurs : son unité doit être un nombre ou une date
rules-unknown-table = table inconnue `{ $name }`
rules-table-no-column = la table `{ $table }` n'a pas de colonne `{ $column }`
rules-table-several-columns = la table `{ $table }` a plusieurs colonnes : indiquez laquelle avec `column`
rules-step-no-key-value = l'étape `{ $step }` ne donne pas de valeur pour la clé `{ $key }` de la table `{ $table }`
rules-table-no-key = la table `{ $table }` n'a pas de clé `{ $key }`
rules-unknown-list = liste inconnue `{ $name }`
rules-what-class = la classe `{ $name }`
rules-what-check = le contrôle `{ $name }`
rules-unknown-indicator-set = jeu d'indicateurs inconnu `{ $name }`
rules-indicator-reads = l'indicateur `{ $indicator }` lit `{ $name }`, qui n'est ni une entrée, ni un paramètre, ni une étape numérique
rules-result-no-step = `[result]` nomme l'étape `{ $name }`, qui n'existe pas
rules-gate-not-checks = la condition d'accès `{ $name }` doit être une étape `checks`
rules-waterfall-starts-with-level = `[result] waterfall` doit commencer par un niveau, et non par un ajout
rules-steps-cycle = des étapes dépendent les unes des autres en boucle : { $cycle }
rules-steps-cycle-hint = une étape ne peut lire que des étapes qui ne la lisent pas en retour
rules-input-norm-not-listed = l'entrée `{ $section }.{ $name }` lit la norme `{ $norm }`, que `rulebook.toml` ne liste pas sous `[norms]`
rules-norm-unread = la norme `{ $norm }` est listée mais aucune entrée ne la lit
rules-name-taken = { $kind ->
        [built-in] le nom intégré
        [parameter] le paramètre
        [input] l'entrée
       *[step] l'étape
    } `{ $name }` porte le nom de quelque chose déjà défini dans { $previous }
rules-one-namespace = les paramètres, entrées, jeux de données et étapes partagent un même espace de noms
rules-built-in = (intégré)
rules-money-no-rounding = l'étape `{ $step }` est un montant en EUR sans arrondi
rules-money-no-rounding-hint = ajoutez `round = {"{"} step = "0.01", mode = "half-up" {"}"}`, `round = "none"`, ou `[defaults] money_rounding` dans rulebook.toml
rules-step-no-unit = l'étape `{ $step }` n'a pas d'unité (`unit`)
rules-folder-starts-with-manifest = un dossier de règles commence par un fichier `rulebook.toml`
rules-period-ends-before-start = la période se termine avant de commencer
rules-reference-date-outside = la date de référence { $date } est hors de la période du { $start } au { $end }
rules-what-norm-version = la version de la norme `{ $norm }`
rules-what-norm = la norme `{ $norm }`
rules-what-codes = les codes de `{ $norm }.{ $field }`
rules-codes-no-list = les codes de `{ $norm }.{ $field }` ne nomment aucune liste
rules-codes-no-list-hint = donnez `catalogue` (tous les codes qui existent : hors de lui, une erreur) et/ou `list` (la liste des règles : hors d'elle, un avertissement quand le code est au catalogue)
rules-unlisted-needs-both = `unlisted` de `{ $norm }.{ $field }` dit ce qu'est un code du catalogue hors de la liste : il faut les deux
rules-manifest-lists-file = `rulebook.toml` liste `{ $path }` sous `[files] { $kind }`
# -- end rules --


## Données : cas, normes, validation, échéancier, comparaisons (engine/src/data, validate, schedule, compare, value)
# -- begin data --

# -- end data --


## Évaluation (engine/src/eval)
# -- begin eval --

eval-not-a-number = { $what } a donné { $found ->
        [text] un texte
        [date] une date
        [boolean] un booléen
        [null] une valeur vide
       *[other] { $found }
    }, pas un nombre
eval-no-table-row = la table `{ $table }` n'a pas de ligne pour { $keys }
eval-no-table-row-at = ligne { $row } de `{ $dataset }` : la table `{ $table }` n'a pas de ligne pour { $keys }
eval-sum-overflows = la somme dépasse la capacité des nombres
eval-step-over-budget = l'étape `{ $step }` ({ $at }) a dépassé son budget de calcul : { $failure }
eval-step-failed = l'étape `{ $step }` ({ $at }) a échoué : { $failure }
eval-components-mismatch = les composantes font { $sum }, le total est { $total }
eval-components-mismatch-hint = `[result] components` doit lister les sorties dont la somme est le total
eval-the-sum = la somme
eval-indicator = l'indicateur `{ $name }`
eval-indicator-detail = résultat { $result }, cible { $target } ({ $direction }), poids { $weight }
eval-direction-higher = plus haut est mieux
eval-direction-lower = plus bas est mieux
eval-no-class = aucune classe ne correspond
eval-waterfall-other = Non déclaré dans la cascade
eval-lookup-each = { $value } chacun
# -- end eval --


## Ligne de commande (cli/src)
# -- begin cli --

# -- end cli --


## Rapports : calcul, explication, page HTML (cli/src/compute.rs, explain.rs, html.rs, format.rs)
# -- begin reports --

report-one-case-only = erreur : --manifest et --format html valent pour un seul cas ; { $folder } est un dossier de cas
report-data-shift = données de { $from } ramenées en { $to }
report-not-eligible = NON éligible : le total est nul.
report-failed-check = { $label } ({ $name })
report-failed-check-compared = { $label } ({ $name }) : { $value }, { $op ->
        [ge] il en faut au moins { $threshold }
        [gt] il en faut plus de { $threshold }
        [le] il en faut au plus { $threshold }
        [lt] il en faut moins de { $threshold }
        [eq] il en faut { $threshold }
       *[ne] il faut autre chose que { $threshold }
    }
report-components = Composantes du total : { $names }
report-rests-on = Le total repose sur { $count } { $count ->
        [one] élément supposé
       *[other] éléments supposés
    } (hypothèses, faute de texte officiel public) :
report-rests-on-nothing = Le total ne repose sur aucun élément supposé
report-item = { $label } ({ $kind ->
        [parameter] paramètre
        [table] table
        [list] liste
        [indicators] indicateurs
       *[other] { $kind }
    } `{ $name }`)
report-item-share = { $item } : { $share } du total en dépend
report-rows-left-out = { $rows } { $rows ->
        [one] ligne
       *[other] lignes
    } de `{ $dataset }` écartée(s), non calculée(s) ({ $file }) : { $codes }
html-subtitle = { $rulebook } — année { $year }
html-composition = Composition du total
html-detail = Détail du calcul
html-col-step = étape
html-col-value = valeur
html-col-name = nom
html-fingerprint = Empreinte du calcul
html-col-item = élément
html-engine-rules = { $engine } (règles { $year })
html-item-kind = { $kind ->
        [parameter] paramètre
        [table] table
        [list] liste
        [indicators] indicateurs
       *[other] { $kind }
    } { $name }
html-assumptions = Hypothèses
html-assumptions-intro = Le total repose sur { $count } { $count ->
        [one] élément supposé
       *[other] éléments supposés
    }, faute de texte officiel public. Chacun est donné avec la part du total qui en dépend.
html-col-assumption = hypothèse
html-col-rule-item = élément des règles
html-col-share = part du total qui en dépend
html-total = Total
explain-no-output = erreur : pas de sortie `{ $name }` dans le calcul { $year }
explain-no-output-suggest = erreur : pas de sortie `{ $name }` dans le calcul { $year } (vouliez-vous dire `{ $suggestion }` ?)
explain-stopped-at-gate = note : non éligible ; le calcul s'est arrêté aux critères d'éligibilité
explain-how = calcul : { $formula }
explain-made-of = Ce qu'il lit, avec les valeurs :
explain-weighs-most = Ce qui pèse le plus :
explain-rests-on = Il repose sur { $count } { $count ->
        [one] élément supposé
       *[other] éléments supposés
    } des règles :
explain-rests-on-short = repose sur { $count } { $count ->
        [one] élément supposé
       *[other] éléments supposés
    }
explain-more = L'arbre complet : --full (ou --depth N) ; le détail et la source de chaque étape : ajoutez --details.
explain-not-evaluated = { $name } (non calculé)
explain-read-parameter = { $label } (paramètre `{ $name }`) = { $value } [{ $status }]
explain-read-input = entrée { $name } = { $value } (fichier du cas)
explain-read-table = { $label } (table `{ $name }`) [{ $status }]
explain-read-list = { $label } (liste `{ $name }`) [{ $status }]
explain-read-indicators = { $label } (indicateurs `{ $name }`) [{ $status }]
explain-read-dataset = données { $name } : { $shown } { $rows ->
        [one] ligne
       *[other] lignes
    }
explain-reference = référence : { $reference }
explain-breakdown-hidden = { $count } { $count ->
        [one] ligne
       *[other] lignes
    } de détail : --details
explain-above = expliqué plus haut
explain-not-opened = non ouvert : augmentez --depth
explain-rows = { $shown } { $count ->
        [one] ligne
       *[other] lignes
    }
report-bar-label-not-a-bar = `[result.bar_labels]` nomme `{ $name }`, qui n'est pas une barre de `[result] waterfall`
# -- end reports --

## Aide de la ligne de commande (--help) : help-<commande>, help-<commande>--<option> ; help--<option> vaut pour toutes les commandes
# -- begin help --
help = Un moteur de règles pour les rémunérations écrites en règles annuelles : calculer, expliquer, échelonner et vérifier
help--lang = Langue de ce que peps écrit pour les personnes : fr (par défaut) ou en
help--rules = Dossier des règles annuelles (par défaut : `rules/` du dépôt)
help--norms = Dossier des normes d'échange (par défaut : le `norms/` du dispositif, puis celui du dépôt)
help--scheme = Un dispositif livré à côté de celui par défaut : `--scheme capitation` lit `rules/capitation/`
help--allow_outside_paths = Autoriser les chemins de données du fichier du cas à sortir du dossier du cas
help--manifest = Écrire le manifeste du calcul (version du moteur, SHA-256 des règles, des normes et des fichiers lus) dans ce fichier
help-compute = Le montant d'un cas pour une année, composante par composante (ou de chaque cas d'un dossier)
help-compute--year = L'année dont les règles s'appliquent
help-compute--format = Format de sortie
help-compute--locale = Style des nombres : fr (58 420,57 €, par défaut) ou plain (58420.57)
help-compute--keep_dates = Garder les dates du cas : par défaut, les données d'une autre année sont ramenées dans l'année des règles
help-compute--force = Remplacer un fichier de sortie existant
help-compute--threads = Avec un dossier de cas : nombre de fils d'exécution (0 : un par cœur)
help-compute--timings = Avec un dossier de cas : dire sur stderr où le temps est passé
help-compute--outputs = Avec un dossier de cas : donner aussi ces sorties pour chaque cas, par nom (`--outputs total,bonus`), ou toutes (`--outputs all`)
help-compute--case = Le dossier du cas (son fichier de cas et ses fichiers de données), ou un dossier de dossiers de cas : une ligne par cas et les totaux
help-docs = Les règles d'une année en document lisible (Markdown et HTML)
help-docs--year = L'année dont les règles sont documentées
help-docs--out = Dossier où écrire rules-<année>.md et rules-<année>.html (par défaut : le Markdown sur la sortie standard)
help-docs--force = Remplacer les documents déjà présents dans le dossier
help-explain = Pourquoi un chiffre est ce qu'il est : la réponse d'abord, puis l'arbre du calcul jusqu'aux entrées
help-explain--year = L'année dont les règles s'appliquent
help-explain--depth = Au lieu du résumé, l'arbre des sorties lues, ouvert sur ce nombre de niveaux (0 : la sortie seule)
help-explain--full = Au lieu du résumé, l'arbre complet jusqu'aux entrées
help-explain--details = Dans l'arbre, aussi le détail de chaque sortie (cases de table atteintes, groupes, classes) et sa source Rhai
help-explain--format = Format de sortie
help-explain--locale = Style des nombres : fr (par défaut) ou plain
help-explain--keep_dates = Garder les dates du cas : par défaut, les données d'une autre année sont ramenées dans l'année des règles
help-explain--force = Remplacer un fichier de sortie existant
help-explain--case = Le dossier du cas
help-explain--output = La sortie à expliquer (par défaut : le total)
help-impact = Le même cas sous deux années : l'écart de chaque sortie et ses causes
help-impact--from = L'année de départ (avec --to) : ce qui a changé d'une année à l'autre
help-impact--to = L'année d'arrivée (avec --from)
help-impact--year = L'année d'un brouillon (avec --rules BROUILLON) : ce que coûte le brouillon par rapport aux règles livrées
help-impact--baseline_rules = Avec --year : les règles auxquelles le brouillon est comparé (par défaut : `rules/` du dépôt)
help-impact--format = Format de sortie
help-impact--locale = Style des nombres : fr (par défaut) ou plain
help-impact--keep_dates = Garder les dates du cas : par défaut, les données d'une autre année sont ramenées dans l'année des règles
help-impact--force = Remplacer un fichier de sortie existant
help-impact--threads = Avec plusieurs cas : nombre de fils d'exécution (0 : un par cœur)
help-impact--cases = Les dossiers de cas, ou des dossiers de dossiers de cas
help-rules = Vérifier, comparer et commencer les règles annuelles
help-rules-check = Charger strictement les règles et les normes, et signaler chaque diagnostic, avec la continuité dans le temps
help-rules-check--years = Les années à vérifier (par défaut : toutes celles du dossier des règles)
help-rules-check--format = Format du résumé (les diagnostics vont toujours sur stderr)
help-rules-diff = Ce qui a changé entre deux années, valeur par valeur, avec les nouvelles références
help-rules-diff--from = L'année de départ
help-rules-diff--to = L'année d'arrivée
help-rules-diff--format = Format de sortie
help-rules-new-year = Commencer l'année ANNÉE à partir de l'année --from : dates déplacées, valeurs reconduites marquées, vérifiée
help-rules-new-year--year = L'année à créer
help-rules-new-year--from = L'année de départ
help-rules-new-year--force = Remplacer l'année si elle existe déjà
help-rules-draft = Copier l'année ANNÉE vers DOSSIER/ANNÉE, n'importe où, pour la modifier et l'essayer (les éditeurs trouvent toujours les schémas)
help-rules-draft--year = L'année à copier
help-rules-draft--dir = Où écrire le brouillon : les fichiers de l'année vont dans DOSSIER/ANNÉE, de sorte que DOSSIER soit un dossier de règles (`--rules DOSSIER`) pour les autres commandes
help-rules-draft--force = Remplacer DOSSIER/ANNÉE s'il existe déjà
help-rules-schema = Écrire les schémas JSON des fichiers de règles, de normes et de tests, pour les éditeurs (`--check` compare)
help-rules-schema--out = Le dossier où écrire les schémas (par défaut : `schemas/` du dépôt)
help-rules-schema--check = Ne rien écrire : sortir avec 1 si un schéma du dossier manque, est périmé ou inconnu
help-rules-matrix = Des cas sous chaque année côte à côte, leurs données ramenées dans chaque année
help-rules-matrix--keep_dates = Garder les dates de chaque cas (par défaut, ses données sont ramenées dans chaque année)
help-rules-matrix--cases = Les dossiers de cas
help-rules-regress = Chaque exemple sous chaque année, comparé aux résultats bénis de snapshots/ (`--accept` bénit)
help-rules-regress--examples = Dossier des cas d'exemple (par défaut : `examples/` du dépôt)
help-rules-regress--snapshots = Dossier des résultats bénis (par défaut : `snapshots/` du dépôt)
help-rules-regress--accept = Réécrire les résultats bénis avec les nouveaux : ils deviennent la référence
help-rules-regress--format = Format de sortie
help-schedule = Les paiements dans le temps : acomptes, régularisations, solde et dates limites de dépôt
help-schedule--year = L'année dont les règles et le calendrier s'appliquent
help-schedule--format = Format de sortie
help-schedule--locale = Style des nombres et des dates du tableau : fr (par défaut) ou plain
help-schedule--keep_dates = Garder les dates du cas : par défaut, les données d'une autre année sont ramenées dans l'année des règles
help-schedule--case = Le dossier du cas (son fichier de cas et ses fichiers de données)
help-synth = Créer un cas synthétique (jamais de données réelles)
help-synth--profile = Profil prédéfini : malakoff_like, small_msp ou ineligible
help-synth--seed = Graine du générateur : la même graine (et la même année) donne des fichiers identiques à l'octet près
help-synth--year = Année des données, à calculer avec `peps compute --year` de la même année : liste des patients au 31 décembre, actes dans l'année, table des IK de l'année précédente
help-synth--patients = Nombre de patients (par défaut : celui du profil ; avec --teams, de tout le pays, 2 000 par cas par défaut)
help-synth--teams = Écrire un pays de ce nombre de cas synthétiques, un dossier chacun (`equipe_00001`, …), de tailles, structures et compositions variées ; --profile ne sert pas alors
help-synth--threads = Avec --teams : nombre de fils d'exécution (0 : un par cœur) ; les fichiers n'en dépendent pas
help-synth--out = Dossier où écrire le cas (créé s'il le faut)
help-test = Lancer des cas de test déclaratifs : un cas écrit en TOML, les sorties attendues
help-test--paths = Fichiers de cas, ou dossiers de fichiers de cas (par défaut : tests/cases)
help-test--keep = Écrire aussi chaque dossier de cas généré sous DOSSIER (DOSSIER/<cas>-<année>), pour l'ouvrir avec `peps compute` ou `peps explain`
help-validate = Vérifier des fichiers d'échange par rapport à leur norme avant leur dépôt
help-validate--files = Les fichiers à vérifier
help-validate--norm = La norme de référence (par défaut : celle dont le motif de nom de fichier correspond au nom, sinon celle dont la première ligne nomme les colonnes)
help-validate--year = L'année dont les règles donnent la version de la norme et les listes de codes (par défaut : l'année où commence la période du nom de fichier)
help-validate--format = Format du rapport
help-validate--rejects = Écrire chaque ligne rejetée dans les colonnes de l'en-tête, identifiants masqués (sauf --show-identifiers), avec sa ligne et ses motifs, dans CHEMIN (un seul FICHIER) ; une ligne d'une autre largeur est écrite entière dans la première colonne
help-validate--force = Remplacer le fichier des rejets s'il existe
help-validate--show_identifiers = Montrer les identifiants des patients dans le rapport et le fichier des rejets (masqués par défaut)
help-validate--max_examples = Problèmes montrés par code (par défaut : 5 dans un tableau, tous en JSON)
help-validate--deposit_date = Le jour du dépôt des fichiers (JJ/MM/AAAA ou AAAA-MM-JJ) : avertit des données déposées après leur date limite, et des jours qu'aucune période de dépôt du calendrier de l'année ne couvre
# -- end help --
