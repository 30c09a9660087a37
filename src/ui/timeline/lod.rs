//! Level of detail: a lane with more segments than the drawing has pixels is drawn as blocks
//! of about a pixel each. A segment wider than a block stays itself; runs of narrower ones
//! become one block that says what the task mostly did there and how many segments it stands
//! for. The cost is linear in the segments of the window, and the output is at most about two
//! blocks a pixel, however long the run. Pure, tested natively.

use awaitlab_engine::trace::timeline::{Segment, SegmentKind};
use std::rc::Rc;

/// A lane with more segments than this is drawn in blocks.
pub const DETAIL_MAX: usize = 400;

/// One drawn piece of a lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub start: f64,
    pub end: f64,
    /// What the task did for the most time in it.
    pub kind: SegmentKind,
    /// How many segments it stands for (1: a segment drawn as itself).
    pub count: usize,
    /// The segment's label when it stands for one (or for several with the same label).
    pub label: Option<Rc<str>>,
    /// The source line, when it stands for one segment.
    pub line: u32,
}

impl Block {
    /// A segment drawn as itself.
    pub fn of(s: &Segment) -> Block {
        Block { start: s.start, end: s.end, kind: s.kind, count: 1, label: Some(s.label.clone()), line: s.line }
    }
}

struct Cluster {
    first_kind: SegmentKind,
    start: f64,
    end: f64,
    time: [f64; 3],
    count: usize,
    label: Option<Rc<str>>,
    mixed_labels: bool,
    line: u32,
}

fn slot(kind: SegmentKind) -> usize {
    match kind {
        SegmentKind::Ready => 0,
        SegmentKind::Running => 1,
        SegmentKind::Waiting => 2,
    }
}

impl Cluster {
    fn of(s: &Segment) -> Cluster {
        let mut time = [0.0; 3];
        time[slot(s.kind)] = s.end - s.start;
        Cluster {
            first_kind: s.kind,
            start: s.start,
            end: s.end,
            time,
            count: 1,
            label: Some(s.label.clone()),
            mixed_labels: false,
            line: s.line,
        }
    }

    fn add(&mut self, s: &Segment) {
        self.end = self.end.max(s.end);
        self.time[slot(s.kind)] += s.end - s.start;
        self.count += 1;
        if self.label.as_deref() != Some(&*s.label) {
            self.mixed_labels = true;
        }
    }

    fn block(self) -> Block {
        let kinds = [SegmentKind::Ready, SegmentKind::Running, SegmentKind::Waiting];
        // The kind with the most time; ties (steps of no duration) go to running, the busiest.
        let mut best = 1;
        for i in [2, 0] {
            if self.time[i] > self.time[best] {
                best = i;
            }
        }
        let one = self.count == 1;
        Block {
            start: self.start,
            end: self.end,
            kind: if one { self.first_kind } else { kinds[best] },
            count: self.count,
            label: if self.mixed_labels { None } else { self.label },
            line: if one { self.line } else { 0 },
        }
    }
}

/// The first segment that ends at or after `t` (segments follow each other in time).
fn first_from(segments: &[Segment], t: f64) -> usize {
    segments.partition_point(|s| s.end < t)
}

/// The blocks that draw `segments` between `start` and `end` at `pixels` across.
pub fn blocks(segments: &[Segment], start: f64, end: f64, pixels: f64) -> Vec<Block> {
    let width = ((end - start) / pixels.max(1.0)).max(f64::MIN_POSITIVE);
    let mut out = Vec::new();
    let mut cluster: Option<Cluster> = None;
    for s in &segments[first_from(segments, start)..] {
        if s.start > end {
            break;
        }
        let wide = s.end - s.start >= width;
        match cluster.as_mut() {
            // A narrow segment joins the cluster while the cluster is under a block's width.
            Some(c) if !wide && s.start - c.start < width => c.add(s),
            _ => {
                if let Some(c) = cluster.take() {
                    out.push(c.block());
                }
                if wide {
                    out.push(Cluster::of(s).block());
                } else {
                    cluster = Some(Cluster::of(s));
                }
            }
        }
    }
    if let Some(c) = cluster {
        out.push(c.block());
    }
    out
}

/// Instants (prints, markers) thinned to at most one a pixel: the times to draw, and how many
/// each stands for.
pub fn thin(times: impl Iterator<Item = f64>, start: f64, end: f64, pixels: f64) -> Vec<(f64, usize)> {
    let width = ((end - start) / pixels.max(1.0)).max(f64::MIN_POSITIVE);
    let mut out: Vec<(f64, usize)> = Vec::new();
    for t in times.filter(|t| *t >= start && *t <= end) {
        match out.last_mut() {
            Some(last) if t - last.0 < width => last.1 += 1,
            _ => out.push((t, 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(kind: SegmentKind, start: f64, end: f64, label: &str) -> Segment {
        Segment { kind, start, end, label: Rc::from(label), line: 7 }
    }

    /// A task that steps and waits on sleep(0) a million times a second.
    fn busy(n: usize) -> Vec<Segment> {
        let mut v = Vec::new();
        for i in 0..n {
            let t = i as f64 * 1e-6;
            v.push(seg(SegmentKind::Running, t, t + 4e-7, "running"));
            v.push(seg(SegmentKind::Ready, t + 4e-7, t + 1e-6, "ready"));
        }
        v
    }

    #[test]
    fn a_million_segments_become_about_a_block_a_pixel() {
        let segments = busy(500_000);
        let b = blocks(&segments, 0.0, 0.5, 1000.0);
        assert!(b.len() <= 1001, "{}", b.len());
        assert_eq!(b.iter().map(|b| b.count).sum::<usize>(), segments.len());
        assert!(b.iter().all(|b| b.kind == SegmentKind::Ready), "mostly ready: 60 % of the time");
        // Zoomed into a thousandth of it: the segments are wide enough to be themselves.
        let near = blocks(&segments, 0.1, 0.1005, 1000.0);
        assert!(near.iter().all(|b| b.count == 1));
        assert!(near.iter().any(|b| b.kind == SegmentKind::Running && b.line == 7));
    }

    #[test]
    fn wide_segments_stay_themselves_among_narrow_ones() {
        let mut segments = busy(1000);
        let t = segments.last().unwrap().end;
        segments.push(seg(SegmentKind::Waiting, t, t + 1.0, "sleep 1 s"));
        let b = blocks(&segments, 0.0, t + 1.0, 500.0);
        let last = b.last().unwrap();
        assert_eq!((last.kind, last.count, last.label.as_deref()), (SegmentKind::Waiting, 1, Some("sleep 1 s")));
        assert!(b.len() < 10, "{b:?}");
    }

    #[test]
    fn few_segments_are_drawn_as_they_are() {
        let segments = vec![
            seg(SegmentKind::Ready, 0.0, 0.1, "ready"),
            seg(SegmentKind::Running, 0.1, 0.1, "running"),
            seg(SegmentKind::Waiting, 0.1, 1.0, "sleep 1 s"),
        ];
        let b = blocks(&segments, 0.0, 1.0, 1000.0);
        assert_eq!(b.len(), 3);
        assert_eq!(b[1].kind, SegmentKind::Running);
        assert_eq!(b[2].label.as_deref(), Some("sleep 1 s"));
    }

    #[test]
    fn prints_are_thinned_to_a_pixel() {
        let times = (0..100_000).map(|i| i as f64 * 1e-5);
        let t = thin(times, 0.0, 1.0, 800.0);
        assert!(t.len() <= 801);
        assert_eq!(t.iter().map(|p| p.1).sum::<usize>(), 100_000);
    }
}
