//! Closed sets of names, declared once: an enum whose variants each have one spelling in rule
//! files. `ALL`, `NAMES`, parsing, printing and serialisation are all derived from the same
//! declaration, so a variant cannot be missing from any of them.

/// Declares a closed set of names:
///
/// ```text
/// closed_names! {
///     #[derive(Debug, Clone, Copy, PartialEq, Eq)]
///     pub enum Status { Confirmed = "confirmed", Seed = "seed", Assumed = "assumed" }
/// }
/// ```
///
/// gives the enum with `ALL`, `NAMES`, `parse`, `as_str`, `Display` and `Serialize` (as its
/// spelling). A spelling written twice makes a pattern of `parse` unreachable, which the build
/// refuses.
macro_rules! closed_names {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every variant, in declaration order.
            #[allow(dead_code, reason = "declared for every closed set; not every one is iterated")] // not prose
            $vis const ALL: &'static [$name] = &[$($name::$variant,)+];
            /// The spelling of each variant, in declaration order.
            $vis const NAMES: &'static [&'static str] = &[$($text,)+];

            /// The variant spelt `s`, if any.
            $vis fn parse(s: &str) -> Option<$name> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// How rule files spell it.
            $vis fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

pub(crate) use closed_names;
