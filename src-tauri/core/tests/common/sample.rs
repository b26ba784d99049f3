//! The realistic sample dossier (~16 pages) and a ~100-page variant.

use casefile_core::packet::layout::{
    BarChart, Block, Cell, Column, Cover, Document, Figure, Series, Table, TextStyle,
};

use super::records::{chronology_rows, chronology_table, exhibits};
use super::Rng;

const PEOPLE: [&str; 6] = [
    "Zoë Ålander",
    "Marek Wiśniewski",
    "Ирина Кузнецова",
    "Νίκος Παπαδόπουλος",
    "Daniel O'Connor",
    "Sofía Núñez",
];

pub fn cover() -> Block {
    Block::Cover(Cover {
        title: "Escalation packet: repeated missed commitments on the Łódź roofing account".into(),
        subtitle: "Case CF-2024-117 · ООО Кровля (Łódź branch) · Ελλάδα distribution".into(),
        lines: vec![
            (
                "Prepared for".into(),
                "Helena Marsh, Head of People Operations".into(),
            ),
            ("Prepared by".into(), "Zoë Ålander, Account Lead".into()),
            ("Date".into(), "14 June 2024".into()),
            (
                "Scope".into(),
                "1 January 2024 – 31 May 2024; commitments, complaints and revenue impact".into(),
            ),
            ("Case reference".into(), "CF-2024-117".into()),
            (
                "Classification".into(),
                "Confidential — HR and senior management only".into(),
            ),
        ],
        confidentiality: "This packet contains personal data and internal assessments. It is \
            intended solely for the named recipients for the purpose of reviewing this case. Do \
            not forward, copy or store it outside the case file. Every exhibit listed in the \
            index is identified by its SHA-256 digest so its integrity can be verified."
            .into(),
        stamp: String::new(),
    })
}

fn summary(doc: &mut Document) {
    doc.push(Block::heading(1, "Executive summary"))
        .push(Block::paragraph(
            "Between January and May 2024 the supplier's delivery lead made 29 dated commitments \
             to the Łódź roofing account. Nine were kept on time, seven were delivered late and \
             seven were broken outright; the remainder were superseded. Customer complaints rose \
             from two in January to fourteen in May, and two framework orders were cancelled.",
        ))
        .push(Block::Figures(vec![
            Figure::new("Commitments tracked", "29"),
            Figure::new("Promises broken", "7")
                .alert()
                .note("Five in the last eight weeks"),
            Figure::new("Kept on time", "31%").note("9 of 29"),
            Figure::new("Lost revenue", "€48,200.00")
                .alert()
                .note("Two cancelled orders"),
            Figure::new("Complaints", "41").note("Up from 2/month to 14/month"),
            Figure::new("Days overdue (median)", "12"),
        ]))
        .push(Block::heading(2, "Case details"))
        .push(Block::KeyValues(vec![
            (
                "Account".into(),
                "ООО Кровля — Łódź branch (roofing materials)".into(),
            ),
            (
                "Counterpart".into(),
                "Marek Wiśniewski, Delivery Lead".into(),
            ),
            ("Period".into(), "1 January 2024 – 31 May 2024".into()),
            (
                "Escalation requested".into(),
                "Review of delivery ownership; recovery plan within 10 working days".into(),
            ),
            (
                "Earlier steps".into(),
                "Two informal conversations (12 Feb, 28 Mar); written reminder (19 Apr)".into(),
            ),
        ]))
        .push(Block::heading(2, "What we are asking for"))
        .push(Block::paragraph(
            "1. A named owner for every open commitment, with a realistic date.\n\
             2. Weekly written status to the account lead until the backlog is cleared.\n\
             3. A decision on compensating the customer for the two cancelled orders.",
        ));
}

fn promises(doc: &mut Document) {
    let rows = [
        (
            "12 Jan",
            "Marek Wiśniewski",
            "Ship 400 m² membrane to site A",
            "19 Jan",
            "Kept",
            "—",
        ),
        (
            "02 Feb",
            "Marek Wiśniewski",
            "Replacement flashing for order 5512",
            "09 Feb",
            "Broken",
            "3,400.00",
        ),
        (
            "14 Feb",
            "Ирина Кузнецова",
            "Credit note for damaged pallets",
            "21 Feb",
            "Late",
            "—",
        ),
        (
            "01 Mar",
            "Marek Wiśniewski",
            "Revised delivery schedule for Q2 framework",
            "08 Mar",
            "Broken",
            "12,800.00",
        ),
        (
            "11 Mar",
            "Daniel O'Connor",
            "Call customer about quality complaint",
            "12 Mar",
            "Kept",
            "—",
        ),
        (
            "22 Mar",
            "Marek Wiśniewski",
            "Deliver ridge tiles (order 5630)",
            "29 Mar",
            "Broken",
            "6,150.00",
        ),
        (
            "05 Apr",
            "Νίκος Παπαδόπουλος",
            "Greek-language installation guide",
            "19 Apr",
            "Late",
            "—",
        ),
        (
            "15 Apr",
            "Marek Wiśniewski",
            "Confirm transport for 3 trucks",
            "17 Apr",
            "Broken",
            "9,900.00",
        ),
        (
            "29 Apr",
            "Sofía Núñez",
            "Root-cause report on leaking batch",
            "10 May",
            "Kept",
            "—",
        ),
        (
            "06 May",
            "Marek Wiśniewski",
            "Make up shortfall on order 5701",
            "13 May",
            "Broken",
            "15,950.00",
        ),
        (
            "20 May",
            "Marek Wiśniewski",
            "Written apology and recovery plan",
            "24 May",
            "Overdue",
            "—",
        ),
        (
            "27 May",
            "Ирина Кузнецова",
            "Reconcile invoices Jan–Apr",
            "31 May",
            "Broken",
            "—",
        ),
    ];
    let table = Table {
        columns: vec![
            Column::left("Made", 0.8),
            Column::left("Promiser", 1.6),
            Column::left("Commitment", 3.0),
            Column::left("Due", 0.8),
            Column::left("Status", 0.9),
            Column::right("Impact (€)", 1.1),
        ],
        rows: rows
            .iter()
            .map(|(made, who, what, due, status, eur)| {
                let status_cell = match *status {
                    "Broken" | "Overdue" => Cell::alert(*status),
                    "Late" => Cell::bold(*status),
                    _ => Cell::muted(*status),
                };
                vec![
                    Cell::new(*made),
                    Cell::new(*who),
                    Cell::new(*what),
                    Cell::new(*due),
                    status_cell,
                    Cell::new(*eur),
                ]
            })
            .collect(),
    };
    doc.push(Block::heading(1, "Broken promises"))
        .push(Block::paragraph(
            "Every dated commitment made to the customer in the period, as recorded in the case \
             file. \"Broken\" means the commitment was not met and no revised date was agreed \
             before it passed; \"Late\" means it was met after the due date.",
        ))
        .push(Block::Table(table))
        .push(Block::styled(
            "Impact is the value of orders cancelled or credited as a direct result, taken from \
             the customer's written cancellations (exhibits E-014 and E-022).",
            TextStyle::Small,
        ));
}

fn charts(doc: &mut Document) {
    let months = [
        "Jun 23", "Jul 23", "Aug 23", "Sep 23", "Oct 23", "Nov 23", "Dec 23", "Jan 24", "Feb 24",
        "Mar 24", "Apr 24", "May 24",
    ];
    // Stable until the change of delivery lead in December, then dominated by late deliveries.
    let data: [(&str, [f64; 12]); 5] = [
        (
            "Late delivery",
            [0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 2.0, 4.0, 5.0, 7.0, 8.0, 9.0],
        ),
        (
            "Wrong quantity",
            [1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 2.0, 1.0, 2.0, 2.0],
        ),
        (
            "Damaged goods",
            [0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 2.0, 1.0, 1.0],
        ),
        (
            "Invoice errors",
            [1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0],
        ),
        (
            "Communication",
            [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 2.0, 1.0],
        ),
    ];
    let series = data
        .iter()
        .map(|(name, values)| Series {
            name: (*name).into(),
            values: values.to_vec(),
        })
        .collect();
    doc.push(Block::heading(1, "Impact analysis"))
        .push(Block::paragraph(
            "Complaints were stable at one to three a month until the delivery lead changed in \
             December. From January, late deliveries dominate and the total more than triples.",
        ))
        .push(Block::BarChart(BarChart {
            title: "Complaints per month by root cause".into(),
            categories: months.iter().map(|m| m.to_string()).collect(),
            series,
            stacked: true,
            y_label: "Complaints".into(),
            palette: Vec::new(),
        }))
        .push(Block::BarChart(BarChart {
            title: "Commitments kept vs broken per promiser".into(),
            categories: PEOPLE.iter().map(|p| p.to_string()).collect(),
            series: vec![
                Series {
                    name: "Kept".into(),
                    values: vec![3.0, 2.0, 4.0, 1.0, 2.0, 3.0],
                },
                Series {
                    name: "Broken".into(),
                    values: vec![0.0, 7.0, 1.0, 0.0, 0.0, 1.0],
                },
            ],
            stacked: false,
            y_label: "Commitments".into(),
            palette: Vec::new(),
        }));
}

fn integrity(doc: &mut Document) {
    let mut rng = Rng::new(5);
    doc.push(Block::heading(1, "Integrity"))
        .push(Block::paragraph(
            "This packet was generated from the case file without manual editing. The digest \
             below covers the complete case file export at the time of generation; the packet \
             itself can be regenerated from the same export and will list identical exhibits.",
        ))
        .push(Block::KeyValues(vec![
            ("Case file export".into(), rng.hex64()),
            ("Exhibits".into(), "64 files, 212.4 MB".into()),
            ("Generated".into(), "2024-06-14 09:42 UTC".into()),
            (
                "Generator".into(),
                "Casefile 1.4.2 (packet layout engine)".into(),
            ),
        ]))
        .push(Block::styled(
            "Verification: sha256sum exhibits/* | diff - index.txt\nA mismatch means a file was \
             changed after the packet was generated.",
            TextStyle::Muted,
        ));
}

/// A realistic ~12-page dossier.
pub fn sample() -> Document {
    let mut doc = Document::new(
        "CF-2024-117 · Escalation packet · ООО Кровля",
        "Confidential — HR and senior management only",
    );
    doc.author = "Zoë Ålander".into();
    doc.created_unix = Some(1_718_358_120);
    doc.push(cover()).push(Block::Contents {
        include_level2: true,
    });
    summary(&mut doc);
    promises(&mut doc);
    charts(&mut doc);
    doc.push(Block::heading(1, "Chronology"))
        .push(Block::paragraph(
            "All recorded events in the period, oldest first.",
        ))
        .push(Block::Table(chronology_table(chronology_rows(150, 3))));
    exhibits(&mut doc);
    integrity(&mut doc);
    doc
}

/// About 100 pages: the sample plus a long chronology.
pub fn hundred_pages() -> Document {
    let mut doc = sample();
    doc.push(Block::heading(1, "Extended chronology"))
        .push(Block::Table(chronology_table(chronology_rows(2500, 11))));
    doc
}
