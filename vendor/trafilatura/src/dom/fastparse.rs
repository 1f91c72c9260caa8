// lagebild: a fast HTML parser building the same kind of tree as html5ever + scraper.
//
// html5ever's tokenizer works one character at a time through a buffer queue and was ~35 % of the time per
// page in lagebild (see `docs/benchmarks.md`). This parser scans for markup with `memchr`, slices text and
// attribute values straight out of the input, and builds the `ego_tree::Tree<scraper::Node>` directly with
// the tree-construction rules that shape ordinary pages: implied `<html>`/`<head>`/`<body>`, head elements,
// void elements, raw text (`script`, `style`, `noscript`, `iframe`, `xmp`, `noembed`, `noframes`) and
// RCDATA (`title`, `textarea`), implied end tags (`p`, `li`, `dd`/`dt`, `option`, headings, table parts),
// end tags by scope, `<tbody>`/`<tr>` inserted in tables, foster parenting of content misplaced in tables,
// SVG/MathML with their case-adjusted names, character references (the full named table of html5ever), CR/LF
// normalisation and a Fragment child under `<template>` as scraper makes it. Left out: the adoption agency
// and the reconstruction of active formatting elements (a misnested `</b>` that would cross a block is
// ignored instead of restructuring the tree), `<frameset>`, and the in-`<select>` rules. The parser never
// panics: all delimiters are ASCII, so every slice falls on a character boundary.

use std::borrow::Cow;

use ego_tree::{NodeId, Tree};
use html5ever::{ns, Attribute, LocalName, Namespace, QualName};
use memchr::{memchr, memchr2, memchr3, memmem};
use scraper::node::{Comment, Doctype, Element, Text};
use scraper::Node;
use tendril::StrTendril;

/// The most elements open at once. Past it, opening an element first closes the current one, so neither the
/// tree nor the stack of open elements grows deeper: the extractors walk the tree recursively, and the parser's
/// scope checks scan the stack (quadratic time on 100,000 unclosed `<div>`s otherwise). Browsers cap depth too
/// (Chromium at 512); no real page comes near it.
const MAX_OPEN: usize = 256;

/// How many identical formatting elements stay active after the last marker (the HTML standard's "Noah's Ark
/// clause"): without it, `<b>x<p>y` repeated reopens every earlier `<b>` at each paragraph.
const MAX_SAME_ACTIVE: usize = 3;

/// Parse a whole HTML document into a scraper tree (root: `Node::Document`).
pub(crate) fn parse(html: &str) -> Tree<Node> {
    let mut b = Builder::new(html.len());
    Tokenizer { html, b: &mut b }.run();
    b.finish()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ns {
    Html,
    Svg,
    Math,
}

impl Ns {
    fn namespace(self) -> Namespace {
        match self {
            Ns::Html => ns!(html),
            Ns::Svg => ns!(svg),
            Ns::Math => ns!(mathml),
        }
    }
}

struct Open {
    /// Where children go (the element itself; the Fragment child for `<template>`).
    id: NodeId,
    /// The element.
    elem: NodeId,
    name: LocalName,
    ns: Ns,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mode {
    Initial,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
}

/// How the tokenizer reads the content of an element just opened.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Content {
    Markup,
    /// Raw text up to the matching end tag (`escape`: character references decoded, as in RCDATA).
    Raw {
        elem: NodeId,
        escape: bool,
        skip_lf: bool,
    },
    /// Everything to the end of the input is text.
    Plaintext,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn is_all_ws(s: &str) -> bool {
    s.bytes().all(is_ws)
}

// ---------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------

struct Tokenizer<'a, 'b> {
    html: &'a str,
    b: &'b mut Builder,
}

enum Markup<'a> {
    Start {
        name: Cow<'a, str>,
        attrs: Vec<Attribute>,
        self_closing: bool,
    },
    End {
        name: Cow<'a, str>,
    },
    Comment(Cow<'a, str>),
    Doctype {
        name: String,
        public_id: Option<String>,
        system_id: Option<String>,
    },
    /// `<![CDATA[ … ]]>` in foreign content.
    Cdata(&'a str),
    /// Consumed without a token (`</>`).
    Nothing,
}

impl<'a> Tokenizer<'a, '_> {
    fn run(&mut self) {
        let bytes = self.html.as_bytes();
        let len = bytes.len();
        let mut text_start = 0;
        let mut pos = 0;
        while pos < len {
            let Some(i) = memchr(b'<', &bytes[pos..]) else {
                break;
            };
            let lt = pos + i;
            match self.markup(lt) {
                None => pos = lt + 1,
                Some((markup, end)) => {
                    if text_start < lt {
                        self.text(text_start, lt);
                    }
                    pos = end;
                    text_start = end;
                    match markup {
                        Markup::Start {
                            name,
                            attrs,
                            self_closing,
                        } => match self.b.start_tag(&name, attrs, self_closing) {
                            Content::Markup => {}
                            Content::Raw {
                                elem,
                                escape,
                                skip_lf,
                            } => {
                                pos = self.raw_text(end, &name, elem, escape, skip_lf);
                                text_start = pos;
                            }
                            Content::Plaintext => {
                                if end < len {
                                    let text = normalise(&self.html[end..], false);
                                    self.b.text(&text);
                                }
                                return;
                            }
                        },
                        Markup::End { name } => self.b.end_tag(&name),
                        Markup::Comment(text) => self.b.comment(&text),
                        Markup::Doctype {
                            name,
                            public_id,
                            system_id,
                        } => self.b.doctype(name, public_id, system_id),
                        Markup::Cdata(text) => {
                            let text = normalise(text, false);
                            self.b.text(&text);
                        }
                        Markup::Nothing => {}
                    }
                    if end >= len {
                        // EOF inside a tag or comment: html5ever drops the unfinished token.
                        return;
                    }
                }
            }
        }
        if text_start < len {
            self.text(text_start, len);
        }
    }

    fn text(&mut self, start: usize, end: usize) {
        let text = decode_text(&self.html[start..end], false);
        if !text.is_empty() {
            self.b.text(&text);
        }
    }

    /// The content of a raw-text or RCDATA element from `start`, up to its end tag (consumed here).
    /// Returns where the tokenizer goes on.
    fn raw_text(
        &mut self,
        start: usize,
        name: &str,
        elem: NodeId,
        escape: bool,
        skip_lf: bool,
    ) -> usize {
        let bytes = self.html.as_bytes();
        let len = bytes.len();
        let n = name.len();
        let mut search = start;
        let (text_end, next) = loop {
            let Some(i) = memmem::find(&bytes[search..], b"</") else {
                break (len, len);
            };
            let at = search + i;
            let name_end = at + 2 + n;
            if name_end <= len
                && bytes[at + 2..name_end].eq_ignore_ascii_case(name.as_bytes())
                && (name_end == len
                    || matches!(
                        bytes[name_end],
                        b'\t' | b'\n' | 0x0c | b'\r' | b' ' | b'/' | b'>'
                    ))
            {
                // Skip the end tag's attributes, if any, up to its '>'.
                let close = scan_tag_end(bytes, name_end).unwrap_or(len);
                break (at, close);
            }
            search = at + 2;
        };
        let mut text = &self.html[start..text_end];
        if skip_lf {
            text = text
                .strip_prefix('\n')
                .or_else(|| text.strip_prefix("\r\n"))
                .unwrap_or(text);
        }
        if !text.is_empty() {
            let text = if escape {
                decode_text(text, false)
            } else {
                normalise(text, true)
            };
            self.b.append_text_to(elem, &text);
        }
        next
    }

    /// The markup starting at `lt` (a '<'), and where it ends; None when the '<' is text.
    fn markup(&self, lt: usize) -> Option<(Markup<'a>, usize)> {
        let html: &'a str = self.html;
        let bytes = html.as_bytes();
        let len = bytes.len();
        let next = *bytes.get(lt + 1)?;
        if next.is_ascii_alphabetic() {
            let (name, mut p) = tag_name(html, lt + 1);
            let mut attrs: Vec<Attribute> = Vec::new();
            let mut self_closing = false;
            loop {
                while p < len && is_ws(bytes[p]) {
                    p += 1;
                }
                if p >= len {
                    return Some((Markup::Nothing, len));
                }
                match bytes[p] {
                    b'>' => {
                        p += 1;
                        break;
                    }
                    b'/' => {
                        if bytes.get(p + 1) == Some(&b'>') {
                            self_closing = true;
                            p += 2;
                            break;
                        }
                        p += 1;
                        continue;
                    }
                    _ => {}
                }
                let Some((attr, q)) = attribute(html, p) else {
                    return Some((Markup::Nothing, len));
                };
                p = q;
                if let Some((attr_name, value)) = attr {
                    if !attrs.iter().any(|a| a.name.local.as_ref() == &*attr_name) {
                        attrs.push(Attribute {
                            name: QualName::new(None, ns!(), LocalName::from(attr_name)),
                            value: StrTendril::from(value.as_ref()),
                        });
                    }
                }
            }
            return Some((
                Markup::Start {
                    name,
                    attrs,
                    self_closing,
                },
                p,
            ));
        }
        match next {
            b'/' => {
                let Some(&c) = bytes.get(lt + 2) else {
                    return None;
                };
                if c.is_ascii_alphabetic() {
                    let (name, p) = tag_name(html, lt + 2);
                    let end = scan_tag_end(bytes, p).unwrap_or(len);
                    Some((Markup::End { name }, end))
                } else if c == b'>' {
                    Some((Markup::Nothing, lt + 3))
                } else {
                    Some(bogus_comment(html, lt + 2))
                }
            }
            b'!' => {
                let rest = &bytes[lt + 2..];
                if rest.starts_with(b"--") {
                    let start = lt + 4;
                    if bytes.get(start) == Some(&b'>') {
                        return Some((Markup::Comment(Cow::Borrowed("")), start + 1));
                    }
                    if bytes[start..].starts_with(b"->") {
                        return Some((Markup::Comment(Cow::Borrowed("")), start + 2));
                    }
                    let mut search = start;
                    loop {
                        match memmem::find(&bytes[search..], b"--") {
                            None => {
                                return Some((
                                    Markup::Comment(normalise(&html[start..], false)),
                                    len,
                                ))
                            }
                            Some(i) => {
                                let at = search + i;
                                match bytes.get(at + 2) {
                                    Some(b'>') => {
                                        return Some((
                                            Markup::Comment(normalise(&html[start..at], false)),
                                            at + 3,
                                        ));
                                    }
                                    Some(b'!') if bytes.get(at + 3) == Some(&b'>') => {
                                        return Some((
                                            Markup::Comment(normalise(&html[start..at], false)),
                                            at + 4,
                                        ));
                                    }
                                    _ => search = at + 1,
                                }
                            }
                        }
                    }
                }
                if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
                    return Some(doctype(html, lt + 9));
                }
                if rest.starts_with(b"[CDATA[") && self.b.in_foreign() {
                    let start = lt + 9;
                    return Some(match memmem::find(&bytes[start..], b"]]>") {
                        Some(i) => (Markup::Cdata(&html[start..start + i]), start + i + 3),
                        None => (Markup::Cdata(&html[start..]), len),
                    });
                }
                Some(bogus_comment(html, lt + 2))
            }
            b'?' => Some(bogus_comment(html, lt + 1)),
            _ => None,
        }
    }
}

/// A tag name from `start` (lowercased), and the position after it.
fn tag_name(html: &str, start: usize) -> (Cow<'_, str>, usize) {
    let bytes = html.as_bytes();
    let mut p = start;
    while p < bytes.len() && !matches!(bytes[p], b'\t' | b'\n' | 0x0c | b'\r' | b' ' | b'/' | b'>')
    {
        p += 1;
    }
    // All delimiters are ASCII, so the name is whole characters of the input.
    (lowercase(&html[start..p]), p)
}

/// ASCII-lowercased, NUL replaced; borrowed when already so (tag and attribute names mostly are).
fn lowercase(raw: &str) -> Cow<'_, str> {
    if !raw.bytes().any(|c| c.is_ascii_uppercase() || c == 0) {
        return Cow::Borrowed(raw);
    }
    let mut name = raw.to_ascii_lowercase();
    if name.contains('\0') {
        name = name.replace('\0', "\u{fffd}");
    }
    Cow::Owned(name)
}

/// One attribute at `p` (not whitespace, not '>' or "/>"): its lowercased name and decoded value, and the
/// position after it. None: the input ends inside the attribute (the tag is dropped, as by html5ever).
#[allow(clippy::type_complexity)]
fn attribute(html: &str, start: usize) -> Option<(Option<(Cow<'_, str>, Cow<'_, str>)>, usize)> {
    let bytes = html.as_bytes();
    let len = bytes.len();
    let mut p = start + 1; // the first character belongs to the name even when it is '='
    while p < len
        && !matches!(
            bytes[p],
            b'\t' | b'\n' | 0x0c | b'\r' | b' ' | b'/' | b'>' | b'='
        )
    {
        p += 1;
    }
    let name = lowercase(&html[start..p]);
    let mut q = p;
    while q < len && is_ws(bytes[q]) {
        q += 1;
    }
    if q >= len {
        return None;
    }
    if bytes[q] != b'=' {
        return Some((Some((name, Cow::Borrowed(""))), q));
    }
    q += 1;
    while q < len && is_ws(bytes[q]) {
        q += 1;
    }
    if q >= len {
        return None;
    }
    match bytes[q] {
        quote @ (b'"' | b'\'') => {
            let i = memchr(quote, &bytes[q + 1..])?;
            let value = decode_text(&html[q + 1..q + 1 + i], true);
            Some((Some((name, value)), q + 2 + i))
        }
        b'>' => Some((Some((name, Cow::Borrowed(""))), q)),
        _ => {
            let v = q;
            while q < len && !matches!(bytes[q], b'\t' | b'\n' | 0x0c | b'\r' | b' ' | b'>') {
                q += 1;
            }
            if q >= len {
                return None;
            }
            Some((Some((name, decode_text(&html[v..q], true))), q))
        }
    }
}

/// The position after the '>' closing a tag whose name ends at `p` (attributes skipped, quotes honoured).
fn scan_tag_end(bytes: &[u8], mut p: usize) -> Option<usize> {
    let len = bytes.len();
    loop {
        let i = memchr3(b'>', b'"', b'\'', &bytes[p..])?;
        let at = p + i;
        match bytes[at] {
            b'>' => return Some(at + 1),
            quote => {
                // A quote only opens a value right after '=' (and optional whitespace).
                let mut k = at;
                while k > p && is_ws(bytes[k - 1]) {
                    k -= 1;
                }
                if k > 0 && bytes[k - 1] == b'=' {
                    let j = memchr(quote, &bytes[at + 1..])?;
                    p = at + 2 + j;
                } else {
                    p = at + 1;
                }
                if p >= len {
                    return None;
                }
            }
        }
    }
}

fn bogus_comment(html: &str, start: usize) -> (Markup<'_>, usize) {
    let bytes = html.as_bytes();
    match memchr(b'>', &bytes[start..]) {
        Some(i) => (
            Markup::Comment(normalise(&html[start..start + i], false)),
            start + i + 1,
        ),
        None => (
            Markup::Comment(normalise(&html[start..], false)),
            bytes.len(),
        ),
    }
}

fn doctype(html: &str, start: usize) -> (Markup<'_>, usize) {
    let bytes = html.as_bytes();
    let end = memchr(b'>', &bytes[start..])
        .map(|i| start + i)
        .unwrap_or(bytes.len());
    let body = &html[start..end];
    let mut words = body.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let name_end = words
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(words.len());
    let name = words[..name_end].to_ascii_lowercase();
    words = words[name_end..].trim_start_matches(|c: char| c.is_ascii_whitespace());
    let mut public_id = None;
    let mut system_id = None;
    let quoted = |s: &str| -> Option<(String, usize)> {
        let s_trim = s.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let off = s.len() - s_trim.len();
        let q = s_trim.chars().next()?;
        if q != '"' && q != '\'' {
            return None;
        }
        let close = s_trim[1..].find(q).map(|i| i + 1).unwrap_or(s_trim.len());
        Some((
            s_trim[1..close].to_string(),
            off + (close + 1).min(s_trim.len()),
        ))
    };
    if words.len() >= 6 && words[..6].eq_ignore_ascii_case("public") {
        if let Some((p, used)) = quoted(&words[6..]) {
            public_id = Some(p);
            if let Some((s, _)) = quoted(&words[6 + used..]) {
                system_id = Some(s);
            }
        }
    } else if words.len() >= 6 && words[..6].eq_ignore_ascii_case("system") {
        if let Some((s, _)) = quoted(&words[6..]) {
            system_id = Some(s);
        }
    }
    (
        Markup::Doctype {
            name,
            public_id,
            system_id,
        },
        (end + 1).min(bytes.len()),
    )
}

/// CR/LF normalisation (and NUL replaced where `nul` is set, else dropped later by the builder).
fn normalise(s: &str, nul: bool) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    if memchr2(b'\r', b'\0', bytes).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\0' if nul => out.push('\u{fffd}'),
            '\0' => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Text with character references decoded and CR/LF normalised; NUL dropped.
fn decode_text(s: &str, in_attr: bool) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    if memchr3(b'&', b'\r', b'\0', bytes).is_none() {
        return Cow::Borrowed(s);
    }
    if memchr(b'&', bytes).is_none() {
        return normalise(s, in_attr);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut p = 0;
    while let Some(i) = memchr(b'&', &bytes[p..]) {
        let amp = p + i;
        match char_ref(bytes, amp + 1, in_attr) {
            Some((c1, c2, used)) => {
                out.push_str(&s[last..amp]);
                out.push(c1);
                if let Some(c2) = c2 {
                    out.push(c2);
                }
                p = amp + 1 + used;
                last = p;
            }
            None => p = amp + 1,
        }
    }
    out.push_str(&s[last..]);
    match normalise(&out, in_attr) {
        Cow::Borrowed(_) => Cow::Owned(out),
        Cow::Owned(o) => Cow::Owned(o),
    }
}

/// The character reference after a '&' at `start`: its characters and the bytes it takes.
fn char_ref(bytes: &[u8], start: usize, in_attr: bool) -> Option<(char, Option<char>, usize)> {
    let first = *bytes.get(start)?;
    if first == b'#' {
        let (hex, digits_start) = match bytes.get(start + 1) {
            Some(b'x' | b'X') => (true, start + 2),
            _ => (false, start + 1),
        };
        let mut p = digits_start;
        let mut value: u32 = 0;
        while p < bytes.len() {
            let d = match (bytes[p], hex) {
                (c @ b'0'..=b'9', _) => (c - b'0') as u32,
                (c @ b'a'..=b'f', true) => (c - b'a' + 10) as u32,
                (c @ b'A'..=b'F', true) => (c - b'A' + 10) as u32,
                _ => break,
            };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            p += 1;
        }
        if p == digits_start {
            return None;
        }
        if bytes.get(p) == Some(&b';') {
            p += 1;
        }
        let c = match value {
            0 => '\u{fffd}',
            0x80..=0x9f => html5ever::data::C1_REPLACEMENTS[(value - 0x80) as usize]
                .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{fffd}')),
            v => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return Some((c, None, p - start));
    }
    if !first.is_ascii_alphanumeric() {
        return None;
    }
    let mut p = start;
    while p < bytes.len() && p - start < 40 && bytes[p].is_ascii_alphanumeric() {
        p += 1;
    }
    let name = std::str::from_utf8(&bytes[start..p]).ok()?;
    let entity = |key: &str| -> Option<(char, Option<char>)> {
        let &(a, b) = html5ever::data::NAMED_ENTITIES.get(key)?;
        if a == 0 {
            return None;
        }
        Some((
            char::from_u32(a)?,
            if b == 0 { None } else { char::from_u32(b) },
        ))
    };
    if bytes.get(p) == Some(&b';') {
        let mut key = String::with_capacity(name.len() + 1);
        key.push_str(name);
        key.push(';');
        if let Some((a, b)) = entity(&key) {
            return Some((a, b, name.len() + 1));
        }
    }
    // The longest legacy name (no semicolon) that starts the run.
    for k in (2..=name.len()).rev() {
        if let Some((a, b)) = entity(&name[..k]) {
            if in_attr && k < name.len() {
                // followed by an alphanumeric: not decoded in attribute values
                return None;
            }
            if in_attr && bytes.get(start + k) == Some(&b'=') {
                return None;
            }
            return Some((a, b, k));
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Tree builder
// ---------------------------------------------------------------------------

struct Builder {
    tree: Tree<Node>,
    html: Option<NodeId>,
    head: Option<NodeId>,
    body: Option<NodeId>,
    stack: Vec<Open>,
    mode: Mode,
    quirks: bool,
    seen_doctype: bool,
    /// Drop one leading newline of the next text (after `<pre>`, `<listing>`).
    skip_lf: bool,
    /// 1 after `</body>`, 2 after `</html>` (where comments go).
    after: u8,
    /// The list of active formatting elements.
    active: Vec<Active>,
}

enum Active {
    Marker,
    Elem {
        id: NodeId,
        name: LocalName,
        attrs: Vec<Attribute>,
    },
}

fn is_marker_element(name: &str) -> bool {
    matches!(
        name,
        "applet" | "caption" | "marquee" | "object" | "template" | "td" | "th"
    )
}

fn is_special_html(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "applet"
            | "area"
            | "article"
            | "aside"
            | "base"
            | "basefont"
            | "bgsound"
            | "blockquote"
            | "body"
            | "br"
            | "button"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "embed"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "img"
            | "input"
            | "keygen"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "object"
            | "ol"
            | "p"
            | "param"
            | "plaintext"
            | "pre"
            | "script"
            | "search"
            | "section"
            | "select"
            | "source"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "track"
            | "ul"
            | "wbr"
            | "xmp"
    )
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Start tags that close an open `<p>` (in button scope) and are inserted as ordinary elements.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "search"
            | "section"
            | "summary"
            | "ul"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "pre"
            | "listing"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

fn is_table_context(name: &str) -> bool {
    matches!(name, "table" | "tbody" | "thead" | "tfoot" | "tr")
}

fn implied_end(name: &str) -> bool {
    matches!(
        name,
        "dd" | "dt" | "li" | "optgroup" | "option" | "p" | "rb" | "rp" | "rt" | "rtc"
    )
}

/// HTML start tags that leave SVG/MathML content.
fn breaks_out_of_foreign(name: &str, attrs: &[Attribute]) -> bool {
    match name {
        "b" | "big" | "blockquote" | "body" | "br" | "center" | "code" | "dd" | "div" | "dl"
        | "dt" | "em" | "embed" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "head" | "hr" | "i"
        | "img" | "li" | "listing" | "menu" | "meta" | "nobr" | "ol" | "p" | "pre" | "ruby"
        | "s" | "small" | "span" | "strong" | "strike" | "sub" | "sup" | "table" | "tt" | "u"
        | "ul" | "var" => true,
        "font" => attrs
            .iter()
            .any(|a| matches!(a.name.local.as_ref(), "color" | "face" | "size")),
        _ => false,
    }
}

fn svg_tag_name(name: &str) -> &str {
    match name {
        "altglyph" => "altGlyph",
        "altglyphdef" => "altGlyphDef",
        "altglyphitem" => "altGlyphItem",
        "animatecolor" => "animateColor",
        "animatemotion" => "animateMotion",
        "animatetransform" => "animateTransform",
        "clippath" => "clipPath",
        "feblend" => "feBlend",
        "fecolormatrix" => "feColorMatrix",
        "fecomponenttransfer" => "feComponentTransfer",
        "fecomposite" => "feComposite",
        "feconvolvematrix" => "feConvolveMatrix",
        "fediffuselighting" => "feDiffuseLighting",
        "fedisplacementmap" => "feDisplacementMap",
        "fedistantlight" => "feDistantLight",
        "fedropshadow" => "feDropShadow",
        "feflood" => "feFlood",
        "fefunca" => "feFuncA",
        "fefuncb" => "feFuncB",
        "fefuncg" => "feFuncG",
        "fefuncr" => "feFuncR",
        "fegaussianblur" => "feGaussianBlur",
        "feimage" => "feImage",
        "femerge" => "feMerge",
        "femergenode" => "feMergeNode",
        "femorphology" => "feMorphology",
        "feoffset" => "feOffset",
        "fepointlight" => "fePointLight",
        "fespecularlighting" => "feSpecularLighting",
        "fespotlight" => "feSpotLight",
        "fetile" => "feTile",
        "feturbulence" => "feTurbulence",
        "foreignobject" => "foreignObject",
        "glyphref" => "glyphRef",
        "lineargradient" => "linearGradient",
        "radialgradient" => "radialGradient",
        "textpath" => "textPath",
        other => other,
    }
}

fn svg_attr_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "attributename" => "attributeName",
        "attributetype" => "attributeType",
        "basefrequency" => "baseFrequency",
        "baseprofile" => "baseProfile",
        "calcmode" => "calcMode",
        "clippathunits" => "clipPathUnits",
        "diffuseconstant" => "diffuseConstant",
        "edgemode" => "edgeMode",
        "filterunits" => "filterUnits",
        "glyphref" => "glyphRef",
        "gradienttransform" => "gradientTransform",
        "gradientunits" => "gradientUnits",
        "kernelmatrix" => "kernelMatrix",
        "kernelunitlength" => "kernelUnitLength",
        "keypoints" => "keyPoints",
        "keysplines" => "keySplines",
        "keytimes" => "keyTimes",
        "lengthadjust" => "lengthAdjust",
        "limitingconeangle" => "limitingConeAngle",
        "markerheight" => "markerHeight",
        "markerunits" => "markerUnits",
        "markerwidth" => "markerWidth",
        "maskcontentunits" => "maskContentUnits",
        "maskunits" => "maskUnits",
        "numoctaves" => "numOctaves",
        "pathlength" => "pathLength",
        "patterncontentunits" => "patternContentUnits",
        "patterntransform" => "patternTransform",
        "patternunits" => "patternUnits",
        "pointsatx" => "pointsAtX",
        "pointsaty" => "pointsAtY",
        "pointsatz" => "pointsAtZ",
        "preservealpha" => "preserveAlpha",
        "preserveaspectratio" => "preserveAspectRatio",
        "primitiveunits" => "primitiveUnits",
        "refx" => "refX",
        "refy" => "refY",
        "repeatcount" => "repeatCount",
        "repeatdur" => "repeatDur",
        "requiredextensions" => "requiredExtensions",
        "requiredfeatures" => "requiredFeatures",
        "specularconstant" => "specularConstant",
        "specularexponent" => "specularExponent",
        "spreadmethod" => "spreadMethod",
        "startoffset" => "startOffset",
        "stddeviation" => "stdDeviation",
        "stitchtiles" => "stitchTiles",
        "surfacescale" => "surfaceScale",
        "systemlanguage" => "systemLanguage",
        "tablevalues" => "tableValues",
        "targetx" => "targetX",
        "targety" => "targetY",
        "textlength" => "textLength",
        "viewbox" => "viewBox",
        "viewtarget" => "viewTarget",
        "xchannelselector" => "xChannelSelector",
        "ychannelselector" => "yChannelSelector",
        "zoomandpan" => "zoomAndPan",
        _ => return None,
    })
}

impl Open {
    fn is(&self, name: &str) -> bool {
        self.ns == Ns::Html && self.name.as_ref() == name
    }

    fn html_name(&self) -> &str {
        if self.ns == Ns::Html {
            self.name.as_ref()
        } else {
            ""
        }
    }

    /// An HTML integration point or MathML text integration point: HTML rules apply inside.
    fn is_integration_point(&self) -> bool {
        match self.ns {
            Ns::Html => false,
            Ns::Svg => matches!(self.name.as_ref(), "foreignObject" | "desc" | "title"),
            Ns::Math => matches!(
                self.name.as_ref(),
                "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml"
            ),
        }
    }

    fn is_special(&self) -> bool {
        match self.ns {
            Ns::Html => is_special_html(self.name.as_ref()),
            _ => self.is_integration_point(),
        }
    }

    fn is_scope_boundary(&self) -> bool {
        match self.ns {
            Ns::Html => matches!(
                self.name.as_ref(),
                "applet"
                    | "caption"
                    | "html"
                    | "table"
                    | "td"
                    | "th"
                    | "marquee"
                    | "object"
                    | "template"
            ),
            _ => self.is_integration_point(),
        }
    }
}

impl Builder {
    fn new(len: usize) -> Self {
        Builder {
            tree: Tree::with_capacity(Node::Document, len / 24 + 8),
            html: None,
            head: None,
            body: None,
            stack: Vec::with_capacity(64),
            mode: Mode::Initial,
            quirks: true,
            seen_doctype: false,
            skip_lf: false,
            after: 0,
            active: Vec::new(),
        }
    }

    fn finish(mut self) -> Tree<Node> {
        self.ensure_body();
        self.tree
    }

    /// Before `<body>` and not inside a `<template>` of the head.
    fn before_body(&self) -> bool {
        self.mode < Mode::InBody && !self.stack.iter().any(|o| o.is("template"))
    }

    fn in_foreign(&self) -> bool {
        self.stack
            .last()
            .is_some_and(|o| o.ns != Ns::Html && !o.is_integration_point())
    }

    fn current_id(&self) -> NodeId {
        self.stack
            .last()
            .map(|o| o.id)
            .unwrap_or_else(|| self.tree.root().id())
    }

    fn make_element(name: &str, ns: Ns, attrs: Vec<Attribute>) -> Node {
        Node::Element(Element::new(
            QualName::new(None, ns.namespace(), LocalName::from(name)),
            attrs,
        ))
    }

    fn append_text_to(&mut self, parent: NodeId, text: &str) {
        let Some(mut parent) = self.tree.get_mut(parent) else {
            return;
        };
        if let Some(mut last) = parent.last_child() {
            if let Node::Text(t) = last.value() {
                t.text.push_slice(text);
                return;
            }
        }
        parent.append(Node::Text(Text {
            text: StrTendril::from(text),
        }));
    }

    fn ensure_html(&mut self) {
        if self.html.is_none() {
            let id = self
                .tree
                .root_mut()
                .append(Self::make_element("html", Ns::Html, vec![]))
                .id();
            self.html = Some(id);
            self.stack.push(Open {
                id,
                elem: id,
                name: LocalName::from("html"),
                ns: Ns::Html,
            });
            self.mode = Mode::BeforeHead;
        }
    }

    fn ensure_head(&mut self) {
        self.ensure_html();
        if self.head.is_none() {
            let html = self.html.unwrap_or_else(|| self.tree.root().id());
            let Some(mut html_node) = self.tree.get_mut(html) else {
                return;
            };
            let id = html_node
                .append(Self::make_element("head", Ns::Html, vec![]))
                .id();
            self.head = Some(id);
            self.stack.push(Open {
                id,
                elem: id,
                name: LocalName::from("head"),
                ns: Ns::Html,
            });
            self.mode = Mode::InHead;
        }
    }

    fn close_head(&mut self) {
        if self.mode == Mode::InHead {
            if let Some(pos) = self.stack.iter().rposition(|o| o.is("head")) {
                self.stack.truncate(pos);
            }
            self.mode = Mode::AfterHead;
        }
    }

    fn ensure_body_with(&mut self, attrs: Vec<Attribute>) {
        if self.body.is_some() {
            return;
        }
        self.ensure_head();
        self.close_head();
        let html = self.html.unwrap_or_else(|| self.tree.root().id());
        let Some(mut html_node) = self.tree.get_mut(html) else {
            return;
        };
        let id = html_node
            .append(Self::make_element("body", Ns::Html, attrs))
            .id();
        self.body = Some(id);
        self.stack.push(Open {
            id,
            elem: id,
            name: LocalName::from("body"),
            ns: Ns::Html,
        });
        self.mode = Mode::InBody;
    }

    fn ensure_body(&mut self) {
        self.ensure_body_with(vec![]);
    }

    fn merge_attrs(&mut self, target: Option<NodeId>, attrs: Vec<Attribute>) {
        if attrs.is_empty() {
            return;
        }
        let Some(id) = target else { return };
        let Some(mut node) = self.tree.get_mut(id) else {
            return;
        };
        if let Node::Element(e) = node.value() {
            let mut changed = false;
            let mut all: Vec<Attribute> = e
                .attrs
                .iter()
                .map(|(n, v)| Attribute {
                    name: n.clone(),
                    value: StrTendril::from(v.as_ref()),
                })
                .collect();
            for a in attrs {
                if !all.iter().any(|b| b.name == a.name) {
                    all.push(a);
                    changed = true;
                }
            }
            if changed {
                *e = Element::new(e.name.clone(), all);
            }
        }
    }

    fn doctype(&mut self, name: String, public_id: Option<String>, system_id: Option<String>) {
        if self.mode != Mode::Initial || self.seen_doctype {
            return;
        }
        self.seen_doctype = true;
        let public = public_id.as_deref().unwrap_or("").to_ascii_lowercase();
        self.quirks = name != "html"
            || public.starts_with("-//w3c//dtd html 3")
            || public.starts_with("-//w3c//dtd html 2")
            || public.starts_with("-//w3c//dtd html 4.0 transitional")
            || public.starts_with("-//w3c//dtd html 4.0 frameset")
            || public.starts_with("-//ietf//dtd html")
            || (system_id.is_none()
                && (public.starts_with("-//w3c//dtd html 4.01 transitional")
                    || public.starts_with("-//w3c//dtd html 4.01 frameset")));
        let node = Node::Doctype(Doctype {
            name: StrTendril::from(name),
            public_id: StrTendril::from(public_id.unwrap_or_default()),
            system_id: StrTendril::from(system_id.unwrap_or_default()),
        });
        self.tree.root_mut().append(node);
    }

    fn comment(&mut self, text: &str) {
        self.skip_lf = false;
        let parent = match self.after {
            2 => self.tree.root().id(),
            1 => self.html.unwrap_or_else(|| self.current_id()),
            _ => self.current_id(),
        };
        if let Some(mut p) = self.tree.get_mut(parent) {
            p.append(Node::Comment(Comment {
                comment: StrTendril::from(text),
            }));
        }
    }

    fn text(&mut self, text: &str) {
        let mut text = text;
        if std::mem::take(&mut self.skip_lf) {
            text = text.strip_prefix('\n').unwrap_or(text);
        }
        if text.is_empty() {
            return;
        }
        if self.before_body() {
            let ws_end = text.bytes().position(|c| !is_ws(c)).unwrap_or(text.len());
            let (ws, rest) = text.split_at(ws_end);
            if !ws.is_empty() {
                match self.mode {
                    Mode::InHead | Mode::AfterHead => {
                        let id = self.current_id();
                        self.append_text_to(id, ws);
                    }
                    _ => {}
                }
            }
            if rest.is_empty() {
                return;
            }
            self.ensure_body();
            text = rest;
        }
        let in_table = self
            .stack
            .last()
            .is_some_and(|o| o.ns == Ns::Html && is_table_context(o.name.as_ref()));
        let ws = is_all_ws(text);
        if !ws {
            self.after = 0;
        }
        if in_table && ws {
            let id = self.current_id();
            self.append_text_to(id, text);
            return;
        }
        self.reconstruct_formatting();
        if self
            .stack
            .last()
            .is_some_and(|o| o.ns == Ns::Html && is_table_context(o.name.as_ref()))
        {
            self.foster_text(text);
            return;
        }
        let id = self.current_id();
        self.append_text_to(id, text);
    }

    /// The last table on the stack, for foster parenting.
    fn foster_table(&self) -> Option<NodeId> {
        self.stack
            .iter()
            .rev()
            .find(|o| o.is("table"))
            .map(|o| o.elem)
    }

    fn foster_text(&mut self, text: &str) {
        let Some(table) = self.foster_table() else {
            let id = self.current_id();
            self.append_text_to(id, text);
            return;
        };
        let Some(mut table_node) = self.tree.get_mut(table) else {
            return;
        };
        if table_node.parent().is_none() {
            return;
        }
        if let Some(mut prev) = table_node.prev_sibling() {
            if let Node::Text(t) = prev.value() {
                t.text.push_slice(text);
                return;
            }
        }
        table_node.insert_before(Node::Text(Text {
            text: StrTendril::from(text),
        }));
    }

    /// Insert an element at the current insertion point (foster-parented when the current node is a table
    /// part), push it unless `void`, and return its id.
    fn insert(
        &mut self,
        name: &str,
        ns: Ns,
        attrs: Vec<Attribute>,
        void: bool,
        foster: bool,
    ) -> NodeId {
        let atom = LocalName::from(name);
        let node = Node::Element(Element::new(
            QualName::new(None, ns.namespace(), atom.clone()),
            attrs,
        ));
        let template = ns == Ns::Html && name == "template";
        if !void && self.stack.len() >= MAX_OPEN {
            self.pop();
        }
        let parent = self.current_id();
        let foster_table = if foster
            && self
                .stack
                .last()
                .is_some_and(|o| o.ns == Ns::Html && is_table_context(o.name.as_ref()))
        {
            self.foster_table()
        } else {
            None
        };
        let foster_table =
            foster_table.filter(|&t| self.tree.get(t).is_some_and(|n| n.parent().is_some()));
        let id = match foster_table.and_then(|t| self.tree.get_mut(t)) {
            Some(mut table) => table.insert_before(node).id(),
            None => match self.tree.get_mut(parent) {
                Some(mut p) => p.append(node).id(),
                None => self.tree.orphan(node).id(),
            },
        };
        if !void && ns == Ns::Html && is_marker_element(name) {
            self.active.push(Active::Marker);
        }
        if !void {
            let mut content = id;
            if template {
                if let Some(mut t) = self.tree.get_mut(id) {
                    content = t.append(Node::Fragment).id();
                }
            }
            self.stack.push(Open {
                id: content,
                elem: id,
                name: atom,
                ns,
            });
        }
        id
    }

    /// Pop the current node (never the root `<html>`); a cell, caption, object, … clears the active formatting
    /// elements up to its marker.
    fn pop(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        if let Some(o) = self.stack.pop() {
            if o.ns == Ns::Html && is_marker_element(o.name.as_ref()) {
                while let Some(entry) = self.active.pop() {
                    if matches!(entry, Active::Marker) {
                        break;
                    }
                }
            }
        }
    }

    fn pop_until(&mut self, pos: usize) {
        while self.stack.len() > pos.max(1) {
            self.pop();
        }
    }

    fn on_stack(&self, id: NodeId) -> bool {
        self.stack.iter().rev().any(|o| o.elem == id)
    }

    /// Reopen formatting elements that a block closed (html5ever's reconstruction of the active formatting
    /// elements), e.g. `<p><b>x<div>y` puts `y` into a new `<b>`.
    fn reconstruct_formatting(&mut self) {
        let Some(Active::Elem { id, .. }) = self.active.last() else {
            return;
        };
        if self.on_stack(*id) {
            return;
        }
        let mut first = self.active.len() - 1;
        while first > 0 {
            match &self.active[first - 1] {
                Active::Marker => break,
                Active::Elem { id, .. } if self.on_stack(*id) => break,
                _ => first -= 1,
            }
        }
        for i in first..self.active.len() {
            let (name, attrs) = match &self.active[i] {
                Active::Elem { name, attrs, .. } => (name.clone(), attrs.clone()),
                Active::Marker => continue,
            };
            let new_id = self.insert(name.as_ref(), Ns::Html, attrs, false, true);
            if let Active::Elem { id, .. } = &mut self.active[i] {
                *id = new_id;
            }
        }
    }

    /// Insert a formatting element and remember it as active.
    fn insert_formatting(&mut self, name: &str, attrs: Vec<Attribute>) {
        let (mut same, mut earliest) = (0, None);
        for (i, entry) in self.active.iter().enumerate().rev() {
            match entry {
                Active::Marker => break,
                Active::Elem {
                    name: n, attrs: a, ..
                } if n.as_ref() == name && *a == attrs => {
                    same += 1;
                    earliest = Some(i);
                }
                _ => {}
            }
        }
        if same >= MAX_SAME_ACTIVE {
            if let Some(earliest) = earliest {
                self.active.remove(earliest);
            }
        }
        let kept = attrs.clone();
        let id = self.insert(name, Ns::Html, attrs, false, true);
        self.active.push(Active::Elem {
            id,
            name: LocalName::from(name),
            attrs: kept,
        });
    }

    /// The index of the active formatting element `name` after the last marker.
    fn active_position(&self, name: &str) -> Option<usize> {
        for (i, entry) in self.active.iter().enumerate().rev() {
            match entry {
                Active::Marker => return None,
                Active::Elem { name: n, .. } if n.as_ref() == name => return Some(i),
                _ => {}
            }
        }
        None
    }

    fn position_in_scope(&self, name: &str, extra: &[&str]) -> Option<usize> {
        for (i, o) in self.stack.iter().enumerate().rev() {
            if o.is(name) {
                return Some(i);
            }
            if o.is_scope_boundary() || (o.ns == Ns::Html && extra.contains(&o.name.as_ref())) {
                return None;
            }
        }
        None
    }

    fn position_in_table_scope(&self, pred: impl Fn(&str) -> bool) -> Option<usize> {
        for (i, o) in self.stack.iter().enumerate().rev() {
            if o.ns == Ns::Html && pred(o.name.as_ref()) {
                return Some(i);
            }
            if o.ns == Ns::Html && matches!(o.name.as_ref(), "html" | "table" | "template") {
                return None;
            }
        }
        None
    }

    fn generate_implied_end(&mut self, except: &str) {
        while let Some(o) = self.stack.last() {
            if o.ns == Ns::Html
                && implied_end(o.name.as_ref())
                && o.name.as_ref() != except
                && self.stack.len() > 1
            {
                self.pop();
            } else {
                break;
            }
        }
    }

    fn close_p(&mut self) {
        if let Some(pos) = self.position_in_scope("p", &["button"]) {
            self.generate_implied_end("p");
            self.pop_until(pos);
        }
    }

    /// Pop until the current node is one of `names` (or `<html>`/`<template>`).
    fn pop_to_context(&mut self, names: &[&str]) {
        while let Some(o) = self.stack.last() {
            let n = o.html_name();
            if self.stack.len() <= 1 || names.contains(&n) || n == "html" || n == "template" {
                break;
            }
            self.pop();
        }
    }

    fn current_is(&self, name: &str) -> bool {
        self.stack.last().is_some_and(|o| o.is(name))
    }

    fn start_tag(&mut self, name: &str, mut attrs: Vec<Attribute>, self_closing: bool) -> Content {
        self.skip_lf = false;
        if name != "html" {
            self.after = 0;
        }
        if self.in_foreign() {
            if breaks_out_of_foreign(name, &attrs) {
                while self.stack.len() > 1 && self.in_foreign() {
                    self.stack.pop();
                }
            } else {
                let ns = self.stack.last().map(|o| o.ns).unwrap_or(Ns::Html);
                return self.foreign_element(name, ns, attrs, self_closing);
            }
        }
        if name == "html" {
            self.ensure_html();
            self.merge_attrs(self.html, attrs);
            return Content::Markup;
        }
        if self.before_body() {
            self.ensure_html();
            match name {
                "head" => {
                    if self.head.is_none() {
                        self.ensure_head();
                        self.merge_attrs(self.head, attrs);
                    }
                    return Content::Markup;
                }
                "base" | "basefont" | "bgsound" | "link" | "meta" | "title" | "noscript"
                | "noframes" | "style" | "script" | "template" => {
                    self.ensure_head();
                    if self.mode == Mode::AfterHead {
                        // html5ever puts it into the head all the same.
                        let head = self.head.unwrap_or_else(|| self.current_id());
                        let name_atom = LocalName::from("head");
                        self.stack.push(Open {
                            id: head,
                            elem: head,
                            name: name_atom,
                            ns: Ns::Html,
                        });
                        let content = self.head_element(name, attrs);
                        if let Some(pos) = self.stack.iter().rposition(|o| o.is("head")) {
                            self.stack.remove(pos);
                        }
                        return content;
                    }
                    return self.head_element(name, attrs);
                }
                "body" => {
                    self.ensure_body_with(attrs);
                    return Content::Markup;
                }
                "frameset" => {
                    self.ensure_body();
                    return Content::Markup;
                }
                _ => self.ensure_body(),
            }
        }
        self.body_start_tag(name, std::mem::take(&mut attrs), self_closing)
    }

    /// An element of the head rules, inserted at the current node.
    fn head_element(&mut self, name: &str, attrs: Vec<Attribute>) -> Content {
        match name {
            "title" => {
                let id = self.insert(name, Ns::Html, attrs, true, false);
                Content::Raw {
                    elem: id,
                    escape: true,
                    skip_lf: false,
                }
            }
            "noscript" | "noframes" | "style" | "script" => {
                let id = self.insert(name, Ns::Html, attrs, true, false);
                Content::Raw {
                    elem: id,
                    escape: false,
                    skip_lf: false,
                }
            }
            "template" => {
                self.insert(name, Ns::Html, attrs, false, false);
                Content::Markup
            }
            _ => {
                self.insert(name, Ns::Html, attrs, true, false);
                Content::Markup
            }
        }
    }

    fn foreign_element(
        &mut self,
        name: &str,
        ns: Ns,
        mut attrs: Vec<Attribute>,
        self_closing: bool,
    ) -> Content {
        let local = if ns == Ns::Svg {
            svg_tag_name(name)
        } else {
            name
        };
        if ns == Ns::Svg {
            for a in &mut attrs {
                if let Some(fixed) = svg_attr_name(a.name.local.as_ref()) {
                    a.name.local = LocalName::from(fixed);
                }
            }
        } else if ns == Ns::Math {
            for a in &mut attrs {
                if a.name.local.as_ref() == "definitionurl" {
                    a.name.local = LocalName::from("definitionURL");
                }
            }
        }
        self.insert(local, ns, attrs, self_closing, false);
        Content::Markup
    }

    fn body_start_tag(&mut self, name: &str, attrs: Vec<Attribute>, self_closing: bool) -> Content {
        // Table structure first: it depends on the open table, not on the tag alone.
        if matches!(
            name,
            "caption" | "colgroup" | "col" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th"
        ) {
            if self.position_in_table_scope(|n| n == "table").is_none() {
                return Content::Markup; // ignored outside tables, as by html5ever
            }
            match name {
                "td" | "th" => {
                    self.pop_to_context(&["tr", "tbody", "thead", "tfoot", "table"]);
                    if self.current_is("table") {
                        self.insert("tbody", Ns::Html, vec![], false, false);
                    }
                    if !self.current_is("tr") {
                        self.insert("tr", Ns::Html, vec![], false, false);
                    }
                }
                "tr" => {
                    self.pop_to_context(&["tbody", "thead", "tfoot", "table"]);
                    if self.current_is("table") {
                        self.insert("tbody", Ns::Html, vec![], false, false);
                    }
                }
                "col" => {
                    self.pop_to_context(&["table", "colgroup"]);
                    if self.current_is("table") {
                        self.insert("colgroup", Ns::Html, vec![], false, false);
                    }
                    self.insert(name, Ns::Html, attrs, true, false);
                    return Content::Markup;
                }
                _ => self.pop_to_context(&["table"]),
            }
            self.insert(name, Ns::Html, attrs, false, false);
            return Content::Markup;
        }
        // A colgroup takes only cols; anything else closes it.
        if self.current_is("colgroup") {
            self.stack.pop();
        }
        let in_table = self
            .stack
            .last()
            .is_some_and(|o| o.ns == Ns::Html && is_table_context(o.name.as_ref()));
        match name {
            "body" => {
                self.merge_attrs(self.body, attrs);
                Content::Markup
            }
            "head" | "frame" | "frameset" => Content::Markup,
            "base" | "basefont" | "bgsound" | "link" | "meta" => {
                self.insert(name, Ns::Html, attrs, true, false);
                Content::Markup
            }
            "title" => {
                let id = self.insert(name, Ns::Html, attrs, true, !in_table);
                Content::Raw {
                    elem: id,
                    escape: true,
                    skip_lf: false,
                }
            }
            "style" | "script" => {
                let id = self.insert(name, Ns::Html, attrs, true, false);
                Content::Raw {
                    elem: id,
                    escape: false,
                    skip_lf: false,
                }
            }
            "template" => {
                self.insert(name, Ns::Html, attrs, false, false);
                Content::Markup
            }
            "noscript" | "noframes" | "iframe" | "noembed" => {
                let id = self.insert(name, Ns::Html, attrs, true, true);
                Content::Raw {
                    elem: id,
                    escape: false,
                    skip_lf: false,
                }
            }
            "xmp" => {
                self.close_p();
                self.reconstruct_formatting();
                let id = self.insert(name, Ns::Html, attrs, true, true);
                Content::Raw {
                    elem: id,
                    escape: false,
                    skip_lf: false,
                }
            }
            "textarea" => {
                let id = self.insert(name, Ns::Html, attrs, true, true);
                Content::Raw {
                    elem: id,
                    escape: true,
                    skip_lf: true,
                }
            }
            "plaintext" => {
                self.close_p();
                self.insert(name, Ns::Html, attrs, false, true);
                Content::Plaintext
            }
            "table" => {
                if in_table {
                    // A table directly in a table closes the first one.
                    if let Some(pos) = self.position_in_table_scope(|n| n == "table") {
                        self.pop_until(pos);
                    }
                } else if !self.quirks {
                    self.close_p();
                }
                self.insert(name, Ns::Html, attrs, false, true);
                Content::Markup
            }
            "form" => {
                if self.stack.iter().any(|o| o.is("form")) {
                    return Content::Markup;
                }
                if !in_table {
                    self.close_p();
                }
                self.insert(name, Ns::Html, attrs, in_table, false);
                Content::Markup
            }
            "li" => {
                self.close_list_item(&["li"]);
                self.close_p();
                self.insert(name, Ns::Html, attrs, false, true);
                Content::Markup
            }
            "dd" | "dt" => {
                self.close_list_item(&["dd", "dt"]);
                self.close_p();
                self.insert(name, Ns::Html, attrs, false, true);
                Content::Markup
            }
            "hr" => {
                self.close_p();
                self.insert(name, Ns::Html, attrs, true, true);
                Content::Markup
            }
            "image" | "img" | "area" | "br" | "embed" | "keygen" | "wbr" | "param" | "source"
            | "track" => {
                let name = if name == "image" { "img" } else { name };
                self.reconstruct_formatting();
                self.insert(name, Ns::Html, attrs, true, true);
                Content::Markup
            }
            "input" => {
                let hidden = attrs.iter().any(|a| {
                    a.name.local.as_ref() == "type" && a.value.eq_ignore_ascii_case("hidden")
                });
                if !(hidden && in_table) {
                    self.reconstruct_formatting();
                }
                self.insert(name, Ns::Html, attrs, true, !hidden);
                Content::Markup
            }
            "button" => {
                if let Some(pos) = self.position_in_scope("button", &[]) {
                    self.generate_implied_end("");
                    self.pop_until(pos);
                }
                self.reconstruct_formatting();
                self.insert(name, Ns::Html, attrs, false, true);
                Content::Markup
            }
            "a" | "nobr" => {
                // An open `<a>` (`<nobr>`) ends here (html5ever's adoption agency, approximated).
                self.reconstruct_formatting();
                if self.close_formatting(name) {
                    self.reconstruct_formatting();
                }
                self.insert_formatting(name, attrs);
                Content::Markup
            }
            _ if is_formatting(name) => {
                self.reconstruct_formatting();
                self.insert_formatting(name, attrs);
                Content::Markup
            }
            "option" => {
                if self.current_is("option") {
                    self.pop();
                }
                self.reconstruct_formatting();
                self.insert(name, Ns::Html, attrs, false, true);
                Content::Markup
            }
            "optgroup" => {
                if self.current_is("option") {
                    self.pop();
                }
                if self.current_is("optgroup") {
                    self.pop();
                }
                self.reconstruct_formatting();
                self.insert(name, Ns::Html, attrs, false, true);
                Content::Markup
            }
            "svg" => {
                let mut attrs = attrs;
                for a in &mut attrs {
                    if let Some(fixed) = svg_attr_name(a.name.local.as_ref()) {
                        a.name.local = LocalName::from(fixed);
                    }
                }
                self.reconstruct_formatting();
                self.insert(name, Ns::Svg, attrs, self_closing, true);
                Content::Markup
            }
            "math" => {
                self.reconstruct_formatting();
                self.insert(name, Ns::Math, attrs, self_closing, true);
                Content::Markup
            }
            _ => {
                if closes_p(name) {
                    self.close_p();
                    if is_heading(name)
                        && self.stack.last().is_some_and(|o| is_heading(o.html_name()))
                    {
                        self.pop();
                    }
                    self.insert(name, Ns::Html, attrs, false, true);
                    if matches!(name, "pre" | "listing") {
                        self.skip_lf = true;
                    }
                    return Content::Markup;
                }
                self.reconstruct_formatting();
                self.insert(name, Ns::Html, attrs, is_void(name), true);
                Content::Markup
            }
        }
    }

    /// `<li>`, `<dd>`, `<dt>`: an open item of the same kind ends, unless a block other than
    /// address/div/p is in between.
    fn close_list_item(&mut self, names: &[&str]) {
        for i in (0..self.stack.len()).rev() {
            let o = &self.stack[i];
            if o.ns == Ns::Html && names.contains(&o.name.as_ref()) {
                let name = o.name.clone();
                self.generate_implied_end(name.as_ref());
                self.pop_until(i);
                return;
            }
            if o.is_special() && !matches!(o.html_name(), "address" | "div" | "p") {
                return;
            }
        }
    }

    /// Pop up to and including an open formatting element `name` when only non-special elements are above
    /// it; otherwise leave the tree alone (the adoption agency is not implemented).
    fn close_formatting(&mut self, name: &str) -> bool {
        let Some(entry) = self.active_position(name) else {
            return false;
        };
        let Active::Elem { id, .. } = self.active[entry] else {
            return false;
        };
        self.active.remove(entry);
        for i in (0..self.stack.len()).rev() {
            let o = &self.stack[i];
            if o.elem == id {
                if self.stack[i + 1..].iter().any(|o| o.is_special()) {
                    // A block inside: html5ever's adoption agency moves the block out of the formatting
                    // element; here content after the end tag just leaves it.
                    if i > 0 {
                        self.stack.remove(i);
                    }
                } else {
                    self.pop_until(i);
                }
                return true;
            }
        }
        false
    }

    fn end_tag(&mut self, name: &str) {
        self.skip_lf = false;
        // Foreign content: the nearest foreign element of that name (case-insensitively) ends.
        if self.stack.last().is_some_and(|o| o.ns != Ns::Html) {
            for i in (1..self.stack.len()).rev() {
                let o = &self.stack[i];
                if o.ns == Ns::Html {
                    break;
                }
                if o.name.as_ref().eq_ignore_ascii_case(name) {
                    self.pop_until(i);
                    return;
                }
            }
        }
        if self.before_body() {
            match name {
                "head" => self.close_head(),
                "br" => {
                    self.ensure_body();
                    self.insert("br", Ns::Html, vec![], true, true);
                }
                _ => {}
            }
            return;
        }
        match name {
            "body" => self.after = self.after.max(1),
            "html" => self.after = 2,
            "p" => {
                if self.position_in_scope("p", &["button"]).is_none() {
                    self.insert("p", Ns::Html, vec![], true, true);
                } else {
                    self.close_p();
                }
            }
            "li" => {
                if let Some(pos) = self.position_in_scope("li", &["ol", "ul"]) {
                    self.generate_implied_end("li");
                    self.pop_until(pos);
                }
            }
            "dd" | "dt" => {
                if let Some(pos) = self.position_in_scope(name, &[]) {
                    self.generate_implied_end(name);
                    self.pop_until(pos);
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let pos = self.stack.iter().enumerate().rev().find_map(|(i, o)| {
                    if is_heading(o.html_name()) {
                        Some(Some(i))
                    } else if o.is_scope_boundary() {
                        Some(None)
                    } else {
                        None
                    }
                });
                if let Some(Some(pos)) = pos {
                    self.generate_implied_end("");
                    self.pop_until(pos);
                }
            }
            "br" => {
                self.insert("br", Ns::Html, vec![], true, true);
            }
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "colgroup" => {
                if let Some(pos) = self.position_in_table_scope(|n| n == name) {
                    self.pop_until(pos);
                }
            }
            "template" => {
                if let Some(pos) = self.stack.iter().rposition(|o| o.is("template")) {
                    self.pop_until(pos);
                }
            }
            _ if is_formatting(name) && self.active_position(name).is_some() => {
                self.close_formatting(name);
            }
            _ if is_special_html(name) || closes_p(name) => {
                if let Some(pos) = self.position_in_scope(name, &[]) {
                    self.generate_implied_end(name);
                    self.pop_until(pos);
                }
            }
            _ => {
                // Any other end tag: the nearest open element of that name, unless a special element is
                // in between.
                for i in (1..self.stack.len()).rev() {
                    let o = &self.stack[i];
                    if o.is(name) {
                        self.generate_implied_end(name);
                        self.pop_until(i);
                        return;
                    }
                    if o.is_special() {
                        return;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as an indented outline, for comparing with html5ever's.
    fn outline(tree: &Tree<Node>) -> String {
        fn walk(node: ego_tree::NodeRef<'_, Node>, depth: usize, out: &mut String) {
            let pad = "  ".repeat(depth);
            match node.value() {
                Node::Element(e) => {
                    let mut attrs: Vec<String> =
                        e.attrs().map(|(k, v)| format!("{k}={v:?}")).collect();
                    attrs.sort();
                    out.push_str(&format!(
                        "{pad}<{} {:?}> {}\n",
                        e.name.local.as_ref(),
                        e.name.ns,
                        attrs.join(" ")
                    ));
                }
                Node::Text(t) => out.push_str(&format!("{pad}{:?}\n", t.text.as_ref())),
                Node::Comment(c) => {
                    out.push_str(&format!("{pad}<!-- {:?} -->\n", c.comment.as_ref()))
                }
                Node::Doctype(d) => out.push_str(&format!("{pad}<!DOCTYPE {}>\n", d.name.as_ref())),
                Node::Fragment => out.push_str(&format!("{pad}#fragment\n")),
                _ => {}
            }
            for child in node.children() {
                walk(child, depth + 1, out);
            }
        }
        let mut out = String::new();
        walk(tree.root(), 0, &mut out);
        out
    }

    fn reference(html: &str) -> String {
        outline(&scraper::Html::parse_document(html).tree)
    }

    fn same(html: &str) -> bool {
        let (ours, theirs) = (outline(&parse(html)), reference(html));
        if ours != theirs {
            eprintln!("input: {html}\n--- ours:\n{ours}--- html5ever:\n{theirs}");
        }
        ours == theirs
    }

    /// Pathological nesting, as a hostile or broken page has it.
    fn deep_inputs(n: usize) -> Vec<(&'static str, String)> {
        vec![
            (
                "div",
                format!("<body>{}text{}", "<div>".repeat(n), "</div>".repeat(n)),
            ),
            ("unclosed div", format!("<body>{}text", "<div>".repeat(n))),
            ("b in p", format!("<body><p>{}text", "<b>".repeat(n))),
            ("b then p", "<b>x<p>y".repeat(n)),
            ("table", "<table><tr><td>x".repeat(n)),
            ("span", format!("<article>{}", "<span>word ".repeat(n))),
            ("svg", format!("<body>{}", "<svg><g>x".repeat(n))),
        ]
    }

    #[test]
    fn depth_and_size_stay_bounded_on_pathological_nesting() {
        for (name, html) in deep_inputs(20_000) {
            let tree = parse(&html);
            let depth = tree
                .nodes()
                .map(|n| n.ancestors().count())
                .max()
                .unwrap_or(0);
            assert!(depth <= MAX_OPEN + 2, "{name}: depth {depth}");
            let nodes = tree.nodes().count();
            assert!(nodes <= 10 * 20_000, "{name}: {nodes} nodes");
            let text: String = tree
                .nodes()
                .filter_map(|n| match n.value() {
                    Node::Text(t) => Some(t.text.as_ref()),
                    _ => None,
                })
                .collect();
            assert!(
                ["text", "x", "word"].iter().any(|w| text.contains(w)),
                "{name}: text lost"
            );
        }
    }

    #[test]
    fn matches_html5ever_on_ordinary_markup() {
        let failures = [
            "",
            "hello",
            "<!DOCTYPE html><html lang=de><head><meta charset=utf-8><title>A &amp; B</title></head><body><p>x</p></body></html>",
            "<p>one<p>two<div>three</div>",
            "<ul><li>a<li>b</ul><dl><dt>t<dd>d</dl>",
            "<table><tr><td>a<td>b<tr><td>c</table>",
            "<table><td>x</td></table>",
            "<table>oops<tr><td>a</td></tr></table>",
            "<table><div>fostered</div><tr><td>a</table>",
            "<script>if (a < b && c) { x = '</div>'; }</script><p>t</p>",
            "<style>p > a { color: red }</style><noscript><img src=x></noscript>",
            "<textarea>\nline</textarea>",
            "<pre>\ncode\n</pre>",
            "<p>&copy; 2025 &nbsp; &#169; &#x41; &notit; &amp &ampx &lt;&gt;</p>",
            "<a href=\"?a=1&amp;b=2&copy=3\" title='x &quot;y&quot;'>l</a>",
            "<a href=/x>one<a href=/y>two</a>",
            "<div><span>a</div>b",
            "<h1>a<h2>b</h2>",
            "<p>a</p></p>",
            "<br/><br></br>",
            "<svg viewbox=\"0 0 1 1\"><path d=M0/><clippath/><title>t</title></svg><p>after</p>",
            "<math><mi>x</mi></math>",
            "<!-- c --><html><!-- d --><body><!----><!--->x<!--a--!>",
            "<?xml version=\"1.0\"?><p>x</p>",
            "<select><option>a<option>b</select>",
            "<template><p>t</p></template><p>u</p>",
            "<p>a<b>b<i>c</i></b>d</p>",
            "<div class=\"a b\" id=x data-x=\"1\" data-x=\"2\">dup</div>",
            "<p>a\r\nb\rc</p>",
            "<head><link rel=stylesheet></head>\n<body>\n<p>x</p>\n</body>\n</html>\n",
            "<title>t</title><meta name=a content=b><p>x",
            "<html><head></head>  <script>s</script><body>b",
            "<ul><li><div><li>x</div></ul>",
            "<p><table><tr><td>x</table>",
            "<!DOCTYPE html><p><table><tr><td>x</table>",
            "<button><button>x",
            "<form><form><input type=hidden></form>",
            "a < b and c <3 <",
            "<div></span>x</div>",
            "<iframe src=x><p>not parsed</p></iframe>",
            "<table><caption>c</caption><colgroup><col><col></colgroup><thead><tr><th>h<tbody><tr><td>d</table>",
            "<p id=\"unterminated",
            "<p>x</p><!-- open",
            "<p><strong><div>reopened</div>tail</strong></p>",
            "<div><b>x</div>y",
            "<p><b>a<i>b</p>c",
            "<table><tr><td><b>cell</td><td>next</td></tr></table>after",
            "<html><body><p>x</p></body></html><!-- after html -->",
            "<body><p>x</p></body><!-- after body -->\n",
        ]
        .iter()
        .filter(|html| !same(html))
        .count();
        assert_eq!(failures, 0);
    }

    #[test]
    fn never_panics_on_fragments_of_markup() {
        let pieces = [
            "<",
            ">",
            "</",
            "<!",
            "<!--",
            "-->",
            "&",
            "&#",
            "&#x",
            ";",
            "\"",
            "'",
            "=",
            "/",
            "<p",
            "<table",
            "<td",
            "<tr",
            "<svg",
            "</svg",
            "<script",
            "</script",
            "<![CDATA[",
            "]]>",
            "é",
            "\r",
            "\0",
            "a",
            " ",
            "<li",
            "<template",
            "</template",
            "<textarea",
            "<plaintext",
            "<!DOCTYPE",
            "<math",
            "<foreignObject",
            "<title",
        ];
        let mut seed: u64 = 7;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 40) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let tree = parse(&s);
            assert!(tree.root().children().count() >= 1);
        }
    }
}
