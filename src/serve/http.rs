//! HTTP plumbing over tiny_http: replies, the query string, content negotiation, request limits.

use std::io::Read;

/// A response before it is sent.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub headers: Vec<(&'static str, String)>,
}

impl Reply {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            content_type,
            body: body.into(),
            headers: Vec::new(),
        }
    }

    /// A message for a person, with the status that says what went wrong.
    pub fn error(status: u16, message: impl std::fmt::Display) -> Reply {
        Reply::new(
            status,
            "text/plain; charset=utf-8",
            format!("{message}\n").into_bytes(),
        )
    }

    pub fn json(value: &serde_json::Value) -> Reply {
        Reply::new(
            200,
            "application/json; charset=utf-8",
            serde_json::to_vec(value).unwrap_or_default(),
        )
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }

    pub fn into_response(self) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
        let mut r = tiny_http::Response::from_data(self.body).with_status_code(self.status);
        let headers = [("Content-Type", self.content_type.to_string())]
            .into_iter()
            .chain(self.headers)
            .chain([("X-Content-Type-Options", "nosniff".to_string())]);
        for (name, value) in headers {
            if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                r.add_header(h);
            }
        }
        r
    }
}

/// The value of a request header.
pub fn header<'a>(req: &'a tiny_http::Request, name: &'static str) -> Option<&'a str> {
    req.headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

/// A URL's path, percent-decoded, and its query string's pairs.
pub fn split_url(url: &str) -> (String, Vec<(String, String)>) {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path = percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned();
    (path, pairs(query.as_bytes()))
}

/// `application/x-www-form-urlencoded` pairs (a query string, a form body).
pub fn pairs(bytes: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(bytes).into_owned().collect()
}

/// The media type of a `Content-Type` value, without its parameters, in lower case.
pub fn media_type(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Picks the offer the `Accept` header prefers (RFC 9110 §12.5.1: quality first, then the more
/// specific range); the first offer when the header is missing or says `*/*`. `None`: nothing
/// offered is acceptable (406).
pub fn negotiate<'a>(accept: Option<&str>, offers: &[&'a str]) -> Option<&'a str> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offers.first().copied();
    };
    let ranges: Vec<(String, f32)> = accept
        .split(',')
        .map(|part| {
            let mut it = part.split(';');
            let range = it.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = it
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (range, q)
        })
        .collect();
    // The quality of an offer: that of the most specific range matching it.
    let quality = |offer: &str| -> f32 {
        let (kind, _) = offer.split_once('/').unwrap_or((offer, ""));
        let mut best: Option<(u8, f32)> = None;
        for (range, q) in &ranges {
            let specificity = if range == offer {
                3
            } else if range.strip_suffix("/*") == Some(kind) {
                2
            } else if range == "*/*" {
                1
            } else {
                continue;
            };
            if best.is_none_or(|(s, _)| specificity > s) {
                best = Some((specificity, *q));
            }
        }
        best.map_or(0.0, |(_, q)| q)
    };
    let mut chosen: Option<(&str, f32)> = None;
    for &offer in offers {
        let q = quality(offer);
        if q > 0.0 && chosen.is_none_or(|(_, c)| q > c) {
            chosen = Some((offer, q));
        }
    }
    chosen.map(|(o, _)| o)
}

/// The request body, unless it is larger than `limit` bytes (413).
pub fn body(req: &mut tiny_http::Request, limit: usize) -> Result<Vec<u8>, Reply> {
    let too_large = || {
        Reply::error(
            413,
            format!(
                "the request is larger than {limit} bytes (polgraph serve --max-request-bytes)"
            ),
        )
    };
    if req.body_length().is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let mut buf = Vec::new();
    req.as_reader()
        .take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Reply::error(400, format!("cannot read the request: {e}")))?;
    if buf.len() > limit {
        return Err(too_large());
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFERS: [&str; 3] = [
        "application/sparql-results+json",
        "text/csv",
        "application/xml",
    ];

    #[test]
    fn accept_picks_by_quality_then_specificity() {
        assert_eq!(negotiate(None, &OFFERS), Some(OFFERS[0]));
        assert_eq!(negotiate(Some("*/*"), &OFFERS), Some(OFFERS[0]));
        assert_eq!(negotiate(Some("text/csv"), &OFFERS), Some("text/csv"));
        assert_eq!(
            negotiate(Some("text/csv;q=0.5, application/xml"), &OFFERS),
            Some("application/xml")
        );
        // `text/*` matches the CSV; a browser's list ends in `*/*;q=0.8`.
        assert_eq!(negotiate(Some("text/*"), &OFFERS), Some("text/csv"));
        assert_eq!(
            negotiate(Some("text/html,application/xml;q=0.9,*/*;q=0.8"), &OFFERS),
            Some("application/xml")
        );
        // Boundary: q=0 refuses, nothing acceptable is none.
        assert_eq!(negotiate(Some("text/csv;q=0, image/png"), &OFFERS), None);
        assert_eq!(
            negotiate(Some("*/*;q=0.1, text/csv;q=0"), &OFFERS),
            Some(OFFERS[0])
        );
    }

    #[test]
    fn urls_and_forms_are_decoded() {
        let (path, q) =
            split_url("/query/person-posts?person=Nguy%E1%BB%85n+V%C4%83n+H%E1%BA%A3i&x=");
        assert_eq!(path, "/query/person-posts");
        assert_eq!(
            q,
            [
                ("person".to_string(), "Nguyễn Văn Hải".to_string()),
                ("x".to_string(), String::new())
            ]
        );
        assert_eq!(
            media_type("Application/SPARQL-Query; charset=UTF-8"),
            "application/sparql-query"
        );
    }
}
