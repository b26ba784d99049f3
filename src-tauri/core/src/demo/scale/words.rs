//! The words the scaled demo writes with: enough variety that full-text search has common
//! words, rare ones and shared prefixes to find, as in a real case file.

pub const PLACES: &[&str] = &[
    "Northgate", "Riverside", "Highfield", "Oakmont", "Westbrook", "Eastwood", "Stonebridge", "Fairhaven", "Silverdale", "Ashford",
    "Greenhill", "Lakeside", "Redcliff", "Brookfield", "Kingsway", "Marlow", "Thornbury", "Whitmore", "Elmstead", "Copperfield",
];

pub const TRADES: &[&str] = &[
    "Roofing", "Logistics", "Hotels", "Clinics", "Foods", "Utilities", "Construction", "Facilities", "Warehousing", "Housing",
    "Schools", "Retail", "Engineering", "Energy", "Transport", "Property", "Hospitals", "Leisure", "Manufacturing", "Water",
];

pub const FORMS: &[&str] = &["Ltd", "GmbH", "plc", "B.V.", "S.A.", "AB", "Group", "& Co."];

pub const SEGMENTS: &[&str] = &["Construction", "Logistics", "Hospitality", "Healthcare", "Food & beverage", "Utilities", "Public sector", "Retail"];

pub const FIRST: &[&str] = &[
    "Anna", "Ben", "Clara", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jakob", "Kira", "Luca", "Maya", "Nils", "Olga", "Pavel",
];

pub const LAST: &[&str] = &[
    "Andersen", "Becker", "Costa", "Dubois", "Eriksson", "Fischer", "García", "Horvat", "Ivanova", "Jansen", "Kowalski", "Lambert",
];

pub const TITLES: &[&str] = &["Head of Procurement", "Operations Director", "Site Manager", "Quality Manager", "Buyer", "Facilities Lead"];

pub const KINDS: &[&str] = &["call", "email", "note", "meeting", "follow_up"];

pub const VERBS: &[&str] = &["Discussed", "Confirmed", "Asked about", "Escalated", "Chased", "Agreed next steps on", "Reviewed", "Clarified"];

/// What entries are about. "delivery" is the common word searched for in the benchmarks.
pub const TOPICS: &[&str] = &[
    "the delivery schedule for the next quarter",
    "an invoice query on the last shipment",
    "the membrane seam inspection on site",
    "the credit note status",
    "an expedited delivery request",
    "the price review ahead of renewal",
    "replacement parts for the pump housing",
    "the complaint about response times",
    "notes from the quarterly review",
    "the technical drawing revision",
    "late delivery of the insulation boards",
    "warranty terms for the new membrane",
    "the installer training dates",
    "access to the site for the inspection team",
];

pub const DETAILS: &[&str] = &[
    "They want a written answer by the end of the week.",
    "Agreed to send the revised figures after the internal review.",
    "The site manager was present and took notes.",
    "Asked for the test certificates of the last two lots.",
    "The buyer mentioned a competing offer from another supplier.",
    "Promised to call back once finance has approved it.",
    "They are unhappy with how long the last delivery took.",
    "Photos of the damaged rolls were shared during the call.",
];

/// The rare word the benchmarks search for: it appears in about one entry in ten thousand.
pub const RARE: &str = "hydrostatic";

pub const PROMISES: &[&str] = &[
    "Credit note against invoice INV-{n}",
    "Replacement rolls for lot {n} delivered to site",
    "Site inspection of the roof by our technical team",
    "Expedited shipping at our cost for order #{n}",
    "Revised price sheet before the renewal meeting",
    "Written report on the seam failures",
    "Installer training session on the new membrane",
    "Extended warranty on the insulation boards",
    "Weekly status update until the delivery issue is resolved",
    "Free sample rolls of the new membrane",
];

pub const COMPLAINTS: &[(&str, &str, &str)] = &[
    ("Membrane seams opening after the first frost", "RoofGuard membrane", "seam tape"),
    ("Delivery arrived three days late and incomplete", "Insulation boards", "pallets"),
    ("Invoice does not match the agreed price", "Invoicing", ""),
    ("Pump housing cracked during installation", "Drainage pump", "housing"),
    ("Wrong colour of flashing delivered", "Flashing kit", "flashing"),
    ("Nobody answered the service line for two days", "Service", "hotline"),
];

pub const REMEDIES: &[(&str, &str)] = &[
    ("credit", "Credit note for the affected rolls"),
    ("replacement", "Replacement delivered free of charge"),
    ("repair", "Repair crew sent to site"),
    ("discount", "Discount on the next order"),
];
