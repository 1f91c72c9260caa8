//! Bytes to text: UTF-8 (with or without BOM), UTF-16 by BOM, a charset the document declares, the user's
//! `--encoding`, and for HTML pages a detected legacy charset, as browsers do.

use crate::source::inner_name;
use crate::{IngestError, Input, Options};
use encoding_rs::Encoding;
use std::borrow::Cow;

/// Borrowed when the bytes are UTF-8 already (the common case: no copy of the page).
pub fn decode<'a>(input: &'a Input, options: &Options) -> Result<Cow<'a, str>, IngestError> {
    let bytes = &input.bytes[..];
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(enc.decode_without_bom_handling(&bytes[bom_len..]).0);
    }
    if looks_binary(bytes) {
        return Err(IngestError::new(&input.name, "binary data, not a text, HTML, feed or JSON Lines article"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => {
            if let Some(enc) = options.encoding.or_else(|| declared_charset(bytes)) {
                return Ok(enc.decode_without_bom_handling(bytes).0);
            }
            if is_html_name(&input.name) || looks_like_markup(bytes) {
                let mut detector = chardetng::EncodingDetector::new();
                detector.feed(bytes, true);
                let enc = detector.guess(None, true);
                return Ok(enc.decode_without_bom_handling(bytes).0);
            }
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            Err(IngestError::at_line(
                &input.name,
                line,
                format!(
                    "invalid UTF-8 at byte {} and no charset declared; pass --encoding (e.g. latin1)",
                    e.valid_up_to()
                ),
            ))
        }
    }
}

/// NUL bytes or many control bytes near the start: an image, an archive, an executable.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    head.contains(&0) || control * 20 > head.len()
}

fn is_html_name(name: &str) -> bool {
    let n = inner_name(name).to_ascii_lowercase();
    n.ends_with(".html") || n.ends_with(".htm") || n.ends_with(".xhtml")
}

fn looks_like_markup(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    let trimmed: Vec<u8> = head.iter().skip_while(|b| b.is_ascii_whitespace()).copied().collect();
    trimmed.first() == Some(&b'<')
}

/// The charset an HTML `<meta>` or an XML declaration names in the first few KiB.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: String = head.iter().map(|&b| (b as char).to_ascii_lowercase()).collect();
    for key in ["charset=", "encoding="] {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(key) {
            let rest = &lower[from + pos + key.len()..];
            let label: String = rest
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if let Some(enc) = Encoding::for_label(label.as_bytes()) {
                return Some(enc);
            }
            from += pos + key.len();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, bytes: &[u8]) -> Input {
        Input { name: name.into(), bytes: bytes.to_vec() }
    }

    #[test]
    fn decodes_declared_latin1_html() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Gr\xfc\xdfe</body></html>";
        let page = input("p.html", page);
        let text = decode(&page, &Options::default()).unwrap();
        assert!(text.contains("Grüße"));
    }

    #[test]
    fn refuses_undeclared_invalid_text_with_line() {
        let err = decode(&input("a.txt", b"ok\nzweite \xfc Zeile"), &Options::default()).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.to_string().starts_with("a.txt:2: invalid UTF-8"));
    }

    #[test]
    fn user_encoding_wins() {
        let opts = Options { encoding: Some(encoding_rs::WINDOWS_1252), ..Default::default() };
        assert_eq!(decode(&input("a.txt", b"M\xe4rz"), &opts).unwrap(), "März");
    }
}
