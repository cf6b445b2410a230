//! HTTP/1.1 on a socket: a request read within bounds (head size, header count, body size, a
//! deadline for the whole request) and parsed by `httparse` (hyper's parser), the `Host` check,
//! replies, the query string, content negotiation.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// A response before it is sent.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub headers: Vec<(&'static str, String)>,
    /// A body too large for memory, in an anonymous temporary file (see
    /// [`crate::store::spool`]), with its length: sent from there after `body` (empty then).
    pub file: Option<(std::fs::File, u64)>,
}

impl Reply {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            content_type,
            body: body.into(),
            headers: Vec::new(),
            file: None,
        }
    }

    /// A reply whose body was written to a [`crate::store::spool::Spool`].
    pub fn spooled(
        status: u16,
        content_type: &'static str,
        body: crate::store::spool::Spooled,
    ) -> Reply {
        match body {
            crate::store::spool::Spooled::Memory(b) => Reply::new(status, content_type, b),
            crate::store::spool::Spooled::File(f, n) => Reply {
                file: Some((f, n)),
                ..Reply::new(status, content_type, Vec::new())
            },
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

    /// The response as bytes on the wire: the status line, the headers, and the body unless
    /// the request was a HEAD. Every connection closes after its answer.
    pub fn to_bytes(&self, head: bool) -> Vec<u8> {
        let mut out = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len() as u64 + self.file.as_ref().map_or(0, |(_, n)| *n)
        );
        for (name, value) in &self.headers {
            // A value is ours, but a line break in it would end the head.
            if !value.contains(['\r', '\n']) {
                out.push_str(&format!("{name}: {value}\r\n"));
            }
        }
        out.push_str("\r\n");
        let mut out = out.into_bytes();
        if !head {
            out.extend_from_slice(&self.body);
        }
        out
    }
}

/// The reason phrase of a status this server sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        507 => "Insufficient Storage",
        _ => "",
    }
}

/// A request's method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Post,
    Options,
    Other(String),
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Options => "OPTIONS",
            Method::Other(m) => m,
        })
    }
}

/// A request read whole: its head and its body.
#[derive(Debug)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn url(&self) -> &str {
        &self.url
    }
    pub fn method(&self) -> &Method {
        &self.method
    }
}

/// How much a client may send, and how slowly.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// The request line and headers together, in bytes (431 past it).
    pub head_bytes: usize,
    /// The most headers (431 past it).
    pub headers: usize,
    /// The body, in bytes (413 past it).
    pub body_bytes: usize,
    /// The time a client has to send its whole request (408 past it).
    pub read_time: Duration,
}

/// The value of a request header.
pub fn header<'a>(req: &'a Request, name: &'static str) -> Option<&'a str> {
    req.headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Reads one request from `stream` within `bounds`: the reply to send instead when it is too
/// large, too slow or malformed (and then the connection closes). `None`: the client closed
/// the connection without sending anything.
pub fn read_request(stream: &mut TcpStream, bounds: &Bounds) -> Result<Option<Request>, Reply> {
    let deadline = Instant::now() + bounds.read_time;
    let slow = || {
        Reply::error(
            408,
            format!(
                "the request did not come whole within {} s",
                bounds.read_time.as_secs_f64()
            ),
        )
    };
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = find(&buf, b"\r\n\r\n") {
            break i + 4;
        }
        if buf.len() > bounds.head_bytes {
            return Err(head_too_large(bounds));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(slow());
        }
        let _ = stream.set_read_timeout(Some(left));
        match stream.read(&mut chunk) {
            Ok(0) if buf.is_empty() => return Ok(None),
            Ok(0) => return Err(Reply::error(400, "the request ends in its head")),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return Err(slow())
            }
            Err(_) => return Ok(None),
        }
    };
    if head_end > bounds.head_bytes {
        return Err(head_too_large(bounds));
    }
    // httparse reads the request target as text without checking it: we do.
    let line_end = find(&buf, b"\r\n").unwrap_or(head_end);
    if std::str::from_utf8(&buf[..line_end]).is_err() {
        return Err(Reply::error(400, "the request line is not UTF-8"));
    }
    let mut slots = vec![httparse::EMPTY_HEADER; bounds.headers];
    let mut parsed = httparse::Request::new(&mut slots);
    match parsed.parse(&buf[..head_end]) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => {
            return Err(Reply::error(400, "the request's head is incomplete"))
        }
        Err(httparse::Error::TooManyHeaders) => return Err(head_too_large(bounds)),
        Err(e) => return Err(Reply::error(400, format!("a malformed request: {e}"))),
    }
    let method = match parsed.method.unwrap_or("") {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        "POST" => Method::Post,
        "OPTIONS" => Method::Options,
        m => Method::Other(m.to_string()),
    };
    let url = parsed.path.unwrap_or("/").to_string();
    let mut headers = Vec::with_capacity(parsed.headers.len());
    for h in parsed.headers.iter() {
        let Ok(value) = std::str::from_utf8(h.value) else {
            return Err(Reply::error(
                400,
                format!("the header {} is not UTF-8", h.name),
            ));
        };
        headers.push((h.name.to_string(), value.trim().to_string()));
    }
    let version = parsed.version.unwrap_or(1);
    let mut req = Request {
        method,
        url,
        headers,
        body: Vec::new(),
    };
    if version >= 1 && header(&req, "Host").is_none() {
        return Err(Reply::error(400, "an HTTP/1.1 request needs a Host header"));
    }
    if req
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("Host"))
        .count()
        > 1
    {
        return Err(Reply::error(400, "two Host headers"));
    }
    if header(&req, "Transfer-Encoding").is_some() {
        return Err(Reply::error(
            411,
            "a body in chunks is not read here: send it with a Content-Length",
        ));
    }
    let lengths: Vec<&str> = req
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
        .map(|(_, v)| v.as_str())
        .collect();
    let length = match lengths.as_slice() {
        [] => 0,
        [one] => match one.parse::<usize>() {
            Ok(n) if one.bytes().all(|b| b.is_ascii_digit()) => n,
            _ => return Err(Reply::error(400, format!("Content-Length {one:?}"))),
        },
        _ => return Err(Reply::error(400, "Content-Length is given more than once")),
    };
    if length > bounds.body_bytes {
        return Err(body_too_large(bounds.body_bytes));
    }
    let mut body = buf.split_off(head_end);
    body.truncate(length);
    while body.len() < length {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(slow());
        }
        let _ = stream.set_read_timeout(Some(left));
        let want = (length - body.len()).min(chunk.len());
        match stream.read(&mut chunk[..want]) {
            Ok(0) => {
                return Err(Reply::error(
                    400,
                    "the body is shorter than its Content-Length",
                ))
            }
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return Err(slow()),
        }
    }
    req.body = body;
    Ok(Some(req))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn head_too_large(bounds: &Bounds) -> Reply {
    Reply::error(
        431,
        format!(
            "the request's head is larger than {} bytes or has more than {} headers",
            bounds.head_bytes, bounds.headers
        ),
    )
}

fn body_too_large(limit: usize) -> Reply {
    Reply::error(
        413,
        format!("the request is larger than {limit} bytes (polgraph serve --max-request-bytes)"),
    )
}

/// Writes a reply and closes the connection, reading for a moment what the client still sends
/// (a body not read): closed with unread bytes, the socket would be reset, and the client might
/// lose the reply.
pub fn send(stream: &mut TcpStream, reply: &Reply, head: bool) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    if stream.write_all(&reply.to_bytes(head)).is_err() {
        return;
    }
    if let (Some((file, _)), false) = (&reply.file, head) {
        let mut file = file;
        let copied = std::io::Seek::rewind(&mut file).and_then(|()| {
            std::io::copy(
                &mut std::io::BufReader::with_capacity(64 << 10, file),
                stream,
            )
        });
        if copied.is_err() {
            return;
        }
    }
    let _ = stream.flush();
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 8192];
    let mut drained = 0;
    while drained < 4 << 20 {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

/// Whether the `Host` a request names is this server: the address it listens on (on loopback,
/// also `localhost`), or a name `--allow-host` allows (`*`: any). A page of another site whose
/// name was made to point at 127.0.0.1 (DNS rebinding) names its own site, and is refused.
pub fn host_allowed(host: &str, bound: SocketAddr, allowed: &[String]) -> bool {
    if allowed.iter().any(|a| a == "*") {
        return true;
    }
    let host = host.trim();
    let (name, port) = match host.rsplit_once(':') {
        Some((n, p)) if !p.contains(']') && (n.starts_with('[') || !n.contains(':')) => {
            (n, p.parse::<u16>().ok())
        }
        _ => (host, Some(80)),
    };
    if port != Some(bound.port()) {
        return false;
    }
    let bare = name.trim_start_matches('[').trim_end_matches(']');
    if allowed.iter().any(|a| a.eq_ignore_ascii_case(bare)) {
        return true;
    }
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => {
            ip == bound.ip()
                || bound.ip().is_unspecified()
                || (bound.ip().is_loopback() && ip.is_loopback())
        }
        Err(_) => bound.ip().is_loopback() && bare.eq_ignore_ascii_case("localhost"),
    }
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
    fn the_host_must_name_this_server() {
        let local: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        for ok in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST:8080",
            "[::1]:8080",
        ] {
            assert!(host_allowed(ok, local, &[]), "{ok}");
        }
        // Another name (DNS rebinding), another port, no port where the port is not 80.
        for refused in [
            "evil.example:8080",
            "127.0.0.1:8081",
            "127.0.0.1",
            "localhost",
        ] {
            assert!(!host_allowed(refused, local, &[]), "{refused}");
        }
        assert!(host_allowed("graph.lan:8080", local, &["graph.lan".into()]));
        assert!(host_allowed("evil.example:8080", local, &["*".into()]));
        let any: SocketAddr = "0.0.0.0:80".parse().unwrap();
        assert!(host_allowed("192.168.1.5", any, &[]));
        assert!(!host_allowed("evil.example", any, &[]));
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
