//! Writes the sample dossier, the stress document and a ~100-page document
//! to `target/pdf-out/`, printing size and timing. Run in release mode for real numbers:
//! `cargo run --release -p casefile-core --example layout_sample`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use casefile_core::packet::layout::{layout, render, Document, Fonts, LayoutError};

fn write(name: &str, doc: &Document) -> Result<(), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let pages = layout(doc)?.pages.len();
    let layout_ms = start.elapsed().as_secs_f64() * 1000.0;
    let start = Instant::now();
    let bytes = render(doc)?;
    let render_ms = start.elapsed().as_secs_f64() * 1000.0;
    let dir = format!("{}/../../target/pdf-out", env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(&dir)?;
    let path = format!("{dir}/{name}");
    std::fs::write(&path, &bytes)?;
    println!(
        "{name:<14} {pages:>4} pages  {:>8.1} KB  layout {layout_ms:>7.1} ms  layout+render {render_ms:>7.1} ms",
        bytes.len() as f64 / 1024.0
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let start = Instant::now();
    Fonts::get().map_err(|e: LayoutError| e.to_string())?;
    println!(
        "font parse     {:.1} ms (once per process)",
        start.elapsed().as_secs_f64() * 1000.0
    );
    let mut one = Document::new("One page", "Confidential");
    one.push(casefile_core::packet::layout::Block::paragraph(
        "Zoë, Łódź, Кровля, Ελλάδα.",
    ));
    write("one-page.pdf", &one)?;
    write("sample.pdf", &common::sample())?;
    write("stress.pdf", &common::stress())?;
    write("hundred.pdf", &common::hundred_pages())?;
    Ok(())
}
