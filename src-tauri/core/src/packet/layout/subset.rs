//! Cutting a face down to the glyphs one document draws, before it is embedded.
//!
//! printpdf can subset on save, but only with its `text_layout` feature, which brings in a
//! whole HTML layout engine (azul) that Casefile never uses and that cost megabytes of the
//! release binary. The subsetting itself is allsorts, which printpdf depends on anyway: we
//! call it here, and hand printpdf a face that is already small. The subset keeps a Unicode
//! cmap, so printpdf maps characters to the subset's own glyph ids, and text copied out of
//! the PDF comes back as written.

use std::collections::BTreeSet;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use allsorts::tag;
use printpdf::ParsedFont;
use sha2::{Digest, Sha256};

use super::fonts::Face;
use super::LayoutError;

/// The tables a PDF font program needs, plus OS/2 so readers get the face's real weight.
const TABLES: &[u32] = &[
    tag::CMAP,
    tag::HEAD,
    tag::CVT,
    tag::FPGM,
    tag::HHEA,
    tag::HMTX,
    tag::MAXP,
    tag::NAME,
    tag::POST,
    tag::PREP,
    tag::OS_2,
];

impl Face {
    /// This face reduced to the glyphs of `used`, named with a subset tag as PDF asks.
    pub(crate) fn subset(&self, used: &BTreeSet<char>) -> Result<ParsedFont, LayoutError> {
        let fail = |what: &str| LayoutError::Font(format!("cannot subset {}: {what}", self.name));
        // Glyph 0 (.notdef) must come first; the rest in glyph order, each once.
        let mut gids: BTreeSet<u16> = used
            .iter()
            .filter_map(|c| self.parsed.lookup_glyph_index(*c as u32))
            .collect();
        gids.remove(&0);
        let ids: Vec<u16> = std::iter::once(0).chain(gids).collect();

        let font = ReadScope::new(&self.parsed.original_bytes).read::<FontData<'_>>().map_err(|e| fail(&e.to_string()))?;
        let provider = font.table_provider(0).map_err(|e| fail(&e.to_string()))?;
        let profile = SubsetProfile::Custom(TABLES.to_vec());
        let bytes = subset(&provider, &ids, &profile, CmapTarget::Unicode).map_err(|e| fail(&e.to_string()))?;

        let mut warnings = Vec::new();
        let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings).ok_or_else(|| fail("the subset does not parse"))?;
        parsed.font_name = Some(format!("{}+{}", tag_for(&ids), self.name));
        Ok(parsed)
    }
}

/// Six capital letters that differ between subsets (ISO 32000-1, 9.6.4), derived from the
/// glyphs kept so the same document always gives the same bytes.
fn tag_for(ids: &[u16]) -> String {
    let mut hash = Sha256::new();
    for id in ids {
        hash.update(id.to_be_bytes());
    }
    hash.finalize().iter().take(6).map(|b| char::from(b'A' + b % 26)).collect()
}

#[cfg(test)]
mod tests {
    use super::super::fonts::Fonts;
    use super::*;

    #[test]
    fn a_subset_keeps_the_used_characters_and_their_widths_and_is_small() {
        let face = &Fonts::get().unwrap().regular;
        let used: BTreeSet<char> = "Zoë, Łódź, Кровля, Ελλάδα".chars().collect();
        let small = face.subset(&used).unwrap();
        assert!(small.original_bytes.len() < face.parsed.original_bytes.len() / 20, "{} bytes", small.original_bytes.len());
        for c in &used {
            let whole = face.parsed.lookup_glyph_index(*c as u32).unwrap();
            let part = small.lookup_glyph_index(*c as u32).unwrap_or_else(|| panic!("{c} lost"));
            assert_eq!(small.get_glyph_width(part), face.parsed.get_glyph_width(whole), "{c}");
        }
        assert!(small.lookup_glyph_index('Q' as u32).is_none());
        let name = small.font_name.unwrap();
        let (tag, rest) = name.split_once('+').unwrap();
        assert!(tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()), "{name}");
        assert_eq!(rest, "DejaVuSans");
    }
}
