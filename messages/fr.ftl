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
