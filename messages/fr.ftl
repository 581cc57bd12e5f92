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

# -- end eval --


## Ligne de commande (cli/src)
# -- begin cli --

# -- end cli --


## Rapports : calcul, explication, page HTML (cli/src/compute.rs, explain.rs, html.rs, format.rs)
# -- begin reports --

# -- end reports --
