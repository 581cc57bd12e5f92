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
rules-value-out-of-range = { $what } vaut { $value }, hors de l'intervalle permis [{ $min }, { $max }]
rules-rate-as-percent-hint = un taux s'écrit comme une fraction : écrivez { $rate } pour { $value } % (ou déclarez `min` et `max` si la valeur peut vraiment dépasser 1)
rules-range-hint = corrigez la valeur, ou les bornes `min` et `max` du paramètre si elles sont trop étroites
rules-target-hint = une cible est un taux entre 0 et 1
rules-target-as-percent-hint = une cible est un taux entre 0 et 1 : écrivez { $rate } pour { $value } %
rules-bound-not-number = { $what } : `min` et `max` ne valent que pour un nombre
rules-result-component-missing = le total `{ $total }` lit `{ $step }`, absente des composantes de `[result]`
rules-result-component-unread = la composante `{ $step }` de `[result]` n'est pas lue par le total `{ $total }`
rules-result-components-hint = les composantes sont ce que le total additionne : donnez à `components` exactement les étapes que lit son calcul
rules-definition-typo = `{ $written }` est défini dans { $file } mais lu nulle part, et `{ $read }` est lu sans être défini : faute de frappe probable dans la définition
rules-definition-typo-hint = renommez `{ $written }` en `{ $read }` là où il est défini (les erreurs qui suivent en découlent)
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
# issue 26, item 2 (explain) : l'explication d'une étape écrite dans les règles
rules-what-explanation-value = la valeur `{ $name }` de l'explication
rules-what-explanation-case = une phrase de `cases` de l'explication
rules-what-explanation-when = la condition `when` de l'explication
rules-explanation-text-or-cases = { $what } : donnez `text` (une phrase) ou `cases` (des phrases choisies par `when`)
rules-explanation-text-or-cases-hint = `explanation = "…"` suffit pour une seule phrase ; `explanation.cases`, une liste de phrases chacune sous une condition `when`, choisit la phrase selon les valeurs
rules-explanation-expression-hint = une explication calcule dans le langage des conditions des étapes (`+`, `-`, `*`, `/`, `min`, `max`, `if`, comparaisons), sur ce que l'étape lit
rules-explanation-value-taken = l'explication de l'étape `{ $step }` définit la valeur `{ $name }`, qui est déjà un nom que l'étape lit
rules-explanation-value-taken-hint = donnez à la valeur de l'explication un autre nom
rules-explanation-unreachable = l'explication de l'étape `{ $step }` a une phrase sans `when` avant d'autres : celles qui la suivent ne sont jamais dites
rules-explanation-unreachable-hint = la phrase sans `when` vient en dernier : elle est dite quand aucune condition ne tient
rules-explanation-no-default = l'explication de l'étape `{ $step }` ne dit rien quand aucune de ses conditions `when` ne tient
rules-explanation-no-default-hint = terminez `cases` par une phrase sans `when`, dite quand aucune condition ne tient
rules-explanation-brace = l'explication de l'étape `{ $step }` : { $reason }
rules-explanation-unknown-name = l'explication de l'étape `{ $step }` nomme `{ $name }`, que l'étape ne lit pas
rules-explanation-not-read-hint = `{ $name }` existe, mais l'étape ne le lit pas : une explication montre ce que l'étape lit ({ $names }), sa propre valeur et ses `values`
rules-explanation-names-hint = une explication nomme ce que l'étape lit ({ $names }), sa propre valeur ou une de ses `values`
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
rules-describe-derive = pour chaque ligne de { $dataset }{ $by } : { $value }
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
# issue 27, item 8 (capitation : mesure de révision calculée par membre)
rules-rebase-measure = { $step ->
    [true] la mesure `{ $name }` de l'événement `{ $event }` est une étape qui ne calcule pas une valeur numérique par membre (une étape `derive` avec `key`)
   *[other] la mesure `{ $name }` de l'événement `{ $event }` n'est ni une colonne du jeu de données `{ $dataset }` ni une étape
}
rules-rebase-measure-dataset = la mesure `{ $name }` de l'événement `{ $event }` est calculée par membre de `{ $of }`, pas de `{ $dataset }` : ses clés ne désignent pas les membres révisés
rules-rebase-measure-hint = nommez une colonne numérique de `{ $dataset }`, ou une étape `derive = {"{"} dataset = …, value = …, key = … {"}"}` sur `{ $dataset }` (ou une vue de celui-ci) dont la clé est l'identifiant `id` de la révision
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
        [key] la clé
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

# issue 23, partie privacy : chemins, identifiants, diagnostics
rules-path-link-escapes = le chemin `{ $path }` mène hors du dossier { $folder } par un lien symbolique : le fichier n'est pas lu
rules-path-escape-hint = un fichier des règles reste dans leur dossier : copiez-le dans le dossier, ou faites pointer le lien vers un fichier du dossier
rules-case-file-outside = `case_file` (`{ $path }`) doit nommer un fichier du dossier du cas : le chemin sort du dossier
rules-case-file-outside-hint = écrivez un nom de fichier relatif au dossier du cas, sans `..` ni chemin absolu (`case_file = "team.toml"`)
# -- end rules --


## Données : cas, normes, validation, échéancier, comparaisons (engine/src/data, validate, schedule, compare, value)
# -- begin data --

data-did-you-mean = vouliez-vous dire `{ $name }` ?
data-field-pattern-invalid = son motif (`pattern`) n'est pas une expression régulière valide : { $reason }
data-value-below-min = inférieure au minimum { $min }
data-value-above-max = supérieure au maximum { $max }
data-value-not-integer = n'est pas un nombre entier
data-value-not-decimal = n'est pas un nombre décimal écrit avec `{ $sep }`
data-value-decimal-separator-hint = la norme écrit les décimales avec `{ $sep }`, pas `{ $other }`
data-value-not-date = n'est pas une date écrite { $format }
data-value-no-such-day = n'est pas une date du calendrier (ce jour n'existe pas)
data-value-not-bool = n'est ni { $yes } (oui) ni { $no } (non)
data-value-length-exactly = { $count } { $count ->
        [one] caractère
       *[other] caractères
    }, la norme en demande exactement { $want }
data-value-length-at-most = { $count } { $count ->
        [one] caractère
       *[other] caractères
    }, la norme en demande au plus { $want }
data-value-length-at-least = { $count } { $count ->
        [one] caractère
       *[other] caractères
    }, la norme en demande au moins { $want }
data-value-length-between = { $count } { $count ->
        [one] caractère
       *[other] caractères
    }, la norme en demande de { $min } à { $max }
data-value-pattern = n'a pas la forme que donne la norme (motif `{ $pattern }`)
data-value-pattern-for = n'a pas la forme que donne la norme pour { $label } (motif `{ $pattern }`)
data-value-checksum-wrong = { $key } incorrecte
data-value-checksum-expected = la clé de ce numéro serait { $key }
data-value-checksum-unreadable = la { $key } ne peut pas être calculée : la valeur n'a pas la forme attendue
data-value-not-allowed = n'est pas l'une des valeurs { $values }
data-value-surrounding-spaces = espaces avant ou après la valeur
data-value-required = obligatoire et vide
data-value-not-utf8 = n'est pas de l'UTF-8 valide (octet { $byte } en position { $position })
data-value-not-utf8-hint = enregistrez le fichier en UTF-8 (cette valeur semble écrite en Windows-1252)
data-value-utf8-in-windows-1252 = cette valeur se lit comme du texte UTF-8, mais la norme déclare windows-1252
data-value-utf8-in-windows-1252-hint = enregistrez le fichier en Windows-1252, sinon les lettres accentuées seront déformées
data-and = { $left } et { $right }
data-comma = { $left }, { $right }
data-binary-zip = une archive zip (un classeur xlsx ou ods ?)
data-binary-office = un ancien document Office (un classeur xls ?)
data-binary-nul = des données binaires (il contient des octets NUL ; du texte UTF-16 sans marque d'ordre des octets ?)
data-file-not-text = le fichier est { $what }, pas du texte délimité
data-file-save-as-csv = enregistrez-le en CSV, séparé par { $separator }
data-separator-tabs = des tabulations
data-check-fails-hint = vérifiez { $fields } sur cette ligne et corrigez la valeur fausse ; la ligne est gardée
data-check-invalid = contrôle "{ $label }" : `{ $condition }` : { $message }
data-check-invalid-hint = un contrôle nomme des colonnes de la norme et dit ce qui doit être vrai, par exemple substr(NIR, 1, 1) == '1'
data-check-unknown-list = les codes du champ `{ $field }` sont contrôlés avec la liste `{ $list }`, qui ne fait pas partie des listes fournies
data-code-catalogue-other-dates = le catalogue a ce code à d'autres dates que le { $date }
data-code-list-other-dates = la liste a ce code à d'autres dates que le { $date }
data-code-not-in-catalogue = absent du catalogue `{ $list }`
data-code-not-in-catalogue-on = absent du catalogue `{ $list }` au { $date }
data-code-not-in-list = absent de la liste `{ $list }`
data-code-not-in-list-on = absent de la liste `{ $list }` au { $date }
data-condition-not-bool = une condition doit être vraie ou fausse ; celle-ci est de type { $kind }
data-date-format-invalid = { $key } `{ $format }` n'est pas un format de date strftime
data-file-bom-in-windows-1252 = le fichier commence par une marque d'ordre des octets UTF-8 (BOM), mais la norme déclare windows-1252
data-file-empty = le fichier est vide : ni en-tête, ni lignes
data-file-lone-cr = les lignes se terminent par un retour chariot seul : elles ne peuvent pas être distinguées
data-file-lone-cr-hint = enregistrez le fichier avec des fins de ligne Windows (CR LF) ou Unix (LF)
data-file-name-bad-start = le début de la période n'est pas une date réelle écrite { $format }
data-file-name-bad-end = la fin de la période n'est pas une date réelle écrite { $format }
data-file-name-case = le nom du fichier diffère du modèle `{ $pattern }` par des majuscules ou minuscules
data-file-name-pattern = le nom du fichier ne suit pas le modèle `{ $pattern }`
data-file-name-pattern-invalid = le modèle de nom de fichier `{ $pattern }` n'est pas valide : { $reason }
data-file-name-period-hint = {"{start}"} et {"{end}"} sont les dates de la période écrites { $format } ; sans elles, les dates des lignes ne sont pas contrôlées par rapport à une période
data-file-name-period-reversed = la période commence après sa fin
data-period = du { $start } au { $end }
data-file-name-rename-hint = renommez le fichier comme l'indique la norme
data-file-no-rows = le fichier a un en-tête mais aucune ligne
data-file-save-as = enregistrez le fichier en { $encoding }
data-file-utf16 = le fichier est en UTF-16, qui ne peut pas être lu dans l'encodage de sa norme
data-file-wrong-separator = le fichier est séparé par { $found }, la norme demande { $wanted }
data-file-wrong-separator-hint = la suite du fichier est contrôlée avec le séparateur qu'il utilise
data-header-column-case = la colonne { $column } est `{ $cell }` : `{ $name }` écrit avec d'autres majuscules ou minuscules
data-header-column-misspelt = la colonne { $column } est `{ $cell }` : une faute de frappe pour `{ $name }`
data-header-column-misspelt-hint = écrivez `{ $name }` ; en attendant, la colonne est contrôlée comme `{ $name }`
data-header-column-order = les colonnes ne sont pas dans l'ordre de la norme (elles sont lues par leur nom)
data-header-columns-in-order = les colonnes de la norme, dans l'ordre : { $columns }
data-header-norm-order = l'ordre de la norme : { $columns }
data-header-duplicate-column = la colonne { $column } répète la colonne { $first } ; seule la première est lue
data-header-missing-column = la colonne `{ $name }` manque
data-header-none = la première ligne ne nomme aucune des colonnes de la norme `{ $norm }` : elle est lue comme une ligne de données
data-header-none-hint = la première ligne doit être l'en-tête : { $header }
data-header-unknown-column = la colonne { $column } est `{ $cell }`, que la norme `{ $norm }` ne définit pas
data-header-unknown-column-hint = supprimez la colonne, ou vérifiez la version de la norme
data-in-column = colonne { $column } : { $message }
data-kind-bool = booléen
data-kind-date = date
data-kind-null = nul
data-kind-number = nombre
data-kind-text = texte
data-line-too-long = la ligne { $line } dépasse { $size } Mio
data-link-at-needs-validity = un lien daté par un champ de la ligne (`at`) demande `valid_from` et/ou `valid_to` dans l'autre norme, et réciproquement
data-link-at-not-date = `at` nomme `{ $field }`, qui n'est pas un champ de date
data-link-at-unknown = `at` nomme le champ `{ $field }`, que cette norme n'a pas
data-link-keys-count = un lien associe chacun de ses champs ({ $fields }) à une clé : il a { $keys } { $keys ->
        [one] clé
       *[other] clés
    }
data-link-target-no-field = la norme `{ $norm }` n'a pas de champ `{ $field }` (lien "{ $link }")
data-link-target-not-date = le champ `{ $field }` de la norme `{ $norm }` n'est pas une date (lien "{ $link }")
data-link-unknown-field = le lien nomme le champ `{ $field }`, que cette norme n'a pas
data-masked-characters = [masqué : { $count } { $count ->
        [one] caractère
       *[other] caractères
    }]
data-masked-lookalike = [masqué : une valeur ayant la forme de { $field }]
data-norm-enum-values = le champ énuméré `{ $field }` demande `values`
data-norm-field-problem = champ `{ $field }` : { $message }
data-norm-field-twice = le champ `{ $field }` est déclaré deux fois
data-norm-name-differs = ce fichier est la norme `{ $norm }` mais indique `name = "{ $declared }"`
data-norm-version-differs = ce fichier est la version { $version } mais indique `version = { $declared }`
data-norm-problem = norme `{ $norm }` ({ $path }) : { $message }
data-norm-separator = le séparateur doit être un seul caractère ASCII
data-norm-unreadable = norme `{ $norm }` version { $version } : { $reason }
data-norm-where = les normes se trouvent dans <norms>/{ $path }
data-quote-inside = un guillemet dans un champ qui ne commence pas par un guillemet
data-quote-line-break = un champ entre guillemets contient un saut de ligne
data-quote-text-after = du texte après le guillemet fermant du champ
data-quote-unclosed = un guillemet ouvert et non fermé sur cette ligne ; l'enregistrement s'arrête à la fin de la ligne
data-reference-unknown = { $label } : aucune ligne de `{ $norm }` n'a cette valeur de { $fields }
data-reference-unknown-on = { $label } : aucune ligne de `{ $norm }` n'a cette valeur de { $fields } valide le { $date }
data-required-if-hint = une condition nomme des colonnes de la norme et les compare, par exemple CODE == 'K'
data-required-if-invalid = champ `{ $field }` : required_if `{ $condition }` : { $message }
data-row-blank = ligne vide
data-row-date-not-date = le champ `{ $field }` est la date de la ligne mais n'est pas une date
data-row-date-twice = les champs `{ $first }` et `{ $second }` sont tous deux la date de la ligne
data-row-duplicate = la même ligne que la ligne { $first }
data-row-duplicate-allowed-hint = conservée : la norme admet des lignes identiques ; supprimez-en une si elle a été saisie deux fois
data-row-outside-period = hors de la période du nom de fichier, du { $start } au { $end }
data-row-width = { $count } { $count ->
        [one] champ
       *[other] champs
    }, l'en-tête en a { $header }
data-row-width-hint = un séparateur de trop ou de moins ; les champs de la ligne ne sont pas contrôlés
data-value-required-if = obligatoire quand { $condition }, et vide
data-value-unlisted = { $message } : { $meaning }
data-suggest-parameter = vouliez-vous dire le paramètre `{ $name }` ?
data-suggest-input = vouliez-vous dire l'entrée `{ $name }` ?
data-suggest-step = vouliez-vous dire l'étape `{ $name }` ?
data-suggest-builtin = vouliez-vous dire la valeur intégrée `{ $name }` ?
data-suggest-column = vouliez-vous dire la colonne `{ $name }` ?
data-suggest-function = vouliez-vous dire la fonction `{ $name }` ?
data-expr-after-complete = `{ $token }` inattendu après une expression complète
data-expr-cannot-apply = impossible d'appliquer `{ $op }` à des valeurs de type { $left } et { $right }
data-expr-cannot-look-up = impossible de chercher une valeur de type { $kind } parmi des valeurs de type { $among }
data-expr-cannot-take = `{ $name }` ne peut pas prendre ({ $kinds })
data-expr-date-literal = date() prend un seul texte littéral, par exemple date('2025-12-31')
data-expr-division-by-zero = division de { $number } par zéro
data-expr-empty = expression vide
data-expr-end = fin de l'expression
data-expr-ends-early = l'expression s'arrête trop tôt
data-expr-exists-needs-condition = la condition de `exists` doit être une condition (vraie ou fausse)
data-expr-expected = `{ $expected }` attendu, trouvé `{ $found }`
data-expr-expected-name = un nom est attendu
data-expr-found-kind = { $message }, mais la valeur est de type { $kind }
data-expr-functions = fonctions : { $names }
data-expr-grouped-read-as-total = `{ $name }` est une valeur par groupe (par { $key }) : sur des lignes, le nom seul vaudrait, sans avertissement, le total de tous les groupes ; lisez le groupe de la ligne avec `{ $name }(…)`, par exemple `{ $name }({ $key })`
data-expr-keyed-one-key = `{ $name }(…)` prend une seule clé, le groupe dont on lit la valeur
data-expr-member-in-condition = `{ $name }.…` : une condition nomme des colonnes de la ligne, pas des membres
data-expr-member-of-scalar = `{ $name }.{ $member }` : seules les classes d'une étape `classify` sur ces lignes ont des membres
data-expr-minus-needs-number = `-` s'applique à un nombre
data-expr-nested-exists = `exists` ne peut pas être imbriqué
data-expr-no-attribute = la liste `{ $list }` n'a pas d'attribut `{ $attribute }` (elle a { $available })
data-expr-no-column = `{ $view }` n'a pas de colonne `{ $column }`
data-expr-no-member = `{ $name }` n'a pas de membre `{ $member }`
data-expr-not-a-column = `{ $name }` n'est pas une colonne de la norme `{ $norm }`
data-expr-not-a-column-suggested = `{ $name }` n'est pas une colonne de la norme `{ $norm }` (vouliez-vous dire `{ $suggestion }` ?)
data-expr-not-a-number = `{ $text }` n'est pas un nombre
data-expr-not-grouped = `{ $name }(…)` lit une valeur par groupe, mais l'étape `{ $name }` n'a pas de `group_by`
data-expr-not-in-condition = `{ $what }` n'est pas disponible dans une condition de norme
data-expr-not-iso-date = `{ $text }` n'est pas une date écrite AAAA-MM-JJ
data-expr-not-needs-condition = `!` s'applique à une condition
data-expr-overflow = dépassement de capacité dans { $left } { $op } { $right }
data-expr-per-row-elsewhere = `{ $name }` est une valeur par ligne de `{ $dataset }` : lisez-la dans une expression sur les lignes de `{ $dataset }`, ou agrégez-la (par exemple par groupe) pour la lire ailleurs
data-expr-rows-in-calendar = `{ $name }` lit des lignes de données : le calendrier lit des paramètres, des entrées du cas et des étapes
data-expr-self-reference = l'étape `{ $name }` ne peut pas se lire elle-même
data-expr-unexpected = `{ $token }` inattendu
data-expr-unexpected-and-or = caractère `{ $char }` inattendu (écrivez `{ $char }{ $char }`)
data-expr-unexpected-character = caractère `{ $char }` inattendu
data-expr-unexpected-equals = caractère `=` inattendu (écrivez `==` pour comparer)
data-expr-unknown-function = fonction `{ $name }` inconnue
data-expr-unknown-list = liste `{ $name }` inconnue
data-expr-unknown-name = nom `{ $name }` inconnu
data-expr-unknown-name-suggested = nom `{ $name }` inconnu ({ $suggestion })
data-expr-unknown-view = jeu de données ou filtre `{ $name }` inconnu
data-expr-unknown-view-suggested = jeu de données ou filtre `{ $name }` inconnu (vouliez-vous dire `{ $suggestion }` ?)
data-expr-unterminated-text = texte littéral non terminé (guillemet fermant manquant)
data-open-folder = c'est un dossier, pas un fichier
data-open-not-regular = ce n'est pas un fichier ordinaire (un tube, un périphérique ou une socket)
data-case-path-outside = le fichier de données `{ $file }` de `{ $input }` est hors du dossier du cas
data-case-path-through-link = le fichier de données `{ $file }` de `{ $input }` mène hors du dossier du cas par un lien symbolique
data-case-path-hint = nommez un fichier du dossier du cas, ou passez --allow-outside-paths
data-cannot-read = impossible de lire { $file } : { $reason }
data-case-folder-hint = un cas est un dossier qui contient un fichier `{ $file }`
data-case-file-too-large = { $file } dépasse { $bytes } octets
data-case-file-too-large-hint = la description d'un cas contient quelques valeurs et les noms de ses fichiers de données, pas les données elles-mêmes
data-case-file-not-utf8 = { $file } n'est pas de l'UTF-8 valide (ligne { $line })
data-case-file-not-utf8-hint = enregistrez le fichier en UTF-8
data-case-missing-value = pas de `{ $name }` dans la section `[{ $section }]`
data-case-missing-value-hint = les règles en ont besoin : { $label }
data-case-value-not-allowed = { $what } ne peut pas valoir `{ $value }`
data-case-value-one-of = l'une des valeurs { $values }
data-case-record-of = un enregistrement de { $what }
data-deposit-not-covered = le fichier contient des données du { $start } au { $end }, qu'aucune période de dépôt du calendrier ne couvre
data-deposit-not-covered-hint = son échéance ne peut pas être contrôlée : vérifiez la période du nom de fichier, ou l'année des règles
data-deposit-late = déposé le { $deposited }, après l'échéance du { $due } pour les données du { $start } au { $end }
data-deposit-late-hint = { $label } : au plus tard le { $day }{ $day ->
        [one] er
       *[other] e
    } jour ouvré du mois qui suit chaque période
data-event-failed = événement `{ $event }` : { $message }
data-event-share-range = la part de l'événement `{ $event }` vaut { $share }, hors de l'intervalle de 0 à 1
data-advance-shares-sum = les parts des avances totalisent { $total }, plus que 1
data-advance-shares-sum-hint = les avances sont des parts d'une même estimation annuelle
data-advance-no-estimate = l'avance `{ $event }` n'a pas d'estimation : aucune des valeurs { $sources } n'est renseignée
data-advance-no-estimate-hint = donnez l'estimation au cas, ou terminez la liste par une étape que les règles calculent
data-removal-of = le retrait de `{ $name }`
data-removal-reference-empty = la référence du retrait de `{ $name }` est vide
data-item-dropped = `{ $name }` ({ $kind }) des règles { $from } manque dans celles de { $to }
data-item-dropped-hint = reprenez-le dans les règles { $year } (sa référence l'indiquant), ou consignez le retrait et sa raison dans `{ $file }` de { $year }
data-item-renamed = { $message } (renommé `{ $name }` ?)
data-removal-still-there = `{ $file }` retire `{ $name }` ({ $kind }), que les règles { $year } ont toujours
data-removal-still-there-hint = supprimez l'entrée, ou l'élément
data-removal-unknown = `{ $file }` retire `{ $name }` ({ $kind }), que les règles { $year } n'avaient pas
data-input-new-required = l'entrée `{ $input }` est nouvelle en { $year } et obligatoire, sans valeur par défaut
data-input-new-required-hint = les cas écrits pour { $year } ne l'ont pas : donnez-lui une valeur `default` (ou rendez-la `optional`) pour qu'ils puissent encore être calculés et comparés
data-item-parameter = paramètre
data-item-table = table
data-item-list = liste
data-item-code = code
data-item-indicators = indicateurs
data-item-step = étape
data-item-input = entrée
data-impact-method = les éléments modifiés sont introduits un à un, dans un ordre fixe ; chacun reçoit la variation du total qu'il provoque, et les parts s'additionnent exactement à l'écart. Des éléments qui ne s'évaluent qu'ensemble ont une part commune, portée par le nouvel élément s'il y en a un.
data-impact-other = autres différences
data-impact-other-note = les règles récentes diffèrent des éléments introduits par quelque chose qu'aucun élément ne nomme
data-impact-evaluated-together = évalué avec { $names } : l'attribution leur revient en commun
data-impact-credited-jointly = attribution commune avec { $name }
data-impact-not-an-input = `{ $input }` n'est pas une entrée des règles { $year } : elles ne la lisent pas
data-input-one-of = l'une des valeurs { $values }
data-input-data-file = fichier de données lu selon la norme { $norm }
data-input-data-file-left-out = fichier de données lu selon la norme { $norm }, les lignes qu'elle rejette étant écartées
data-input-records = enregistrements de { $fields }
data-input-optional = { $summary }, facultative
data-input-default = { $summary }, valeur par défaut { $value }
data-formula-unavailable = `{ $name }` n'est pas disponible dans les formules
data-formula-scope-suggested = `{ $function }` ne voit que ses paramètres et ses propres variables : vouliez-vous dire `{ $name }` ?
data-formula-scope = `{ $function }` ne voit que ses paramètres ({ $params }) : ajoutez-y `{ $name }`, et faites-le lire par l'étape qui l'appelle
data-formula-unknown-function = dans Rhai : fonction `{ $name }` inconnue
data-formula-functions-hint = une formule appelle les fonctions de son script et celles de Rhai (min, max, abs, ...)
data-formula-rhai = dans Rhai : { $message }
data-formula-reads-hint = une formule ne lit que ses propres paramètres, les sorties précédentes, les paramètres et les valeurs du cas
data-formula-not-a-date = `{ $text }` n'est pas une date
data-formula-wrong-kind = la formule a renvoyé une valeur de type { $found }, au lieu du type { $expected }
data-formula-operator-after-if = un opérateur suit un bloc `if … else {"{"} … {"}"}` : Rhai termine l'expression au bloc, l'opérateur en commence donc une nouvelle
data-formula-operator-after-if-hint = mettez tout le `if` entre parenthèses : (if c {"{"} a {"}"} else {"{"} b {"}"}) + x
data-code-r100 = un fichier de règles ou de norme n'est pas du TOML valide
data-code-r101 = une clé que ce type de fichier ne définit pas
data-code-r102 = une valeur du mauvais type TOML (du texte là où un nombre est attendu, ...)
data-code-r103 = une clé obligatoire est absente
data-code-r104 = une valeur du bon type mais inacceptable (décimal mal écrit, statut inconnu, ...)
data-code-r105 = un fichier nommé par les règles est introuvable
data-code-r106 = deux définitions portent le même nom
data-code-r107 = une expression ou une formule nomme quelque chose qui n'est pas défini
data-code-r108 = un script Rhai ne compile pas
data-code-r109 = des étapes dépendent les unes des autres en cycle
data-code-r110 = une combinaison des clés d'une table n'est couverte par aucune ligne
data-code-r111 = une combinaison des clés d'une table est couverte par plusieurs lignes
data-code-r112 = une date tombe hors de la période des règles
data-code-r113 = des valeurs datées sont dans le désordre, laissent un trou ou ne commencent pas la période
data-code-r114 = une sortie monétaire ne déclare pas d'arrondi et les règles n'en ont pas par défaut
data-code-r115 = une expression combine des valeurs de types incompatibles
data-code-r116 = une expression ne se lit pas (erreur de syntaxe)
data-code-r117 = une formule utilise une construction qui ne fait probablement pas ce qu'elle semble faire
data-code-r118 = un élément des règles de l'année précédente manque dans celles de cette année, et aucune entrée de `retraits.toml` ne dit pourquoi
data-code-r119 = une année ajoute une entrée obligatoire du cas sans valeur par défaut : les cas de l'année précédente ne peuvent plus être calculés ni comparés (avertissement)
data-code-r120 = les poids d'un jeu d'indicateurs ne totalisent pas 1 (avertissement)
data-code-r121 = un libellé écrit en toutes lettres un nombre qui est la valeur d'un paramètre que lit son étape : il deviendra faux quand le paramètre changera (avertissement)
data-code-r130 = une valeur sort de l'intervalle permis : un taux entre 0 et 1, ou les bornes `min` et `max` que déclare le paramètre
data-code-r131 = le total et les composantes de `[result]` ne se correspondent pas : une étape lue par le total manque aux composantes, ou l'inverse
data-code-r134 = un élément défini mais lu nulle part porte presque le nom d'un élément lu mais jamais défini : faute de frappe probable dans la définition
# issue 26, item 2 (explain)
data-code-r135 = l'explication d'une étape nomme ce que l'étape ne lit pas
data-code-r136 = une condition ou une valeur de l'explication d'une étape est incorrecte, ou une accolade y est mal écrite
data-code-r137 = l'explication d'une étape ne dit rien dans un cas, ou l'une de ses phrases n'est jamais dite
# issue 27, item 8 (capitation : mesure de révision calculée par membre)
data-code-r132 = la mesure d'une révision des acomptes n'est ni une colonne du jeu de données ni une valeur calculée par membre (une étape `derive` avec `key`)
data-code-r133 = la mesure d'une révision des acomptes est calculée par membre d'un autre jeu de données que celui de la révision
data-code-d200 = la description du cas ne peut pas être lue
data-code-d201 = la description du cas a une clé que les règles ne déclarent pas
data-code-d202 = il manque à la description du cas une valeur que les règles exigent
data-code-d203 = une valeur de la description du cas a le mauvais type ou la mauvaise forme
data-code-d210 = un fichier de données ne peut pas être lu
data-code-d215 = un fichier de données contient un octet NUL : il est binaire ou en UTF-16, pas du texte dans l'encodage de sa norme
data-code-d216 = une ligne d'un fichier de données dépasse ce que le lecteur accepte (1 Mio)
data-code-d221 = un fichier de données mélange les fins de ligne, les numéros de ligne peuvent donc être décalés (avertissement)
data-code-d220 = un chemin sort du dossier où il doit rester
data-code-x300 = une formule a échoué pendant son évaluation
data-code-x301 = une formule a dépassé son budget d'opérations, de profondeur ou de taille
data-code-x302 = les composantes déclarées ne totalisent pas le total
data-code-x303 = une opération arithmétique a échoué (division par zéro, dépassement de capacité)
data-code-v400 = le nom du fichier ne suit pas le modèle de nom de fichier de la norme
data-code-v401 = la période du nom de fichier n'est pas une paire de dates réelles, le début avant la fin
data-code-v402 = des octets non valides dans l'encodage que déclare la norme
data-code-v403 = du texte qui semble dans un autre encodage que celui que déclare la norme (avertissement)
data-code-v404 = le fichier n'est pas séparé par le séparateur de la norme
data-code-v405 = le fichier n'a ni ligne d'en-tête ni lignes
data-code-v406 = la première ligne n'est pas un en-tête : elle ne nomme aucune des colonnes de la norme
data-code-v407 = une colonne de la norme manque dans l'en-tête
data-code-v408 = l'en-tête a une colonne que la norme ne définit pas
data-code-v409 = une colonne de l'en-tête est une faute de frappe pour une colonne de la norme
data-code-v410 = l'en-tête nomme deux fois une colonne
data-code-v411 = les colonnes ne sont pas dans l'ordre de la norme (avertissement)
data-code-v412 = une ligne a plus ou moins de champs que l'en-tête
data-code-v413 = un guillemet mal placé : dans un champ sans guillemets, après un guillemet fermant, ou jamais fermé
data-code-v414 = un champ entre guillemets contient un saut de ligne (avertissement)
data-code-v415 = une ligne vide parmi les lignes
data-code-v416 = une valeur qui n'est pas du type de son champ (entier, décimal, date du calendrier, ...)
data-code-v417 = un champ obligatoire est vide
data-code-v418 = un champ est vide alors que la condition de la ligne le rend obligatoire
data-code-v419 = une valeur hors des valeurs énumérées du champ
data-code-v420 = un code absent de la liste de codes du champ à la date de la ligne
data-code-v421 = une valeur qui ne correspond pas au motif du champ
data-code-v422 = une valeur plus courte ou plus longue que ce que le champ admet
data-code-v423 = un identifiant dont la clé ou le chiffre de contrôle est faux
data-code-v424 = un nombre inférieur au minimum du champ ou supérieur à son maximum
data-code-v425 = la date de la ligne tombe hors de la période que nomme le fichier
data-code-v426 = une ligne identique à une ligne précédente
data-code-v427 = une valeur avec des espaces avant ou après (avertissement)
data-code-v428 = le fichier a un en-tête mais aucune ligne (avertissement)
data-code-v429 = les lignes se terminent par un retour chariot seul (anciens fichiers Mac) : les lignes ne peuvent pas être distinguées
data-code-v430 = le fichier n'est pas du texte délimité : un classeur (xlsx, xls) ou d'autres données binaires
data-code-v431 = un code du catalogue du champ que la liste des règles n'a pas à la date de la ligne (information : les règles disent ce qu'il en advient)
data-code-v432 = une ligne où un contrôle de la norme entre ses champs échoue (avertissement : le libellé de la norme dit ce que la ligne contredit)
data-code-v433 = une ligne dont la valeur ne se trouve dans aucune ligne du fichier auquel elle renvoie, à la date de la ligne quand la norme le demande (avertissement)
data-code-v440 = le fichier est déposé après l'échéance d'une période dont il contient des données (avertissement)
data-code-v441 = le fichier contient des données de jours qu'aucune période de dépôt du calendrier ne couvre, aucune échéance ne peut donc être contrôlée (avertissement)
data-code-d230 = un fichier national n'a ni la colonne qui nomme le cas, ni de lien de sa norme vers un fichier qui l'a
data-code-d231 = des lignes d'un fichier national n'appartiennent à aucun cas : colonne du cas vide, ou clé d'un fichier lié qu'aucun cas ne porte ; elles ne sont pas calculées
data-code-d232 = un fichier national lu comme trié a des lignes d'un cas après celles d'un autre cas
# batches and national runs lose no team (issue 23, part runs)
data-code-d234 = un dossier d'un lot de cas contient des données mais pas le fichier de cas des règles, ou un cas des fichiers nationaux a des lignes mais pas de dossier de cas dans --cases
data-code-d235 = un dossier de cas de --cases qu'aucune ligne des fichiers nationaux ne nomme
data-code-d236 = le calcul d'un cas s'est arrêté sur une erreur interne (un défaut de peps) : ses montants manquent, les autres cas sont calculés
data-diff-dated-from = à partir du { $from } : { $value }
data-diff-key-integer = { $key } (entier dans { $domain })
data-diff-key-range = { $key } (dans { $domain })
data-diff-key-bool = { $key } (oui/non)
data-diff-table = { $rows } { $rows ->
        [one] ligne
       *[other] lignes
    }, clés { $keys }
data-diff-indicator-higher = poids { $weight }, cible { $target }, plus haut est meilleur, entrée { $input }
data-diff-indicator-lower = poids { $weight }, cible { $target }, plus bas est meilleur, entrée { $input }
data-diff-codes = { $count } { $count ->
        [one] code
       *[other] codes
    }
data-diff-indicators = { $count } { $count ->
        [one] indicateur
       *[other] indicateurs
    }
data-diff-rows = { $count } { $count ->
        [one] ligne
       *[other] lignes
    }
data-impact-year = année { $from } → { $to }
data-norm-what = la norme `{ $name }`
# Clés des normes (issue 23, partie 1 : les clés)
data-code-r122 = la clé d'une norme (`key`) nomme un champ qu'elle n'a pas, un champ deux fois ou un champ facultatif, ne nomme aucun champ, ou va avec `duplicate_rows = "warning"`
data-code-v434 = deux lignes ont la même clé (les champs qui, selon la norme, désignent une ligne), qu'elles soient identiques ou non
data-norm-key-empty = la clé (`key`) ne nomme aucun champ : retirez-la si le fichier n'a pas de clé naturelle
data-norm-key-unknown-field = la clé nomme le champ `{ $field }`, que cette norme n'a pas
data-norm-key-field-twice = la clé nomme deux fois le champ `{ $field }`
data-norm-key-optional = la clé nomme le champ `{ $field }`, qui n'est pas obligatoire : une ligne où il est vide n'aurait pas de clé
data-norm-key-optional-hint = rendez le champ obligatoire (`required = true`) ou retirez-le de la clé
data-norm-key-allows-duplicates = la norme a une clé et admet des lignes identiques (`duplicate_rows = "warning"`), qui ont pourtant la même clé : retirez la clé si deux lignes identiques peuvent être deux événements réels, sinon `duplicate_rows`
data-row-duplicate-key = même clé ({ $fields }) que la ligne { $first }
data-row-duplicate-key-hint = une seule ligne par clé : gardez la bonne des deux lignes, ou corrigez la clé de celle qui est fausse
data-row-duplicate-key-identical-hint = les deux lignes sont identiques : supprimez celle qui a été saisie deux fois
# Issue 23, arithmétique vérifiée : l'échéancier
data-schedule-overflow = un montant de l'échéancier à `{ $event }` dépasse la capacité des nombres
data-schedule-overflow-hint = vérifiez les montants que lit le calendrier (estimation, montant définitif, montants reçus) et les parts des acomptes
data-impact-overflow = l'écart entre les deux années dépasse la capacité des nombres
data-impact-overflow-hint = les totaux comparés sont trop grands pour que leur différence s'écrive : vérifiez les paramètres et les données qui les font
# Issue 23, Rhai comme les règles l'entendent
data-code-r125 = un fichier de formules contient une instruction hors d'une fonction, qui ne s'exécuterait jamais
data-code-r126 = une formule importe un module (`import`)
data-formula-top-level = une instruction hors d'une fonction : un fichier de formules ne contient que des fonctions (et des commentaires), et rien d'autre ne s'y exécute
data-formula-top-level-hint = mettez ce calcul dans une fonction qu'une étape appelle ; une valeur fixe est un paramètre (parametres.toml), avec sa référence
data-formula-import = `import` n'est pas permis dans une formule
data-formula-import-hint = une formule ne lit que ses paramètres et n'appelle que les fonctions de son fichier et de Rhai
data-expr-keyed-key-kind = `{ $name }` est groupé par des clés de type { $needed } : une clé de type { $kind } ne lirait aucun groupe, sur aucune ligne
data-expr-keyed-key-kind-hint = lisez `{ $name }(…)` avec une clé du type de son `group_by`

# issue 23, partie privacy : chemins, identifiants, diagnostics
data-code-r128 = un chemin nommé par les règles ou une norme sort de son dossier (par `..`, un chemin absolu ou un lien symbolique) : le fichier n'est pas lu
data-case-file-through-link = le fichier du cas `{ $file }` sort du dossier du cas (par son chemin ou un lien symbolique) : il n'est pas lu
data-case-file-through-link-hint = le fichier du cas est un fichier du dossier du cas : copiez-le dans le dossier, ou passez --allow-outside-paths
# Issue 23, partie 2 : règles entre champs et valeurs plausibles, déclarées dans la norme
data-code-r123 = une règle de la norme (`[[rule]]`) nomme un champ que la norme n'a pas
data-code-r124 = une règle ou une plage de la norme compare des valeurs de deux natures (une date à un nombre, un ordre sur un oui/non)
data-code-v436 = une ligne qui enfreint une règle de la norme entre ses champs, ou entre un champ et une constante ou la période du fichier (la ligne est rejetée)
data-code-v437 = une date hors de la plage que la norme déclare pour son champ
data-code-v438 = un nombre plus grand (en valeur absolue) que ce qu'un calcul peut porter sans déborder
data-code-d233 = un fichier du dossier du cas qu'aucune entrée des règles ne lit : il n'entre pas dans le calcul
data-rule-unknown-field = la règle nomme le champ `{ $field }`, que la norme n'a pas
data-rule-one-side = une règle compare son champ (`field`) à une seule chose : un autre champ (`other`), une constante (`value`) ou la période (`period`)
data-rule-kinds = la règle compare `{ $field }` ({ $kind }) à `{ $other }` ({ $other_kind }) : deux natures de valeurs
data-rule-period-not-date = la règle compare `{ $field }` ({ $kind }) à la période : seule une date peut l'être
data-rule-bool-order = la règle ordonne `{ $field }`, un oui/non, avec `{ $op }` : seuls == et != le comparent
data-rule-value-kind = la valeur (`value`) de la règle n'est pas de la nature de `{ $field }` ({ $kind }) : un nombre pour un nombre, une date TOML (2025-01-31) pour une date, un texte pour un texte
data-norm-date-range-not-date = `earliest` et `latest` bornent une date ; `{ $field }` est de type { $kind }
data-norm-date-range-empty = la plage de `{ $field }` est vide : `earliest` est après `latest`
data-rule-broken = { $label } : il faut { $field } { $op } { $other }
data-rule-broken-hint = une règle de la norme entre les champs de la ligne : corrigez la valeur qui est fausse
data-rule-period-start = le début de la période
data-rule-period-end = la fin de la période
data-value-before-earliest = avant le { $earliest }, la date la plus ancienne que la norme admet pour ce champ
data-value-after-latest = après le { $latest }, la date la plus récente que la norme admet pour ce champ
data-value-too-large = hors des bornes qu'un calcul peut porter (plus de { $limit } en valeur absolue)
data-value-too-large-hint = aucune donnée réelle n'atteint cette grandeur : une valeur mal saisie, ou des colonnes décalées
data-case-file-not-read = `{ $file }` est dans le dossier du cas, mais aucune entrée des règles ne le lit : il n'entre pas dans le calcul
data-case-file-not-read-hint = les fichiers lus sont ceux que nomme `{ $case_file }` ({ $read }) ; retirez ce fichier du dossier, ou nommez-le dans `{ $case_file }` si les règles ont une entrée pour lui

# issue 26, item 4 (validate qui guide : formes en mots, informations, conseils)
data-code-r140 = un champ d'une norme a un motif (`pattern`) sans sa forme en mots (`format`)
data-norm-pattern-without-format = le champ `{ $field }` a un motif mais pas de `format` : une valeur qui ne le suit pas ne serait expliquée que par une expression régulière
data-norm-pattern-without-format-hint = ajoutez `format = "…"` : la forme attendue en mots, que lit la personne dont la valeur ne la suit pas (par exemple « 11 chiffres, le dernier est une clé de contrôle »)
data-value-format = n'a pas la forme attendue : { $format }
data-value-format-for = n'a pas la forme attendue pour { $label } : { $format }
data-value-format-hint = forme attendue : { $format }
data-checksum-nir = clé NIR (modulo 97)
data-checksum-luhn = clé de contrôle (formule de Luhn)
data-value-checksum-typo = un caractère est faux ou deux sont inversés : recopiez le numéro depuis son original
data-reference-unknown-hint = si la valeur est juste, ajoutez la ligne qui manque au fichier de la norme `{ $norm }` ; sinon corrigez-la ; la ligne est gardée
data-hint-encoding-suspect = enregistrez le fichier dans l'encodage que déclare la norme, sinon les lettres accentuées seront déformées
data-hint-column-order = rien à corriger pour le calcul : les colonnes sont lues par leur nom ; remettez-les dans l'ordre de la norme si le destinataire l'exige
data-hint-multiline = retirez le saut de ligne de la valeur (une cellule écrite sur plusieurs lignes dans le tableur)
data-hint-surrounding-spaces = retirez les espaces avant et après la valeur ; elle est lue sans eux
data-hint-no-data-rows = vérifiez que c'est le bon fichier : un fichier sans ligne n'apporte rien au calcul
data-hint-field-mismatch = vérifiez les valeurs que ce contrôle compare et corrigez celle qui est fausse ; la ligne est gardée
data-hint-unknown-reference = si la valeur est juste, ajoutez la ligne qui manque au fichier auquel la norme la rattache ; sinon corrigez-la ; la ligne est gardée
data-hint-deposit-late = `peps schedule` donne les échéances de dépôt de l'année ; vérifiez la date du dépôt
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
eval-data-unreadable = impossible de lire { $file } : { $reason }
eval-data-unreadable-folder = nommez le fichier de données qui est dans le dossier
eval-data-unreadable-not-regular = copiez les données dans un fichier ordinaire et nommez ce fichier
eval-data-unreadable-io = vérifiez que le fichier existe et que vous avez le droit de le lire
eval-data-in-all = { $problem } ({ $count } en tout dans ce fichier)
eval-data-not-shown = { $more } autres problèmes { $code } de ce fichier ne sont pas montrés ({ $count } en tout)
eval-data-not-shown-hint = vérifiez le fichier avec `peps validate` pour le rapport complet
eval-data-left-out = { $rows } { $rows ->
        [one] ligne
       *[other] lignes
    } de `{ $dataset }` écartée(s) du cas ({ $what })
eval-data-left-out-first = { $rows } { $rows ->
        [one] ligne
       *[other] lignes
    } de `{ $dataset }` écartée(s) du cas ({ $what }) ; la première : { $first }
eval-data-left-out-hint = les règles écartent les lignes que la norme de ce fichier rejette ; corrigez-les et relancez le calcul pour qu'elles comptent
eval-data-no-final-newline = le fichier ne se termine pas par un saut de ligne : sa dernière ligne a peut-être été tronquée
eval-data-mixed-endings = { $file } mélange les fins de ligne ({ $crlf } CRLF, { $lf } LF, { $cr } CR seuls)
eval-data-mixed-endings-hint = enregistrez de nouveau le fichier avec une seule sorte de fin de ligne ; les numéros de ligne comptent les sauts LF
eval-data-problem-masked = { $field } = { $value } : { $message }
eval-data-problem-value = { $field } = `{ $value }` : { $message }
eval-data-problem-masked-alone = { $value } : { $message }
eval-data-problem-value-alone = `{ $value }` : { $message }
eval-data-line-too-long = la ligne { $line } dépasse { $max } octets ; le fichier n'est pas lu plus loin
eval-data-line-too-long-hint = une ligne d'un fichier d'échange fait quelques centaines d'octets : vérifiez que c'est le bon fichier
eval-data-nul = la ligne { $line } contient un octet nul ; le fichier n'est pas lu plus loin
eval-data-nul-hint = le fichier semble binaire ou en UTF-16 : exportez-le de nouveau en texte (UTF-8 ou Windows-1252)
eval-national-thread-stopped = un fil de découpage du fichier s'est arrêté
eval-national-too-many-rows = plus de 4 294 967 294 lignes ({ $rows }) : trop pour les garder en mémoire ; triez les fichiers nationaux par leur colonne de cas pour les lire cas par cas
eval-national-changed = le fichier a changé pendant sa lecture (sa taille ou sa date ne sont plus les mêmes)
eval-national-no-input = les règles n'ont pas de donnée d'entrée fichier `{ $name }`
eval-national-inputs-are = les données d'entrée sont : { $names }
eval-national-outside = le fichier de données `{ $file }` de `{ $input }` est hors du dossier du cas
eval-national-outside-hint = donnez-le comme fichier national, ou nommez un fichier du dossier du cas
eval-national-empty = { $file } est vide : ni en-tête, ni lignes
eval-national-orphans-empty = leur `{ $column }` est vide
eval-national-orphans-link = la ligne à laquelle elles renvoient n'appartient à aucun cas
eval-national-orphans = { $rows } { $rows ->
        [one] ligne
       *[other] lignes
    } de { $file } n'appartiennent à aucun cas et ne sont pas calculées : { $why }
eval-national-orphans-hint = donnez à chaque ligne un `{ $column }`, ou la clé d'une ligne qui en a un
eval-national-no-column = { $file } n'a pas de colonne de cas, et sa norme `{ $norm }` ne renvoie à aucun fichier national qui en a une
eval-national-no-column-hint = ajoutez la colonne du cas au fichier, ou déclarez un [[link]] de sa norme vers un fichier qui l'a
eval-national-sorted-no-column = { $file } n'a pas de colonne `{ $column }` : pour une lecture cas par cas, chaque fichier doit l'avoir
eval-national-sorted-no-column-hint = ajoutez la colonne, ou lisez les fichiers non triés (leurs cas sont alors découpés en mémoire)
eval-national-not-sorted = { $file } : `{ $column }` { $key } vient après `{ $previous }` : le fichier n'est pas trié par `{ $column }`
eval-national-not-sorted-hint = triez les fichiers par la colonne du cas, ou lisez-les non triés (leurs cas sont alors découpés en mémoire)
# Issue 23, arithmétique vérifiée : l'évaluation
eval-at-row = { $failure } (ligne { $line } de { $file })
eval-result-overflows = { $what } dépasse la capacité des nombres
eval-the-components = la somme des composantes du résultat
eval-the-assumed-shares = la part du total qui repose sur des hypothèses
eval-the-waterfall = la cascade du résultat
# -- end eval --


## Ligne de commande (cli/src)
# -- begin cli --

## Lignes de la ligne de commande (cli/src/main.rs)
cli-error = erreur : { $message }
cli-note = remarque : { $message }
cli-lang-unknown = `{ $text }` : fr ou en

## Diagnostics (cli/src/report.rs)
cli-report-at = dans { $location }
cli-report-count = { $errors } { $errors ->
        [one] erreur
       *[other] erreurs
    }, { $warnings } { $warnings ->
        [one] avertissement
       *[other] avertissements
    }
cli-report-count-hidden = { $errors } { $errors ->
        [one] erreur
       *[other] erreurs
    }, { $warnings } { $warnings ->
        [one] avertissement
       *[other] avertissements
    } (et { $hidden } qui peuvent en découler, non { $hidden ->
        [one] affichée
       *[other] affichées
    })
cli-report-follow = { $count ->
        [one] { $count } autre erreur peut
       *[other] { $count } autres erreurs peuvent
    } découler de celle-ci ; corrigez-la d'abord, puis vérifiez à nouveau
cli-report-follow-names = { $count ->
        [one] { $count } autre erreur peut
       *[other] { $count } autres erreurs peuvent
    } découler de celle-ci, à propos de noms qu'elle laisse non définis : { $names } ; corrigez-la d'abord, puis vérifiez à nouveau
cli-report-more-names = { $names } et { $more } autres

## Règles de l'année et fichiers écrits (cli/src/workspace.rs, output.rs, case_run.rs, parallel.rs, synth.rs, manifest.rs)
cli-no-rulebook-under = aucune règle annuelle sous { $root }
cli-rulebooks-exist = des règles existent pour { $years }
cli-no-rulebook-for = pas de règles pour { $year } : { $dir } n'a pas de rulebook.toml
cli-export-exists = { $path } existe déjà : choisissez un autre dossier (rien n'est remplacé)
cli-export-done = règles intégrées (empreinte { $fingerprint }) écrites dans { $rules } et { $norms } ; lisez-les avec --rules { $rules } --norms { $norms }
cli-rules-lookup-hint = { $found } ({ $origin }) ; pour lire d'autres règles : --rules DOSSIER (et --norms DOSSIER)
cli-rules-given = le dossier donné par --rules
cli-rules-builtin = les règles intégrées au programme ; `peps rules export DOSSIER` les écrit pour les modifier
cli-rules-found-in-folder = le dossier rules/ trouvé dans le dossier courant, un dossier parent ou à côté du programme
cli-output-exists = { $path } existe déjà ; ajoutez --force pour le remplacer
cli-output-is-input = { $path } est une entrée de cette exécution, ou un fichier de règles ou de norme ; peps refuse de l'écraser, --force ou non
cli-output-folder = { $path } est un dossier ; indiquez un fichier à écrire
cli-output-io = impossible d'écrire { $path } : { $reason }
cli-no-case-folder = le dossier de cas { $dir } n'existe pas ou n'est pas un dossier
cli-threads = impossible de démarrer { $threads } fils d'exécution : { $reason }
cli-progress-eta = reste
cli-synth-unknown-profile = profil `{ $profile }` inconnu (profils : { $profiles })
cli-synth-wrote-case = { $out } écrit ({ $patients } patients, { $professionals } professionnels, { $acts } actes) : { $files }
cli-synth-wrote-nation = { $out } écrit ({ $teams } équipes, { $patients } patients, { $acts } actes) : { $first } ... { $last }
cli-synth-teams = équipes

## peps validate (cli/src/validate.rs)
cli-validate-link-unchecked = { $problem } : ce lien n'est pas vérifié
cli-validate-rejects-one-file = --rejects ne prend qu'un FICHIER à la fois ({ $count } { $count ->
        [one] donné
       *[other] donnés
    })
cli-validate-rulebook-broken = les règles de { $year } ne se chargent pas (voir les diagnostics ci-dessus)
cli-validate-folder = { $file } est un dossier, pas un fichier
cli-validate-unreadable = impossible de lire { $file } : { $reason }
cli-validate-unreadable-end = impossible de lire { $file } jusqu'au bout : { $reason }
cli-validate-norm-unusable = la norme `{ $norm }` v{ $version } est inutilisable (voir les diagnostics ci-dessus)
cli-validate-norms-broken = les normes ne se chargent pas (voir les diagnostics ci-dessus)
cli-validate-no-norm = aucune norme `{ $norm }` (normes : { $norms })
cli-validate-no-norm-close = aucune norme `{ $norm }` (normes : { $norms }) ; vouliez-vous dire `{ $close }` ?
cli-validate-norm-unknown = impossible de reconnaître la norme de { $file } : son nom ne suit le modèle d'aucune norme ({ $patterns }) et sa première ligne ne nomme les colonnes d'aucune norme ; indiquez --norm ({ $norms })
cli-validate-no-year = aucune année n'est connue pour { $file } (son nom ne donne pas de période et --year n'est pas indiqué) : ses codes ne sont pas vérifiés dans les listes d'une année
# Issue 23, partie 2 : la période que lisent les règles des normes
cli-validate-period-assumed = aucune période n'est connue pour les fichiers (ni leur nom, ni un dossier de cas, ni --year ne la donne) : les règles des normes qui lisent la période lisent { $year }, la dernière année des règles
cli-validate-no-rulebook = il n'y a pas de règles pour { $year } (règles disponibles : { $years }) : les codes de { $file } ne sont pas vérifiés dans les listes d'une année ; indiquez --year
cli-validate-rejects-unwritable = impossible d'écrire le fichier des rejets : { $reason }
cli-validate-files = { $files } fichiers : { $clean } { $clean ->
        [one] conforme
       *[other] conformes
    }, { $with_errors } avec des erreurs, { $unreadable } { $unreadable ->
        [one] illisible
       *[other] illisibles
    }
cli-validate-clean = conforme
cli-validate-errors = { $count } { $count ->
        [one] erreur
       *[other] erreurs
    }
cli-validate-with-warnings = { $verdict }, { $count } { $count ->
        [one] avertissement
       *[other] avertissements
    }
cli-validate-summary = { $file } : { $verdict } — { $rows } { $rows ->
        [one] ligne
       *[other] lignes
    } : { $valid } { $valid ->
        [one] valide
       *[other] valides
    }, { $rejected } { $rejected ->
        [one] rejetée
       *[other] rejetées
    }
cli-validate-period = période du { $start } au { $end }
cli-validate-no-period = sans période
cli-validate-norm = norme { $norm } v{ $version } ({ $status }), { $period }
cli-validate-code-errors = { $code } : { $count } { $count ->
        [one] erreur
       *[other] erreurs
    }
cli-validate-code-warnings = { $code } : { $count } { $count ->
        [one] avertissement
       *[other] avertissements
    }
cli-validate-help = aide : { $hint }
cli-validate-more = … { $count } autres non { $count ->
        [one] affiché
       *[other] affichés
    } (--format json les liste tous, --max-examples N en montre davantage)
cli-validate-all-shown = tous les problèmes sont affichés ci-dessus
cli-validate-rejects-written = { $count } { $count ->
        [one] ligne rejetée écrite
       *[other] lignes rejetées écrites
    } dans { $path }
cli-validate-row = ligne { $row }
cli-validate-whole-file = fichier
cli-validate-example = { $place } : { $message }

## peps schedule (cli/src/schedule.rs)
cli-schedule-title = Échéancier des versements { $year }
cli-schedule-final-amount = montant définitif
cli-schedule-estimate = estimation annuelle
cli-schedule-less = moins
cli-schedule-advances-on = avances sur
cli-schedule-estimate-given = donnée par le cas
cli-schedule-estimate-computed = calculée par les règles
cli-schedule-paid-apart = { $label }, versé à part
cli-schedule-other-dates = Autres dates
cli-schedule-payments = Versements
cli-schedule-col-date = date
cli-schedule-col-payment = versement
cli-schedule-col-planned = prévu
cli-schedule-col-received = reçu
cli-schedule-col-amount = montant
cli-schedule-col-period = période
cli-schedule-col-due = échéance
cli-schedule-recorded-payment = Versement enregistré dans le cas
cli-schedule-before-balance = versements avant le solde
cli-schedule-check = contrôle : versements { $paid } + solde { $balance } = { $total } = montant définitif
cli-schedule-share = { $share } de l'estimation { $estimate } = { $base }
cli-schedule-share-rebased = { $share } de l'estimation recalculée { $estimate } = { $base }
cli-schedule-complement = versé par avance, réglé avec le solde
cli-schedule-own-amount = montant propre
cli-schedule-output = { $label } { $value } : { $what }
cli-schedule-recorded = enregistré dans le cas, prévu par aucun événement du calendrier
cli-schedule-received-on = reçu le { $date }
cli-schedule-rebase = { $amount } de régularisation des avances précédentes : { $causes }
cli-schedule-received-difference = { $amount } de régularisation : les avances précédentes reçues diffèrent de celles prévues
cli-schedule-rounding = { $amount } d'arrondi laissé par les avances précédentes
cli-schedule-entry = entrée de { $member } ({ $group }) le { $date }
cli-schedule-exit = sortie de { $member } ({ $group }) le { $date }
cli-schedule-balance-basis = montant définitif { $amount } − versements { $paid }
cli-schedule-balance-complement = { $amount } { $label } : constaté { $observed } − versé { $paid }
cli-schedule-balance-rest = { $amount } le reste du solde
cli-schedule-balance-positive = positif : reste à verser
cli-schedule-balance-negative = négatif : les versements ont dépassé le montant définitif, et la différence est à reverser
cli-schedule-balance-zero = nul : les avances égalaient exactement le montant définitif
cli-schedule-movements = Régularisations : entrées et sorties après la date de référence
cli-schedule-no-weight = { $group } n'a aucun poids
cli-schedule-weight-measure = poids { $weight } de { $group } réparti selon la mesure : { $own } sur { $total } pour le groupe à la date de référence
cli-schedule-weight-members = poids { $weight } réparti entre { $members } { $group } à la date de référence
cli-schedule-balance-only = réglé par le solde seulement
cli-schedule-applied-from = à partir de { $from }
cli-schedule-removes-days = retire { $days } { $days ->
        [one] jour
       *[other] jours
    } sur { $period }
cli-schedule-adds-days = ajoute { $days } { $days ->
        [one] jour
       *[other] jours
    } sur { $period }
cli-schedule-movement = { $movement } : { $days } ; { $share } : { $effect } sur l'estimation, { $applied }
cli-schedule-deadlines = { $label } : { $day ->
        [1] 1er
       *[other] { $day }e
    } jour ouvré du mois suivant chaque période, fichiers { $norms }
cli-schedule-saturday-working = le samedi est un jour ouvré
cli-schedule-saturday-off = le samedi n'est pas un jour ouvré
cli-schedule-day = { $day ->
        [monday] le lundi
        [tuesday] le mardi
        [wednesday] le mercredi
        [thursday] le jeudi
        [friday] le vendredi
        [saturday] le samedi
        [sunday] le dimanche
       *[other] { $other }
    }
cli-schedule-working-days = jours ouvrés : { $saturday }
cli-schedule-working-days-nor = jours ouvrés : { $saturday }, ni { $days }
cli-schedule-working-days-holidays = jours ouvrés : { $saturday }, ni les { $holidays } jours fériés du calendrier
cli-schedule-working-days-nor-holidays = jours ouvrés : { $saturday }, ni { $days }, ni les { $holidays } jours fériés du calendrier
cli-schedule-set-by-parameter = fixé par le paramètre { $name } [{ $status }] : { $label }
cli-schedule-reference = référence : { $reference }
cli-schedule-set-by-weekend = fixé par `weekend` du calendrier
cli-not-a-date = `{ $text }` n'est pas une date : écrivez JJ/MM/AAAA ou AAAA-MM-JJ, par exemple 07/04/2025

## peps impact (cli/src/impact.rs)
cli-impact-draft-needs-rules = --year compare un projet : indiquez son dossier de règles avec --rules PROJET
cli-impact-usage = indiquez --from X --to Y (deux années), ou --year Y --rules PROJET (un projet comparé aux règles livrées)
cli-impact-no-item = aucun élément des règles ne diffère
cli-impact-sum = somme
cli-impact-sum-note = (les contributions s'additionnent pour donner l'écart)
cli-impact-data-shift = données de { $from } ramenées en { $to }
cli-impact-total = total { $year } : { $amount }
cli-impact-delta = écart : { $delta }
cli-impact-attribution = Attribution de l'écart, élément par élément (méthode : { $method })
cli-impact-outputs = Résultats
cli-impact-cases = cas
cli-impact-many-title = Impact { $from } → { $to } — { $count } cas
cli-impact-col-case = cas
cli-impact-col-name = nom
cli-impact-col-delta = écart
cli-impact-error = erreur
cli-impact-total-row = (total)
cli-impact-attribution-many = Attribution de l'écart, élément par élément, sommée sur les cas (méthode : { $method })

## peps impact --format html (cli/src/impact/html.rs) — issue 27, part 4
cli-impact-html-title = Impact des règles { $from } → { $to }
cli-impact-html-count = { $count } équipes
cli-impact-html-totals = Totaux par équipe
cli-impact-html-col-team = équipe
cli-impact-html-col-total = total { $year }
cli-impact-html-col-delta = écart
cli-impact-html-col-percent = écart en %
cli-impact-html-overall = Ensemble
cli-impact-html-chart-teams = Écart par équipe
cli-impact-html-chart-items = Écart par élément des règles
cli-impact-html-items = Éléments modifiés et leur part de l'écart
cli-impact-html-col-kind = nature
cli-impact-html-col-item = élément
cli-impact-html-col-before = avant
cli-impact-html-col-after = après
cli-impact-html-outputs = Résultats modifiés
cli-impact-html-col-output = résultat
cli-impact-html-method = Méthode

## peps rules check, diff (cli/src/rules_cmd.rs)
cli-rules-folder-hint = un dossier de règles contient un dossier par année, chacun avec un `rulebook.toml` ; indiquez --rules DOSSIER
cli-rules-coverage-unchecked = la continuité { $from } → { $to } n'est pas vérifiée : { $broken } ne se charge pas (voir `peps rules check { $broken }`)
cli-rules-ok = ok
cli-rules-ok-warnings = ok, { $warnings } { $warnings ->
        [one] avertissement
       *[other] avertissements
    }
cli-rules-does-not-load = ne se charge pas
cli-rules-errors = { $errors } { $errors ->
        [one] erreur
       *[other] erreurs
    }
cli-rules-errors-warnings = { $errors } { $errors ->
        [one] erreur
       *[other] erreurs
    }, { $warnings } { $warnings ->
        [one] avertissement
       *[other] avertissements
    }
cli-rules-norms = normes
cli-rules-norms-failing = { $count } en échec
# issue 27, item 8 (normes introuvables)
cli-rules-norm-missing = { $norm } (introuvable)
cli-rules-not-checked = non vérifiée
cli-rules-coverage = ce que { $from } contient, { $to } le garde ou le consigne dans { $removals }
cli-rules-coverage-broken = l'une des deux années ne se charge pas
cli-rules-all-pass = { $rulebooks } { $rulebooks ->
        [one] année de règles
       *[other] années de règles
    }, { $norms } { $norms ->
        [one] fichier de norme
       *[other] fichiers de normes
    } et leur continuité dans le temps : tout est valide
cli-rules-see-above = { $status } : voir les diagnostics ci-dessus
cli-rules-stale-reference = avertissement : { $year }, { $kind } `{ $item }` : la valeur change ({ $old } → { $new }) mais la référence dit encore « reconduit de » : citez le texte de la nouvelle valeur
cli-diff-title = Règles { $from } → { $to } : { $count } { $count ->
        [one] modification
       *[other] modifications
    }
cli-diff-reference = référence : { $reference }
cli-diff-reference-was = référence, auparavant : { $old }
cli-diff-added = ajouté
cli-diff-removed = supprimé
cli-diff-field-colon = { $field } :
cli-diff-rulebook-part = { $part ->
        [result] résultat (total et composantes)
       *[other] en-tête des règles
    }
cli-diff-routine-title = Changements de routine, regroupés :
cli-diff-routine-reference = { $kind } dont la référence est seulement marquée « reconduit de » ({ $count }) : { $names }
cli-diff-routine-status = { $kind } dont seuls le statut, la référence ou des dates décalées d'année en année changent ({ $count }) : { $names }
cli-diff-and-more = et { $count } { $count ->
        [one] autre
       *[other] autres
    }
cli-diff-stale-reference = la valeur change mais la référence dit encore « reconduit de » : citez le texte de la nouvelle valeur
cli-diff-kinds = { $kind ->
        [parameter] Paramètres
        [table] Tables
        [list] Éléments de liste
        [indicators] Indicateurs
        [calendar] Échéances du calendrier
        [input] Entrées
        [norm] Normes
        [step] Étapes
        [script] Fonctions
       *[other] { $kind }
    }
cli-diff-field = { $field ->
        [value] valeur
        [status] statut
        [label] libellé
        [year] année
        [period] période
        [reference_date] date de référence
        [total] total
        [components] composantes du total
        [gate] condition d'éligibilité
        [weight] poids
        [target] cible
        [direction] sens
        [date] date
        [amount] montant
        [share] part
        [unit] unité
        [rounding] arrondi
        [formula] formule
        [mechanism] mécanisme
        [method] méthode
        [keys] clés
        [columns] colonnes
        [rows] lignes
        [attributes] attributs
        [source] source
        [kind] nature
        [input] entrée
       *[other] { $field }
    }
cli-diff-kind = { $kind ->
        [parameter] paramètre
        [table] table
        [list] liste
        [indicators] indicateurs
        [calendar] calendrier
        [input] entrée
        [norm] norme
        [step] étape
        [rulebook] règles
        [frame] cadre
        [indicator] indicateur
        [formula] formule
        [result] résultat
        [other] autre
       *[any] { $kind }
    }

## peps rules matrix, regress (cli/src/rules_cmd/matrix.rs, regress.rs)
cli-matrix-eligible = (éligible)
cli-matrix-total = (total)
cli-matrix-assumed = (éléments supposés)
cli-matrix-fails-check = échoue au contrôle { $key }
cli-matrix-title = { $case } sous chaque année, ses données ramenées dans chaque année (— : l'année n'a pas ce résultat)
cli-matrix-output = résultat
cli-regress-no-case = aucun dossier de { $folder } ne contient de { $file }
cli-regress-cannot-list = impossible de lister { $folder } : { $reason }
cli-regress-all-unchanged = chaque exemple donne les résultats validés sous chaque année ({ $count } cas)
cli-regress-col-case = cas
cli-regress-col-year = année
cli-regress-col-output = résultat
cli-regress-col-before = avant
cli-regress-col-after = après
cli-regress-new = { $case } : pas encore de matrice validée
cli-regress-check-changed = le résumé de `peps rules check` diffère de { $file } (une année ajoutée, retirée ou désormais en échec)
cli-regress-check-new = le résumé de `peps rules check` n'a pas encore de { $file } validé
cli-regress-counts = { $cells } { $cells ->
        [one] cellule modifiée
       *[other] cellules modifiées
    } dans { $cases } cas, { $new } { $new ->
        [one] nouveau
       *[other] nouveaux
    }, { $unchanged } { $unchanged ->
        [one] inchangé
       *[other] inchangés
    }
cli-regress-accepted = accepté : les instantanés contiennent désormais ces résultats
cli-regress-bless = si chaque modification est voulue, validez-les : peps rules regress --accept

## peps rules schema (cli/src/rules_cmd/schema.rs)
cli-schema-cannot-create = impossible de créer { $dir } : { $reason }
cli-schema-wrote = { $path } écrit
cli-schema-written = { $count } schémas dans { $dir } : { $written } { $written ->
        [one] écrit
       *[other] écrits
    }, { $current } à jour
cli-schema-stale = { $path } n'est pas à jour
cli-schema-missing = { $path } est absent
cli-schema-unknown = { $path } n'est pas un schéma de cette version
cli-schema-up-to-date = { $count } schémas dans { $dir } : à jour
cli-schema-help = aide : lancez `peps rules schema` pour les régénérer à partir des types Rust, et committez le résultat

## peps rules draft (cli/src/rules_cmd/draft.rs)
cli-draft-exists = { $path } existe déjà
cli-draft-exists-help = aide : ajoutez --force pour le remplacer, ou choisissez un autre dossier
cli-draft-cannot-replace = impossible de remplacer { $path } : { $reason }
cli-draft-editor = éditeur : les lignes `#:schema` pointent vers { $prefix }
cli-draft-editor-none = éditeur : le dossier schemas/ du dépôt est introuvable : les lignes `#:schema` sont laissées telles quelles
cli-draft-written = projet de { $year } écrit dans { $path }
cli-draft-check = modifiez-le, puis vérifiez-le :  peps rules check { $year } --rules { $dir }
cli-draft-impact = ce qu'il change pour un cas :  peps impact --year { $year } --rules { $dir } CAS
cli-cannot-copy = impossible de copier { $path } : { $reason }
cli-cannot-read = impossible de lire { $path } : { $reason }

## peps rules new-year (cli/src/rules_cmd/new_year.rs)
cli-new-year-same = la nouvelle année et --from valent toutes deux { $year }
cli-new-year-exists-help = aide : ajoutez --force pour le remplacer
cli-new-year-base-broken = { $from } ne passe pas `peps rules check` : corrigez-la avant d'en tirer { $to }
cli-new-year-no-temp = impossible de créer un dossier temporaire dans { $dir } : { $reason }
cli-new-year-broken = l'année { $to } tirée de { $from } ne passe pas les vérifications ; rien n'a été écrit
cli-new-year-created = { $path } créé à partir de { $from }
cli-new-year-dates = { $dates } { $dates ->
        [one] date décalée
       *[other] dates décalées
    } de { $years } { $years ->
        [one] an
       *[other] ans
    }
cli-new-year-collapsed = { $count } { $count ->
        [one] valeur qui a changé
       *[other] valeurs qui ont changé
    } en { $from } { $count ->
        [one] entre
       *[other] entrent
    } en { $to } avec { $count ->
        [one] sa valeur
       *[other] leur valeur
    } de fin { $from }
cli-new-year-items-dropped = { $count } { $count ->
        [one] élément de liste terminé
       *[other] éléments de liste terminés
    } en { $from } { $count ->
        [one] retiré
       *[other] retirés
    }
cli-new-year-kept-once = { $count ->
        [one] { $count } date marquée `once = true` gardée telle quelle (elle n'a lieu qu'une fois)
       *[other] { $count } dates marquées `once = true` gardées telles quelles (elles n'ont lieu qu'une fois)
    }
cli-new-year-references = { $references } { $references ->
        [one] référence marquée
       *[other] références marquées
    } « (reconduit de { $from }) », { $statuses } { $statuses ->
        [one] statut
       *[other] statuts
    } seed → assumed
cli-new-year-passes = passe `peps rules check { $to }`
cli-new-year-review = à relire : les libellés et descriptions qui nomment une année, les événements du calendrier, et chaque valeur que la nouvelle année modifie
cli-new-year-invalid-toml = { $file } : TOML invalide : { $reason }

## peps test (cli/src/test_cmd.rs, test_cmd/)
cli-test-no-case = aucun cas de test sous { $paths }
cli-test-no-case-help = aide : un cas de test est un fichier .toml avec `description`, `reference`, `years` et `[expected]`
cli-test-summary = { $cases } cas, { $runs } { $runs ->
        [one] exécution
       *[other] exécutions
    } : { $passed } { $passed ->
        [one] réussi
       *[other] réussis
    }
cli-test-summary-failed = , { $count } en échec
cli-test-summary-broken = , { $count } { $count ->
        [one] n'a pas pu s'exécuter
       *[other] n'ont pas pu s'exécuter
    }
cli-test-state-ok = ok
cli-test-state-failed = ÉCHEC
cli-test-state-error = ERREUR
cli-test-as-expected = { $years } : conforme aux attentes
cli-test-missing-path = { $path } n'existe pas
cli-test-rulebook-broken = les règles de { $year } ne se chargent pas :
cli-test-no-temp = impossible de créer un dossier temporaire : { $reason }
cli-test-case-broken = les fichiers du cas ne se chargent pas (écrits à partir de { $file }) :
cli-test-differ = { $failing } { $failing ->
        [one] résultat attendu diffère
       *[other] résultats attendus diffèrent
    } sur { $count }
cli-test-expected = attendu { $value }
cli-test-got = obtenu { $value }
cli-test-not-eligible = non éligible ({ $failed } en échec), le calcul s'est donc arrêté à la condition d'éligibilité
cli-test-explain-path = explication de la première différence, `{ $output }` ({ $year }) :
cli-test-as-the-case-expects = (comme le cas l'attend)
cli-test-not-checked = (non vérifié par le cas)
cli-test-not-opened = non développés : { $outputs } — écrivez le cas avec `--keep DOSSIER` et lancez `peps explain` dessus
cli-test-none = (aucune)
cli-test-empty = (vide)
cli-test-no-line-close = `{ $output }` n'a pas de ligne `{ $part }` ; vouliez-vous dire `{ $close }` ?
cli-test-no-line = `{ $output }` n'a pas de ligne `{ $part }` ; ses lignes sont { $lines }
cli-test-line-empty = la ligne `{ $part }` de `{ $output }` n'a pas de valeur
cli-test-no-output = aucun résultat `{ $output }` dans le calcul{ $gate ->
        [yes] {" "}(le calcul s'est arrêté à la condition d'éligibilité)
       *[no] {""}
    }
cli-test-no-output-close = aucun résultat `{ $output }` dans le calcul{ $gate ->
        [yes] {" "}(le calcul s'est arrêté à la condition d'éligibilité)
       *[no] {""}
    } ; vouliez-vous dire `{ $close }` ?
cli-test-not-a-number = la valeur attendue n'est pas un nombre
cli-test-off-by = écart de { $diff }
cli-test-no-value = le résultat n'a pas de valeur
cli-test-kinds-differ = la valeur attendue et la valeur obtenue ne sont pas de même nature
cli-test-no-data-file = `{ $key }` ne nomme aucun fichier de données des règles { $year } ; ses fichiers de données sont { $files }
cli-test-no-data-file-close = `{ $key }` ne nomme aucun fichier de données des règles { $year } (vouliez-vous dire `{ $close }` ?) ; ses fichiers de données sont { $files }
cli-test-cannot-read-data = impossible de lire le fichier `{ $name }` { $path } : { $reason }
cli-test-cannot-write-case = impossible d'écrire le fichier du cas : { $reason }
cli-test-unknown-field = { $place } a un champ `{ $key }` que la norme `{ $norm }` n'a pas
cli-test-unknown-field-close = { $place } a un champ `{ $key }` que la norme `{ $norm }` n'a pas (vouliez-vous dire `{ $close }` ?)
cli-test-defaults-of = les valeurs par défaut de `{ $input }`
cli-test-row-of = la ligne { $row } de `{ $input }`
cli-test-field-problem = { $place }, champ `{ $field }` : { $problem }
cli-test-identifier-text = un identifiant est un texte : un nom comme "p1", ou un numéro complet entre guillemets
cli-test-not-whole = un champ de nombre entier ne peut pas contenir { $value }
cli-test-decimal-as-text = écrivez un nombre décimal comme un texte, par exemple "12.50", pour qu'il reste exact
cli-test-no-bool-text = la norme `{ $norm }` n'a pas de texte pour { $value }
cli-test-not-calendar-date = { $value } n'est pas une date du calendrier
cli-test-not-date = { $value } n'est pas une date
cli-test-wrong-kind = un champ de type { $kind } ne peut pas contenir une valeur de type { $value }
cli-test-invalid-case = { $path } n'est pas un cas de test valide : { $reason }
cli-test-no-years = { $path } ne liste aucune année : indiquez par exemple `years = [2025]`
cli-test-expects-nothing = { $path } n'attend rien : indiquez des résultats `[expected]`
cli-test-year-not-run = { $path } : `expected_by_year.{ $year }` concerne une année que le cas ne calcule pas ; ajoutez { $year } à `years` ({ $years })
cli-test-invalid-defaults = { $path } n'est pas un fichier de valeurs par défaut valide : { $reason }

## peps docs : le document des règles de l'année (cli/src/docs.rs)
cli-docs-then = , puis
cli-docs-dated = { $value } dès le { $from }
cli-docs-scheme = Dispositif : { $scheme } ; année { $year }.
cli-docs-period = Période : du { $start } au { $end } ; date de référence : { $reference } ; fichier du cas : `{ $file }`.
cli-docs-hash = Empreinte des règles (SHA-256) : `{ $hash }`.
cli-docs-statuses = Statuts : **confirmed** (un texte public le dit), **seed** (le texte de référence du dispositif le dit), **assumed** (hypothèse, le texte officiel n'étant pas public).
cli-docs-status = Statut : **{ $status }**. Référence : { $reference }
cli-docs-result = Résultat
cli-docs-total = Total : { $name }
cli-docs-components = Composantes (leur somme est le total) : { $names }
cli-docs-gate = Éligibilité : { $name } (si un critère échoue, la rémunération est nulle)
cli-docs-waterfall = Cascade du rapport : { $bars }
cli-docs-parameters = Paramètres
cli-docs-parameters-head = | libellé | nom | valeur | unité | statut | référence |
cli-docs-tables = Tables
cli-docs-lists = Listes
cli-docs-list-head = | code | libellé | { $attributes } | statut | référence |
cli-docs-indicators = Indicateurs
cli-docs-method = Méthode : { $method }. Statut : **{ $status }**. Référence : { $reference }
cli-docs-indicators-head = | indicateur | libellé | poids | cible | sens | résultat lu dans | statut |
cli-docs-calendar = Calendrier
cli-docs-calendar-head = | date | événement | nature | part ou montant | condition | statut | référence |
cli-docs-inputs = Données du cas (`{ $file }`)
cli-docs-inputs-head = | section | clé | type | libellé | défaut |
cli-docs-optional = (facultatif)
cli-docs-steps = Étapes du calcul (dans l'ordre d'évaluation)
cli-docs-mechanism = Mécanisme : **{ $mechanism }** ; unité : { $unit }.
cli-docs-mechanism-rounded = Mécanisme : **{ $mechanism }** ; unité : { $unit }, arrondi au pas de { $step } ({ $mode }).
cli-docs-reference = Référence : { $reference }
cli-docs-norm = Norme `{ $name }` v{ $version } — { $label }
cli-docs-file-name = Nom de fichier : `{ $pattern }` (dates au format `{ $format }`).
cli-docs-format = Séparateur `{ $separator }`, encodage { $encoding }, dates `{ $dates }`, séparateur décimal `{ $decimal }`.
cli-docs-fields-head = | champ | libellé | type | obligatoire | contraintes |
cli-docs-yes = oui
cli-docs-no = non
cli-docs-checks = Contrôles entre les champs d'une ligne (avertissement quand la condition ne tient pas) :
cli-docs-check = { $label } : `{ $when }`
cli-docs-links = Liens vers d'autres fichiers, vérifiés quand ils sont lus ensemble (avertissement) :
cli-docs-link = { $label } : `{ $fields }` dans `{ $keys }` de la norme `{ $norm }`
cli-docs-link-dated = { $label } : `{ $fields }` dans `{ $keys }` de la norme `{ $norm }`, valable à la date `{ $at }` (entre `{ $from }` et `{ $to }`)
cli-docs-length = longueur { $length }
cli-docs-length-min = au moins { $min } caractères
cli-docs-length-range = { $min } à { $max } caractères
cli-docs-values = valeurs { $values }
cli-docs-pattern = motif `{ $pattern }`
cli-docs-in-catalogue = dans le catalogue `{ $list }` (sinon erreur)
cli-docs-outside-list-said = hors de la liste `{ $list }` : avertissement, « { $said } »
cli-docs-outside-list = hors de la liste `{ $list }` : avertissement
cli-docs-in-list = dans la liste `{ $list }` (sinon erreur)
cli-docs-checksum = clé { $key }
cli-docs-identifier = identifiant masqué dans les rapports
cli-docs-required-if = obligatoire si `{ $condition }`

cli-national-input-form = --input { $given } : écrivez NOM=FICHIER, NOM parmi { $names }
cli-national-input-unknown = --input { $given } : les règles { $year } n'ont pas de donnée d'entrée `{ $name }` (elles ont { $names })
cli-national-no-file = aucun fichier national dans { $dir } : nommez-les --input NOM=FICHIER, ou appelez-les NOM.csv
cli-batch-no-output = --outputs : les règles { $year } n'ont pas de sortie `{ $name }`
cli-batch-no-output-suggest = --outputs : les règles { $year } n'ont pas de sortie `{ $name }` (vouliez-vous dire `{ $suggestion }` ?)
cli-batch-no-case-folder = aucun sous-dossier de { $dir } ne contient de { $file }
cli-batch-cannot-list = impossible de lister { $dir } : { $reason }
cli-batch-warnings = avertissements dans { $warned } cas sur { $cases } (`peps compute` sur un cas les montre) :
cli-batch-warning-code = { $code } : { $cases } cas — { $summary }
cli-batch-no-column = --columns : pas de colonne `{ $name }` (une sortie doit aussi être demandée avec --outputs)
cli-batch-no-column-suggest = --columns : pas de colonne `{ $name }` (une sortie doit aussi être demandée avec --outputs) (vouliez-vous dire `{ $suggestion }` ?)
cli-batch-rows-read = lignes lues : { $rows }
cli-batch-rows-left-out = lignes écartées (rejetées par leur norme, non calculées) : { $rows }
cli-timings = temps : { $cases } cas sur { $threads } fils en { $wall } s réelles, { $cpu } s de processeur
cli-timings-phase = phase
cli-timings-wall = réel (s)
cli-timings-cpu = CPU (s)
cli-timings-load = chargement et vérification des règles
cli-timings-cut = découpage des fichiers nationaux
cli-timings-again = dont relecture ({ $groups } { $groups ->
        [one] groupe
       *[other] groupes
    })
cli-timings-cases = lecture et calcul des cas
cli-timings-reading = dont lecture des cas
cli-timings-evaluating = dont calcul des cas
cli-timings-rates = { $rows } lignes  { $wall } lignes/s réelles  { $cpu } lignes par seconde de processeur du calcul
# Clés des normes (issue 23, partie 1 : les clés)
cli-docs-key = Clé : `{ $fields }` ; deux lignes de même clé sont refusées (V434).
cli-docs-no-key = Pas de clé : seules les lignes identiques sont comparées, et refusées (V426).
cli-docs-no-key-allowed = Pas de clé : seules les lignes identiques sont comparées, et gardées avec un avertissement (V426).

# issue 23, partie privacy : chemins, identifiants, diagnostics
cli-report-more-of-code = … et { $count } autres { $code } (les { $shown } premiers sont affichés)
# batches and national runs lose no team, writers never destroy, temporary files (issue 23, part runs)
cli-batch-no-case-file = { $folder } contient des données mais pas de { $file } : le cas n'est pas calculé
cli-batch-no-case-file-hint = écrivez son { $file } (un `peps synth --teams` interrompu laisse de tels dossiers : relancez-le), ou sortez le dossier du lot
cli-batch-case-panicked = le calcul de { $case } s'est arrêté sur une erreur interne : { $panic }
cli-batch-case-panicked-hint = un défaut de peps, pas du cas : signalez-le avec ce message (dans un calcul de plusieurs cas, les autres sont calculés)
cli-national-no-case-file = { $rows } { $rows ->
        [one] ligne
       *[other] lignes
    } des fichiers nationaux nomment le cas { $case }, mais { $file } n'existe pas : le cas n'est pas calculé
cli-national-no-case-file-hint = ajoutez le dossier du cas et son fichier de cas à --cases, ou corrigez la colonne `{ $column }` de ses lignes
cli-national-no-rows = aucune ligne des fichiers nationaux ne nomme le cas { $case } de { $folder } (`{ $column }` = { $case }) : le cas n'est pas calculé
cli-national-no-rows-hint = comparez la colonne `{ $column }` des fichiers nationaux aux noms des dossiers de --cases
cli-synth-not-empty = { $out } contient déjà des fichiers : un cas synthétique s'écrit dans un dossier vide ou nouveau (--force pour y écrire, en remplaçant les fichiers de mêmes noms)
cli-synth-not-a-folder = { $out } est un fichier, pas un dossier
cli-draft-is-source = { $path } est, ou contient, les règles qu'il copierait ({ $source }) : un brouillon ne les remplace jamais, --force ou non ; écrivez-le ailleurs

# issue 26, item 4 (validate qui guide : informations, vérifications non faites, fichier vide)
cli-validate-with-notes = { $verdict }, { $count } { $count ->
        [one] information
       *[other] informations
    }
cli-validate-code-notes = { $code } : { $count } { $count ->
        [one] information
       *[other] informations
    }
cli-validate-empty-summary = { $file } : { $verdict } — le fichier est vide, sa norme ne peut pas être reconnue
cli-validate-skipped-title = { $count } { $count ->
        [one] vérification entre fichiers n'a pas pu être faite
       *[other] vérifications entre fichiers n'ont pas pu être faites
    } :
cli-validate-skipped = { $file } : « { $check } » non vérifié : { $reason }
cli-validate-skipped-broken = { $files } (norme `{ $norm }`) a des erreurs qui empêchent d'en lire les clés ; corrigez-le puis vérifiez de nouveau
cli-validate-skipped-unread = aucun fichier de la norme `{ $norm }` n'a pu être lu ({ $files } : illisible, vide ou non reconnu) ; corrigez-le puis vérifiez de nouveau
cli-report-count-notes = { $count }, { $notes } { $notes ->
        [one] information
       *[other] informations
    }
# issue 26, item 6 (sheets) : --format xlsx, un vrai classeur (cli/src/xlsx.rs et les modules xlsx des commandes)
cli-xlsx-terminal = un classeur xlsx est un fichier binaire : indiquez où l'écrire avec -o FICHIER.xlsx, ou redirigez la sortie vers un fichier
cli-xlsx-failed = impossible d'écrire le classeur xlsx : { $reason }
xlsx-sheet-summary = Synthèse
xlsx-sheet-results = Résultats
xlsx-sheet-waterfall = Cascade
xlsx-sheet-assumptions = Hypothèses
xlsx-sheet-warnings = Avertissements
xlsx-sheet-cases = Cas
xlsx-sheet-totals = Totaux
xlsx-sheet-payments = Versements
xlsx-sheet-deposits = Dépôts
xlsx-sheet-dates = Autres dates
xlsx-sheet-items = Éléments modifiés
xlsx-sheet-outputs = Résultats comparés
xlsx-sheet-curve = Courbe de coût
xlsx-sheet-notes = Remarques
xlsx-col-item = Élément
xlsx-col-value = Valeur
xlsx-col-label = Libellé
xlsx-col-name = Nom dans les règles
xlsx-col-component = Composante du total
xlsx-col-assumed = Éléments supposés
xlsx-col-step = Étape
xlsx-col-change = Variation
xlsx-col-running = Cumul
xlsx-col-kind = Nature
xlsx-col-share = Part du total
xlsx-col-code = Code
xlsx-col-level = Gravité
xlsx-col-message = Message
xlsx-col-place = Emplacement
xlsx-col-hint = Aide
xlsx-col-folder = Dossier
xlsx-col-case = Cas
xlsx-col-status = État
xlsx-col-eligible = Éligible
xlsx-col-total = Total
xlsx-col-rows = Lignes lues : { $dataset }
xlsx-col-left-out = Lignes écartées : { $dataset }
xlsx-col-errors = Erreurs
xlsx-col-date = Date
xlsx-col-payment = Versement
xlsx-col-planned = Prévu
xlsx-col-received = Reçu
xlsx-col-amount = Montant
xlsx-col-due = Date limite
xlsx-col-period-start = Début de la période
xlsx-col-period-end = Fin de la période
xlsx-col-deposit = Dépôt
xlsx-col-norms = Normes
xlsx-col-delta = Écart
xlsx-col-before = Avant
xlsx-col-after = Après
xlsx-col-note = Remarque
xlsx-col-total-year = Total { $year }
xlsx-col-output = Résultat
xlsx-col-year = Année
xlsx-col-sweep-value = Valeur de { $item }
xlsx-col-step-delta = Écart avec la valeur précédente
xlsx-row-rules = Règles
xlsx-row-case = Cas
xlsx-row-year = Année
xlsx-row-note = Remarque
xlsx-row-eligible = Éligible
xlsx-row-failed-check = Condition non remplie
xlsx-row-total = Total
xlsx-row-cases = Cas
xlsx-row-eligible-cases = Cas éligibles
xlsx-row-ineligible-cases = Cas non éligibles
xlsx-row-error-cases = Cas en erreur
xlsx-row-final-amount = Montant définitif : { $label }
xlsx-row-estimate = Estimation annuelle : { $label }
xlsx-row-advances-on = Base des avances
xlsx-row-paid = Versé avant le solde
xlsx-row-balance = Solde
xlsx-row-rules-from = Règles de départ
xlsx-row-rules-to = Règles d'arrivée
xlsx-row-delta-share = Écart relatif
xlsx-status-ok = calculé
xlsx-status-error = en erreur
xlsx-level-error = erreur
xlsx-level-warning = avertissement
xlsx-payment-advance = avance
xlsx-payment-complement = complément
xlsx-payment-recorded = versement enregistré
xlsx-payment-balance = solde
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
explain-more = L'arbre complet : --full (ou --depth N) ; le calcul tel que les règles l'écrivent et le détail de l'étape : ajoutez --details.
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
# issue 26, item 2 (explain) : ce qu'une étape dit d'elle-même, avec les valeurs (engine/src/eval/explanation.rs)
explain-words-rows = { $shown } { $count ->
        [one] ligne
       *[other] lignes
    }
explain-words-filter = { $kept } { $count ->
        [one] retenue
       *[other] retenues
    } sur { $rows } de « { $source } »{ $according }
explain-words-count = { $value } { $count ->
        [one] comptée
       *[other] comptées
    } sur { $rows } de « { $source } »{ $according }
explain-words-sum = Somme sur { $rows } de « { $source } »{ $according } : { $value }
explain-words-min = Plus petite valeur sur { $rows } de « { $source } »{ $according } : { $value }
explain-words-max = Plus grande valeur sur { $rows } de « { $source } »{ $according } : { $value }
explain-words-groups = { $sentence }, en { $groups } groupes
explain-words-lookup-rows = Somme, sur { $rows } de « { $source } », des valeurs lues dans « { $table } » ({ $cells } { $cells ->
        [one] case atteinte
       *[other] cases atteintes
    }){ $according } : { $value }
explain-words-lookup = « { $table } » lu pour { $keys } : { $value }
explain-words-derive = Valeur calculée pour chacune des { $rows } de « { $source } »{ $according } ; en tout : { $value }
explain-words-derive-rows = Valeur calculée pour chacune des { $rows } de « { $source } »{ $according }
explain-words-class = { $label } : { $rows }
explain-words-classify = { $rows } de « { $source } » classées selon « { $list } » : { $classes }
explain-words-check = { $label } ({ $value } { $op } { $threshold })
explain-words-checks-met = Tous les critères sont remplis : { $checks }
explain-words-checks-failed = { $count ->
        [one] Critère non rempli
       *[other] Critères non remplis
    } : { $failed }
explain-words-checks-some = { $count ->
        [one] Critère non rempli
       *[other] Critères non remplis
    } : { $failed } ; critères remplis : { $passed }
explain-words-indicator = { $label } atteint à { $attained }
explain-words-score = Moyenne pondérée de l'atteinte des cibles de « { $set } » ({ $indicators }) : { $value }
explain-words-formula = Calculé à partir de { $values } : { $value }
explain-words-pair = { $label } = { $value }
explain-words-according = , selon { $values }
explain-words-then = { $previous } ; { $next }
explain-words-nothing = rien
report-bar-label-not-a-bar = `[result.bar_labels]` nomme `{ $name }`, qui n'est pas une barre de `[result] waterfall`
report-level-error = erreur
report-level-warning = avertissement
report-level-help = aide{" "}
report-level-note = note{" "}
cli-compute-delimiter = --delimiter doit être un seul caractère ASCII
# issue 26, item 5 (pages) : la page du cas pour sa direction (cli/src/html/)
html-generated = Page produite le { $date }
html-date-variable-invalid = { $variable } vaut « { $value } », qui n'est pas un nombre de secondes depuis le 01/01/1970 : la page porte la date du jour
html-schedule-failed = L'échéancier n'a pas pu être établi : les messages de la commande disent pourquoi.
html-col-event = événement
html-payment-received = reçu : { $amount } { $date }
html-schedule-estimate = Les avances sont calculées sur une estimation annuelle de { $amount } ({ $label }, { $origin }).
html-schedule-paid = Total des versements avant le solde
html-balance-positive = Solde positif : { $amount } restent à verser.
html-balance-negative = Solde négatif : les versements ont dépassé le montant définitif de { $amount }, à reverser.
html-balance-zero = Solde nul : les avances égalent exactement le montant définitif.
html-schedule-check = Versements { $paid } + solde { $balance } = montant définitif { $total }.
html-deadline-rule = À déposer au plus tard le { $day }{ $day ->
        [1] er
       *[other] e
    } jour ouvré du mois qui suit chaque période.
html-warnings = Points d'attention sur les données
html-warnings-none = Aucun avertissement sur les données du cas.
html-warnings-intro = Le calcul est fait ; { $count ->
        [one] ce point sur les données mérite
       *[other] ces { $count } points sur les données méritent
    } un regard :
html-in-file = (fichier { $file })
html-data-shift = Les dates des données de { $from } ont été ramenées en { $to } pour appliquer les règles de { $to }.
html-assumption-share = { $share } du total en dépend
html-technical = Détails techniques : noms des règles, codes et empreintes
html-technical-intro = Pour vérifier ou refaire le calcul : le nom de chaque étape et de chaque élément supposé dans les règles, les codes des avertissements, et l'empreinte SHA-256 des règles et de chaque fichier lu.
html-failed-checks = Critères non remplis
html-col-code = code
html-col-file = fichier
html-deadline-names = { $label } : règle `{ $rule }` du calendrier, fichiers `{ $norms }`.
html-working-days-names = { $label } : paramètre `{ $name }` ({ $reference }).

# issue 26, item 4 (validate qui guide)
report-level-information = information
# -- end reports --

## Aide de la ligne de commande (--help) : help-<commande>, help-<commande>--<option> ; help--<option> vaut pour toutes les commandes
# -- begin help --
help = Un moteur de règles pour les rémunérations écrites en règles annuelles : calculer, expliquer, échelonner et vérifier
help--lang = Langue de ce que peps écrit pour les personnes : fr (par défaut) ou en
help--rules = Dossier des règles annuelles (par défaut : `rules/` du dépôt)
help--norms = Dossier des normes d'échange ; plusieurs fois pour un chemin de recherche, le premier qui a une norme la fournit (par défaut : le `norms/` du dispositif, puis celui du dépôt)
help--scheme = Un dispositif livré à côté de celui par défaut : `--scheme capitation` lit `rules/capitation/`
help--allow_outside_paths = Autoriser les chemins de données du fichier du cas à sortir du dossier du cas
help--manifest = Écrire le manifeste du calcul (version du moteur, SHA-256 des règles, des normes et des fichiers lus) dans ce fichier
help-compute = Le montant d'un cas pour une année, composante par composante (ou de chaque cas d'un dossier)
help-compute--year = L'année dont les règles s'appliquent
help-compute--format = Format de sortie ; csv est pour les programmes (colonnes et valeurs brutes, stables : `;`, point décimal) ; pour un tableur, xlsx (montants en euros, dates, une feuille par tableau, avec -o FICHIER)
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
help-explain--details = Aussi le calcul tel que les règles l'écrivent et le détail de chaque sortie (cases de table atteintes, groupes, classes) ; dans l'arbre, sa source Rhai
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
help-impact--format = Format de sortie ; pour un tableur, xlsx (montants en euros, une feuille par tableau, avec -o FICHIER)
help-impact--locale = Style des nombres : fr (par défaut) ou plain
help-impact--keep_dates = Garder les dates du cas : par défaut, les données d'une autre année sont ramenées dans l'année des règles
help-impact--force = Remplacer un fichier de sortie existant
help-impact--threads = Avec plusieurs cas : nombre de fils d'exécution (0 : un par cœur)
help-impact--cases = Les dossiers de cas, ou des dossiers de dossiers de cas
help-rules = Vérifier, comparer et commencer les règles annuelles
help-rules-check = Charger strictement les règles et les normes, et signaler chaque diagnostic, avec la continuité dans le temps
help-rules-check--against = Comparer aussi chaque année à l'année ANNÉE : une valeur modifiée dont la référence dit encore « (reconduit de …) » est signalée
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
help-rules-export = Écrire les règles et normes intégrées au programme dans DOSSIER/rules et DOSSIER/norms, pour les modifier
help-rules-export--dir = Où les écrire : DOSSIER/rules et DOSSIER/norms, qui ne doivent pas exister
help-rules-schema = Écrire les schémas JSON des fichiers de règles, de normes et de tests, pour les éditeurs (`--check` compare)
help-rules-schema--out = Le dossier où écrire les schémas (par défaut : `schemas/` du dépôt)
help-rules-schema--check = Ne rien écrire : sortir avec 1 si un schéma du dossier manque, est périmé ou inconnu
help-rules-matrix = Des cas sous chaque année côte à côte, leurs données ramenées dans chaque année
help-rules-matrix--keep_dates = Garder les dates de chaque cas (par défaut, ses données sont ramenées dans chaque année)
help-rules-matrix--cases = Les dossiers de cas
help-rules-regress = Chaque exemple sous chaque année, comparé aux résultats bénis de snapshots/ (`--accept` bénit)
help-rules-regress--examples = Dossier des cas d'exemple (par défaut : `examples/` du dépôt, ou `examples/<NOM>` avec `--scheme NOM`)
help-rules-regress--snapshots = Dossier des résultats bénis (par défaut : `snapshots/` du dépôt, ou `snapshots/<NOM>` avec `--scheme NOM`)
help-rules-regress--accept = Réécrire les résultats bénis avec les nouveaux : ils deviennent la référence
help-rules-regress--format = Format de sortie
help-schedule = Les paiements dans le temps : acomptes, régularisations, solde et dates limites de dépôt
help-schedule--year = L'année dont les règles et le calendrier s'appliquent
help-schedule--format = Format de sortie ; csv est pour les programmes (colonnes et valeurs brutes, stables : dates ISO, point décimal) ; pour un tableur, xlsx (montants en euros, dates, une feuille par tableau, avec -o FICHIER)
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
help-synth--out = Dossier où écrire le cas (créé s'il le faut ; un dossier qui contient des fichiers demande --force)
help-synth--force = Écrire dans un dossier qui contient déjà des fichiers, en remplaçant ceux de mêmes noms
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
help-compute--partition_by = Fichiers nationaux : les lignes de tous les cas d'une donnée d'entrée dans un seul fichier, cette colonne nommant le cas de chaque ligne ; CASE est alors le dossier des fichiers (`NOM.csv` par donnée d'entrée, ou --input)
help-compute--input = Avec --partition-by : le fichier national d'une donnée d'entrée (`--input patients=tous.csv`)
help-compute--cases = Avec --partition-by : un dossier de dossiers de cas donnant les valeurs de chaque cas (son fichier de cas)
help-compute--sorted = Avec --partition-by : les fichiers sont triés par la colonne ; lus cas par cas, la mémoire suit alors le plus gros cas (sinon les cas sont découpés en mémoire)
help-compute--held = Avec --partition-by, fichiers non triés : au plus tant de Mio de leurs lignes gardés en mémoire à la fois ; au-delà, les fichiers sont relus pour chaque groupe de cas qui y tient
help-compute--columns = Avec --format csv sur plusieurs cas : ces colonnes seulement, `NOM` ou `EN-TÊTE=NOM` (`--columns id=case,total`), et pas de ligne de totaux
help-compute--delimiter = Avec --format csv sur plusieurs cas : le séparateur de champs
# issue 26, item 6 (sheets) : -o et --format xlsx
help--output = Écrire la sortie dans ce fichier (nécessaire pour --format xlsx, sauf si la sortie est redirigée) ; jamais par-dessus un fichier lu, ni un fichier de règles ou de normes
help-schedule--force = Remplacer un fichier de sortie existant
help-rules-matrix--force = Remplacer un fichier de sortie existant
help-rules-matrix--format = Format de sortie : table (par défaut) ou xlsx (un classeur, une feuille par cas)
# -- end help --

## issue 27, item 7 — peps impact --sweep: cost curves (cli/src/impact/sweep.rs)
cli-sweep-syntax = une courbe de coût s'écrit NOM=DE..À:PAS (par exemple prestations.G.tarif=28..32:0,5) : « { $spec } » ne suit pas cette forme
cli-sweep-not-a-number = « { $text } » n'est pas un nombre (écrivez par exemple 28, 0,5 ou 1.10)
cli-sweep-reversed = le début de la courbe ({ $from }) dépasse sa fin ({ $to }) : écrivez la plus petite valeur d'abord
cli-sweep-step = le pas doit être positif (ici { $step })
cli-sweep-too-many = { $count } valeurs : une courbe en a au plus { $max } ; prenez un pas plus grand ou un intervalle plus court
cli-sweep-unknown = aucun paramètre, table ni liste ne s'appelle « { $name } »
cli-sweep-did-you-mean = { $message } ; vouliez-vous dire « { $name } » ?
cli-sweep-unknown-part = « { $part } » n'est pas dans « { $name } »
cli-sweep-which-part = « { $name } » porte plusieurs valeurs : nommez celle à faire varier parmi { $choices }
cli-sweep-bad-keys = cellule de la table { $table } : « { $keys } » doit donner une valeur à chaque clé, { $expected }
cli-sweep-no-row = la table { $table } n'a pas de ligne pour { $keys }
cli-sweep-not-a-number-item = « { $name } » ne porte pas un nombre (unité { $unit }) : une courbe de coût fait varier un nombre
cli-sweep-needs-year = une courbe de coût fait varier les règles d'une année : indiquez --year ANNÉE
cli-sweep-format-needs-sweep = --format csv ne sert qu'avec --sweep (la page d'un impact : --format html)
cli-sweep-rulebook-failed = avec { $item } = { $value }, les règles ne se chargent plus (voir les diagnostics)
cli-sweep-values = valeurs
cli-sweep-title = Courbe de coût de { $item } — { $year } ({ $rules }), { $cases } cas, { $count } valeurs
cli-sweep-current = valeur dans les règles : { $value }
cli-sweep-col-value = valeur
cli-sweep-col-total = total
cli-sweep-col-step = écart au pas
cli-sweep-current-mark = ← règles
cli-sweep-errors = { $count } cas en erreur, hors total
cli-sweep-per-case-note = Le coût de chacun des { $cases } cas : --format csv ou --format json.
cli-sweep-largest-step = Le plus grand pas : { $from } → { $to }, { $delta } ; attribution élément par élément, sommée sur les cas (méthode : { $method })
cli-sweep-no-step = Une seule valeur : aucun pas à attribuer.
cli-sweep-chart = Coût total selon { $item }
help-impact--sweep = Avec --year : une courbe de coût, une valeur des règles balayée (NOM=DE..À:PAS : un paramètre, TABLE[clé=valeur,…].colonne ou LISTE.CODE.attribut ; voir docs/courbes-de-cout.md)
# French everywhere by default, English with --lang en; the terminal's width (issue 26, part french)
cli-clap-usage = Utilisation :
cli-clap-commands = Commandes
cli-clap-help-flag = Afficher l'aide
cli-clap-version-flag = Afficher la version
cli-clap-help-subcommand = Afficher cette aide ou l'aide des commandes données
cli-clap-possible-values = [valeurs possibles : { $values }]
cli-clap-env = [variable d'environnement : { $name }]
cli-clap-default = [par défaut : { $value }]
cli-clap-missing = il manque ces arguments obligatoires :{ $args }
cli-clap-value-missing = une valeur est attendue pour « { $arg } »
cli-clap-invalid-value = valeur « { $value } » invalide pour « { $arg } »
cli-clap-value-refused = valeur « { $value } » refusée pour « { $arg } » : { $reason }
cli-clap-unknown-argument = argument inattendu « { $arg } »
cli-clap-unknown-command = commande inconnue « { $name } »
cli-clap-conflict = « { $arg } » ne peut pas être utilisé avec « { $prior } »
cli-clap-too-many-values = valeur inattendue « { $value } » pour « { $arg } »
cli-clap-number-of-values = « { $arg } » attend { $expected } valeurs, { $actual } données
cli-clap-no-equals = « { $arg } » demande un signe = avant sa valeur
cli-clap-missing-command = « { $name } » demande une commande
cli-clap-invalid = arguments invalides
cli-clap-suggested = peut-être : { $names }
cli-clap-dash-dash = pour passer « { $arg } » comme une valeur, écrivez « -- { $arg } »
cli-clap-more = Pour en savoir plus : --help
cli-table-total = TOTAL
help-compute--names = Le tableau montre le nom de règle de chaque chiffre à côté de son libellé
cli-batch-title = { $rulebook } — { $cases } cas
cli-batch-col-case = cas
cli-batch-col-name = nom
cli-batch-col-eligible = éligible
cli-batch-col-total = total
cli-batch-cell-error = erreur
cli-batch-summary = { $cases } cas : { $eligible } { $eligible ->
        [one] éligible
       *[other] éligibles
    }, { $ineligible } non { $ineligible ->
        [one] éligible
       *[other] éligibles
    }, { $errors } en erreur
help-schedule--names = Le tableau montre les noms de règle à côté des libellés
cli-status = { $status ->
        [confirmed] confirmé
        [seed] texte de référence
        [assumed] hypothèse
       *[other] { $status }
    }
cli-schedule-event-kind = { $kind ->
        [advance] acompte
        [balance] solde
        [notification] notification
        [deadline] échéance
        [end] fin
        [deposit] dépôt
        [rebase] régularisation
        [complement] complément
       *[other] { $kind }
    }
cli-schedule-set-by-rule = fixé par les règles [{ $status }] : { $label }
explain-mechanism = { $mechanism ->
        [filter] filtre
        [lookup] recherche dans une table
        [aggregate] total
        [derive] calcul par ligne
        [classify] classement
        [formula] formule
        [function] fonction
        [checks] conditions
        [score] score
       *[other] { $mechanism }
    } : { $formula }
help-rules-matrix--locale = Style des nombres : fr (par défaut) ou plain (comme les matrices bénies)
