//! The arguments several commands share: the output format, and where the rulebooks and norms
//! are read from.

use std::path::PathBuf;

use clap::ValueEnum;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    /// One self-contained HTML page with a waterfall chart
    Html,
    /// A workbook for spreadsheets: figures as numbers, one sheet per table (needs -o FILE on a terminal)
    Xlsx,
}

#[derive(clap::Args, Clone, Debug)]
pub struct RulesArgs {
    /// Folder of the yearly rulebooks (default: the repository's `rules/`)
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Folder of the exchange norms, several times for a search path, the first that has a
    /// norm giving it (default: the scheme's own `norms/`, then the repository's)
    #[arg(long, value_name = "DIR")]
    pub norms: Vec<PathBuf>,
    /// A scheme shipped beside the default one: `--scheme capitation` reads `rules/capitation/`
    #[arg(long, value_name = "NAME", conflicts_with = "rules")]
    pub scheme: Option<String>,
}
