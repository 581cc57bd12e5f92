//! A panic of one case caught where the case runs, so that a run over many cases loses no
//! other: its message and place kept for the case's row (D236), and the default panic output
//! (message, backtrace) kept off stderr while a case is being caught, so that the run's output
//! stays readable. A panic outside a caught case is printed as usual.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// How many caught cases this thread is running (a thread waiting in a case may run
    /// another one: rayon steals work).
    static CATCHING: Cell<u32> = const { Cell::new(0) };
    /// What the hook saw of this thread's last caught panic: its message and place.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Runs `f`; a panic inside it is returned as its message and place (`message (file:line:col)`)
/// instead of unwinding further, and prints nothing.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    HOOK.call_once(install);
    CATCHING.with(|c| c.set(c.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(c.get().saturating_sub(1)));
    result.map_err(|payload| LAST.with(|l| l.borrow_mut().take()).unwrap_or_else(|| payload_text(payload.as_ref())))
}

/// The hook: silent inside a caught case (what it saw is kept for [`catch`]), the previous hook
/// everywhere else.
fn install() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if CATCHING.with(Cell::get) > 0 {
            let text = payload_text(info.payload());
            let text = match info.location() {
                Some(l) => format!("{text} ({}:{}:{})", l.file(), l.line(), l.column()),
                None => text,
            };
            LAST.with(|l| *l.borrow_mut() = Some(text));
        } else {
            previous(info);
        }
    }));
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| payload.downcast_ref::<String>().cloned()).unwrap_or_default()
}

/// A hook for tests of the debug build only: the case named by `PEPS_TEST_PANIC_CASE` panics
/// where its evaluation would start, so that the catching of a panic is tested whatever panics
/// the engine has or no longer has. Release builds have no such hook.
#[cfg(debug_assertions)]
pub fn test_panic(case: &str) {
    if std::env::var_os("PEPS_TEST_PANIC_CASE").is_some_and(|v| v == case) {
        panic!("PEPS_TEST_PANIC_CASE={case}");
    }
}

#[cfg(not(debug_assertions))]
pub fn test_panic(_case: &str) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_returned_with_its_message_and_place() {
        let caught = catch(|| -> u32 { panic!("boom {}", 7) }).unwrap_err();
        assert!(caught.starts_with("boom 7 (") && caught.contains("caught.rs:"), "{caught}");
        assert_eq!(catch(|| 3), Ok(3));
        // Nested catches, as when a thread waiting in one case runs another.
        let outer = catch(|| {
            let inner = catch(|| -> u8 { panic!("inner") });
            assert!(inner.unwrap_err().starts_with("inner"));
            panic!("outer")
        });
        assert!(outer.unwrap_err().starts_with("outer"));
    }
}
