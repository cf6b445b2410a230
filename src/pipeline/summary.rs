//! What a load keeps beside the store it wrote (see [`crate::store::kept`]), so that no reader
//! scans the whole store again: the name index (`find`, a name typed as a query's parameter,
//! the server's search), the answers of the listings (`people`, `tenures`, the counts of
//! `stats`) and the counts `stats` prints above them (articles, quads, the network's shape).

use crate::error::Result;
use crate::query::kept::{Answers, AFTER_EVERY_INGEST, KEPT};
use crate::query::search::Index;
use crate::store::{kept, Store};
use std::path::Path;

/// The kept file of the counts, and the version of its format.
const COUNTS: &str = "counts";
const VERSION: u32 = 1;

/// What `stats` prints above the counts by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub articles: usize,
    pub quads: usize,
    /// People, bodies and events of the network, the links between them, its connected
    /// components (see [`crate::export::graph::shape`]).
    pub nodes: usize,
    pub links: usize,
    pub components: usize,
}

impl Counts {
    /// Counts by scanning the store: every quad (85 s at 100,000 articles on a store not
    /// compacted), on a thread of its own beside the network.
    pub fn compute(store: &Store) -> Result<Counts> {
        let (quads, net) = std::thread::scope(|s| {
            let quads = s.spawn(|| store.len());
            let net = crate::export::graph::shape(store);
            (
                quads.join().expect("the thread counting quads panicked"),
                net,
            )
        });
        let (quads, net) = (quads?, net?);
        Ok(Counts {
            articles: store.articles()?,
            quads,
            nodes: net.nodes,
            links: net.links,
            components: net.components,
        })
    }

    /// The counts kept beside the store for the state this handle opened, if there are (never
    /// computed: the page's header asks for them on every load).
    pub fn kept(store: &Store) -> Option<Counts> {
        kept::read(store.path(), COUNTS, VERSION, store.stamp()).and_then(|b| Counts::parse(&b))
    }

    /// The counts of the store: kept beside it for the state this handle opened, else computed
    /// (and kept for the next reader, where the store's folder can be written).
    pub fn open(store: &Store) -> Result<Counts> {
        if let Some(c) = Counts::kept(store) {
            return Ok(c);
        }
        let c = Counts::compute(store)?;
        kept::write_if_current(store.path(), COUNTS, VERSION, store.stamp(), |w| {
            w.write_all(c.body().as_bytes())
        });
        Ok(c)
    }

    fn body(&self) -> String {
        format!(
            "articles {}\nquads {}\nnodes {}\nlinks {}\ncomponents {}\n",
            self.articles, self.quads, self.nodes, self.links, self.components
        )
    }

    fn parse(body: &str) -> Option<Counts> {
        let mut values = body.lines().map(|l| l.split_once(' '));
        let mut next = |key: &str| -> Option<usize> {
            let (k, v) = values.next()??;
            (k == key).then(|| v.parse().ok())?
        };
        let c = Counts {
            articles: next("articles")?,
            quads: next("quads")?,
            nodes: next("nodes")?,
            links: next("links")?,
            components: next("components")?,
        };
        values.next().is_none().then_some(c)
    }
}

/// Everything a load keeps beside the store.
pub struct Kept {
    pub index: Index,
    pub answers: Answers,
    pub counts: Counts,
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept")
            .field("names", &self.index.len())
            .field("counts", &self.counts)
            .finish_non_exhaustive()
    }
}

impl Kept {
    /// Reads what is kept from the store as the load left it: the name index by `index` (brought
    /// up to date, or built), the rest by scanning, on three threads; after a load into a store
    /// that had articles (`all` false), the listings of [`AFTER_EVERY_INGEST`] only.
    pub fn compute(
        store: &Store,
        all: bool,
        index: impl FnOnce() -> Result<Index> + Send,
    ) -> Result<Kept> {
        let names: &[&'static str] = if all { &KEPT } else { &AFTER_EVERY_INGEST };
        let (index, answers, counts) = std::thread::scope(|s| {
            let index = s.spawn(index);
            let answers = s.spawn(|| Answers::compute(store, names));
            let counts = Counts::compute(store);
            (
                index.join().expect("the thread of the name index panicked"),
                answers.join().expect("the thread of the listings panicked"),
                counts,
            )
        });
        Ok(Kept {
            index: index?,
            answers: answers?,
            counts: counts?,
        })
    }

    /// Writes what is kept beside the store at `path`, for the store as it is now: by the
    /// process that wrote the store, once it has closed it (RocksDB may write as it closes).
    pub fn save(&self, path: &Path) -> Result<()> {
        self.index.save(path)?;
        self.answers.save(path)?;
        let stamp = kept::stamp(path);
        kept::write(path, COUNTS, VERSION, &stamp, |w| {
            w.write_all(self.counts.body().as_bytes())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_back_and_a_cut_file_is_none() {
        let c = Counts {
            articles: 5,
            quads: 6_544_620,
            nodes: 7,
            links: 8,
            components: 9,
        };
        assert_eq!(Counts::parse(&c.body()), Some(c));
        let body = c.body();
        assert_eq!(Counts::parse(&body[..body.len() - 14]), None);
        assert_eq!(Counts::parse(&format!("{body}more 1\n")), None);
    }
}
