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
cli-output-exists = { $path } existe déjà ; ajoutez --force pour le remplacer
cli-output-is-input = { $path } est une entrée de cette exécution ; peps refuse de l'écraser
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
cli-validate-code-errors = { $code } { $name } : { $count } { $count ->
        [one] erreur
       *[other] erreurs
    }
cli-validate-code-warnings = { $code } { $name } : { $count } { $count ->
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
cli-schedule-paid-apart = { $label } ({ $name }), versé à part
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
cli-schedule-output = { $label } ({ $name }) { $value } : { $what }
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
cli-schedule-deadlines = { $label } ({ $rule }) : { $day ->
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
cli-diff-title = Règles { $from } → { $to } : { $count } { $count ->
        [one] modification
       *[other] modifications
    }
cli-diff-reference = référence : { $reference }
cli-diff-reference-was = référence, auparavant : { $old }
cli-diff-added = ajouté
cli-diff-removed = supprimé
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
cli-new-year-cannot-move = impossible de mettre { $path } de côté : { $reason }
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
cli-docs-parameters-head = | nom | libellé | valeur | unité | statut | référence |
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

# -- end cli --


## Rapports : calcul, explication, page HTML (cli/src/compute.rs, explain.rs, html.rs, format.rs)
# -- begin reports --

# -- end reports --
