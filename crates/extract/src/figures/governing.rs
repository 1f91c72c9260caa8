//! What an amount is the amount of when no counted noun follows it: "ein Schaden von 3 Millionen Euro",
//! "a depth of about 30 kilometres", "beläuft sich die Investition auf 4,1 Milliarden Euro".

use super::{Cx, Noun};
use lagebild_core::Lang;
use lagebild_text::lemma;

/// How far (tokens) an amount verb may stand before the figure.
const VERB_REACH: usize = 12;

impl Cx<'_> {
    /// The noun governing the figure whose first token is `start`, if the sentence shows one.
    pub(super) fn governing_noun(&self, start: usize) -> Option<Noun> {
        // "Schaden von …", "depth of …"
        if start >= 2 && self.in_list(start - 1, self.r.of_words) {
            if let Some(n) = self.noun_at(start - 2) {
                return Some(n);
            }
        }
        let mut v = None;
        let mut k = start;
        while k > 0 && !self.sentence_initial(k) && start - k < VERB_REACH {
            k -= 1;
            if self.in_list(k, self.r.amount_verbs) {
                v = Some(k);
                break;
            }
        }
        let v = v?;
        // subject right after the verb (and "sich"): "beläuft sich der Schaden auf …"
        if let Some(n) = (v + 1..(v + 3).min(start)).find_map(|a| self.subject_at(a)).filter(|n| n.last < start) {
            return Some(n);
        }
        // subject before it: "Der Wert der Lieferung liegt bei …"
        let mut s = v;
        while s > 0 && !self.sentence_initial(s) {
            s -= 1;
        }
        (s..v).find_map(|a| self.subject_at(a)).filter(|n| n.last < v)
    }

    /// "der [Adjektive] Noun" opening at `a`.
    fn subject_at(&self, a: usize) -> Option<Noun> {
        if !self.in_list(a, self.r.subject_articles) {
            return None;
        }
        let mut k = a + 1;
        while self.lang == Lang::De && k < a + 3 && self.is_adjective_de(k) {
            k += 1;
        }
        self.noun_at(k)
    }

    fn noun_at(&self, k: usize) -> Option<Noun> {
        let x = self.tok(k)?;
        if !x.is_word()
            || self.r.stopwords.contains(&x.lower.as_str())
            || self.r.amount_verbs.contains(&x.lower.as_str())
        {
            return None;
        }
        let lemma = match self.lang {
            Lang::De => x.is_capitalized().then(|| lemma::de_noun(&x.text))?,
            Lang::En => (!x.is_capitalized()).then(|| lemma::en_noun(&x.text))?,
        };
        Some(Noun { first: k, last: k, lemma })
    }
}
