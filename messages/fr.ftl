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
data-value-checksum-wrong = la clé de contrôle est fausse ({ $algorithm })
data-value-checksum-expected = la clé de ce numéro serait { $key }
data-value-checksum-unreadable = la clé de contrôle ne peut pas être calculée ({ $algorithm }) : la valeur n'a pas la forme attendue
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
data-check-fails-hint = le contrôle `{ $condition }` de la norme n'est pas vérifié sur cette ligne
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
data-impact-method = substitution séquentielle, élément par élément : en partant des règles antérieures (transposées dans l'année la plus récente, avec les données du cas, quand les années diffèrent : le cadre), chaque élément modifié des règles récentes est introduit un à un dans l'ordre fixe paramètres, lignes de tables, éléments de listes, indicateurs, entrées du cas, normes, étapes, formules, résultat, calendrier ; chaque élément se voit attribuer la variation du total qu'il provoque compte tenu des éléments introduits avant lui, de sorte que les attributions s'additionnent exactement à l'écart. Un élément qui ne peut pas être évalué seul est évalué avec les suivants, et leur attribution commune est signalée.
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
data-code-v431 = un code du catalogue du champ que la liste des règles n'a pas à la date de la ligne (avertissement : les règles disent ce qu'il en advient)
data-code-v432 = une ligne où un contrôle de la norme entre ses champs échoue (avertissement : le libellé de la norme dit ce que la ligne contredit)
data-code-v433 = une ligne dont la valeur ne se trouve dans aucune ligne du fichier auquel elle renvoie, à la date de la ligne quand la norme le demande (avertissement)
data-code-v440 = le fichier est déposé après l'échéance d'une période dont il contient des données (avertissement)
data-code-v441 = le fichier contient des données de jours qu'aucune période de dépôt du calendrier ne couvre, aucune échéance ne peut donc être contrôlée (avertissement)
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
