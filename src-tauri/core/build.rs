//! Deflates the two DejaVu faces the PDFs use into OUT_DIR, so the binary carries them at
//! about half their size (the release binary must stay under 10 MB). They are inflated once,
//! the first time a PDF is made.

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, bytes) in [("DejaVuSans.ttf.z", dejavu::sans::regular()), ("DejaVuSans-Bold.ttf.z", dejavu::sans::bold())] {
        let packed = miniz_oxide::deflate::compress_to_vec(bytes, 10);
        std::fs::write(out.join(name), packed).expect("write the deflated font");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
