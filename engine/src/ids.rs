//! Typed identities: each kind of rule item and compiled part has its own index type, so that an
//! index into one vector cannot be used to index another. Vectors indexed by them are
//! `typed_index_collections::TiVec`s.

/// Declares index newtypes convertible to and from `usize` (as `TiVec` requires).
macro_rules! ids {
    ($($(#[$meta:meta])* $name:ident;)+) => {
        $(
            $(#[$meta])*
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
            #[serde(transparent)]
            pub struct $name(u32);

            impl $name {
                /// The position in the vector this identifies.
                pub fn index(self) -> usize {
                    self.0 as usize
                }
            }

            impl From<usize> for $name {
                fn from(index: usize) -> Self {
                    // A rulebook or a case holds far fewer than 2³² items of one kind: the
                    // readers' limits (limits.rs) bound every file long before.
                    $name(u32::try_from(index).expect("fewer than 2^32 items of a kind"))
                }
            }

            impl From<$name> for usize {
                fn from(id: $name) -> usize {
                    id.index()
                }
            }
        )+
    };
}

ids! {
    /// A step of the pipeline.
    StepId;
    /// A view: a dataset, or the rows of it a filter step keeps.
    ViewId;
    /// A dataset the rulebook reads (an input read through a norm).
    DatasetId;
    /// A column of a dataset.
    ColumnId;
    /// A name every expression may read: a built-in, parameter, input or step.
    ScalarId;
    /// The set of values of one column of one view (`x in view.column`).
    SetId;
    /// A view that `exists` looks into.
    ExistsId;
    /// A parameter.
    ParamId;
    /// A table.
    TableId;
    /// A code list.
    ListId;
    /// An attribute of a code list.
    AttrId;
    /// An indicator set.
    IndicatorSetId;
    /// A case input.
    InputId;
    /// A Rhai script of the rulebook.
    ScriptId;
    /// A file of the rulebook.
    FileId;
}
