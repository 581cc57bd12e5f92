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
