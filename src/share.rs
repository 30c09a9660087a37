//! Share links: a program and its practice-API settings in the URL fragment. Two forms load:
//! `#code=<base64url of the UTF-8 source>` (course pages write these by hand) and
//! `#z=<base64url of deflate-raw of the payload>` (what the Share button makes). The codec is
//! pure Rust and tested natively; compression itself is the browser's `CompressionStream`.

/// Fragments longer than this are refused before decoding (a hostile link cannot make the page
/// allocate much), and so are programs longer than `MAX_SOURCE` once decoded.
pub const MAX_FRAGMENT: usize = 256 * 1024;
pub const MAX_SOURCE: usize = 512 * 1024;

/// What a share link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub source: String,
    /// The practice API's settings as a query string (empty: defaults).
    pub api: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Fragment {
    /// No program in the fragment.
    None,
    /// `#code=`: ready to use.
    Plain(Shared),
    /// `#z=`: compressed bytes to inflate, then `decode_payload`.
    Compressed(Vec<u8>),
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Accepts base64url and plain base64, with or without padding.
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return Err(format!("the link contains '{}', which is not base64", c as char)),
        };
        acc = acc << 6 | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

/// The payload inside a compressed link: a version line, the API settings line, the source.
pub fn encode_payload(shared: &Shared) -> String {
    format!("awaitlab1\n{}\n{}", shared.api.replace('\n', ""), shared.source)
}

pub fn decode_payload(bytes: &[u8]) -> Result<Shared, String> {
    if bytes.len() > MAX_SOURCE + 4096 {
        return Err("the shared program is too large".into());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "the shared program is not valid text".to_string())?;
    let mut parts = text.splitn(3, '\n');
    if parts.next() != Some("awaitlab1") {
        return Err("this link was made by another version of Awaitlab, or is damaged".into());
    }
    let api = parts.next().ok_or("the link is damaged")?.to_string();
    let source = parts.next().ok_or("the link is damaged")?.to_string();
    Ok(Shared { source, api })
}

/// Reads a location hash (`#code=...`, `#z=...`, or anything else).
pub fn parse_fragment(hash: &str) -> Result<Fragment, String> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.is_empty() {
        return Ok(Fragment::None);
    }
    if hash.len() > MAX_FRAGMENT {
        return Err(format!("the link is too long ({} KB; at most {} KB)", hash.len() / 1024, MAX_FRAGMENT / 1024));
    }
    let mut code = None;
    let mut z = None;
    for part in hash.split('&') {
        if let Some(v) = part.strip_prefix("code=") {
            code = Some(v);
        } else if let Some(v) = part.strip_prefix("z=") {
            z = Some(v);
        }
    }
    if let Some(z) = z {
        return Ok(Fragment::Compressed(base64url_decode(z)?));
    }
    let Some(code) = code else { return Ok(Fragment::None) };
    // Hand-written links may percent-encode the base64 (`%3D` padding).
    let code = code.replace("%3D", "=").replace("%3d", "=");
    let bytes = base64url_decode(&code)?;
    if bytes.len() > MAX_SOURCE {
        return Err("the shared program is too large".into());
    }
    let source = String::from_utf8(bytes).map_err(|_| "the shared program is not valid UTF-8 text".to_string())?;
    Ok(Fragment::Plain(Shared { source, api: String::new() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_and_matches_the_standard() {
        for input in ["", "f", "fo", "foo", "foob", "fooba", "foobar", "print('héllo ✓')"] {
            assert_eq!(base64url_decode(&base64url_encode(input.as_bytes())).unwrap(), input.as_bytes());
        }
        assert_eq!(base64url_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        // Standard base64 with padding (what `btoa` gives a course author) also decodes.
        assert_eq!(base64url_decode("+/8=").unwrap(), vec![0xfb, 0xff]);
        assert!(base64url_decode("abc$").is_err());
    }

    #[test]
    fn plain_code_links_load() {
        let link = format!("#code={}", base64url_encode("import asyncio\nprint('hi')\n".as_bytes()));
        assert_eq!(
            parse_fragment(&link).unwrap(),
            Fragment::Plain(Shared { source: "import asyncio\nprint('hi')\n".into(), api: String::new() })
        );
        assert_eq!(
            parse_fragment("#code=cHJpbnQoMSk%3D").unwrap(),
            Fragment::Plain(Shared { source: "print(1)".into(), api: String::new() })
        );
        assert_eq!(parse_fragment("").unwrap(), Fragment::None);
        assert_eq!(parse_fragment("#section-2").unwrap(), Fragment::None);
    }

    #[test]
    fn bad_links_give_reasons() {
        assert!(parse_fragment("#code=%%%").unwrap_err().contains("not base64"));
        assert!(parse_fragment(&format!("#code={}", base64url_encode(&[0xff, 0xfe]))).unwrap_err().contains("UTF-8"));
        assert!(parse_fragment(&format!("#code={}", "A".repeat(MAX_FRAGMENT + 1))).unwrap_err().contains("too long"));
        assert!(decode_payload(b"something else").unwrap_err().contains("another version"));
        assert!(decode_payload(&[0xff]).is_err());
    }

    #[test]
    fn payload_round_trips() {
        let shared = Shared { source: "x = 1\n\nprint(x)\n".into(), api: "latency_ms=50&capacity=3".into() };
        assert_eq!(decode_payload(encode_payload(&shared).as_bytes()).unwrap(), shared);
    }
}
