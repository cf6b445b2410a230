//! The compaction of a closed store: its last level in LZ4, its indexes two at a time.
//!
//! oxigraph's `Store::optimize` compacts its RocksDB column families (the quad indexes, the graph
//! names, the string table) one after the other, with RocksDB's options as oxigraph set them,
//! which leave the level a full compaction writes to uncompressed. Here the store is opened by
//! RocksDB itself, with the options oxigraph wrote into the store's `OPTIONS` file (so the files
//! are written as oxigraph writes them: same table format and prefix extractors), the last level
//! in LZ4, and the column families are compacted by `threads` workers, the largest first (opened
//! with hundreds of files in level 0, RocksDB starts compacting them itself, `threads + 1` at a
//! time, each split between `threads` subcompactions: the workers' manual compactions wait for
//! those and find little left; the key order of what is written is not checked again). On the
//! same 100,000-article store, one run each: 6.8 GB in 81.0 s, against 13 GB in 89.7 s by
//! `optimize` (RocksDB already spreads that over both cores: 180% CPU); at 20,000 articles
//! 1.4 GB against 2.5 GB in the same 15-17 s. A full scan reads LZ4 blocks 14-20% slower.
//!
//! The store must not be open elsewhere: RocksDB's lock refuses a second opener, and the error
//! says so.

use crate::error::{Error, Result};
use oxrocksdb_sys::*;
use std::ffi::{c_char, CStr, CString};
use std::path::Path;
use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Compacts every column family of the RocksDB database at `path` with up to `threads`
/// compactions at once.
pub fn compact(path: &Path, threads: usize) -> Result<()> {
    let threads = threads.max(1);
    let c_path =
        CString::new(path.as_os_str().as_encoded_bytes()).map_err(|_| Error::StoreOpen {
            path: path.into(),
            message: "the path contains a NUL byte".into(),
        })?;
    // SAFETY: every pointer handed to RocksDB below is either one it returned (checked for
    // errors first) or a live CString; all are released once, after the last use, on every path.
    unsafe {
        let env = rocksdb_create_default_env();
        // The LOW pool runs compactions; one thread more than workers for the subcompactions.
        rocksdb_env_set_background_threads(env, c_int(threads + 1));
        let mut options = ptr::null_mut();
        let mut count = 0usize;
        let mut names = ptr::null_mut();
        let mut cf_options = ptr::null_mut();
        let mut err = ptr::null_mut();
        rocksdb_load_latest_options(
            c_path.as_ptr(),
            env,
            false,
            ptr::null_mut(),
            &mut options,
            &mut count,
            &mut names,
            &mut cf_options,
            &mut err,
        );
        if let Some(message) = take_error(err) {
            rocksdb_env_destroy(env);
            return Err(Error::StoreOpen {
                path: path.into(),
                message: format!("reading its OPTIONS file: {message}"),
            });
        }
        rocksdb_options_set_env(options, env);
        // oxigraph's options leave the first level below L0 uncompressed (RocksDB's
        // `optimize_level_style_compaction`), and with dynamic level sizes that is the level a
        // full compaction writes everything to. LZ4 there, as on the levels below.
        for i in 0..count {
            rocksdb_options_set_bottommost_compression(
                *cf_options.add(i),
                rocksdb_lz4_compression as i32,
            );
        }
        rocksdb_options_set_max_background_jobs(options, c_int(threads + 2));
        // Opened with hundreds of files in level 0, RocksDB starts compacting each column family
        // on its own before `run` asks: those compactions are the ones that run, with the
        // database's limit of subcompactions (1 in oxigraph's options), so that the last of them
        // ran on one core. With `threads`, each splits its key range between threads.
        rocksdb_options_set_max_subcompactions(options, threads.try_into().unwrap_or(u32::MAX));
        // The files written handed to the disk a mebibyte at a time as they grow, so that each
        // one's sync at its end waits for little (the compaction's cores sat in I/O wait there).
        rocksdb_options_set_bytes_per_sync(options, 1 << 20);
        // RocksDB checks that each key a compaction writes comes after the one before
        // (`OutputValidator::Add`, 1.6% of the compaction's samples in a perf profile); the keys
        // come from files it has already checked, merged in order. Set on a copy of each column
        // family's options (the C API has no setter).
        let unchecked: Vec<*mut rocksdb_options_t> = (0..count)
            .map(|i| {
                let copy = rocksdb_options_create();
                let mut err = ptr::null_mut();
                rocksdb_get_options_from_string(
                    *cf_options.add(i),
                    c"check_flush_compaction_key_order=false".as_ptr(),
                    copy,
                    &mut err,
                );
                // On an error (an option RocksDB no longer knows), the options as they were.
                if take_error(err).is_some() {
                    rocksdb_options_destroy(copy);
                    rocksdb_options_create_copy(*cf_options.add(i))
                } else {
                    copy
                }
            })
            .collect();
        let mut handles = vec![ptr::null_mut(); count];
        let db = rocksdb_open_column_families(
            options,
            c_path.as_ptr(),
            c_int(count),
            names as *const *const c_char,
            unchecked.as_ptr() as *const *const rocksdb_options_t,
            handles.as_mut_ptr(),
            &mut err,
        );
        let opened = take_error(err);
        let result = match opened {
            Some(message) => Err(Error::store_open(path, message)),
            None => {
                run(db, &handles, threads);
                for h in &handles {
                    rocksdb_column_family_handle_destroy(*h);
                }
                rocksdb_close(db);
                Ok(())
            }
        };
        for copy in unchecked {
            rocksdb_options_destroy(copy);
        }
        rocksdb_load_latest_options_destroy(options, names, cf_options, count);
        rocksdb_env_destroy(env);
        result
    }
}

/// The column families of an open database compacted by `threads` workers, largest first.
unsafe fn run(db: *mut rocksdb_t, handles: &[*mut rocksdb_column_family_handle_t], threads: usize) {
    struct Shared(*mut rocksdb_t, Vec<*mut rocksdb_column_family_handle_t>);
    // SAFETY: RocksDB's DB and column family handles are thread-safe for compact_range.
    unsafe impl Sync for Shared {}
    let mut order: Vec<(u64, *mut rocksdb_column_family_handle_t)> = handles
        .iter()
        .map(|&h| (unsafe { sst_size(db, h) }, h))
        .collect();
    order.sort_by_key(|&(size, _)| std::cmp::Reverse(size));
    let shared = Shared(db, order.into_iter().map(|(_, h)| h).collect());
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads.min(shared.1.len()) {
            s.spawn(|| {
                let shared = &shared;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&cf) = shared.1.get(i) else { break };
                    // SAFETY: see `Shared`; the options object is this thread's own.
                    unsafe {
                        let options = rocksdb_compactoptions_create();
                        rocksdb_compactoptions_set_exclusive_manual_compaction(options, 0);
                        rocksdb_compactoptions_set_max_subcompactions(options, c_int(threads));
                        rocksdb_compact_range_cf_opt(
                            shared.0,
                            cf,
                            options,
                            ptr::null(),
                            0,
                            ptr::null(),
                            0,
                        );
                        rocksdb_compactoptions_destroy(options);
                    }
                }
            });
        }
    });
}

/// The bytes of a column family's files, to start with the largest.
unsafe fn sst_size(db: *mut rocksdb_t, cf: *mut rocksdb_column_family_handle_t) -> u64 {
    let name = c"rocksdb.total-sst-files-size";
    // SAFETY: RocksDB returns a malloc'ed C string or null.
    unsafe {
        let value = rocksdb_property_value_cf(db, cf, name.as_ptr());
        if value.is_null() {
            return 0;
        }
        let size = CStr::from_ptr(value)
            .to_str()
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        rocksdb_free(value.cast());
        size
    }
}

/// RocksDB's error string, freed.
unsafe fn take_error(err: *mut c_char) -> Option<String> {
    if err.is_null() {
        return None;
    }
    // SAFETY: RocksDB's error strings are malloc'ed C strings.
    unsafe {
        let message = CStr::from_ptr(err).to_string_lossy().into_owned();
        rocksdb_free(err.cast());
        Some(message)
    }
}

fn c_int(n: usize) -> std::os::raw::c_int {
    n.try_into().unwrap_or(std::os::raw::c_int::MAX)
}
