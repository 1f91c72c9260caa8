//! The frame matcher: reads each sentence for attribution frames and builds quotations.

use std::sync::OnceLock;

use lagebild_core::{Entity, Lang, Mention, Piece, Quote, QuoteKind};

use super::resolve::Resolver;
use super::rules::{Lexicon, Rules, VClass, F};
use super::token::{pair_quotes, sentences, tokenize, Kind, QuotePair, Tok};
use super::{de, en};

fn tables(lang: Lang) -> (&'static Rules, &'static Lexicon) {
    static DE: OnceLock<Lexicon> = OnceLock::new();
    static EN: OnceLock<Lexicon> = OnceLock::new();
    match lang {
        Lang::De => (&de::RULES, DE.get_or_init(|| Lexicon::new(&de::RULES))),
        Lang::En => (&en::RULES, EN.get_or_init(|| Lexicon::new(&en::RULES))),
    }
}

type Range = (usize, usize);

/// One attribution found in a sentence, in token ranges.
#[derive(Debug, Clone)]
struct Frame {
    kind: QuoteKind,
    speaker: Option<Range>,
    cue: Option<Range>,
    content: Range,
    class: Option<VClass>,
    /// "wie X berichtet": X relays rather than speaks.
    relay: bool,
    /// Speaker carried over from an earlier sentence (or an earlier frame in this sentence).
    carried: Option<Mention>,
    /// The relaying source of a chain.
    via: Option<Range>,
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok<'a>>,
    pub pairs: Vec<QuotePair>,
    pub rules: &'static Rules,
    lex: &'static Lexicon,
    pub de: bool,
}

impl<'a> Doc<'a> {
    pub fn piece(&self, r: Range) -> Piece {
        let (a, b) = (&self.toks[r.0], &self.toks[r.1 - 1]);
        Piece { start: a.c0, end: b.c1, text: self.text[a.b0..b.b1].to_string() }
    }

    fn sep(&self, i: usize) -> bool {
        let t = &self.toks[i];
        matches!(t.kind, Kind::Open | Kind::Close)
            || (t.punct(",;:–—") && !self.time_colon(i))
            || (t.punct("-") && self.spaced(i))
    }

    /// The colon of a clock time ("10:05").
    fn time_colon(&self, i: usize) -> bool {
        self.toks[i].punct(":")
            && i > 0
            && i + 1 < self.toks.len()
            && self.toks[i - 1].kind == Kind::Num
            && self.toks[i + 1].kind == Kind::Num
            && self.toks[i - 1].c1 == self.toks[i].c0
            && self.toks[i].c1 == self.toks[i + 1].c0
    }

    /// Is token `i` a mark of a quoted name or title inside a phrase ("die Zeitung „Die Zeit“ berichtete")?
    fn name_quote(&self, i: usize) -> bool {
        self.de
            && self.toks[i].quote.is_some_and(|q| {
                let p = &self.pairs[q];
                !long_quote(self, p) && p.open > 0 && self.toks[p.open - 1].is_word() && p.close + 1 < self.toks.len()
            })
    }

    /// End of the clause containing `i` within `[_, hi)`, reading through quoted names.
    fn clause_end_names(&self, i: usize, hi: usize) -> usize {
        let mut k = i;
        while k < hi && (!self.sep(k) || self.name_quote(k)) {
            k += 1;
        }
        k
    }

    /// Start of the clause containing `i` within `[lo, _)`, reading through quoted names.
    fn clause_start_names(&self, i: usize, lo: usize) -> usize {
        let mut k = i;
        while k > lo && (!self.sep(k - 1) || self.name_quote(k - 1)) {
            k -= 1;
        }
        k
    }

    fn spaced(&self, i: usize) -> bool {
        i > 0 && i + 1 < self.toks.len() && self.toks[i - 1].c1 < self.toks[i].c0
    }

    fn outside(&self, i: usize) -> bool {
        self.toks[i].quote.is_none()
    }

    /// Does the word sequence `seq` start at token `i`?
    fn seq_at(&self, i: usize, end: usize, seq: &[&str]) -> bool {
        i + seq.len() <= end && seq.iter().enumerate().all(|(k, w)| self.toks[i + k].lower == *w)
    }

    fn is_verb(&self, i: usize) -> bool {
        let t = &self.toks[i];
        self.lex.verb(&t.lower).is_some() && !(self.de && t.cap)
    }

    /// A speaker phrase starting at `i` (after skipping adverbs), ending before `end`.
    fn np_right(&self, mut i: usize, end: usize) -> Option<Range> {
        while i < end && self.toks[i].is_word() && self.toks[i].has(F::SKIP) && !self.toks[i].has(F::PRONOUNS) {
            i += 1;
        }
        if i >= end {
            return None;
        }
        let t = &self.toks[i];
        if t.has(F::PRONOUNS) && t.is_word() {
            return Some((i, i + 1));
        }
        let s = i;
        let mut j = i;
        let mut saw_cap = false;
        while j < end && j - s < 8 {
            let t = &self.toks[j];
            if !t.is_word() {
                // "Trump's" possessive apostrophe or initials "J." inside names
                if t.punct(".") && j > s && self.toks[j - 1].text.chars().count() == 1 && self.toks[j - 1].cap {
                    j += 1;
                    continue;
                }
                // a shared compound head: "Industrie- und Handelskammer"
                let glued = j > s && self.toks[j - 1].b1 == t.b0;
                let coordinated =
                    |k: usize| self.toks.get(k).is_some_and(|c| matches!(c.lower.as_str(), "und" | "oder"));
                if self.de && t.punct("-") && glued && coordinated(j + 1) && self.toks.get(j + 2).is_some_and(|n| n.cap)
                {
                    j += 2;
                    continue;
                }
                break;
            }
            if t.has(F::DETERMINERS) && !saw_cap {
                if j > s && self.de {
                    break;
                }
                j += 1;
                continue;
            }
            if self.de {
                if t.cap && !self.is_verb(j) {
                    saw_cap = true;
                    j += 1;
                    continue;
                }
                if t.kind == Kind::Num && !saw_cap && j > s && self.toks[j - 1].has(F::DETERMINERS) {
                    j += 1;
                    continue;
                }
                if saw_cap || t.has(F::NP_STOP) || self.is_verb(j) || t.kind == Kind::Num {
                    break;
                }
                let after_det = j > s && self.toks[j - 1].has(F::DETERMINERS) || j > s + 1;
                if !after_det && (j + 1 >= end || !self.toks[j + 1].cap) {
                    break;
                }
                // adjective before the noun
                j += 1;
            } else {
                if t.has(F::NP_STOP) || (self.is_verb(j) && j > s) {
                    break;
                }
                if saw_cap && !t.cap && !t.has(F::ROLES) {
                    break;
                }
                saw_cap |= t.cap;
                j += 1;
            }
        }
        if j > s && (saw_cap || !self.de) {
            // don't end on a determiner
            let mut e = j;
            while e > s && self.toks[e - 1].has(F::DETERMINERS) {
                e -= 1;
            }
            (e > s).then_some((s, e))
        } else {
            None
        }
    }

    /// A subject after a finite verb: not a dative or accusative phrase.
    fn subject_right(&self, i: usize, end: usize) -> Option<Range> {
        let np = self.np_right(i, end)?;
        let w = self.toks[np.0].lower.as_str();
        if self.de
            && matches!(
                w,
                "den"
                    | "dem"
                    | "einen"
                    | "einem"
                    | "des"
                    | "ihm"
                    | "ihn"
                    | "ihnen"
                    | "es"
                    | "sich"
                    | "diesen"
                    | "diesem"
                    | "dies"
            )
        {
            return None;
        }
        if !self.de && matches!(w, "it" | "that" | "this") {
            return None;
        }
        Some(np)
    }

    /// A speaker phrase ending right before `end` (after skipping auxiliaries and adverbs), not before `lo`.
    fn np_left(&self, end: usize, lo: usize) -> Option<Range> {
        let mut e = end;
        while e > lo && self.toks[e - 1].is_word() && (self.toks[e - 1].has(F::SKIP) || self.toks[e - 1].has(F::AUX)) {
            e -= 1;
        }
        if e <= lo {
            return None;
        }
        let last = &self.toks[e - 1];
        if last.is_word() && last.has(F::PRONOUNS) {
            return Some((e - 1, e));
        }
        let mut s = e;
        while s > lo && e - s < 8 {
            let t = &self.toks[s - 1];
            if t.punct("'’") && s < e {
                s -= 1;
                continue;
            }
            if t.punct(".") && s - 1 > lo && self.toks[s - 2].text.chars().count() == 1 {
                s -= 1;
                continue;
            }
            if !t.is_word() {
                break;
            }
            if t.has(F::DETERMINERS) {
                s -= 1;
                break;
            }
            if t.has(F::NP_STOP) || (self.is_verb(s - 1) && !t.cap) {
                break;
            }
            s -= 1;
        }
        if s >= e {
            return None;
        }
        if self.de && !(s..e).any(|k| self.toks[k].cap) {
            return None;
        }
        Some((s, e))
    }

    /// Start of the clause containing `i` within the sentence `[lo, _)`.
    fn clause_start(&self, i: usize, lo: usize) -> usize {
        let mut k = i;
        while k > lo && !self.sep(k - 1) {
            k -= 1;
        }
        k
    }

    /// End of the clause containing `i` (exclusive) within `[_, hi)`.
    fn clause_end(&self, i: usize, hi: usize) -> usize {
        let mut k = i;
        while k < hi && !self.sep(k) {
            k += 1;
        }
        k
    }

    /// A noun phrase at `i` with its attached phrases ("der Sprecher der Polizei in Bonn") and a comma-enclosed
    /// apposition or relative clause ("Anna Tal, die Ministerin, …"); returns the phrase and where it ends
    /// including the apposition.
    fn np_with_attachments(&self, i: usize, hi: usize) -> Option<(Range, usize)> {
        let np = self.np_right(i, self.clause_end(i, hi))?;
        let mut e = np.1;
        while e + 1 < hi
            && (self.rules.np_attach.contains(&self.toks[e].lower.as_str())
                || self.rules.coordinators.contains(&self.toks[e].lower.as_str()))
        {
            match self.np_right(e + 1, self.clause_end(e + 1, hi)) {
                Some(n) if self.toks[n.0..n.1].iter().any(|t| t.cap) => e = n.1,
                _ => break,
            }
        }
        let phrase = (np.0, e);
        // "(SPD)" after a name
        if e + 2 < hi && self.toks[e].punct("(") {
            if let Some(k) = (e + 1..hi.min(e + 8)).find(|&k| self.toks[k].punct(")")) {
                e = k + 1;
            }
        }
        if e < hi && self.toks[e].punct(",–") {
            let close = (e + 1..hi.min(e + 25)).find(|&k| self.toks[k].punct(",–") || self.toks[k].punct(")"));
            match close {
                Some(k) if k > e + 1 && self.toks[k].punct(",–") => e = k + 1,
                _ => return Some((phrase, e)),
            }
        }
        Some((phrase, e))
    }

    /// Is token `k` a plausible finite verb (German: a lower-case word that opens no phrase)?
    fn finite_at(&self, k: usize, hi: usize) -> bool {
        k < hi && {
            let t = &self.toks[k];
            t.kind == Kind::Word
                && !t.cap
                && (t.has(F::AUX) || self.is_verb(k) || !t.has(F::DETERMINERS | F::NP_STOP | F::FRONTED | F::THAT))
        }
    }

    /// The subject of the main clause of the sentence `[lo, hi)` (German verb-second order): the phrase
    /// before the finite verb ("Die Ministerin, die …, verteidigte …"), or after it when an adverbial
    /// opens the sentence ("Unterdessen verteidigte die Ministerin …").
    fn sentence_subject(&self, lo: usize, hi: usize) -> Option<Range> {
        let (s, v) = self.subject_and_verb(lo, hi)?;
        // a passive names its agent: "Die Pläne wurden vom Minister als … bezeichnet"
        if self.rules.passive_aux.contains(&self.toks[v].lower.as_str()) {
            let ce = self.clause_end(v + 1, hi);
            let agent = (v + 1..ce)
                .filter(|&k| self.rules.agent.contains(&self.toks[k].lower.as_str()))
                .find_map(|k| self.np_right(k + 1, ce).filter(|np| self.toks[np.0..np.1].iter().any(|t| t.cap)));
            if agent.is_some() {
                return agent;
            }
        }
        Some(s)
    }

    /// The main clause's subject and its finite verb (see `sentence_subject`).
    fn subject_and_verb(&self, lo: usize, hi: usize) -> Option<(Range, usize)> {
        if !self.de {
            return None;
        }
        let mut i = lo;
        // a label: "Steuern: Die Partei will …"
        if let Some(k) = (lo..hi.min(lo + 4)).find(|&k| self.toks[k].punct(":")) {
            if k > lo && (lo..k).all(|j| self.toks[j].is_word()) && k + 1 < hi && self.toks[k + 1].is_word() {
                i = k + 1;
            }
        }
        while i < hi && self.toks[i].punct("–-•(") {
            i += 1;
        }
        // "Auch der Sprecher …"
        while i + 1 < hi
            && self.toks[i].is_word()
            && self.toks[i].has(F::SKIP)
            && !self.toks[i].has(F::PRONOUNS)
            && (self.toks[i + 1].has(F::DETERMINERS) || self.toks[i + 1].cap)
            && !self.finite_at(i + 1, hi)
        {
            i += 1;
        }
        if i >= hi || !self.toks[i].is_word() || !self.outside(i) {
            return None;
        }
        let t = &self.toks[i];
        if t.has(F::SUBORDINATORS | F::THAT | F::AS_MARKERS | F::WHEREBY) {
            return None;
        }
        if (t.has(F::PRONOUNS) && !t.has(F::DETERMINERS)) || self.rules.demonstratives.contains(&t.lower.as_str()) {
            if self.finite_at(i + 1, hi) {
                return Some(((i, i + 1), i + 1));
            }
            if t.has(F::PRONOUNS) {
                return None;
            }
        }
        if t.has(F::FRONTED) {
            // the adverbial: one word, or a preposition with its phrase
            let mut k = i + 1;
            if !self.finite_at(k, hi) {
                let (_, e) = self.np_with_attachments(k, hi)?;
                k = e;
            }
            if !self.finite_at(k, hi) {
                return None;
            }
            let s = self.subject_right(k + 1, self.clause_end(k + 1, hi))?;
            return (self.toks[s.0..s.1].iter().any(|t| t.cap) && !self.toks[s.0].punct(",")).then_some((s, k));
        }
        let (np, e) = self.np_with_attachments(i, hi)?;
        if np.1 == np.0 + 1 && self.rules.not_speakers.contains(&self.toks[np.0].lower.as_str()) {
            return None;
        }
        self.finite_at(e, hi).then_some((np, e))
    }

    /// Could the phrase `r` name someone who speaks: a personal pronoun, a role or institution noun
    /// ("die Ministerin", "die Polizei"), or a name (two capitalised words, or one without a determiner)?
    fn speakerish(&self, r: Range) -> bool {
        let words: Vec<&Tok<'_>> = self.toks[r.0..r.1].iter().filter(|t| t.is_word()).collect();
        if words.iter().any(|t| t.has(F::ROLES) || (t.has(F::PRONOUNS) && !t.has(F::DETERMINERS))) {
            return true;
        }
        let caps = words.iter().filter(|t| t.cap && !t.has(F::DETERMINERS)).count();
        let bare = words.first().is_some_and(|t| t.cap && !t.has(F::DETERMINERS | F::FRONTED | F::SKIP));
        caps >= 2 || (bare && words.len() == 1)
    }

    /// Does the finite verb at `k` look like a Konjunktiv I ("erfolge", "propagiere": the stem with "-e",
    /// where the indicative has "-t"), or is it a listed Konjunktiv form?
    fn konjunktiv_shape(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.has(F::KONJUNKTIV)
            || (self.de
                && t.kind == Kind::Word
                && !t.cap
                && t.lower.chars().count() >= 4
                && t.lower.ends_with('e')
                && !t.lower.ends_with("te")
                && !t.has(F::DETERMINERS | F::NP_STOP | F::AUX))
    }

    /// Trims punctuation and subordinators from a content range.
    fn trim(&self, r: Range) -> Option<Range> {
        let (mut a, mut b) = r;
        while a < b && (self.toks[a].kind == Kind::Punct || self.toks[a].has(F::THAT)) {
            a += 1;
        }
        while a < b && self.toks[b - 1].kind == Kind::Punct {
            b -= 1;
        }
        // keep a quotation whole
        if a < b && self.toks[a].kind == Kind::Close {
            a += 1;
        }
        if a > 0 && a < b && self.toks[a].quote.is_some() && self.toks[a].kind != Kind::Open {
            if let Some(q) = self.toks[a].quote {
                a = self.pairs[q].open.min(a);
            }
        }
        if b < self.toks.len() && a < b && self.toks[b - 1].quote.is_some() && self.toks[b - 1].kind != Kind::Close {
            if let Some(q) = self.toks[b - 1].quote {
                b = (self.pairs[q].close + 1).max(b);
            }
        }
        (b > a && (a..b).any(|k| self.toks[k].is_word())).then_some((a, b))
    }

    fn words(&self, r: Range) -> usize {
        (r.0..r.1).filter(|&k| self.toks[k].is_word()).count()
    }
}

/// A quotation pair long enough to be a quotation rather than a title or a scare-quoted word.
fn long_quote(d: &Doc<'_>, p: &QuotePair) -> bool {
    let inner = (p.open + 1, p.close);
    let w = d.words(inner);
    w >= 4 || (w >= 2 && d.toks[p.close - 1].punct(".!?"))
}

pub fn run(text: &str, lang: Lang, entities: &[Entity]) -> Vec<Quote> {
    let (rules, lex) = tables(lang);
    let mut toks = tokenize(text);
    for t in &mut toks {
        if t.is_word() {
            t.flags = lex.flags(&t.lower);
        }
    }
    let pairs = pair_quotes(&mut toks);
    let sents = sentences(&toks, rules.abbrevs);
    let doc = Doc { text, toks, pairs, rules, lex, de: lang == Lang::De };
    let res = Resolver::new(&doc, entities);
    let mut out: Vec<Quote> = Vec::new();
    // the last attributed source: sentence index and speaker
    let mut last: Option<(usize, Mention)> = None;
    // the subject of the last sentence without a frame
    let mut subject: Option<(usize, Mention, bool)> = None;
    for (si, &(lo, hi)) in sents.iter().enumerate() {
        let mut carry = last.as_ref().filter(|(ls, _)| si - ls <= 3).map(|(_, m)| m.clone());
        // the sentence before, without a frame of its own, introduced someone who may speak on
        // ("Die Ministerin verteidigte den Plan. Er sei notwendig.")
        if let Some((_, m, who)) = subject.as_ref().filter(|(ss, _, _)| ss + 1 == si) {
            // over a source still in view, only someone who can speak: a person, a role, an institution
            if last.as_ref().is_none_or(|(ls, _)| ls + 1 < si && (*who || si - ls > 3)) {
                carry = Some(m.clone());
            }
        }
        let frames = sentence_frames(&doc, lo, hi, carry.as_ref());
        subject = None;
        if frames.is_empty() {
            let indicative = doc.subject_and_verb(lo, hi).is_some_and(|(_, v)| !doc.konjunktiv_shape(v));
            if let Some(r) = doc.sentence_subject(lo, hi).filter(|_| indicative) {
                subject = Some((si, res.mention(&doc, r, last.as_ref().map(|(_, m)| m)), doc.speakerish(r)));
            }
        }
        let mut found_any = false;
        for f in frames {
            let speaker = match (f.speaker, &f.carried) {
                (Some(r), _) => Some(res.mention(&doc, r, carry.as_ref().or(last.as_ref().map(|(_, m)| m)))),
                (None, Some(m)) => Some(m.clone()),
                _ => None,
            };
            let via = f.via.map(|r| res.mention(&doc, r, None));
            let q = Quote {
                start: 0,
                end: 0,
                kind: f.kind,
                speaker,
                cue: f.cue.map(|c| doc.piece(c)),
                content: doc.piece(f.content),
                via,
            };
            out.push(q);
            found_any = true;
        }
        if found_any {
            if let Some(m) = out.iter().rev().find_map(|q| q.speaker.clone()) {
                let fresh = out.last().is_some_and(|q| q.content.end > doc.toks[lo].c0);
                // "Demnach" speaks for the source before it, which goes on
                let k = doc.toks.partition_point(|t| t.c0 < m.start);
                let adverb = m.end - m.start == doc.toks.get(k).map_or(0, |t| t.c1 - t.c0)
                    && doc.toks.get(k).is_some_and(|t| t.has(F::CONTINUATION));
                if fresh {
                    last = match (adverb, &carry) {
                        (true, Some(prev)) => Some((si, prev.clone())),
                        _ => Some((si, m)),
                    };
                }
            }
        }
    }
    for q in &mut out {
        let mut s = q.content.start;
        let mut e = q.content.end;
        for p in [&q.speaker.as_ref().map(|m| (m.start, m.end)), &q.cue.as_ref().map(|c| (c.start, c.end))]
            .into_iter()
            .flatten()
        {
            s = s.min(p.0);
            e = e.max(p.1);
        }
        if let Some(v) = &q.via {
            s = s.min(v.start);
            e = e.max(v.end);
        }
        q.start = s;
        q.end = e;
    }
    out.sort_by_key(|q| (q.start, q.content.start, q.end));
    out.dedup_by(|a, b| a.content == b.content && a.kind == b.kind);
    out
}

/// Finds the frames of the sentence `[lo, hi)`.
fn sentence_frames(d: &Doc<'_>, lo: usize, hi: usize, carry: Option<&Mention>) -> Vec<Frame> {
    let r = d.rules;
    let mut frames: Vec<Frame> = Vec::new();
    let full = match d.trim((lo, hi)) {
        Some(f) => f,
        None => return frames,
    };
    // the larger side of the sentence around a frame range
    let other_side = |a: usize, b: usize| -> Option<Range> {
        let left = d.trim((lo, a));
        let right = d.trim((b, hi));
        match (left, right) {
            (Some(l), Some(rr)) => Some(if d.words(l) >= d.words(rr) { l } else { rr }),
            (l, rr) => l.or(rr),
        }
    };
    let mut chain_src: Option<(Range, Range)> = None;
    for i in lo..hi {
        if !d.outside(i) || !d.toks[i].is_word() {
            continue;
        }
        if let Some(seq) = r.chain.iter().find(|s| d.seq_at(i, hi, s)) {
            let e = i + seq.len();
            let ce = d.clause_end(e, hi);
            if let Some(mut np) = d.np_right(e, ce).or_else(|| np_any(d, e, hi)) {
                // "eine Quelle aus dem ukrainischen Militär"
                if np.1 < ce && matches!(d.toks[np.1].lower.as_str(), "aus" | "im" | "in" | "of" | "from" | "within") {
                    if let Some(pp) = d.np_right(np.1 + 1, ce) {
                        np.1 = pp.1;
                    }
                }
                chain_src = Some((np, (i, e)));
                break;
            }
        }
    }
    let mut i = lo;
    while i < hi {
        if !d.outside(i) || !d.toks[i].is_word() {
            i += 1;
            continue;
        }
        let t = &d.toks[i];
        // chain markers: "unter Berufung auf Y", "citing Y"
        if let Some((np, m)) = chain_src.filter(|(_, m)| m.0 == i) {
            i = np.1.max(m.1);
            continue;
        }
        // "laut X", "according to X"
        if let Some(seq) = r.according_pre.iter().find(|s| d.seq_at(i, hi, s)) {
            let e = i + seq.len();
            let ce = d.clause_end(e, hi);
            if let Some(np) = d.np_right(e, ce).or_else(|| np_any(d, e, ce)) {
                let np = extend_apposition(d, np, hi);
                if let Some(c) = other_side(i, np.1) {
                    frames.push(Frame {
                        kind: QuoteKind::AccordingTo,
                        speaker: Some(np),
                        cue: Some((i, e)),
                        content: c,
                        class: None,
                        relay: false,
                        carried: None,
                        via: None,
                    });
                    i = np.1;
                    continue;
                }
            }
        }
        // "X zufolge"
        if t.has(F::ACCORDING_POST) {
            let cs = d.clause_start(i, lo);
            if let Some(np) = np_left_source(d, i, cs) {
                if let Some(c) = other_side(np.0, i + 1) {
                    frames.push(Frame {
                        kind: QuoteKind::AccordingTo,
                        speaker: Some(np),
                        cue: Some((i, i + 1)),
                        content: c,
                        class: None,
                        relay: false,
                        carried: None,
                        via: None,
                    });
                }
            }
            i += 1;
            continue;
        }
        // "nach Angaben von X", "nach südkoreanischen Geheimdienstangaben", "seinen Angaben nach"
        if t.has(F::SOURCE_PREP) {
            let mut k = i + 1;
            while k < hi
                && k < i + 4
                && d.toks[k].is_word()
                && !d.toks[k].has(F::SOURCE_NOUNS)
                && !d.toks[k].has(F::AUX | F::KONJUNKTIV | F::KONJUNKTIV2)
                && !d.is_verb(k)
            {
                k += 1;
            }
            if k < hi && d.toks[k].is_word() && d.toks[k].has(F::SOURCE_NOUNS) && d.toks[k].cap {
                let ce = d.clause_end(k + 1, hi);
                let mut j = k + 1;
                if j < ce && matches!(d.toks[j].lower.as_str(), "von" | "vom" | "aus") {
                    j += 1;
                }
                let gen = j > k + 1 || (j < ce && (d.toks[j].cap || r.genitive.contains(&d.toks[j].lower.as_str())));
                let np = if gen { d.np_right(j, ce) } else { None };
                let np = np.map(|np| extend_apposition(d, np, hi)).or_else(|| {
                    if k > i + 1 || d.toks[k].lower.len() > 8 {
                        Some((i + 1, k + 1))
                    } else {
                        None
                    }
                });
                if let Some(np) = np {
                    let fe = np.1.max(k + 1);
                    if let Some(c) = other_side(i, fe) {
                        frames.push(Frame {
                            kind: QuoteKind::AccordingTo,
                            speaker: Some(np),
                            cue: Some((i, k + 1)),
                            content: c,
                            class: None,
                            relay: false,
                            carried: None,
                            via: None,
                        });
                        i = fe;
                        continue;
                    }
                }
            }
            // postposition: "Seinen Angaben nach"
            let dative = |w: &str| r.oblique.contains(&w) || r.genitive.contains(&w) || r.pronouns.contains(&w);
            if i >= lo + 2 && d.toks[i - 1].has(F::SOURCE_NOUNS) && d.toks[i - 1].cap && dative(&d.toks[i - 2].lower) {
                let sp = (i - 2, i - 1);
                if let Some(c) = other_side(i - 2, i + 1) {
                    frames.push(Frame {
                        kind: QuoteKind::AccordingTo,
                        speaker: Some(sp),
                        cue: Some((i - 1, i + 1)),
                        content: c,
                        class: None,
                        relay: false,
                        carried: None,
                        via: None,
                    });
                }
            }
            i += 1;
            continue;
        }
        // "wie X berichtet," / "as X reported,"
        if t.has(F::AS_MARKERS) && (i == lo || d.sep(i - 1)) {
            let mut ce = d.clause_end_names(i + 1, hi);
            let mut verb = (i + 2..ce).find(|&k| d.is_verb(k));
            // "wie Anna Tal, Sprecherin des Vereins, mitteilte"
            if verb.is_none() && ce + 2 < hi && d.toks[ce].punct(",") {
                let e2 = d.clause_end_names(ce + 1, hi);
                if e2 + 1 < hi && e2 - ce <= 8 && d.toks[e2].punct(",") {
                    let e3 = d.clause_end_names(e2 + 1, hi);
                    if let Some(v) = (e2 + 1..e3.min(e2 + 4)).find(|&k| d.is_verb(k)) {
                        verb = Some(v);
                        ce = e3;
                    }
                }
            }
            if let Some(v) = verb {
                let stop = chain_src.map_or(v, |(_, m)| if m.0 > i && m.0 < v { m.0 } else { v });
                if let Some(np) = d.np_right(i + 1, stop).or_else(|| d.np_left(v, i + 1)) {
                    if let Some(c) = other_side(i, ce) {
                        let (vi, _) = d.lex.verb(&d.toks[v].lower).unwrap_or((0, false));
                        frames.push(Frame {
                            kind: QuoteKind::AccordingTo,
                            speaker: Some(np),
                            cue: Some((v, v + 1)),
                            content: c,
                            class: Some(r.verbs[vi].class),
                            relay: true,
                            carried: None,
                            via: None,
                        });
                        i = ce;
                        continue;
                    }
                }
            }
        }
        // "…, so X"
        if t.has(F::SO_MARKERS) && i > lo && (d.toks[i - 1].punct(",") || d.toks[i - 1].kind == Kind::Close) {
            let ce = d.clause_end(i + 1, hi);
            // "…, so X" or "…, so beschreibt (es) X"
            let after_verb = || {
                let mut k = i + 1;
                if k < ce && d.toks[k].kind == Kind::Word && !d.toks[k].cap && !d.toks[k].has(F::DETERMINERS) {
                    k += 1;
                    while k < ce && r.object_pronouns.contains(&d.toks[k].lower.as_str()) {
                        k += 1;
                    }
                    return d.subject_right(k, ce);
                }
                None
            };
            if let Some(np) = d.np_right(i + 1, ce).or_else(after_verb) {
                if let Some(c) = d.trim((lo, i)) {
                    frames.push(Frame {
                        kind: QuoteKind::Indirect,
                        speaker: Some(np),
                        cue: Some((i, i + 1)),
                        content: c,
                        class: Some(VClass::Say),
                        relay: false,
                        carried: None,
                        via: None,
                    });
                    i = ce;
                    continue;
                }
            }
        }
        // "heißt es", "reportedly"
        if let Some(seq) = r.hearsay.iter().find(|s| d.seq_at(i, hi, s)) {
            let e = i + seq.len();
            let ce = d.clause_end(e, hi);
            // "hieß es aus Yoons Büro", "in einer Mitteilung aus X"
            let mut sp = None;
            for k in e..ce {
                if r.hearsay_source.contains(&d.toks[k].lower.as_str()) {
                    sp = d.np_right(k + 1, ce).map(|np| extend_apposition(d, np, ce)).or(sp);
                }
            }
            // "In einer Erklärung des Ministeriums heißt es"
            let cs = d.clause_start(i, lo);
            // "In dem Bericht, der …, heißt es": the phrase may stand before a relative clause
            let opener = (lo < cs && r.hearsay_source.contains(&d.toks[lo].lower.as_str())).then_some(lo);
            let before = (cs..i)
                .find(|&k| r.hearsay_source.contains(&d.toks[k].lower.as_str()))
                .or(opener)
                .and_then(|k| d.np_right(k + 1, i).map(|np| extend_apposition(d, np, i)))
                .filter(|np| d.toks[np.0..np.1].iter().any(|t| t.cap));
            let (sp, c) = match (sp, before) {
                (None, Some(b)) => (Some(b), d.trim((e, hi))),
                (sp, _) => (sp, other_side(i, if sp.is_some() { ce } else { e })),
            };
            if let Some(c) = c {
                frames.push(Frame {
                    kind: QuoteKind::Indirect,
                    speaker: sp,
                    cue: Some((i, e)),
                    content: c,
                    class: Some(VClass::Say),
                    relay: false,
                    carried: None,
                    via: None,
                });
                i = e;
                continue;
            }
        }
        // "Demnach …": the previous source goes on
        if t.has(F::CONTINUATION) && i == lo && carry.is_some() {
            if let Some(c) = d.trim((i + 1, hi)) {
                // the adverb stands for the source, as a pronoun does
                frames.push(Frame {
                    kind: QuoteKind::AccordingTo,
                    speaker: Some((i, i + 1)),
                    cue: Some((i, i + 1)),
                    content: c,
                    class: None,
                    relay: false,
                    carried: None,
                    via: None,
                });
            }
            i += 1;
            continue;
        }
        // "Berichte, wonach …"
        if t.has(F::WHEREBY) {
            if let Some(c) = d.trim((i + 1, hi)) {
                let sp = d.np_left(i.saturating_sub(1).max(lo), lo).filter(|_| i > lo && d.toks[i - 1].punct(","));
                let sp = sp.or_else(|| d.np_left(i, lo));
                // "Ein Bericht der Agentur „X“, wonach …"
                let sp = sp.or_else(|| {
                    (i > lo && d.toks[i - 1].punct(","))
                        .then(|| d.np_right(d.clause_start_names(i - 1, lo), i - 1))
                        .flatten()
                        .filter(|np| d.toks[np.0].cap || d.toks[np.0].has(F::DETERMINERS))
                });
                frames.push(Frame {
                    kind: QuoteKind::Indirect,
                    speaker: sp,
                    cue: Some((i, i + 1)),
                    content: c,
                    class: Some(VClass::Say),
                    relay: false,
                    carried: None,
                    via: None,
                });
            }
            i += 1;
            continue;
        }
        if d.is_verb(i) {
            if let Some(f) = d.lex.verbs(&t.lower).iter().find_map(|&vp| verb_frame(d, vp, i, lo, hi, carry)) {
                let next = f.content.1.max(i + 1);
                let skip_to = if f.content.0 > i { f.content.0 } else { next };
                frames.push(f);
                i = skip_to.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    merge_frames(d, &mut frames, chain_src);
    // direct quotations
    let quotes: Vec<QuotePair> =
        d.pairs.iter().copied().filter(|p| p.open >= lo && p.close < hi && long_quote(d, p)).collect();
    let mut extra = Vec::new();
    for p in &quotes {
        let inner = (p.open + 1, p.close);
        let owner = frames.iter_mut().find(|f| f.content.0 <= p.open && p.close < f.content.1.max(p.close));
        match owner {
            Some(f) => {
                let rest = d.words(f.content) - d.words(inner);
                if rest <= 1 {
                    f.kind = QuoteKind::Direct;
                    f.content = inner;
                } else {
                    let mut g = f.clone();
                    g.kind = QuoteKind::Direct;
                    g.content = inner;
                    extra.push(g);
                }
            }
            None => {
                // a quotation next to a frame whose content is the other side ("X sagte: „…“" handled above);
                // otherwise the last source speaks on
                let mut near = frames.iter().find(|f| f.speaker.is_some() && f.kind != QuoteKind::AccordingTo).cloned();
                // "X: „…“"
                if near.is_none() && p.open > lo && d.toks[p.open - 1].punct(":") {
                    let cs = d.clause_start(p.open - 1, lo);
                    // the clause's subject, else its first phrase ("Der Trainer nach dem Spiel: „…“"),
                    // else the phrase before the colon
                    let np = d
                        .sentence_subject(lo, p.open - 1)
                        .or_else(|| if d.de && cs == lo { d.np_right(cs, p.open - 1) } else { None })
                        .filter(|np| np.1 > np.0 + 1 || !d.toks[np.0].has(F::FRONTED | F::SKIP | F::NP_STOP))
                        .or_else(|| d.np_left(p.open - 1, cs));
                    if let Some(np) = np {
                        near = Some(Frame {
                            kind: QuoteKind::Direct,
                            speaker: Some(np),
                            cue: None,
                            content: inner,
                            class: None,
                            relay: false,
                            carried: None,
                            via: None,
                        });
                    }
                }
                // a quotation inside a sentence without a frame: the sentence's subject
                // ("Die Ministerin verteidigte den Plan als „…“", "X erläutert es so: „…“")
                let first_clause = d.clause_end(lo, p.open);
                if near.is_none() && p.open > lo && !reportive(d, lo, first_clause, carry.is_some()) {
                    let indicative = d.subject_and_verb(lo, hi).is_some_and(|(_, v)| !d.konjunktiv_shape(v));
                    if let Some(np) = d.sentence_subject(lo, hi).filter(|s| s.1 <= p.open && indicative) {
                        near = Some(Frame {
                            kind: QuoteKind::Direct,
                            speaker: Some(np),
                            cue: None,
                            content: inner,
                            class: None,
                            relay: false,
                            carried: None,
                            via: None,
                        });
                    }
                }
                let mut g = near.unwrap_or(Frame {
                    kind: QuoteKind::Direct,
                    speaker: None,
                    cue: None,
                    content: inner,
                    class: None,
                    relay: false,
                    carried: carry.cloned(),
                    via: None,
                });
                g.kind = QuoteKind::Direct;
                g.content = inner;
                extra.push(g);
            }
        }
    }
    frames.extend(extra);
    if frames.is_empty() && d.de {
        if let Some(f) = clause_frame(d, lo, hi) {
            frames.push(f);
        }
    }
    if frames.is_empty() && d.de {
        if let Some(f) = subject_frame(d, lo, hi) {
            frames.push(f);
        }
    }
    if frames.is_empty() && d.de {
        if let Some(f) = free_indirect(d, lo, hi, full, carry) {
            frames.push(f);
        }
    }
    frames
}

/// Any phrase of words from `i` to the clause end (at most 8 words): a fallback source phrase.
fn np_any(d: &Doc<'_>, i: usize, hi: usize) -> Option<Range> {
    let mut j = i;
    while j < hi && j < i + 8 && d.toks[j].is_word() && !d.toks[j].has(F::THAT) {
        j += 1;
    }
    (j > i).then_some((i, j))
}

/// "Kyrylo Budanov" in "des Chefs des Militärgeheimdienstes, Kyrylo Budanov," and "John Kirby, Sprecher …":
/// a source phrase followed by a comma and a name or role takes it along.
fn extend_apposition(d: &Doc<'_>, np: Range, hi: usize) -> Range {
    let mut e = np.1;
    // genitive continuation "des Chefs des ukrainischen Militärgeheimdienstes"
    while e < hi && d.de && matches!(d.toks[e].lower.as_str(), "des" | "der") {
        match d.np_right(e, d.clause_end(e, hi)) {
            Some(n) if n.1 > e => e = n.1,
            _ => break,
        }
    }
    if e + 1 < hi && d.toks[e].punct(",") && d.toks[e + 1].cap && d.toks[e + 1].is_word() {
        let ce = d.clause_end(e + 1, hi);
        if ce - (e + 1) <= 4 && ce < hi && d.toks[ce].punct(",") {
            return (np.0, ce);
        }
    }
    (np.0, e)
}

/// The source phrase before "zufolge": back to the clause start, a preposition or a determiner.
fn np_left_source(d: &Doc<'_>, i: usize, cs: usize) -> Option<Range> {
    let mut s = i;
    while s > cs && i - s < 6 {
        let t = &d.toks[s - 1];
        if !t.is_word() {
            break;
        }
        if t.has(F::DETERMINERS) {
            s -= 1;
            break;
        }
        if !t.cap && t.has(F::NP_STOP) {
            break;
        }
        s -= 1;
    }
    (s < i).then_some((s, i))
}

/// A reporting verb at the end of a subordinate clause, its subject right after the subordinator and the
/// content after it: "…, indem er sagte, …", "nachdem die Zeitung berichtet hatte, dass …".
fn subordinate_frame(d: &Doc<'_>, scs: usize, v: usize, cue_end: usize, hi: usize, class: VClass) -> Option<Frame> {
    if class == VClass::Report {
        return None;
    }
    let speaker = d.np_right(scs + 1, v)?;
    let mut k = cue_end;
    while k < hi && d.toks[k].is_word() && d.toks[k].has(F::AUX) {
        k += 1;
    }
    if speaker.1 + 4 < v || k >= hi || !d.toks[k].punct(",:") {
        return None;
    }
    let content = d.trim((k + 1, hi))?;
    (d.words(content) >= 3).then_some(Frame {
        kind: QuoteKind::Indirect,
        speaker: Some(speaker),
        cue: Some((v, cue_end)),
        content,
        class: Some(class),
        relay: false,
        carried: None,
        via: None,
    })
}

/// A subject the phrase reader cannot parse, with a participle inside ("der für die Region zuständige
/// Koordinator", "die das Unglück überlebende Frau"): from a nominative determiner to the clause end.
fn long_subject(d: &Doc<'_>, i: usize, ce: usize) -> Option<Range> {
    let t = d.toks.get(i)?;
    let det = t.has(F::DETERMINERS) && !d.rules.oblique.contains(&t.lower.as_str()) && !t.has(F::PRONOUNS);
    let end = ce.min(i + 12);
    (det && end > i + 2 && ce <= i + 12 && (i + 1..end).any(|k| d.toks[k].cap && d.toks[k].is_word()))
        .then_some((i, end))
}

/// Does the sentence open with a phrase and its apposition up to `cs` ("Die Sprecherin der Grünen, Anna
/// Tal, kritisierte …"): two comma-separated segments without a verb, the second short with a name or role?
fn apposition_opening(d: &Doc<'_>, lo: usize, cs: usize) -> bool {
    if cs < lo + 4 || !d.toks[cs - 1].punct(",") {
        return false;
    }
    let commas: Vec<usize> = (lo..cs - 1).filter(|&k| d.toks[k].punct(",")).collect();
    let [c] = commas[..] else { return false };
    let first = (lo, c);
    let second = (c + 1, cs - 1);
    let verbless = |(a, b): Range| {
        (a..b).all(|k| {
            let t = &d.toks[k];
            !(t.is_word() && (d.is_verb(k) || t.has(F::AUX | F::KONJUNKTIV | F::KONJUNKTIV2 | F::THAT)))
                && t.kind != Kind::Open
        })
    };
    let opens =
        d.toks[lo].is_word() && (d.toks[lo].cap || d.toks[lo].has(F::DETERMINERS)) && !d.toks[lo].has(F::FRONTED);
    opens
        && second.1 > second.0
        && second.1 - second.0 <= 8
        && verbless(first)
        && verbless(second)
        && (second.0..second.1).any(|k| d.toks[k].cap)
}

/// A reporting verb at `v`: its subject, its content and its kind.
fn verb_frame(
    d: &Doc<'_>,
    (vi, part): (usize, bool),
    v: usize,
    lo: usize,
    hi: usize,
    carry: Option<&Mention>,
) -> Option<Frame> {
    let r = d.rules;
    let verb = &r.verbs[vi];
    let ce = d.clause_end(v + 1, hi);
    let mut cue_end = v + 1;
    // separable particle in the same clause: "teilte … mit"
    if let (Some(p), false) = (verb.particle, part) {
        let k = (v + 1..ce).find(|&k| d.toks[k].lower == p)?;
        cue_end = k + 1;
    }
    let mut f = v;
    let clause_final = v + 1 >= hi || d.sep(v + 1) || d.toks[v + 1].punct(".!?");
    let part = part
        || (d.de && clause_final && (d.clause_start_names(v, lo)..v).any(|k| d.toks[k].has(F::AUX) && !d.toks[k].cap));
    let scs = d.clause_start_names(v, lo);
    if d.de && d.toks[scs].has(F::SUBORDINATORS) {
        return subordinate_frame(d, scs, v, cue_end, hi, verb.class);
    }
    if part || (d.de && d.toks[v].has(F::AUX)) {
        // the finite auxiliary before the participle
        let cs = d.clause_start_names(v, lo);
        f = (cs..v).rev().find(|&k| d.toks[k].has(F::AUX))?;
    } else if !d.de && v > lo && d.toks[v - 1].has(F::AUX) {
        f = v - 1;
    }
    let cs = d.clause_start_names(f, lo);
    // a German finite verb comes second: first (inverted after a comma or quotation) or after the Vorfeld
    // "Anna Tal, Sprecherin des Vereins, kritisierte die Pläne" is not inverted: the subject with its
    // apposition opens the sentence and ends at this verb
    let opens_with_subject = d.de
        && f == cs
        && (d.subject_and_verb(lo, hi).is_some_and(|(s, k)| k == f && s.0 == lo) || apposition_opening(d, lo, cs));
    let inverted = (f == cs
        && !opens_with_subject
        && d.subject_right(cue_end.max(f + 1), ce).or_else(|| d.subject_right(f + 1, ce)).is_some())
        || (!d.de && cs > lo && d.toks[cs - 1].punct(",") && {
            // English "…, said the official" or "“…,” he said"
            d.np_left(f, cs).is_none_or(|np| np.0 == cs) && f > cs && cs + 4 >= f
        });
    let class = verb.class;
    if inverted && cs > lo {
        // content before: a quotation or the preceding clause(s)
        let speaker = if f == cs {
            d.subject_right(cue_end.max(f + 1), ce).or_else(|| d.subject_right(f + 1, ce))
        } else {
            d.np_left(f, cs)
        };
        let content = d.trim((lo, cs))?;
        let speaker = speaker.or(if !d.de && f > cs { Some((cs, f)) } else { None });
        return Some(Frame {
            kind: QuoteKind::Indirect,
            speaker,
            cue: Some((v, cue_end)),
            content,
            class: Some(class),
            relay: false,
            carried: if speaker.is_none() { carry.cloned() } else { None },
            via: None,
        });
    }
    // the subject
    let mut speaker = None;
    if d.de {
        let mut a = cs;
        while a < f && d.toks[a].is_word() && d.toks[a].has(F::SKIP) && !d.toks[a].has(F::PRONOUNS) {
            a += 1;
        }
        let lower = d.toks[a].lower.as_str();
        // the agent of a passive: "X wurde von der Agentur mit den Worten zitiert"
        let passive = (cs..v).any(|k| r.passive_aux.contains(&d.toks[k].lower.as_str()));
        let agent = if passive {
            (cs..v)
                .filter(|&k| r.agent.contains(&d.toks[k].lower.as_str()))
                .find_map(|k| d.np_right(k + 1, v).filter(|np| d.toks[np.0..np.1].iter().any(|t| t.cap)))
        } else {
            None
        };
        let pronoun_after =
            (f + 1 < ce && r.nominative.contains(&d.toks[f + 1].lower.as_str())).then_some((f + 1, f + 2));
        if agent.is_some() {
            speaker = agent;
        } else if a + 1 == f && r.demonstratives.contains(&lower) {
            // "Diese glaubten, …"
            speaker = Some((a, f));
        } else if a < f && pronoun_after.is_some() {
            // "Deren Haltung nannte er …", "2008 erklärte er …"
            speaker = pronoun_after;
        } else if a == f && f == cs && cs > lo {
            // "X, apposition, sagte, dass …": the subject is at the sentence start
            speaker = match d.subject_and_verb(lo, hi) {
                Some((s, _)) if s.1 < cs => Some(s),
                _ => d
                    .np_right(lo, cs)
                    .map(|np| extend_apposition(d, np, cs + 1))
                    .or_else(|| long_subject(d, lo, d.clause_end(lo, cs))),
            };
        } else if a + 1 == f && r.coordinators.contains(&lower) {
            // "X erklärte …, und verglich …": the subject of the first conjunct
            speaker = d.sentence_subject(lo, hi).filter(|s| s.1 <= a);
        } else if a == f
            || d.toks[a].has(F::FRONTED)
            || d.toks[a].has(F::AS_MARKERS)
            || r.oblique.contains(&lower)
            || (a + 1 == f && d.toks[a].kind == Kind::Num)
            || (matches!(lower, "der") && f > a + 2 && !d.toks[a + 1].cap && d.toks[a + 1].lower.ends_with("en"))
            || ((a + 1 == f || (d.toks[a + 1].has(F::FRONTED) && !d.toks[a + 1].cap))
                && r.adverb_suffixes.iter().any(|x| lower.len() > x.len() + 2 && lower.ends_with(x)))
            || (cs..f).any(|k| d.toks[k].has(F::ACCORDING_POST) || d.toks[k].has(F::SOURCE_NOUNS))
        {
            speaker = d.subject_right(f + 1, ce).or_else(|| long_subject(d, f + 1, ce));
            if speaker.is_none() && r.agent.contains(&lower) && (a + 1..f).any(|k| d.toks[k].cap) {
                speaker = Some((a, f));
            }
        } else if f - a <= 10 {
            speaker = Some((a, f));
        } else {
            speaker = d.np_left(f, a);
        }
    } else if f == cs && cs > lo {
        // "The agency, citing officials, reported that …"
        speaker = d.np_right(lo, d.clause_end(lo, hi));
    } else if let Some(np) = d.np_left(f, cs) {
        speaker = Some(np);
    } else if cs > lo {
        // "X, a spokesman, said" — look before the apposition
        speaker = d.np_left(cs - 1, d.clause_start(cs - 1, lo));
    }
    // where the content starts
    let after = cue_end.max(if let Some(sp) = speaker {
        if sp.0 > f {
            sp.1
        } else {
            v + 1
        }
    } else {
        v + 1
    });
    let mut k = after;
    // skip the addressee of "told X"/"sagte dem Botschafter" up to a separator or "dass"/"that"
    while k < hi && !d.sep(k) && !d.toks[k].has(F::THAT) && (d.de || k < after + 6) {
        k += 1;
    }
    let content;
    let kind;
    if k < hi && (d.sep(k) || d.toks[k].has(F::THAT)) && !d.toks[k].punct(")") {
        let start = if d.toks[k].kind == Kind::Open { k } else { k + 1 };
        let start = if d.toks[k].has(F::THAT) { k + 1 } else { start };
        content = d.trim((start, hi))?;
        if (content.0..content.1).filter(|&j| d.toks[j].kind == Kind::Word).count() < 2 {
            return None;
        }
        kind = QuoteKind::Indirect;
    } else if class == VClass::Report || (!d.de && class != VClass::News) {
        let mut end = hi;
        if cue_end > v + 1 {
            end = cue_end - 1;
        }
        let start = after.min(end);
        content = d.trim((start, end)).or_else(|| d.trim((after, hi)))?;
        kind = if class == VClass::Report { QuoteKind::Reported } else { QuoteKind::Indirect };
    } else {
        return None;
    }
    if speaker.is_none() && carry.is_none() && kind == QuoteKind::Reported {
        return None;
    }
    Some(Frame {
        kind,
        speaker,
        cue: Some((v, cue_end)),
        content,
        class: Some(class),
        relay: false,
        carried: if speaker.is_none() { carry.cloned() } else { None },
        via: None,
    })
}

/// Frames sharing a sentence: an "according to" source and a verb frame make a chain; a chain marker
/// makes its phrase the speaker and the frame's subject the relay.
fn merge_frames(d: &Doc<'_>, frames: &mut Vec<Frame>, chain: Option<(Range, Range)>) {
    if frames.len() >= 2 {
        let acc = frames.iter().position(|f| f.kind == QuoteKind::AccordingTo && !f.relay && f.speaker.is_some());
        let verb = frames
            .iter()
            .position(|f| f.relay || (f.class.is_some() && f.speaker.is_some() && f.kind != QuoteKind::AccordingTo));
        if let (Some(a), Some(v)) = (acc, verb) {
            // two claims in clauses side by side ("Nach Angaben der Feuerwehr waren es 120, die Behörde
            // bezifferte die Zahl auf 150") stay two; a source and a verb in one clause ("Dem Ministerium
            // zufolge sagte Kim") or a relay ("…, wie X berichtete") make a chain
            let relay = frames[v].relay || frames[v].class == Some(VClass::News);
            let ends = |f: &Frame| f.speaker.map_or(0, |s| s.1).max(f.cue.map_or(0, |c| c.1));
            let starts = |f: &Frame| f.speaker.map_or(usize::MAX, |s| s.0).min(f.cue.map_or(usize::MAX, |c| c.0));
            let (first, second) = if starts(&frames[a]) < starts(&frames[v]) { (a, v) } else { (v, a) };
            let gap = ends(&frames[first])..starts(&frames[second]).min(d.toks.len());
            let comma = gap.rev().find(|&k| d.sep(k) && d.toks[k].punct(","));
            if let (Some(k), false) = (comma, relay) {
                // the first claim ends where the second clause begins
                let c = frames[first].content;
                if c.0 < k && k < c.1 {
                    frames[first].content = d.trim((c.0, k)).unwrap_or(c);
                }
            } else if a != v {
                let (fa, fv) = (frames[a].clone(), frames[v].clone());
                let merged = if relay {
                    // "nach Angaben von Y, wie X berichtete": Y speaks, X relays
                    Frame { via: fv.speaker, ..fa.clone() }
                } else {
                    // "Dem Ministerium zufolge sagte Kim, …": Kim speaks, the ministry relays
                    Frame { via: fa.speaker, ..fv.clone() }
                };
                let (x, y) = if a < v { (a, v) } else { (v, a) };
                frames.remove(y);
                frames[x] = merged;
            }
        }
    }
    if let Some((src, marker)) = chain {
        if let Some(f) = frames.iter_mut().find(|f| f.speaker.is_some_and(|s| s != src)) {
            let via = f.speaker;
            f.speaker = Some(src);
            f.via = via;
            if f.cue.is_none() {
                f.cue = Some(marker);
            }
        }
    }
}

/// Without a frame: Konjunktiv or reportative "soll … haben" continues the last source.
fn free_indirect(d: &Doc<'_>, lo: usize, hi: usize, full: Range, carry: Option<&Mention>) -> Option<Frame> {
    reportive(d, lo, hi, carry.is_some()).then(|| Frame {
        kind: QuoteKind::FreeIndirect,
        speaker: None,
        cue: None,
        content: full,
        class: None,
        relay: false,
        carried: carry.cloned(),
        via: None,
    })
}

/// A main clause in the indicative with an unlisted verb, followed by a clause in the Konjunktiv: "Kritiker
/// werfen ihr vor, sie habe …", "Unterdessen erzählte ein Zeuge, die Männer hätten …". The main clause's
/// subject speaks.
fn subject_frame(d: &Doc<'_>, lo: usize, hi: usize) -> Option<Frame> {
    let (subject, verb) = d.subject_and_verb(lo, hi)?;
    let k = d.clause_end(verb.max(subject.1), hi);
    if k >= hi || !d.toks[k].punct(",:") || reportive(d, verb, k, true) || d.konjunktiv_shape(verb) {
        return None;
    }
    if !reportive(d, k + 1, hi, true) {
        return None;
    }
    let content = d.trim((k + 1, hi))?;
    Some(Frame {
        kind: QuoteKind::Indirect,
        speaker: Some(subject),
        cue: Some((verb, verb + 1)),
        content,
        class: Some(VClass::Say),
        relay: false,
        carried: None,
        via: None,
    })
}

/// Does the sentence `[lo, hi)` report speech by its mood: Konjunktiv I (or II, when `attributed`) or
/// reportative "soll … haben"?
fn reportive(d: &Doc<'_>, lo: usize, hi: usize, attributed: bool) -> bool {
    for k in lo..hi {
        let t = &d.toks[k];
        if !d.outside(k) || !t.is_word() || t.cap && k != lo {
            continue;
        }
        if t.has(F::KONJUNKTIV) || (attributed && t.has(F::KONJUNKTIV2)) {
            return true;
        }
        if t.has(F::REPORTATIVE) {
            let ce = d.clause_end(k + 1, hi);
            if (k + 1..ce).any(|j| d.toks[j].has(F::REPORTATIVE_INF)) {
                return true;
            }
        }
    }
    false
}

/// A main clause with an unlisted verb and a "dass" or Konjunktiv clause after the comma: "Die Schweiz
/// zeigte sich zuversichtlich, dass … habe". The subject is the phrase the sentence opens with.
fn clause_frame(d: &Doc<'_>, lo: usize, hi: usize) -> Option<Frame> {
    let k = (lo..hi).find(|&k| d.outside(k) && d.toks[k].punct(",:"))?;
    if k < lo + 3 {
        return None;
    }
    let ce = d.clause_end(k + 1, hi);
    let that = d.toks[k + 1..hi].first()?.has(F::THAT);
    let kon = (k + 1..ce).any(|j| d.toks[j].is_word() && !d.toks[j].cap && d.toks[j].has(F::KONJUNKTIV));
    if !(that && (k + 1..hi).any(|j| d.toks[j].has(F::KONJUNKTIV) || d.toks[j].has(F::KONJUNKTIV2)) || kon) {
        return None;
    }
    // the main clause has a finite verb: some lower-case word that is not a determiner
    let first = &d.toks[lo];
    if !first.is_word() || first.has(F::FRONTED) || first.has(F::THAT) || first.has(F::AS_MARKERS) {
        return None;
    }
    if (lo..k).any(|j| d.toks[j].has(F::KONJUNKTIV)) {
        return None;
    }
    let speaker = d.np_right(lo, k)?;
    // "Die Vorstellung erfolge, sobald …" is itself reported speech
    if speaker.1 < k && d.konjunktiv_shape(speaker.1) {
        return None;
    }
    let content = d.trim((k + 1, hi))?;
    Some(Frame {
        kind: QuoteKind::Indirect,
        speaker: Some(speaker),
        cue: None,
        content,
        class: Some(VClass::Say),
        relay: false,
        carried: None,
        via: None,
    })
}
