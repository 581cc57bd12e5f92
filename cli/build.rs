//! Rebuilds the binary when the shipped rules or norms change: they are built into it
//! (`src/builtin.rs`, `include_dir!`), which stable Rust cannot track by itself.

fn main() {
    println!("cargo:rerun-if-changed=../rules");
    println!("cargo:rerun-if-changed=../norms");
}
