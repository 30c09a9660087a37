//! The visible stretch of program time (zoom and pan) and the axis ticks for it. Pure
//! arithmetic, tested natively.

/// The visible time range, in seconds of program time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub start: f64,
    pub end: f64,
}

/// Zooming in stops at this fraction of the run (or one microsecond).
const MIN_SPAN_FRACTION: f64 = 1e-5;

impl Window {
    pub fn full(end: f64) -> Window {
        Window { start: 0.0, end: end.max(1e-3) }
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Kept inside [0, total] and no narrower than the minimum span.
    pub fn clamped(self, total: f64) -> Window {
        let total = total.max(1e-3);
        let span = self.span().clamp((total * MIN_SPAN_FRACTION).max(1e-6), total);
        let start = self.start.clamp(0.0, total - span);
        Window { start, end: start + span }
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the time at `fraction` of the width in place.
    pub fn zoomed(self, factor: f64, fraction: f64, total: f64) -> Window {
        let fraction = fraction.clamp(0.0, 1.0);
        let pivot = self.start + fraction * self.span();
        let span = self.span() / factor;
        Window { start: pivot - fraction * span, end: pivot + (1.0 - fraction) * span }.clamped(total)
    }

    /// Two fingers: the window they started on (`self`), the fraction across it where they
    /// started, how far apart they are now compared to then (`factor` > 1: apart, zoom in) and
    /// where they are now: the time first between them stays between them.
    pub fn pinched(self, from_fraction: f64, factor: f64, to_fraction: f64, total: f64) -> Window {
        let pivot = self.start + from_fraction.clamp(0.0, 1.0) * self.span();
        let span = self.span() / factor.max(1e-6);
        let at = to_fraction.clamp(0.0, 1.0);
        Window { start: pivot - at * span, end: pivot + (1.0 - at) * span }.clamped(total)
    }

    /// Moves by `fraction` of the visible span (negative: earlier).
    pub fn panned(self, fraction: f64, total: f64) -> Window {
        let dt = fraction * self.span();
        Window { start: self.start + dt, end: self.end + dt }.clamped(total)
    }

    /// Whether [a, b] shows at all.
    pub fn overlaps(&self, a: f64, b: f64) -> bool {
        b >= self.start && a <= self.end
    }
}

/// Round tick steps (1, 2, 2.5, 5 × 10^k) giving at most `count` ticks inside the window (as many as
/// the plot has room for labels).
pub fn ticks(w: Window, count: usize) -> Vec<f64> {
    let span = w.span();
    if span <= 0.0 || !span.is_finite() {
        return vec![w.start];
    }
    let raw = span / count.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(mag * 10.0);
    let first = (w.start / step).ceil() as i64;
    let last = (w.end / step + 1e-9).floor() as i64;
    (first..=last.min(first + 50)).map(|i| i as f64 * step).collect()
}

/// A time for an axis label or a tooltip: ms below a second, s above.
pub fn format_time(t: f64) -> String {
    if t == 0.0 {
        "0".into()
    } else if t.abs() < 1.0 {
        let ms = t * 1000.0;
        // Enough digits to tell ticks apart when zoomed in far.
        let digits = if ms.abs() >= 10.0 {
            1
        } else if ms.abs() >= 0.1 {
            2
        } else {
            4
        };
        let p = 10f64.powi(digits);
        format!("{} ms", (ms * p).round() / p)
    } else {
        format!("{} s", (t * 1000.0).round() / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinch_keeps_the_time_between_the_fingers_between_them() {
        let w = Window { start: 2.0, end: 6.0 };
        // Fingers at a quarter, spread to twice as far apart, moved to the middle.
        let p = w.pinched(0.25, 2.0, 0.5, 10.0);
        assert!((p.span() - 2.0).abs() < 1e-12);
        assert!((p.start + 0.5 * p.span() - 3.0).abs() < 1e-12);
        // Pinched together past the whole run: the whole run.
        assert_eq!(w.pinched(0.5, 0.01, 0.5, 10.0), Window::full(10.0));
    }

    #[test]
    fn zooming_keeps_the_pointed_time_in_place() {
        let w = Window::full(10.0).zoomed(2.0, 0.5, 10.0);
        assert_eq!(w, Window { start: 2.5, end: 7.5 });
        let w = Window::full(10.0).zoomed(4.0, 0.0, 10.0);
        assert_eq!(w, Window { start: 0.0, end: 2.5 });
        // The time under the pointer stays under it.
        let w = Window { start: 2.0, end: 6.0 };
        let z = w.zoomed(2.0, 0.25, 10.0);
        assert!((z.start + 0.25 * z.span() - 3.0).abs() < 1e-12);
    }

    #[test]
    fn the_window_stays_inside_the_run() {
        assert_eq!(Window::full(10.0).zoomed(0.5, 0.5, 10.0), Window::full(10.0), "no zooming out past the run");
        assert_eq!(Window { start: 0.0, end: 2.0 }.panned(-1.0, 10.0), Window { start: 0.0, end: 2.0 });
        assert_eq!(Window { start: 0.0, end: 2.0 }.panned(10.0, 10.0), Window { start: 8.0, end: 10.0 });
        let tiny = Window::full(10.0).zoomed(1e12, 0.5, 10.0);
        assert!(tiny.span() >= 1e-4 - 1e-12, "{tiny:?}");
    }

    #[test]
    fn ticks_are_round_and_inside_the_window() {
        assert_eq!(ticks(Window::full(3.0), 8), vec![0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]);
        let t = ticks(Window { start: 1.23, end: 1.31 }, 8);
        assert!(t.iter().all(|x| (1.23..=1.31).contains(x)), "{t:?}");
        assert!(t.len() >= 4 && t.len() <= 10, "{t:?}");
    }

    #[test]
    fn times_read_well() {
        assert_eq!(format_time(0.0), "0");
        assert_eq!(format_time(0.25), "250 ms");
        assert_eq!(format_time(0.0012), "1.2 ms");
        assert_eq!(format_time(0.0000125), "0.0125 ms");
        assert_eq!(format_time(2.5), "2.5 s");
    }
}
