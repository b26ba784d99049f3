// Keep a console window from opening behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::Parser;

fn main() {
    let cli = casefile_core::cli::Cli::parse();
    match cli.command {
        Some(command) => {
            let code = casefile_core::cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
            std::process::exit(code);
        }
        None => casefile_app::run(cli.file),
    }
}
