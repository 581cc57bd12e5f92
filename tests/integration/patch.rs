//! Structural edits of TOML rule files for tests. An item is reached by its path — keys,
//! `[2]` for the third element of an array, `[code=G]` for the element whose `code` is `G` —
//! never by its current text, so that a legitimate edit of the shipped rules (a new tariff, a
//! corrected rate, a reworded reference) does not break the test that edits a copy of them.
//!
//! Paths read like `taux_plafond`, `prestations.items[code=G]`, `step[name=nb_infirmiers].aggregate`
//! or `rampe_fidelisation.rows[1]`.

use std::path::Path;

use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

/// One step of a path.
#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
    /// The element of an array whose field (first) has the value (second).
    Pick(String, String),
}

fn parse(path: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            segs.push(Seg::Key(key.to_string()));
        }
        while let Some((inside, after)) = rest.split_once(']') {
            segs.push(match inside.split_once('=') {
                Some((f, v)) => Seg::Pick(f.to_string(), v.to_string()),
                None => Seg::Index(inside.parse().unwrap_or_else(|_| panic!("path `{path}`: `[{inside}]`"))),
            });
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    segs
}

/// A place in a document: a table, an element of an array of tables, or an inline value.
enum Node<'a> {
    Item(&'a mut Item),
    Table(&'a mut Table),
    Value(&'a mut Value),
}

fn text_of(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string().trim().to_string(), str::to_string)
}

fn pick_in_tables(a: &ArrayOfTables, seg: &Seg) -> Option<usize> {
    match seg {
        Seg::Index(i) => Some(*i).filter(|&i| i < a.len()),
        Seg::Pick(f, v) => a.iter().position(|t| t.get(f).and_then(Item::as_value).is_some_and(|x| text_of(x) == *v)),
        Seg::Key(_) => None,
    }
}

fn pick_in_values(a: &toml_edit::Array, seg: &Seg) -> Option<usize> {
    match seg {
        Seg::Index(i) => Some(*i).filter(|&i| i < a.len()),
        Seg::Pick(f, v) => a.iter().position(|e| e.as_inline_table().and_then(|t| t.get(f)).is_some_and(|x| text_of(x) == *v)),
        Seg::Key(_) => None,
    }
}

fn child<'a>(node: Node<'a>, seg: &Seg) -> Option<Node<'a>> {
    match (node, seg) {
        (Node::Item(Item::Table(t)) | Node::Table(t), Seg::Key(k)) => t.get_mut(k).map(Node::Item),
        (Node::Item(Item::Value(Value::InlineTable(t))) | Node::Value(Value::InlineTable(t)), Seg::Key(k)) => t.get_mut(k).map(Node::Value),
        (Node::Item(Item::ArrayOfTables(a)), seg) => {
            let i = pick_in_tables(a, seg)?;
            a.get_mut(i).map(Node::Table)
        }
        (Node::Item(Item::Value(Value::Array(a))) | Node::Value(Value::Array(a)), seg) => {
            let i = pick_in_values(a, seg)?;
            a.get_mut(i).map(Node::Value)
        }
        _ => None,
    }
}

fn walk<'a>(doc: &'a mut DocumentMut, segs: &[Seg], path: &str) -> Node<'a> {
    let mut node = Node::Table(doc.as_table_mut());
    for seg in segs {
        node = child(node, seg).unwrap_or_else(|| panic!("path `{path}`: nothing at {seg:?}"));
    }
    node
}

/// What to do at a path.
#[derive(Debug, Default, Clone)]
pub struct Edit {
    /// Keys set (added or replaced) on the table at the path.
    pub set: Vec<(String, Value)>,
    /// Keys removed from it (absent keys are ignored: the edit states the result).
    pub remove: Vec<String>,
    /// Remove the element at the path from its array.
    pub drop: bool,
    /// Insert a copy of the element at the path right after it.
    pub duplicate: bool,
}

impl Edit {
    /// Reads an edit of a `patch.toml` (`set`, `remove`, `drop`, `duplicate`).
    pub fn from_toml(t: &toml_edit::Table) -> Edit {
        let set = t
            .get("set")
            .map(|s| {
                let table = s.as_table_like().expect("`set` is a table");
                table.iter().map(|(k, v)| (k.to_string(), v.clone().into_value().expect("a value"))).collect()
            })
            .unwrap_or_default();
        let remove = t
            .get("remove")
            .and_then(Item::as_array)
            .map(|a| a.iter().map(|v| v.as_str().expect("a key").to_string()).collect())
            .unwrap_or_default();
        let flag = |k: &str| t.get(k).and_then(Item::as_bool).unwrap_or(false);
        Edit { set, remove, drop: flag("drop"), duplicate: flag("duplicate") }
    }
}

fn set_keys(node: Node<'_>, edit: &Edit, path: &str) {
    if edit.set.is_empty() && edit.remove.is_empty() {
        return;
    }
    match node {
        Node::Item(Item::Table(t)) | Node::Table(t) => {
            for k in &edit.remove {
                t.remove(k);
            }
            for (k, v) in &edit.set {
                t.insert(k, Item::Value(fresh(v)));
            }
        }
        Node::Item(Item::Value(Value::InlineTable(t))) | Node::Value(Value::InlineTable(t)) => edit_inline(t, edit),
        _ => panic!("path `{path}` is not a table"),
    }
}

fn edit_inline(t: &mut InlineTable, edit: &Edit) {
    for k in &edit.remove {
        t.remove(k);
    }
    for (k, v) in &edit.set {
        t.insert(k, fresh(v));
    }
}

/// `v` without the spaces it had where it was read, so that it is laid out like a new value.
fn fresh(v: &Value) -> Value {
    let mut v = v.clone();
    v.decor_mut().clear();
    v
}

fn drop_or_duplicate(parent: Node<'_>, last: &Seg, edit: &Edit, path: &str) {
    let missing = || -> usize { panic!("path `{path}`: nothing at {last:?}") };
    match parent {
        Node::Item(Item::ArrayOfTables(a)) => {
            let i = pick_in_tables(a, last).unwrap_or_else(missing);
            if edit.duplicate {
                let copy = a.get(i).cloned().expect("picked");
                let mut rebuilt = ArrayOfTables::new();
                for (j, t) in a.iter().enumerate() {
                    rebuilt.push(t.clone());
                    if j == i {
                        rebuilt.push(copy.clone());
                    }
                }
                *a = rebuilt;
            } else {
                a.remove(i);
            }
        }
        Node::Item(Item::Value(Value::Array(a))) | Node::Value(Value::Array(a)) => {
            let i = pick_in_values(a, last).unwrap_or_else(missing);
            if edit.duplicate {
                let copy = a.get(i).cloned().expect("picked");
                a.insert(i + 1, copy);
            } else {
                a.remove(i);
            }
        }
        _ => panic!("path `{path}` is not an element of an array"),
    }
}

/// Applies `edit` at `path` in the TOML file `file`, keeping its comments and layout.
pub fn apply(file: &Path, path: &str, edit: &Edit) {
    let segs = parse(path);
    crate::util::edit_toml(file, |doc| {
        if edit.drop || edit.duplicate {
            let (last, parent) = segs.split_last().unwrap_or_else(|| panic!("path `{path}` is empty"));
            drop_or_duplicate(walk(doc, parent, path), last, edit, path);
        } else {
            set_keys(walk(doc, &segs, path), edit, path);
        }
    });
}

/// Sets `key` to `value` (a TOML value as written in a file: `true`, `"0.20"`, `[…]`) on the
/// table at `path` of `file`.
pub fn set(file: &Path, path: &str, key: &str, value: &str) {
    let value: Value = value.parse().unwrap_or_else(|e| panic!("`{value}` is not a TOML value: {e}"));
    apply(file, path, &Edit { set: vec![(key.to_string(), value)], ..Edit::default() });
}

/// Removes `keys` from the table at `path` of `file`.
pub fn remove(file: &Path, path: &str, keys: &[&str]) {
    apply(file, path, &Edit { remove: keys.iter().map(|k| k.to_string()).collect(), ..Edit::default() });
}

#[test]
fn paths_are_read_as_keys_indexes_and_picks() {
    let segs = parse("step[name=nb_infirmiers].aggregate");
    assert!(
        matches!(&segs[..], [Seg::Key(a), Seg::Pick(f, v), Seg::Key(b)] if a == "step" && f == "name" && v == "nb_infirmiers" && b == "aggregate")
    );
    let segs = parse("rampe_fidelisation.rows[1]");
    assert!(matches!(&segs[..], [Seg::Key(_), Seg::Key(_), Seg::Index(1)]));
}

#[test]
fn an_edit_reaches_an_element_by_its_field_and_keeps_the_rest_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.toml");
    let text = "# kept\n[a]\nvalue = 1 # kept too\n\n[[l.items]]\ncode = \"G\"\ntarif = \"30.00\"\n\n[[l.items]]\ncode = \"VG\"\ntarif = \"30.00\"\n\n[t]\nrows = [\n  { k = \"0\", v = 1 },\n  { k = \"1\", v = 2 },\n]\n";
    std::fs::write(&file, text).unwrap();
    set(&file, "l.items[code=VG]", "tarif", "\"31.00\"");
    remove(&file, "a", &["value", "absent"]);
    apply(&file, "t.rows[k=1]", &Edit { duplicate: true, ..Edit::default() });
    apply(&file, "t.rows[0]", &Edit { drop: true, ..Edit::default() });
    let after = std::fs::read_to_string(&file).unwrap();
    assert!(after.starts_with("# kept\n[a]\n"), "{after}");
    assert!(after.contains("code = \"G\"\ntarif = \"30.00\""), "{after}");
    assert!(after.contains("code = \"VG\"\ntarif = \"31.00\""), "{after}");
    let doc: toml::Table = toml::from_str(&after).unwrap();
    let rows = doc["t"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{after}");
    assert!(rows.iter().all(|r| r["k"].as_str() == Some("1")), "{after}");
    assert!(doc["a"].as_table().unwrap().is_empty(), "{after}");
}
