//! The vocabulary polgraph emits: every term is declared in `ontology/polgraph.ttl` (a test checks
//! both ways). W3C ORG, Popolo's use of it, FOAF, PROV-O, Dublin Core and SKOS where they fit.

pub const PG: &str = "https://w3id.org/polgraph/ontology#";
pub const ID: &str = "https://w3id.org/polgraph/id/";

macro_rules! terms {
    ($ns:expr; $($name:ident = $local:literal),* $(,)?) => {
        $(pub const $name: &str = concat!($ns, $local);)*
    };
}

pub mod rdf {
    terms!("http://www.w3.org/1999/02/22-rdf-syntax-ns#"; TYPE = "type");
}
pub mod xsd {
    terms!("http://www.w3.org/2001/XMLSchema#"; DATE = "date", INTEGER = "integer", BOOLEAN = "boolean", G_MONTH_DAY = "gMonthDay",
        G_YEAR = "gYear", G_YEAR_MONTH = "gYearMonth");
}
pub mod org {
    terms!("http://www.w3.org/ns/org#";
        ORGANIZATION = "Organization", POST = "Post", ROLE = "Role", MEMBERSHIP = "Membership",
        POST_IN = "postIn", ROLE_P = "role", MEMBER = "member",
        ORGANIZATION_P = "organization", SUB_ORGANIZATION_OF = "subOrganizationOf");
}
pub mod foaf {
    terms!("http://xmlns.com/foaf/0.1/"; PERSON = "Person", NAME = "name", DOCUMENT = "Document", PAGE = "page");
}
pub mod dcterms {
    terms!("http://purl.org/dc/terms/";
        IDENTIFIER = "identifier", TITLE = "title", DATE = "date", CREATOR = "creator",
        SOURCE = "source", IS_PART_OF = "isPartOf", IS_REPLACED_BY = "isReplacedBy", LOCATION = "Location");
}
pub mod skos {
    terms!("http://www.w3.org/2004/02/skos/core#"; PREF_LABEL = "prefLabel", ALT_LABEL = "altLabel");
}
pub mod pg {
    terms!("https://w3id.org/polgraph/ontology#";
        ARTICLE = "Article", MENTION = "Mention", OFFICE_HOLDING = "OfficeHolding",
        ADMINISTRATIVE_UNIT = "AdministrativeUnit", DOCUMENT = "Document",
        AUTHOR_NAME = "authorName", REFERS_TO = "refersTo",
        RULE = "rule",
        FORMER = "former", POST_P = "post", KIND = "kind",
        LEVEL = "level", JURISDICTION = "jurisdiction", WITHIN = "within",
        DOC_TYPE = "documentType", DOC_NUMBER = "documentNumber",
        EVENT = "Event", EVENT_TYPE = "eventType", ORGANIZER = "organizer", CHAIR = "chair",
        ATTENDEE = "attendee", TERM = "term",
        TENURE = "Tenure", TENURE_P = "tenure", STATEMENTS = "statements",
        FIRST_STATED = "firstStated", LAST_STATED = "lastStated", LAST_ARTICLE = "lastArticle",
        TEXT = "text", SENTENCE = "sentence",
        SINCE = "since", UNTIL = "until", SAME_PERSON = "samePerson", POSSIBLY_SAME = "possiblySame");
}

/// Prefixes written in Turtle, TriG and RDF/XML.
pub const PREFIXES: &[(&str, &str)] = &[
    ("dcterms", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("org", "http://www.w3.org/ns/org#"),
    ("pg", PG),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];
