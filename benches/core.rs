//! Criterion benchmarks on synthetic journeys (a month, a year, ten years;
//! see `breather::synth`): loading the file, the status (from the whole
//! journey and from the digest), saving a change (with fsync), and drawing
//! each screen of the app on a `TestBackend` at 80×24.
//!
//!     cargo bench --bench core            # all
//!     cargo bench --bench core -- render  # one group

use std::hint::black_box;
use std::time::Duration;

use chrono::Days;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use breather::domain::summary::Summary;
use breather::storage::Store;
use breather::synth;
use breather::tui::action::{Action, Screen};
use breather::tui::app::App;

/// A data directory holding the synthetic journey of `days` days.
fn store_of(days: u32) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = Store::new(dir.path().join("data"));
    store
        .update(|j| {
            *j = synth::journey(days);
            Ok::<(), std::convert::Infallible>(())
        })
        .expect("written")
        .expect("accepted");
    (dir, store)
}

fn today(days: u32) -> chrono::NaiveDate {
    synth::last_day(days) + Days::new(3)
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    for (name, days) in synth::SIZES {
        let (_dir, store) = store_of(days);
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| black_box(store.load().expect("loads")));
        });
    }
    group.finish();
}

fn status(c: &mut Criterion) {
    let mut group = c.benchmark_group("status");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(3));
    for (name, days) in synth::SIZES {
        let journey = synth::journey(days);
        let day = today(days);
        group.bench_function(BenchmarkId::new("summary", name), |b| {
            b.iter(|| black_box(Summary::of(&journey, day)));
        });
        let (dir, store) = store_of(days);
        let store = store.with_digest_cache(dir.path().join("cache").join("status.json"));
        store.digest().expect("a first read keeps the digest");
        group.bench_function(BenchmarkId::new("digest_from_cache", name), |b| {
            b.iter(|| black_box(store.digest().expect("read").summary_on(day)));
        });
    }
    group.finish();
}

fn save(c: &mut Criterion) {
    let mut group = c.benchmark_group("save");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for (name, days) in synth::SIZES {
        let (_dir, store) = store_of(days);
        let now = synth::at(today(days), 21);
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                store
                    .update(|j| j.write_journal(now, "One more evening, written down.", None))
                    .expect("saved")
                    .expect("accepted")
            });
        });
    }
    group.finish();
}

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(3));
    let days = 3650;
    let journey = synth::journey(days);
    let now = synth::at(today(days), 9);
    group.bench_function("derive/ten-years", |b| {
        b.iter(|| black_box(breather::tui::app::Derived::of(&journey, now.date_naive())));
    });
    for screen in Screen::TABS {
        let mut app = App::new(journey.clone(), now, None);
        breather::tui::update::update(&mut app, Action::GoTo(screen));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
        let id = format!("{screen:?}/ten-years").to_lowercase();
        group.bench_function(id, |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| frame.render_widget(&app, frame.area()))
                    .expect("drawn");
            });
        });
    }
    group.finish();
}

criterion_group!(benches, load, status, save, render);
criterion_main!(benches);
