//! Long record tables for the sample: the chronology and the exhibit index.

use casefile_core::packet::layout::{Block, Cell, Column, Document, Table};

use super::Rng;

pub fn chronology_rows(count: usize, seed: u64) -> Vec<Vec<Cell>> {
    let mut rng = Rng::new(seed);
    let events = [
        "Customer called about the missing delivery; promised a call back the same day.",
        "Email from Marek Wiśniewski confirming the revised date.",
        "Site manager reported damaged pallets on arrival (photos attached).",
        "Internal escalation to the regional manager.",
        "Customer complaint logged: wrong quantity delivered (320 m² instead of 400 m²).",
        "Meeting with ООО Кровля procurement; minutes attached.",
        "Reminder sent; no reply received.",
        "Invoice dispute opened for order 5630.",
        "Call with Νίκος Παπαδόπουλος about the Ελλάδα distribution schedule.",
        "Order cancelled by the customer in writing.",
    ];
    let sources = ["Email", "Phone", "Meeting", "CRM", "Site visit"];
    (0..count)
        .map(|i| {
            let day = 1 + (i * 150 / count.max(1));
            let month = ["Jan", "Feb", "Mar", "Apr", "May"][((day - 1) / 30).min(4)];
            let event = rng.pick(&events);
            let event_cell = if event.contains("cancelled") {
                Cell::alert(event)
            } else {
                Cell::new(event)
            };
            vec![
                Cell::new(format!("{:02} {month} 2024", (day - 1) % 30 + 1)),
                Cell::new(format!("{:02}:{:02}", 8 + rng.below(10), rng.below(60))),
                event_cell,
                Cell::muted(rng.pick(&sources)),
                Cell::new(format!("E-{:03}", 1 + rng.below(64))),
            ]
        })
        .collect()
}

pub fn chronology_table(rows: Vec<Vec<Cell>>) -> Table {
    Table {
        columns: vec![
            Column::left("Date", 1.1),
            Column::left("Time", 0.6),
            Column::left("Event", 4.2),
            Column::left("Source", 0.9),
            Column::left("Exhibit", 0.8),
        ],
        rows,
    }
}

pub fn exhibits(doc: &mut Document) {
    let mut rng = Rng::new(99);
    let names = [
        "Email thread",
        "Call note",
        "Photo set",
        "Meeting minutes",
        "Invoice",
        "Cancellation letter",
        "CRM export",
    ];
    let rows = (1..=64)
        .map(|i| {
            vec![
                Cell::bold(format!("E-{i:03}")),
                Cell::new(format!("{} #{}", rng.pick(&names), 1 + rng.below(40))),
                Cell::new(format!(
                    "{:02}.{:02}.2024",
                    1 + rng.below(28),
                    1 + rng.below(5)
                )),
                Cell::small(rng.hex64()),
            ]
        })
        .collect();
    doc.push(Block::heading(1, "Exhibit index"))
        .push(Block::paragraph(
            "Each exhibit is stored unchanged in the case file. The SHA-256 digest identifies the \
             exact file; recomputing it on the stored file must give the same value.",
        ))
        .push(Block::Table(Table {
            columns: vec![
                Column::left("No.", 0.6),
                Column::left("Exhibit", 2.0),
                Column::left("Date", 1.0),
                Column::left("SHA-256", 2.6),
            ],
            rows,
        }));
}
